"""The ``actors`` command: show how a text's actors are found and coded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from realpolitik.actors.listing import code_actors
from realpolitik.cli.options import parse_date

COLUMNS = ("text", "code", "name", "country", "role", "kind", "head", "antecedent")


def actors(
    text: Annotated[str, typer.Argument(help="Text to code; '-' reads standard input.")],
    actor_files: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Your actor file (YAML or PETRARCH .txt); repeatable."),
    ] = None,
    on: Annotated[str | None, typer.Option("--date", help="Story date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Find and code the actors of a text (checks your --actors files too)."""
    body = typer.get_text_stream("stdin").read() if text == "-" else text
    rows = code_actors(body, extra_files=actor_files or (), doc_date=parse_date(on))
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table()
    for column in COLUMNS:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in COLUMNS))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the ``actors`` command."""
    app.command("actors")(actors)
