"""The network page: actors as nodes, their events as edges, filtered by period and QuadClass."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.web import relations, render
from realpolitik.web.deps import State
from realpolitik.web.models import NetworkPage, error_responses
from realpolitik.web.params import NetworkQuery, check_period, check_quad_classes
from realpolitik.web.routes.common import Level, Since, Until
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
Quads = Annotated[list[int], Query(description="QuadClasses to keep (1-4); none means all.")]
MinEvents = Annotated[int, Query(ge=1, le=100_000, description="Drop edges with fewer events.")]
MaxEdges = Annotated[int, Query(ge=1, le=5000, description="Keep only the busiest edges.")]


def network_page(
    state: AppState,
    since: Since,
    until: Until,
    level: str,
    quad: list[int],
    min_events: int,
    max_edges: int,
) -> NetworkPage:
    check_period(since, until)
    query = NetworkQuery(
        since=since,
        until=until,
        level=level,
        quad_classes=tuple(check_quad_classes(quad)),
        min_events=min_events,
        max_edges=max_edges,
    )
    return NetworkPage(
        level=level,
        since=since,
        until=until,
        quad_classes=list(query.quad_classes),
        min_events=min_events,
        max_edges=max_edges,
        network=relations.network_view(state, query),
    )


@router.get("/api/network", response_model=NetworkPage, responses=error_responses(400))
def network_json(
    state: State,
    since: Since = None,
    until: Until = None,
    level: Level = "country",
    quad: Quads = [],  # noqa: B006 - FastAPI copies defaults per request
    min_events: MinEvents = 1,
    max_edges: MaxEdges = 300,
) -> Response:
    """The actor network: nodes with event counts, edges with events and Goldstein sums."""
    return render.json_page(network_page(state, since, until, level, quad, min_events, max_edges))


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_html(
    request: Request,
    state: State,
    since: Since = None,
    until: Until = None,
    level: Level = "country",
    quad: Quads = [],  # noqa: B006 - FastAPI copies defaults per request
    min_events: MinEvents = 1,
    max_edges: MaxEdges = 300,
) -> HTMLResponse:
    page = network_page(state, since, until, level, quad, min_events, max_edges)
    return render.page(request, "network.html", {"page": page})
