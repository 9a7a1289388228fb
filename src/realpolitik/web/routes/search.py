"""Search over document titles and texts and over actor codes and names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.web import queries, render
from realpolitik.web.deps import State, plain_rows
from realpolitik.web.models import ActorHit, DocumentHit, SearchPage, error_responses
from realpolitik.web.params import MAX_LIMIT
from realpolitik.web.rollup import actors
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
SearchText = Annotated[str, Query(max_length=200, description="Words to look for (literal).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def search_page(state: AppState, text: str, limit: int) -> SearchPage:
    """Documents and actors matching ``text``; an empty query finds nothing."""
    text = text.strip()
    if not text:
        return SearchPage(q="", documents=[], actors=[])

    def compute() -> SearchPage:
        with state.cursor() as con:
            documents = queries.search_documents(con, text, limit=limit)
            found = actors.search_actors(con, text, limit=limit)
        return SearchPage(
            q=text,
            documents=[DocumentHit(**row) for row in plain_rows(documents)],
            actors=[ActorHit(**row) for row in plain_rows(found)],
        )

    return state.cached(("search", text, limit), compute)


@router.get("/api/search", response_model=SearchPage, responses=error_responses(400))
def search_json(state: State, q: SearchText = "", limit: Limit = 20) -> Response:
    """Documents whose title or text, and actors whose code or name, hold ``q``."""
    return render.json_page(search_page(state, q, limit))


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_html(
    request: Request, state: State, q: SearchText = "", limit: Limit = 20
) -> HTMLResponse:
    return render.page(request, "search.html", {"page": search_page(state, q, limit)})
