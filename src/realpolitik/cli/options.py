"""Option parsing shared by every command module."""

from __future__ import annotations

from datetime import date, datetime

import typer


def parse_date(value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` option value; a bad one is a usage error naming the value."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None
