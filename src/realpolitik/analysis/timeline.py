"""One relation over time: Goldstein and cooperation versus conflict per period."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from realpolitik.analysis.sql_parts import (
    QUAD_COLUMNS,
    actor_match,
    check_mode,
    date_conditions,
    period_expression,
    where,
)
from realpolitik.errors import StoreError

_STEPS = {"day": "1 day", "week": "7 days", "month": "1 month", "quarter": "3 months",
          "year": "1 year"}


def _dyad_condition(level: str, direction: str, params: list[Any], a: str, b: str) -> str:
    if direction not in ("both", "a_to_b"):
        raise StoreError(f"unknown direction {direction!r}: choose both or a_to_b", code="E523")
    forward = (
        f"({actor_match(level, 'source', a, params)} AND "
        f"{actor_match(level, 'target', b, params)})"
    )
    if direction == "a_to_b":
        return forward
    backward = (
        f"({actor_match(level, 'source', b, params)} AND "
        f"{actor_match(level, 'target', a, params)})"
    )
    return f"({forward} OR {backward})"


def timeline(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "month",
    direction: str = "both",
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    mode: str = "asserted",
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per period, with empty periods filled with zeros.

    Args:
        a, b: actor codes at ``level`` (``PAK``, or ``PAKGOV`` at actor level).
        by: day, week (starting Monday), month, quarter or year.
        direction: ``both`` (a→b and b→a) or ``a_to_b``.
    RETURNS (DataFrame): period, events, goldstein_sum, goldstein_mean, cooperation,
        conflict, quad1..quad4; cooperation is QuadClass 1+2, conflict 3+4.
    """
    period = period_expression(by)
    params: list[Any] = []
    conditions = [
        "event_date IS NOT NULL",
        _dyad_condition(level, direction, params, a.upper(), b.upper()),
    ]
    checked_mode = check_mode(mode)
    if checked_mode:
        conditions.append("mode = ?")
        params.append(checked_mode)
    conditions += date_conditions(since, until, params)
    sql = f"""
        WITH counted AS (
            SELECT {period} AS period, count(*) AS events, sum(goldstein) AS goldstein_sum,
                   avg(goldstein) AS goldstein_mean, {QUAD_COLUMNS}
            FROM events {where(conditions)}
            GROUP BY period
        ), periods AS (
            SELECT CAST(unnest(generate_series(min(period), max(period),
                        INTERVAL '{_STEPS[by]}')) AS DATE) AS period
            FROM counted
        )
        SELECT p.period, coalesce(c.events, 0) AS events,
               coalesce(c.goldstein_sum, 0.0) AS goldstein_sum, c.goldstein_mean,
               coalesce(c.quad1 + c.quad2, 0) AS cooperation,
               coalesce(c.quad3 + c.quad4, 0) AS conflict,
               coalesce(c.quad1, 0) AS quad1, coalesce(c.quad2, 0) AS quad2,
               coalesce(c.quad3, 0) AS quad3, coalesce(c.quad4, 0) AS quad4
        FROM periods p LEFT JOIN counted c USING (period)
        ORDER BY p.period
    """
    return con.execute(sql, params).df()
