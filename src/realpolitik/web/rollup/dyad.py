"""One dyad's days from ``pair_days``: its timeline and its listing window, from one query.

:func:`timeline` returns :func:`realpolitik.analysis.timeline`'s rows for
asserted events, row for row. The query only fetches the dyad's days; summing
them by period, filling the silent periods and spreading QuadClasses into
columns is done here, because DuckDB spent longer planning those steps than
running them, and the same days also give the event listing its window.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from realpolitik.analysis.sql_parts import date_conditions, where
from realpolitik.web.params import DyadQuery
from realpolitik.web.queries import records
from realpolitik.web.rollup.relations import dyad_pairs, dyad_rows, level_column

_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def dyad_days(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> list[dict[str, Any]]:
    """The dyad's ``pair_days`` rows in the period: date, asserted, QuadClass and sums."""
    columns = (level_column(query.level, "source"), level_column(query.level, "target"))
    params: list[Any] = []
    pairs = dyad_pairs(query.a.upper(), query.b.upper(), query.direction)
    matched = dyad_rows(columns, pairs, params)
    return records(
        con.execute(
            "SELECT event_date, asserted, quad_class, events, goldstein_sum, goldstein_count "
            f"FROM ({matched}) {where(date_conditions(query.since, query.until, params))}",
            params,
        )
    )


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of ``day``'s period (weeks start on Monday, as in DuckDB)."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    month = (day.month - 1) // _MONTHS[by] * _MONTHS[by] + 1
    return day.replace(month=month, day=1)


def next_period(start: dt.date, by: str) -> dt.date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    months = start.month - 1 + _MONTHS[by]
    return start.replace(year=start.year + months // 12, month=months % 12 + 1)


def _point(period: dt.date) -> dict[str, Any]:
    return {
        "period": period,
        "events": 0,
        "goldstein_sum": 0.0,
        "goldstein_mean": None,
        "cooperation": 0,
        "conflict": 0,
        "quad1": 0,
        "quad2": 0,
        "quad3": 0,
        "quad4": 0,
    }


def timeline(days: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """One point per period from the first to the last asserted, dated event; silence at zero."""
    summed: dict[dt.date, dict[str, Any]] = {}
    scored: dict[dt.date, int] = {}
    for row in days:
        if not row["asserted"] or row["event_date"] is None:
            continue
        period = period_start(row["event_date"], by)
        point = summed.setdefault(period, _point(period))
        point["events"] += row["events"]
        point["goldstein_sum"] += row["goldstein_sum"] or 0.0
        scored[period] = scored.get(period, 0) + row["goldstein_count"]
        if row["quad_class"] in (1, 2, 3, 4):
            point[f"quad{row['quad_class']}"] += row["events"]
    for period, point in summed.items():
        point["goldstein_mean"] = (
            point["goldstein_sum"] / scored[period] if scored[period] else None
        )
        point["cooperation"] = point["quad1"] + point["quad2"]
        point["conflict"] = point["quad3"] + point["quad4"]
    if not summed:
        return []
    points = []
    period, last = min(summed), max(summed)
    while period <= last:
        points.append(summed.get(period) or _point(period))
        period = next_period(period, by)
    return points
