"""Relations that warmed or cooled most between two periods, and why."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from realpolitik.analysis.sql_parts import KNOWN_DYAD, actor_expression

DRIVERS = 5

# Which of the two periods an ``event_date`` falls in, and whether it falls in
# either; each takes both periods' bounds (four parameters).
PERIOD_SIDE = (
    "CASE WHEN event_date BETWEEN ? AND ? THEN 'a' WHEN event_date BETWEEN ? AND ? THEN 'b' END"
)
IN_EITHER_PERIOD = "(event_date BETWEEN ? AND ? OR event_date BETWEEN ? AND ?)"

_RANKED_WITH_DRIVERS = """
    ranked AS (
        SELECT *, goldstein_b - goldstein_a AS change FROM summed
        ORDER BY abs(change) DESC, source, target
        LIMIT ?
    )
    SELECT r.source, r.target, r.goldstein_a, r.goldstein_b, r.change, r.events_a,
           r.events_b,
           list(t.event_id ORDER BY t.goldstein * sign(r.change) DESC, t.event_id)[1:?]
               AS drivers
    FROM ranked r JOIN tagged t USING (source, target)
    WHERE t.side = CASE WHEN r.events_b > 0 THEN 'b' ELSE 'a' END
    GROUP BY r.source, r.target, r.goldstein_a, r.goldstein_b, r.change, r.events_a,
             r.events_b
    ORDER BY abs(change) DESC, source, target
"""


def trends_sql(level: str, summed: str) -> str:
    """The trends query around ``summed``, the CTE(s) ending in ``summed`` that total each dyad.

    ``summed`` must give source, target, goldstein_a, goldstein_b, events_a
    and events_b, per directed dyad. Around it: ``tagged``, the asserted
    events between known actors of either period, each marked with its side
    (``a`` or ``b``), which supply the drivers; then the dyads ranked by
    change, each with its driving events. The analysis API sums ``tagged``
    itself; the web app sums its per-day rollup, and both rank and pick
    drivers with this same SQL. Parameters, in order: both periods' bounds
    twice (for ``tagged``), those of ``summed``, the limit, the number of drivers.
    """
    source = actor_expression(level, "source")
    target = actor_expression(level, "target")
    tagged = f"""
        tagged AS (
            SELECT {source} AS source, {target} AS target, event_id, goldstein,
                   {PERIOD_SIDE} AS side
            FROM events
            WHERE mode = 'asserted' AND {KNOWN_DYAD} AND {IN_EITHER_PERIOD}
        )"""
    return f"WITH {tagged}, {summed}, {_RANKED_WITH_DRIVERS}"


_SUMMED_EVENTS = """
    summed AS (
        SELECT source, target,
            coalesce(sum(goldstein) FILTER (WHERE side = 'a'), 0.0) AS goldstein_a,
            coalesce(sum(goldstein) FILTER (WHERE side = 'b'), 0.0) AS goldstein_b,
            count(*) FILTER (WHERE side = 'a') AS events_a,
            count(*) FILTER (WHERE side = 'b') AS events_b
        FROM tagged WHERE source <> target GROUP BY source, target
    )"""


def trends(
    con: duckdb.DuckDBPyConnection,
    *,
    period_a: tuple[date, date],
    period_b: tuple[date, date],
    level: str = "country",
    limit: int = 10,
) -> pd.DataFrame:
    """Directed dyads ranked by how much their Goldstein sum changed from A to B.

    The sum (not the mean) is compared, so a relation that gains many
    cooperative events warms even when each event's tone stays the same.
    ``drivers`` lists up to five event ids of period B that pushed the change
    most in its direction (for a relation that went silent, of period A).
    RETURNS (DataFrame): source, target, goldstein_a, goldstein_b, change, events_a,
        events_b, drivers.
    """
    params: list[Any] = [*period_a, *period_b, *period_a, *period_b, int(limit), DRIVERS]
    frame = con.execute(trends_sql(level, _SUMMED_EVENTS), params).df()
    frame["drivers"] = frame["drivers"].map(list)
    return frame
