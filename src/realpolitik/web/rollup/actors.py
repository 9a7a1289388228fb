"""Actors as the pages look them up: does one exist, what is it called, which match a search.

Answered from the small ``actor_days`` and ``actor_directory`` rollups, with
actors matched as the event listings match them
(:func:`realpolitik.web.queries.side_is`: at country level, the first three
letters of a code that has a country).
"""

from __future__ import annotations

from typing import Any

import duckdb

from realpolitik.web.queries import like_pattern, records
from realpolitik.web.rollup.tables import SCHEMA

_OWN_CODE = {
    "country": "CASE WHEN country IS NOT NULL THEN left(code, 3) ELSE code END",
    "actor": "code",
}


def actor_exists(con: duckdb.DuckDBPyConnection, code: str, level: str) -> bool:
    """Whether any event names ``code`` (at ``level``) as source or target."""
    found = con.execute(
        f"SELECT 1 FROM {SCHEMA}.actor_days WHERE level = ? AND actor = ? LIMIT 1",
        [level, code],
    ).fetchall()
    return bool(found)


def actor_names(con: duckdb.DuckDBPyConnection, code: str, *, level: str) -> list[str]:
    """The canonical names the events give the actor, most frequent first."""
    rows = con.execute(
        f"SELECT name FROM {SCHEMA}.actor_directory "
        f"WHERE {_OWN_CODE[level]} = ? AND name IS NOT NULL "
        "GROUP BY name ORDER BY sum(events) DESC, name LIMIT 5",
        [code],
    ).fetchall()
    return [row[0] for row in rows]


def search_actors(con: duckdb.DuckDBPyConnection, text: str, *, limit: int) -> list[dict[str, Any]]:
    """Actors whose code or canonical name holds ``text``, by number of events."""
    return records(
        con.execute(
            f"SELECT code, name, events FROM {SCHEMA}.actor_directory "
            "WHERE code ILIKE $pattern ESCAPE '\\' OR name ILIKE $pattern ESCAPE '\\' "
            "ORDER BY events DESC, code LIMIT $limit",
            {"pattern": like_pattern(text), "limit": limit},
        )
    )
