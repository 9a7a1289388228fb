"""Response models of the JSON API.

Each page is built as one of these models and then rendered either as JSON
(under ``/api``) or as HTML, so the two can never disagree and the OpenAPI
schema documents what every page holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class EventView(BaseModel):
    """One coded event as the pages show it (a flat row of the ``events`` table)."""

    event_id: str
    doc_id: str
    sentence_index: int | None = None
    sentence: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = None
    source_code: str | None = None
    source_name: str | None = None
    source_text: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    target_text: str | None = None
    cameo: str
    root: str | None = None
    label: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: str | None = None
    mode: str = "asserted"
    date: str | None = None
    event_date: dt.date | None = None
    date_text: str | None = None
    location_name: str | None = None
    attribution_text: str | None = None
    attribution_anonymous: bool | None = None
    quantities: list[dict[str, Any]] = Field(default_factory=list)
    confidence: float | None = None
    doc_title: str | None = None


class Counts(BaseModel):
    documents: int
    events: int
    actors: int
    first_date: dt.date | None
    last_date: dt.date | None


class DyadRow(BaseModel):
    """Directed pair of actors; only asserted events count."""

    source: str
    target: str
    events: int
    goldstein_sum: float
    goldstein_mean: float
    quad1: int
    quad2: int
    quad3: int
    quad4: int


class TrendRow(BaseModel):
    source: str
    target: str
    goldstein_a: float
    goldstein_b: float
    change: float
    events_a: int
    events_b: int
    drivers: list[str] = Field(description="Ids of the events that moved the relation most.")


class NetworkNode(BaseModel):
    id: str
    label: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_sum: float
    weight: float
    sign: int


class Network(BaseModel):
    """The busiest edges (at most ``max_edges``) and the nodes they join."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    edges_total: int = Field(description="Edges before keeping the busiest ones.")


class OverviewPage(BaseModel):
    counts: Counts
    top_dyads: list[DyadRow]
    warmed: list[TrendRow]
    cooled: list[TrendRow]
    trend_periods: list[list[dt.date]] = Field(
        description="The two periods [start, end] whose mean Goldstein scores are compared."
    )
    network: Network


class SentenceView(BaseModel):
    sentence_index: int
    start_char: int
    end_char: int
    text: str


class MentionView(BaseModel):
    doc_id: str | None = None
    sentence_index: int | None
    start_char: int
    end_char: int
    text: str | None
    name: str | None
    code: str | None
    country: str | None = None
    role: str | None = None
    kind: str | None = None


class DocumentInfo(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    date: dt.date | None
    language: str | None
    status: str | None
    error: str | None = None


class DocumentPage(BaseModel):
    document: DocumentInfo
    clean_text: str
    sentences: list[SentenceView]
    mentions: list[MentionView]
    events: list[EventView]


class TimelinePoint(BaseModel):
    period: dt.date
    events: int
    goldstein_sum: float
    goldstein_mean: float | None = Field(description="None for a period without events.")
    cooperation: int
    conflict: int


class DyadPage(BaseModel):
    a: str
    b: str
    level: str
    by: str
    direction: str
    since: dt.date | None
    until: dt.date | None
    series: list[TimelinePoint]
    events: list[EventView]
    events_total: int


class PartnerRow(BaseModel):
    partner: str
    events: int
    goldstein_sum: float
    goldstein_mean: float


class RootRow(BaseModel):
    root: str
    label: str
    events: int


class ActorPage(BaseModel):
    actor: str
    level: str
    names: list[str]
    partners: list[PartnerRow]
    by_root: list[RootRow]
    mentions: int
    mention_samples: list[MentionView]
    events: list[EventView]


class NetworkPage(BaseModel):
    level: str
    since: dt.date | None
    until: dt.date | None
    quad_classes: list[int]
    min_events: int
    max_edges: int
    network: Network


class DocumentHit(BaseModel):
    doc_id: str
    title: str | None
    date: dt.date | None
    snippet: str


class ActorHit(BaseModel):
    code: str
    name: str | None
    events: int


class SearchPage(BaseModel):
    q: str
    documents: list[DocumentHit]
    actors: list[ActorHit]


class CodeRequest(BaseModel):
    text: str = Field(description="The article text; at most 100,000 characters (else 413).")
    date: dt.date | None = Field(default=None, description="The article's publication date.")
    title: str | None = Field(default=None, max_length=500)
    save: bool = Field(default=False, description="Also write the coded article to the store.")


class CodeResult(BaseModel):
    doc_id: str
    status: str
    saved: bool
    clean_text: str
    sentences: list[SentenceView]
    mentions: list[MentionView]
    events: list[EventView]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entry documenting the error body for ``statuses``."""
    return {status: {"model": ErrorResponse} for status in statuses}
