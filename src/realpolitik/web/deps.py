"""Shared route dependencies and conversions from store rows to page models."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, get_args

from fastapi import Depends, Request
from pydantic import TypeAdapter

from realpolitik.records import CodedDocument
from realpolitik.web.models import EventView, MentionView, SentenceView
from realpolitik.web.state import AppState


def app_state(request: Request) -> AppState:
    """The state of the app serving this request."""
    state: AppState = request.app.state.realpolitik
    return state


_PLAIN = frozenset({str, int, bool, list, dict, dt.date})


def plain(value: Any) -> Any:
    """A numpy/pandas scalar as the plain Python value pydantic expects (NaN → None)."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if isinstance(value, dt.datetime):
        return value.date()
    if hasattr(value, "item"):
        return plain(value.item())
    return value


def plain_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{key: plain(value) for key, value in row.items()} for row in rows]


_EVENT_VIEWS = TypeAdapter(list[EventView])
_EVENT_FLOATS = tuple(
    name for name, field in EventView.model_fields.items() if float in get_args(field.annotation)
)


def event_views(rows: Iterable[dict[str, Any]]) -> list[EventView]:
    """Event rows read by DuckDB as page models, validated in one call rather than one per row.

    DuckDB already hands back plain Python values; of what :func:`plain`
    would convert, only a NaN score can occur, so only the float columns are
    looked at (the whole :func:`plain_rows` pass cost as much as the validation).
    """
    rows = list(rows)
    for row in rows:
        for name in _EVENT_FLOATS:
            value = row.get(name)
            if value is not None and value != value:  # NaN
                row[name] = None
    return _EVENT_VIEWS.validate_python(rows)


def coded_views(
    coded: CodedDocument,
) -> tuple[list[SentenceView], list[MentionView], list[EventView]]:
    """The pipeline's records in the same shape as stored rows, for the same templates."""
    sentences = [
        SentenceView(
            sentence_index=s["index"], start_char=s["start"], end_char=s["end"], text=s["text"]
        )
        for s in coded.sentences
    ]
    mentions = [
        MentionView(
            sentence_index=m.get("sentence_index"),
            start_char=m["start"],
            end_char=m["end"],
            text=m.get("text"),
            name=m.get("name"),
            code=m.get("code"),
            country=m.get("country"),
            role=m.get("role"),
            kind=m.get("kind"),
        )
        for m in coded.mentions
    ]
    events = []
    for number, event in enumerate(coded.events):
        cue = event.cue or {}
        attribution = event.attribution or {}
        events.append(
            EventView(
                event_id=f"e{number}",
                doc_id=coded.doc_id,
                sentence_index=event.sentence_index,
                sentence=event.sentence,
                cue_start=cue.get("start"),
                cue_end=cue.get("end"),
                cue_text=cue.get("text"),
                source_code=event.source.code if event.source else None,
                source_name=event.source.name if event.source else None,
                source_text=event.source.text if event.source else None,
                target_code=event.target.code if event.target else None,
                target_name=event.target.name if event.target else None,
                target_text=event.target.text if event.target else None,
                cameo=event.cameo,
                root=event.root,
                label=event.label,
                quad_class=event.quad_class,
                goldstein=event.goldstein,
                plover=event.plover,
                mode=event.mode,
                date=event.date,
                date_text=event.date_text,
                location_name=(event.location or {}).get("name"),
                attribution_text=attribution.get("text"),
                attribution_anonymous=attribution.get("anonymous"),
                quantities=event.quantities,
                confidence=event.confidence,
                doc_title=coded.title,
            )
        )
    return sentences, mentions, events


State = Annotated[AppState, Depends(app_state)]
