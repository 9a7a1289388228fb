"""SQL fragments chosen from fixed whitelists, never built from user strings.

User values (actor codes, dates) always travel as parameters; only the names
of levels and periods pick one of the fragments below.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.errors import StoreError

_ACTOR_EXPRESSIONS = {
    "country": "coalesce({side}_country, {side}_code)",
    "actor": "{side}_code",
}
PERIODS = ("day", "week", "month", "quarter", "year")
MODES = ("asserted", "negated", "hypothetical", "future", "denied", "claimed")


def actor_expression(level: str, side: str) -> str:
    """The actor code of ``side`` (source or target) at ``level`` (country or actor).

    At country level an actor with a country counts as its country (PAKGOV → PAK,
    the first three letters of its code); IGOs and groups without one keep their
    own code. ``coalesce`` keeps this a column read, several times faster over
    millions of rows than cutting the code.
    """
    if level not in _ACTOR_EXPRESSIONS:
        raise StoreError(
            f"unknown level {level!r}: choose one of {', '.join(_ACTOR_EXPRESSIONS)}",
            code="E520",
        )
    if side not in ("source", "target"):
        raise StoreError(f"unknown side {side!r}", code="E520")
    return _ACTOR_EXPRESSIONS[level].format(side=side)


def actor_match(level: str, side: str, value: str, params: list[Any]) -> str:
    """A filter "the actor of ``side`` at ``level`` is ``value``", appending its parameters.

    Same meaning as ``actor_expression(...) = ?`` but written on the plain
    columns, so DuckDB can filter while scanning instead of computing the
    country code of every row first.
    """
    actor_expression(level, side)
    if level == "actor":
        params.append(value)
        return f"{side}_code = ?"
    params += [value, value]
    return f"({side}_country = ? OR ({side}_country IS NULL AND {side}_code = ?))"


def period_expression(by: str) -> str:
    """``event_date`` truncated to the first day of its ``by`` period."""
    if by not in PERIODS:
        raise StoreError(f"unknown period {by!r}: choose one of {', '.join(PERIODS)}", code="E521")
    return f"CAST(date_trunc('{by}', event_date) AS DATE)"


def check_mode(mode: str | None) -> str | None:
    """Refuse a misspelt mode instead of silently matching nothing."""
    if mode in (None, "all"):
        return None
    if mode not in MODES:
        raise StoreError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)} or all",
                         code="E522")
    return mode


def date_conditions(
    since: date | None, until: date | None, params: list[Any], column: str = "event_date"
) -> list[str]:
    """Inclusive date bounds; undated events drop out once a bound is given."""
    conditions: list[str] = []
    if since is not None:
        conditions.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        conditions.append(f"{column} <= ?")
        params.append(until)
    return conditions


def known_actor(side: str) -> str:
    """True when ``side`` names an actor: not missing, not empty, not a bare role.

    The coder leaves agent-only actors ("the ministry", code ``GOV`` with no
    country); as a dyad end they say nothing about who acted, so analyses skip them.
    """
    if side not in ("source", "target"):
        raise StoreError(f"unknown side {side!r}", code="E520")
    return (
        f"({side}_code <> '' AND NOT ({side}_country IS NULL "
        f"AND {side}_code = coalesce({side}_role, '')))"
    )


KNOWN_DYAD = f"{known_actor('source')} AND {known_actor('target')}"


def where(conditions: list[str]) -> str:
    """A WHERE clause joining ``conditions`` (``WHERE TRUE`` when there are none)."""
    return "WHERE " + (" AND ".join(conditions) if conditions else "TRUE")


QUAD_COLUMNS = """
    count(*) FILTER (WHERE quad_class = 1) AS quad1,
    count(*) FILTER (WHERE quad_class = 2) AS quad2,
    count(*) FILTER (WHERE quad_class = 3) AS quad3,
    count(*) FILTER (WHERE quad_class = 4) AS quad4"""
