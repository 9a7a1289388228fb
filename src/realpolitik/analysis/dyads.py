"""The most active actor pairs: how much they interact and in what tone."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from realpolitik.analysis.sql_parts import (
    KNOWN_DYAD,
    QUAD_COLUMNS,
    actor_expression,
    check_mode,
    date_conditions,
    where,
)


def dyads(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    mode: str = "asserted",
    limit: int = 20,
    include_domestic: bool = False,
) -> pd.DataFrame:
    """Directed actor pairs ranked by event count.

    Args:
        level: ``country`` (PAKGOV counts as PAK) or ``actor`` (full codes).
        mode: only events in this mode; ``all`` for every mode.
        include_domestic: keep pairs whose two sides are the same code.
    RETURNS (DataFrame): source, target, events, goldstein_sum, goldstein_mean, quad1..quad4.
    """
    source = actor_expression(level, "source")
    target = actor_expression(level, "target")
    params: list[Any] = []
    conditions = [KNOWN_DYAD]
    checked_mode = check_mode(mode)
    if checked_mode:
        conditions.append("mode = ?")
        params.append(checked_mode)
    conditions += date_conditions(since, until, params)
    domestic = "" if include_domestic else "HAVING source <> target"
    sql = f"""
        SELECT {source} AS source, {target} AS target, count(*) AS events,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               {QUAD_COLUMNS}
        FROM events {where(conditions)}
        GROUP BY ALL {domestic}
        ORDER BY events DESC, source, target
        LIMIT ?
    """
    params.append(int(limit))
    return con.execute(sql, params).df()
