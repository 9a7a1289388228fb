"""The dyad page: one relation over time and the events behind each point."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import TypeAdapter

from realpolitik.web import render
from realpolitik.web.deps import State, event_views
from realpolitik.web.models import DyadPage, TimelinePoint, error_responses
from realpolitik.web.params import DyadQuery, NotFound, check_period
from realpolitik.web.rollup import dyad, listings, windows
from realpolitik.web.routes.common import ActorCode, Level, Limit, Since, Until
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
ERRORS = error_responses(400, 404)
By = Annotated[Literal["month", "week", "day"], Query(description="Step of the time series.")]
Direction = Annotated[
    Literal["both", "a_to_b"], Query(description="Both directions, or only a acting on b.")
]
_POINTS = TypeAdapter(list[TimelinePoint])


def check_actor(state: AppState, code: str, level: str) -> None:
    """A 404 naming the actor, rather than an empty page, for codes no event holds."""
    if (level, code) not in state.rollups.actors:
        raise NotFound(f"no events with actor {code!r} at {level} level; try /search?q={code}")


def _dyad_rows(
    state: AppState, query: DyadQuery
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The dyad's days (for its timeline), its newest ``limit`` events and how many it has.

    The days also give the event list its window, unless the store holds
    actors the listing and the timeline place in different countries.
    """
    with state.cursor() as con:
        days = dyad.dyad_days(con, query)
        if state.rollups.prefixes_agree:
            counted = ((day["event_date"], day["events"]) for day in days)
            window = windows.window_of(counted, query.limit, query.period)
        else:
            window = windows.dyad_window(con, query)
        if window.total == 0:
            return days, [], 0
        narrowed = query.within(window.since, window.until)
        events = listings.dyad_events(con, narrowed, store_may_change=not state.read_only)
    return days, events, window.total


def dyad_page(state: AppState, query: DyadQuery, by: str) -> DyadPage:
    check_period(query.since, query.until)
    check_actor(state, query.a, query.level)
    check_actor(state, query.b, query.level)

    def compute() -> DyadPage:
        days, events, total = _dyad_rows(state, query)
        return DyadPage(
            a=query.a,
            b=query.b,
            level=query.level,
            by=by,
            direction=query.direction,
            since=query.since,
            until=query.until,
            series=_POINTS.validate_python(dyad.timeline(days, by)),
            events=event_views(events),
            events_total=total,
        )

    return state.cached(("dyad", query, by), compute)


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period starting at ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    next_month = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return next_month - dt.timedelta(days=1)


def chart_points(page: DyadPage, series: list[TimelinePoint]) -> list[dict[str, Any]]:
    """The series with, for each point, the link listing that period's events."""
    base = f"/dyads/{quote(page.a, safe='')}/{quote(page.b, safe='')}"
    points = []
    for point in series:
        query = urlencode(
            {
                "level": page.level,
                "by": page.by,
                "direction": page.direction,
                "since": point.period.isoformat(),
                "until": period_end(point.period, page.by).isoformat(),
            }
        )
        following = period_end(point.period, page.by) + dt.timedelta(days=1)
        points.append(
            {
                **point.model_dump(mode="json"),
                "next": following.isoformat(),
                "link": f"{base}?{query}#events",
            }
        )
    return points


@router.get("/api/dyads/{a}/{b}", response_model=DyadPage, responses=ERRORS)
def dyad_json(
    state: State,
    a: ActorCode,
    b: ActorCode,
    level: Level = "country",
    by: By = "month",
    direction: Direction = "both",
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
) -> Response:
    """The relation between a and b: Goldstein and QuadClass series, and its latest events."""
    query = DyadQuery(a, b, level=level, direction=direction, since=since, until=until, limit=limit)
    return render.json_page(dyad_page(state, query, by))


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def dyad_html(
    request: Request,
    state: State,
    a: ActorCode,
    b: ActorCode,
    level: Level = "country",
    by: By = "month",
    direction: Direction = "both",
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
) -> HTMLResponse:
    query = DyadQuery(a, b, level=level, direction=direction, since=since, until=until, limit=limit)
    page = dyad_page(state, query, by)
    context = {"page": page, "chart_points": chart_points(page, page.series)}
    return render.page(request, "dyad.html", context)
