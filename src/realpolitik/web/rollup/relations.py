"""The analysis API's relation queries, answered from the rollup tables.

Each function returns, as plain records, what its namesake in
:mod:`realpolitik.analysis` returns for the web app's arguments (asserted
events only), row for row; the tests compare the two on the same store. Sums of
Goldstein scores are added in a different order, so they may differ from the
direct query in the last bits. Records skip pandas: on a page computed once,
the conversion cost more than the query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb

from realpolitik.analysis.labels import actor_label
from realpolitik.analysis.sql_parts import actor_expression, date_conditions, where
from realpolitik.analysis.trends import DRIVERS, IN_EITHER_PERIOD, PERIOD_SIDE, trends_sql
from realpolitik.errors import StoreError
from realpolitik.web.params import NetworkQuery
from realpolitik.web.queries import records
from realpolitik.web.rollup.tables import SCHEMA

_LEVEL_COLUMNS = {"country": "{side}_group", "actor": "{side}_code"}
_LISTING_COLUMNS = {"country": "{side}_prefix", "actor": "{side}_code"}

_SUMS = """sum(events)::BIGINT AS events, sum(goldstein_sum) AS goldstein_sum,
    sum(goldstein_sum) / nullif(sum(goldstein_count), 0) AS goldstein_mean"""

_QUADS = ",\n".join(
    f"coalesce(sum(events) FILTER (WHERE quad_class = {quad}), 0)::BIGINT AS quad{quad}"
    for quad in (1, 2, 3, 4)
)


def level_column(level: str, side: str) -> str:
    """The rollup column holding ``side``'s actor at ``level`` (checked like the analysis API)."""
    actor_expression(level, side)
    return _LEVEL_COLUMNS[level].format(side=side)


def listing_columns(level: str) -> tuple[str, str]:
    """The rollup columns holding source and target as the event listings match them.

    At country level, the first three letters of a code that has a country
    (:func:`realpolitik.web.queries.side_is`); at actor level, the code.
    """
    pattern = _LISTING_COLUMNS[level]
    return pattern.format(side="source"), pattern.format(side="target")


def dyad_pairs(a: str, b: str, direction: str) -> list[tuple[str, str]]:
    """The (source, target) pairs a dyad covers: a→b, and b→a unless one-way or a = b."""
    if direction not in ("both", "a_to_b"):
        raise StoreError(f"unknown direction {direction!r}: choose both or a_to_b", code="E523")
    if direction == "a_to_b" or a == b:
        return [(a, b)]
    return [(a, b), (b, a)]


def dyad_rows(
    columns: tuple[str, str],
    pairs: Sequence[tuple[str, str]],
    params: list[Any],
    *,
    table: str = "pair_days",
) -> str:
    """Rows of a rollup ``table`` sorted by dyad for the given pairs, one branch per pair.

    A ``UNION ALL`` of one-way selections lets each branch skip to its dyad in
    the sorted table; an ``OR`` of both directions would read it all.
    """
    branches = []
    for first, second in pairs:
        branches.append(
            f"SELECT * FROM {SCHEMA}.{table} WHERE {columns[0]} = ? AND {columns[1]} = ?"
        )
        params += [first, second]
    return " UNION ALL ".join(branches)


def dyads(
    con: duckdb.DuckDBPyConnection, *, level: str = "country", limit: int = 20
) -> list[dict[str, Any]]:
    """:func:`realpolitik.analysis.dyads` of all time (asserted, no domestic pairs)."""
    source, target = level_column(level, "source"), level_column(level, "target")
    sql = f"""
        SELECT {source} AS source, {target} AS target, {_SUMS}, {_QUADS}
        FROM {SCHEMA}.pairs WHERE source_known AND target_known
        GROUP BY ALL HAVING source <> target
        ORDER BY events DESC, source, target
        LIMIT ?
    """
    return records(con.execute(sql, [int(limit)]))


