"""The dyad page: one relation over time and the events behind each point."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import TypeAdapter

from realpolitik.web import queries, render
from realpolitik.web.deps import State, event_views
from realpolitik.web.models import DyadPage, TimelinePoint, error_responses
from realpolitik.web.params import NotFound, check_period
from realpolitik.web.rollup import actors, dyad, windows
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

    def compute() -> bool:
        with state.cursor() as con:
            return actors.actor_exists(con, code, level)

    if not state.cached(("exists", code, level), compute):
        raise NotFound(f"no events with actor {code!r} at {level} level; try /search?q={code}")


def _dyad_rows(
    state: AppState,
    a: str,
    b: str,
    *,
    level: str,
    direction: str,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The dyad's days (for its timeline), its newest ``limit`` events and how many it has.

    The days also give the event list its window, unless the store holds
    actors the listing and the timeline place in different countries.
    """
    with state.cursor() as con:
        days = dyad.dyad_days(con, a, b, level=level, direction=direction, since=since, until=until)
        if state.rollups.prefixes_agree:
            counted = ((day["event_date"], day["events"]) for day in days)
            window = windows.window_of(counted, limit, (since, until))
        else:
            window = windows.dyad_window(
                con, a, b, level=level, direction=direction, since=since, until=until, limit=limit
            )
        if window.total == 0:
            return days, [], 0
        events = queries.dyad_events(
            con,
            a,
            b,
            level=level,
            direction=direction,
            since=window.since,
            until=window.until,
            limit=limit,
        )
    return days, events, window.total


def dyad_page(
    state: AppState,
    a: str,
    b: str,
    *,
    level: str,
    by: str,
    direction: str,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> DyadPage:
    check_period(since, until)
    check_actor(state, a, level)
    check_actor(state, b, level)

    def compute() -> DyadPage:
        days, events, total = _dyad_rows(
            state, a, b, level=level, direction=direction, since=since, until=until, limit=limit
        )
        return DyadPage(
            a=a,
            b=b,
            level=level,
            by=by,
            direction=direction,
            since=since,
            until=until,
            series=_POINTS.validate_python(dyad.timeline(days, by)),
            events=event_views(events),
            events_total=total,
        )

    return state.cached(("dyad", a, b, level, by, direction, since, until, limit), compute)


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
    page = dyad_page(
        state,
        a,
        b,
        level=level,
        by=by,
        direction=direction,
        since=since,
        until=until,
        limit=limit,
    )
    return render.json_page(page)


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
    page = dyad_page(
        state,
        a,
        b,
        level=level,
        by=by,
        direction=direction,
        since=since,
        until=until,
        limit=limit,
    )
    context = {"page": page, "chart_points": chart_points(page, page.series)}
    return render.page(request, "dyad.html", context)
