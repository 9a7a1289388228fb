"""Code a text: paste an article, see its events at once, optionally store it."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from realpolitik.errors import RealpolitikError
from realpolitik.records import CodedDocument
from realpolitik.web import render
from realpolitik.web.deps import State, coded_views
from realpolitik.web.highlight import highlight
from realpolitik.web.models import CodeRequest, CodeResult, error_responses
from realpolitik.web.params import (
    MAX_TEXT_CHARS,
    BadRequest,
    CoderUnavailable,
    ReadOnlyStore,
    TooLarge,
)
from realpolitik.web.state import AppState

router = APIRouter(tags=["code a text"])
ERRORS = error_responses(400, 403, 413, 503)


def _load_coder() -> object:
    """Imported here: spaCy loads only when someone first codes a text."""
    from realpolitik.pipeline import Coder

    return Coder()


def _code(state: AppState, request: CodeRequest) -> CodedDocument:
    if len(request.text) > MAX_TEXT_CHARS:
        raise TooLarge(
            f"the text has {len(request.text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    if not request.text.strip():
        raise BadRequest("the text is empty; paste an article to code")
    if request.save and state.read_only:
        raise ReadOnlyStore(
            "this app serves its store read-only; start it with `realpolitik serve --writable` "
            "to save coded texts"
        )
    from realpolitik.pipeline import code_text  # spaCy only on first use, as above

    try:
        coder = state.coder(_load_coder)
    except RealpolitikError as error:
        raise CoderUnavailable(f"the coder cannot be loaded: {error}") from error
    digest = hashlib.sha256(request.text.encode("utf-8")).hexdigest()
    return code_text(
        request.text,
        doc_id=f"pasted-{digest[:12]}",
        doc_date=request.date,
        title=request.title or None,
        coder=coder,
    )


def _save(state: AppState, coded: CodedDocument, text: str) -> bool:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with state.write_lock:
        written = state.store.write(coded, content_hash=digest, origin="web: code a text")
        state.store_changed()
    return written


def code_result(state: AppState, request: CodeRequest) -> CodeResult:
    """Code the text; store it too when asked and the app may write."""
    coded = _code(state, request)
    saved = _save(state, coded, request.text) if request.save else False
    sentences, mentions, events = coded_views(coded)
    return CodeResult(
        doc_id=coded.doc_id,
        status=coded.status,
        saved=saved,
        clean_text=coded.clean_text,
        sentences=sentences,
        mentions=mentions,
        events=events,
    )


@router.post("/api/code", response_model=CodeResult, responses=ERRORS)
def code_json(state: State, body: CodeRequest) -> CodeResult:
    """Code an article (at most 100,000 characters) and return its events."""
    return code_result(state, body)


@router.get("/code", response_class=HTMLResponse, include_in_schema=False)
def code_form(request: Request, state: State) -> HTMLResponse:
    context: dict[str, object] = {
        "result": None,
        "article": None,
        "form": {"text": "", "date": "", "title": ""},
        "writable": not state.read_only,
        "events_json": [],
        "selected": None,
    }
    return render.page(request, "code.html", context, json_url=None)


def _form_request(raw: bytes) -> CodeRequest:
    fields = {key: values[0] for key, values in parse_qs(raw.decode("utf-8", "replace")).items()}
    when = fields.get("date", "").strip()
    try:
        doc_date = dt.date.fromisoformat(when) if when else None
    except ValueError:
        raise BadRequest(f"date {when!r} is not a date like 2022-05-17") from None
    return CodeRequest(
        text=fields.get("text", ""),
        date=doc_date,
        title=fields.get("title", "")[:500] or None,
        save=fields.get("save") == "on",
    )


@router.post("/code", response_class=HTMLResponse, include_in_schema=False)
async def code_submit(request: Request, state: State) -> HTMLResponse:
    form = _form_request(await request.body())
    result = await run_in_threadpool(code_result, state, form)
    article = highlight(result.clean_text, result.sentences, result.mentions, result.events)
    context = {
        "result": result,
        "article": article,
        "writable": not state.read_only,
        "events_json": [event.model_dump(mode="json") for event in result.events],
        "selected": None,
        "form": {
            "text": form.text,
            "date": form.date.isoformat() if form.date else "",
            "title": form.title or "",
        },
    }
    return render.page(request, "code.html", context, json_url=None)
