"""Checks on request parameters that the type system alone cannot express.

Every check raises :class:`WebError` with a 4xx status, so a bad link gives the
user a one-line reason instead of a server error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from realpolitik.errors import WebError

ACTOR_CODE_PATTERN = r"^[A-Z][A-Z0-9]{2,15}$"
LEVELS = ("country", "actor")
PERIODS = ("month", "week", "day")
DIRECTIONS = ("both", "a_to_b")
MAX_LIMIT = 1000
MAX_TEXT_CHARS = 100_000
MAX_BODY_BYTES = 2_000_000
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)


class BadRequest(WebError):
    """A parameter that is well-formed but makes no sense (reversed dates...)."""

    code = "E601"
    status = 400


class NotFound(WebError):
    """An actor, dyad or document the store does not hold."""

    code = "E602"
    status = 404


class TooLarge(WebError):
    """A pasted article or request body over the size limit."""

    code = "E603"
    status = 413


class ReadOnlyStore(WebError):
    """A write asked of an app serving its store read-only."""

    code = "E604"
    status = 403


class CoderUnavailable(WebError):
    """The coding pipeline cannot be loaded (no model installed...)."""

    code = "E605"
    status = 503


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    """Refuse reversed or absurd date ranges, which could only be typos."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and not MIN_DATE <= value <= MAX_DATE:
            raise BadRequest(f"{name}={value.isoformat()} is outside {MIN_DATE}..{MAX_DATE}")
    if since is not None and until is not None and since > until:
        raise BadRequest(f"since={since.isoformat()} is after until={until.isoformat()}; swap them")


def check_quad_classes(quad_classes: Sequence[int]) -> list[int]:
    """QuadClass filters: each of 1..4, at most once; none means all four."""
    bad = [value for value in quad_classes if value not in (1, 2, 3, 4)]
    if bad:
        raise BadRequest(f"quad must be 1, 2, 3 or 4, got {bad[0]}")
    return sorted(set(quad_classes)) or [1, 2, 3, 4]


def safe_link(url: str | None) -> str | None:
    """The URL when it may become a link (http or https with a host), else None.

    Article URLs come from untrusted input; ``javascript:`` or ``data:`` URLs
    must never end up in an ``href``.
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None
