"""Checks on request parameters that the type system alone cannot express.

Every check raises :class:`WebError` with a 4xx status, so a bad link gives the
user a one-line reason instead of a server error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class DyadQuery:
    """Which events a dyad page is about: between ``a`` and ``b``, in the period, newest first.

    The route, the rollup timeline, the listing window and the event listing
    all answer this one question; bundled, it travels as one value and, being
    frozen, also keys the page in the caches.
    """

    a: str
    b: str
    level: str = "country"
    """``country`` (PAKGOV counts as PAK) or ``actor`` (full codes)."""
    direction: str = "both"
    """``both`` directions, or ``a_to_b`` only."""
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 100
    """How many events the listing shows."""

    @property
    def period(self) -> tuple[dt.date | None, dt.date | None]:
        return self.since, self.until

    def within(self, since: dt.date | None, until: dt.date | None) -> DyadQuery:
        """The same question over other dates (the days that hold its newest events)."""
        return dataclasses.replace(self, since=since, until=until)


@dataclass(frozen=True, slots=True)
class NetworkQuery:
    """Which network a page draws: events of the period and QuadClasses, the busiest edges.

    Passed whole from the route to the rollup query and used as its cache key.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    level: str = "country"
    quad_classes: tuple[int, ...] = (1, 2, 3, 4)
    """Already checked (:func:`check_quad_classes`): each of 1 to 4, at most once."""
    min_events: int = 1
    """Edges with fewer events are left out."""
    max_edges: int = 300
    """Only the busiest edges are kept."""


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