def network_top(
    con: duckdb.DuckDBPyConnection, query: NetworkQuery
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The ``max_edges`` busiest edges of :func:`realpolitik.analysis.network`.

    Returns those edges, the nodes they join (each with its events over every
    edge, as the full network counts them) and the number of edges in the full
    network. The trimming happens in SQL, so a dense network of thousands of
    edges never becomes Python objects. All time reads ``pairs``; a period
    ``day_pairs``.
    """
    source, target = level_column(query.level, "source"), level_column(query.level, "target")
    params: list[Any] = []
    if query.since is None and query.until is None:
        table, conditions = "pairs", ["source_known AND target_known"]
    else:
        table, conditions = "day_pairs", date_conditions(query.since, query.until, params)
    if query.quad_classes:
        conditions.append("list_contains(?, quad_class)")
        params.append(sorted({int(quad) for quad in query.quad_classes}))
    params += [int(query.min_events), int(query.max_edges)]
    rows = records(
        con.execute(
            f"""
            WITH edges AS (
                SELECT {source} AS source, {target} AS target, sum(events)::BIGINT AS events,
                       sum(goldstein_sum) AS goldstein_sum
                FROM {SCHEMA}.{table} {where(conditions)}
                GROUP BY ALL HAVING source <> target AND sum(events) >= ?
            ), involvement AS (
                SELECT id, sum(events)::BIGINT AS events FROM (
                    SELECT source AS id, events FROM edges
                    UNION ALL SELECT target, events FROM edges)
                GROUP BY id
            )
            SELECT e.*, count(*) OVER () AS edges_total,
                   s.events AS source_events, t.events AS target_events
            FROM edges e JOIN involvement s ON s.id = e.source
                JOIN involvement t ON t.id = e.target
            ORDER BY e.events DESC, e.source, e.target
            LIMIT ?
            """,
            params,
        )
    )
    return _edges(rows), _nodes(rows), int(rows[0]["edges_total"]) if rows else 0


def _edges(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edges as :func:`realpolitik.analysis.network` writes them."""
    return [
        {
            "source": row["source"],
            "target": row["target"],
            "events": row["events"],
            "goldstein_sum": float(row["goldstein_sum"]),
            "weight": row["events"],
            "sign": (row["goldstein_sum"] > 0) - (row["goldstein_sum"] < 0),
        }
        for row in rows
    ]


def _nodes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ends of ``rows``, busiest first, as :func:`realpolitik.analysis.network` orders them."""
    involvement: dict[str, int] = {}
    for row in rows:
        involvement[row["source"]] = row["source_events"]
        involvement[row["target"]] = row["target_events"]
    return [
        {"id": code, "label": actor_label(code), "events": count}
        for code, count in sorted(involvement.items(), key=lambda item: (-item[1], item[0]))
    ]


def trends(
    con: duckdb.DuckDBPyConnection,
    *,
    period_a: tuple[dt.date, dt.date],
    period_b: tuple[dt.date, dt.date],
    level: str = "country",
    limit: int = 10,
) -> list[dict[str, Any]]:
    """:func:`realpolitik.analysis.trends`: dyads summed from ``day_pairs``.

    Ranking and drivers are the analysis API's SQL
    (:func:`realpolitik.analysis.trends.trends_sql`); only the ranked dyads'
    driving events are read from the events table, within the two periods.
    """
    source, target = level_column(level, "source"), level_column(level, "target")
    summed = f"""
        tagged_days AS (
            SELECT {source} AS source, {target} AS target, events, goldstein_sum,
                   {PERIOD_SIDE} AS side
            FROM {SCHEMA}.day_pairs WHERE {IN_EITHER_PERIOD}
        ), summed AS (
            SELECT source, target,
                coalesce(sum(goldstein_sum) FILTER (WHERE side = 'a'), 0.0) AS goldstein_a,
                coalesce(sum(goldstein_sum) FILTER (WHERE side = 'b'), 0.0) AS goldstein_b,
                coalesce(sum(events) FILTER (WHERE side = 'a'), 0)::BIGINT AS events_a,
                coalesce(sum(events) FILTER (WHERE side = 'b'), 0)::BIGINT AS events_b
            FROM tagged_days WHERE source <> target GROUP BY source, target
        )"""
    dates = [*period_a, *period_b]
    params: list[Any] = [*dates, *dates, *dates, *dates, int(limit), DRIVERS]
    return records(con.execute(trends_sql(level, summed), params))


def actor_profile(
    con: duckdb.DuckDBPyConnection, actor: str, *, level: str = "country"
) -> dict[str, Any]:
    """:func:`realpolitik.analysis.actor_profile` from ``pairs``, ``source_roots``, mentions."""
    code = actor.upper()
    source, target = level_column(level, "source"), level_column(level, "target")
    partners = f"""
        WITH sides AS (
            SELECT {target} AS partner, events, goldstein_sum, goldstein_count
            FROM {SCHEMA}.pairs WHERE target_known AND {source} = ?
            UNION ALL
            SELECT {source} AS partner, events, goldstein_sum, goldstein_count
            FROM {SCHEMA}.pairs WHERE source_known AND {target} = ?
        )
        SELECT partner, {_SUMS}
        FROM sides WHERE partner <> ? GROUP BY partner ORDER BY events DESC, partner
    """
    by_root = f"""
        SELECT root, any_value(label ORDER BY cameo_length) AS label,
               sum(events)::BIGINT AS events
        FROM {SCHEMA}.source_roots WHERE {source} = ?
        GROUP BY root ORDER BY events DESC, root
    """
    mention_column = "mention_group" if level == "country" else "code"
    mentions = (
        f"SELECT coalesce(sum(mentions), 0) FROM {SCHEMA}.mention_counts WHERE {mention_column} = ?"
    )
    return {
        "actor": code,
        "partners": records(con.execute(partners, [code, code, code])),
        "by_root": records(con.execute(by_root, [code])),
        "mentions": int(con.execute(mentions, [code]).fetchall()[0][0]),
    }
