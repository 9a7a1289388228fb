"""Actors as the pages look them up: what is one called, which match a search.

Answered from the small ``actor_directory`` rollup, with
actors matched as the event listings match them
(:func:`realpolitik.web.queries.side_is`: at country level, the first three
letters of a code that has a country).
"""

from __future__ import annotations

from typing import Any

import duckdb

from realpolitik.web.queries import holds, like_pattern, records
from realpolitik.web.rollup.tables import SCHEMA

_OWN_CODE = {
    "country": "CASE WHEN country IS NOT NULL THEN left(code, 3) ELSE code END",
    "actor": "code",
}


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
            f"WHERE {holds('code', text)} OR {holds('name', text)} "
            "ORDER BY events DESC, code LIMIT $limit",
            {"pattern": like_pattern(text), "limit": limit},
        )
    )
