"""The actor page: partners, events by root code, mentions in the texts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.web import queries, relations, render
from realpolitik.web.deps import State, event_views, plain_rows
from realpolitik.web.models import ActorPage, MentionView, error_responses
from realpolitik.web.rollup import actors, windows
from realpolitik.web.routes.common import ActorCode, Level
from realpolitik.web.routes.dyad import check_actor
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
ERRORS = error_responses(400, 404)
SAMPLE = 30


def actor_page(state: AppState, actor: str, level: str) -> ActorPage:
    check_actor(state, actor, level)
    partners, by_root, mention_count = relations.profile(state, actor, level=level)

    def compute() -> ActorPage:
        with state.cursor() as con:
            names = actors.actor_names(con, actor, level=level)
            samples = queries.mention_samples(con, actor, level=level, limit=SAMPLE)
            window = windows.actor_window(con, actor, level=level, limit=SAMPLE)
            events = queries.actor_events(
                con, actor, level=level, limit=SAMPLE, since=window.since, until=window.until
            )
        return ActorPage(
            actor=actor,
            level=level,
            names=names,
            partners=partners,
            by_root=by_root,
            mentions=mention_count,
            mention_samples=[MentionView(**row) for row in plain_rows(samples)],
            events=event_views(events),
        )

    return state.cached(("actor", actor, level), compute)


@router.get("/api/actors/{code}", response_model=ActorPage, responses=ERRORS)
def actor_json(state: State, code: ActorCode, level: Level = "country") -> Response:
    """An actor's partners, its events by CAMEO root, its mentions and latest events."""
    return render.json_page(actor_page(state, code, level))


@router.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
def actor_html(
    request: Request, state: State, code: ActorCode, level: Level = "country"
) -> HTMLResponse:
    return render.page(request, "actor.html", {"page": actor_page(state, code, level)})
