"""Which dates an event listing must read, from the per-day rollups.

A listing shows the newest ``limit`` events of a dyad or an actor. Counting
that dyad's or actor's events per day in the rollups gives the day on which
the newest ``limit`` begin, so the listing reads only events dated from then
to the newest, and the store (filled day by day, so roughly in date order)
skips the rest by its zone maps. A dyad with fewer events is read between
its first and last day. The listing stays exact: every event it shows lies
inside the window. Only undated events, which no date bound lets through,
can force a listing to read every date. Actors here are matched as the
listings match them (:func:`realpolitik.web.queries.side_is`).

A dyad's events are located through the ``dyad_events`` rollup instead
(:mod:`realpolitik.web.rollup.listings`); its window still bounds that pick
and the direct query it falls back on, and counts the dyad's events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from realpolitik.analysis.sql_parts import date_conditions, where
from realpolitik.web.params import DyadQuery
from realpolitik.web.rollup.relations import dyad_pairs, dyad_rows, listing_columns
from realpolitik.web.rollup.tables import SCHEMA


@dataclass(frozen=True, slots=True)
class Window:
    """How many events a listing matches, and the dates holding its newest ``limit``."""

    total: int
    since: dt.date | None
    until: dt.date | None


def _decided(
    counts: tuple[int, int, dt.date | None, dt.date | None, dt.date | None],
    period: tuple[dt.date | None, dt.date | None],
) -> Window:
    """The window from (total, undated, oldest, newest, first day of the newest ``limit``)."""
    total, undated, oldest, newest, first = counts
    if first is not None:
        return Window(total, first, newest)
    if undated == 0 and newest is not None:
        return Window(total, oldest, newest)
    return Window(total, *period)


def window_of(
    days: Iterable[tuple[dt.date | None, int]],
    limit: int,
    period: tuple[dt.date | None, dt.date | None],
) -> Window:
    """The window over ``(event_date, events)`` rows; ``period`` when it cannot narrow it."""
    per_day: dict[dt.date | None, int] = {}
    for day, events in days:
        per_day[day] = per_day.get(day, 0) + events
    dated = sorted((day for day in per_day if day is not None), reverse=True)
    first, running = None, 0
    for day in dated:
        running += per_day[day]
        if running >= limit:
            first = day
            break
    oldest, newest = (dated[-1], dated[0]) if dated else (None, None)
    counts = (sum(per_day.values()), per_day.get(None, 0), oldest, newest, first)
    return _decided(counts, period)


def dyad_window(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> Window:
    """The window of :func:`realpolitik.web.queries.dyad_events` (every mode counts).

    Needed only where the listings' country codes differ from the analysis API's
    (:attr:`Rollups.prefixes_agree`); otherwise the dyad page takes its window
    from the same rows as its timeline.
    """
    params: list[Any] = []
    pairs = dyad_pairs(query.a, query.b, query.direction)
    matched = dyad_rows(listing_columns(query.level), pairs, params)
    conditions = date_conditions(query.since, query.until, params)
    days = con.execute(
        f"SELECT event_date, sum(events)::BIGINT FROM ({matched}) {where(conditions)} "
        "GROUP BY event_date",
        params,
    ).fetchall()
    return window_of(days, query.limit, query.period)


_ACTOR_WINDOW = f"""
    WITH newest AS (
        SELECT event_date, events,
               sum(events) OVER (ORDER BY event_date DESC NULLS LAST) AS running
        FROM {SCHEMA}.actor_days WHERE level = ? AND actor = ?
    )
    SELECT coalesce(sum(events), 0)::BIGINT,
           coalesce(sum(events) FILTER (WHERE event_date IS NULL), 0)::BIGINT,
           min(event_date), max(event_date), max(event_date) FILTER (WHERE running >= ?)
    FROM newest
"""


def actor_window(con: duckdb.DuckDBPyConnection, code: str, *, level: str, limit: int) -> Window:
    """The window of :func:`realpolitik.web.queries.actor_events` (either side, every mode).

    Counted in SQL: an actor is named on most days, and thousands of days
    would cost more to hand to Python than to sum where they are.
    """
    row = con.execute(_ACTOR_WINDOW, [level, code, int(limit)]).fetchall()[0]
    return _decided((int(row[0]), int(row[1]), row[2], row[3], row[4]), (None, None))
