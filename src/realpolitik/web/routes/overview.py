"""The overview: counts, busiest dyads, relations that warmed or cooled, the world graph."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.web import relations, render
from realpolitik.web.deps import State
from realpolitik.web.models import Counts, OverviewPage, error_responses
from realpolitik.web.params import NetworkQuery
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
WindowDays = Annotated[
    int,
    Query(ge=1, le=3650, description="Length in days of the two periods compared for trends."),
]
TOP_DYADS = 15
TRENDS = 8
OVERVIEW_EDGES = 80


def _trend_periods(last: dt.date, days: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """The last ``days`` days of data and the ``days`` before them."""
    period_b = (last - dt.timedelta(days=days - 1), last)
    period_a = (period_b[0] - dt.timedelta(days=days), period_b[0] - dt.timedelta(days=1))
    return period_a, period_b


def overview_page(state: AppState, window_days: int) -> OverviewPage:
    counts = Counts(**state.rollups.counts)
    last = counts.last_date or dt.date.today()
    period_a, period_b = _trend_periods(last, window_days)
    trends = relations.trend_rows(state, period_a=period_a, period_b=period_b, limit=4 * TRENDS)
    return OverviewPage(
        counts=counts,
        top_dyads=relations.top_dyads(state, limit=TOP_DYADS),
        warmed=sorted((t for t in trends if t.change > 0), key=lambda t: -t.change)[:TRENDS],
        cooled=sorted((t for t in trends if t.change < 0), key=lambda t: t.change)[:TRENDS],
        trend_periods=[list(period_a), list(period_b)],
        network=relations.network_view(state, NetworkQuery(max_edges=OVERVIEW_EDGES)),
    )


@router.get("/api/overview", response_model=OverviewPage, responses=error_responses(400))
def overview_json(state: State, window_days: WindowDays = 90) -> Response:
    """Counts, the most active dyads, the relations that warmed or cooled most, the network."""
    return render.json_page(overview_page(state, window_days))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_html(request: Request, state: State, window_days: WindowDays = 90) -> HTMLResponse:
    query = f"?{request.url.query}" if request.url.query else ""
    return render.page(
        request,
        "overview.html",
        {"page": overview_page(state, window_days)},
        json_url=f"/api/overview{query}",
    )
