"""The document page: the cleaned article with mentions and event cues marked."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.web import queries, render
from realpolitik.web.deps import State, event_views, plain_rows
from realpolitik.web.highlight import highlight
from realpolitik.web.models import (
    DocumentInfo,
    DocumentPage,
    MentionView,
    SentenceView,
    error_responses,
)
from realpolitik.web.params import NotFound
from realpolitik.web.rollup import listings
from realpolitik.web.state import AppState

router = APIRouter(tags=["pages"])
ERRORS = error_responses(400, 404)


def document_page(state: AppState, doc_id: str) -> DocumentPage:
    """One document with its sentences, mentions and events."""

    def compute() -> DocumentPage:
        with state.cursor() as con:
            found = queries.document(con, doc_id)
            if found is None:
                raise NotFound(f"no document with id {doc_id!r} in the store")
            sentences = queries.sentences(con, doc_id)
            mentions = queries.mentions(con, doc_id)
            events = listings.document_events(con, doc_id, store_may_change=not state.read_only)
        text = found.pop("clean_text") or ""
        return DocumentPage(
            document=DocumentInfo(**plain_rows([found])[0]),
            clean_text=text,
            sentences=[SentenceView(**row) for row in plain_rows(sentences)],
            mentions=[MentionView(**row) for row in plain_rows(mentions)],
            events=event_views(events),
        )

    return state.cached(("document", doc_id), compute)


@router.get("/api/documents/{doc_id:path}", response_model=DocumentPage, responses=ERRORS)
def document_json(state: State, doc_id: str) -> Response:
    """A stored document: cleaned text, sentences, actor mentions and coded events."""
    return render.json_page(document_page(state, doc_id))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
def document_html(request: Request, state: State, doc_id: str) -> HTMLResponse:
    page = document_page(state, doc_id)
    article = highlight(page.clean_text, page.sentences, page.mentions, page.events)
    return render.page(
        request,
        "document.html",
        {
            "page": page,
            "article": article,
            "events_json": [event.model_dump(mode="json") for event in page.events],
            "selected": request.query_params.get("event"),
        },
    )
