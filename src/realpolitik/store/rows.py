"""Turn coded records into column batches that DuckDB inserts in one statement.

Row-at-a-time inserts cost DuckDB a round trip per row; building one Arrow
table per batch and inserting it with ``INSERT ... SELECT`` is what makes the
store keep up with bulk ingest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

import pyarrow as pa

from realpolitik.records import CodedDocument, Document, Event, ReadProblem

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("date", pa.date32()), ("content_hash", pa.string()), ("language", pa.string()),
        ("status", pa.string()), ("error", pa.string()), ("clean_text", pa.string()),
        ("origin", pa.string()), ("ingested_at", pa.timestamp("us")),
    ]
)
SENTENCE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("start_char", pa.int32()),
        ("end_char", pa.int32()), ("text", pa.string()),
    ]
)
MENTION_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("mention_index", pa.int32()), ("sentence_index", pa.int32()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string()),
        ("name", pa.string()), ("code", pa.string()), ("country", pa.string()),
        ("role", pa.string()), ("kind", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("sentence_index", pa.int32()),
        ("sentence", pa.string()), ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
        ("cue_start", pa.int32()), ("cue_end", pa.int32()), ("cue_text", pa.string()),
        ("source_text", pa.string()), ("source_name", pa.string()), ("source_code", pa.string()),
        ("source_country", pa.string()), ("source_role", pa.string()),
        ("target_text", pa.string()), ("target_name", pa.string()), ("target_code", pa.string()),
        ("target_country", pa.string()), ("target_role", pa.string()),
        ("cameo", pa.string()), ("root", pa.string()), ("label", pa.string()),
        ("quad_class", pa.int8()), ("goldstein", pa.float64()), ("plover", pa.string()),
        ("mode", pa.string()), ("date", pa.string()), ("date_text", pa.string()),
        ("location_name", pa.string()), ("location_country", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()),
        ("attribution_text", pa.string()), ("attribution_anonymous", pa.bool_()),
        ("quantities", pa.string()), ("confidence", pa.float64()),
    ]
)

@dataclass(slots=True)
class StoredDocument:
    """A document ready to store: the coded record plus what identifies its input."""

    coded: CodedDocument
    content_hash: str
    origin: str


def content_hash(document: Document) -> str:
    """A fingerprint of everything the coder reads, so an edited article is recoded."""
    parts = [
        document.text,
        document.title or "",
        document.url or "",
        document.date.isoformat() if document.date else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def failed_document(problem: ReadProblem) -> StoredDocument:
    """A document that could not be read, kept so users can see what was lost and why."""
    doc_id = problem.doc_id or problem.origin
    coded = CodedDocument(
        doc_id=doc_id, clean_text="", events=[], language="", status="failed",
        error=problem.message(),
    )
    digest = hashlib.sha256(problem.message().encode("utf-8")).hexdigest()
    return StoredDocument(coded=coded, content_hash=digest, origin=problem.origin)


def event_id(event: Event) -> str:
    """A stable id, so re-coding the same text yields the same key.

    Must agree with :data:`EVENT_ID_SQL`, which computes it inside DuckDB
    during bulk inserts.
    """
    parts = [
        event.doc_id,
        str(event.sentence_index),
        str(event.evidence.get("start", "")),
        str(event.evidence.get("end", "")),
        event.cameo,
        event.source.code if event.source else "",
        event.target.code if event.target else "",
        event.mode,
    ]
    return hashlib.md5("|".join(parts).encode("utf-8")).hexdigest()[:24]


EVENT_ID_SQL = """left(md5(concat_ws('|', doc_id, CAST(sentence_index AS VARCHAR),
    coalesce(CAST(evidence_start AS VARCHAR), ''), coalesce(CAST(evidence_end AS VARCHAR), ''),
    cameo, coalesce(source_code, ''), coalesce(target_code, ''), mode)), 24)"""


def _columns(schema: pa.Schema) -> dict[str, list[Any]]:
    return {name: [] for name in schema.names}


def document_table(items: Sequence[StoredDocument], ingested_at: datetime) -> pa.Table:
    """One row per document, including failed and skipped ones."""
    columns = _columns(DOCUMENT_SCHEMA)
    for item in items:
        coded = item.coded
        values = (
            coded.doc_id, coded.title, coded.url, coded.date, item.content_hash,
            coded.language, coded.status, coded.error, coded.clean_text, item.origin,
            ingested_at,
        )
        for name, value in zip(DOCUMENT_SCHEMA.names, values, strict=True):
            columns[name].append(value)
    return pa.table(columns, schema=DOCUMENT_SCHEMA)


def sentence_table(items: Iterable[StoredDocument]) -> pa.Table:
    """The sentences of every document, so evidence can be shown in context."""
    columns = _columns(SENTENCE_SCHEMA)
    for item in items:
        for sentence in item.coded.sentences:
            columns["doc_id"].append(item.coded.doc_id)
            columns["sentence_index"].append(sentence.get("index"))
            columns["start_char"].append(sentence.get("start"))
            columns["end_char"].append(sentence.get("end"))
            columns["text"].append(sentence.get("text"))
    return pa.table(columns, schema=SENTENCE_SCHEMA)


def mention_table(items: Iterable[StoredDocument]) -> pa.Table:
    """Every actor mention, numbered in document order."""
    owners: list[str] = []
    numbers: list[int] = []
    mentions: list[dict[str, Any]] = []
    for item in items:
        owners.extend([item.coded.doc_id] * len(item.coded.mentions))
        numbers.extend(range(len(item.coded.mentions)))
        mentions.extend(item.coded.mentions)
    columns: dict[str, list[Any]] = {"doc_id": owners, "mention_index": numbers}
    keys = ("sentence_index", "start", "end", "text", "name", "code", "country", "role", "kind")
    for name, key in zip(MENTION_SCHEMA.names[2:], keys, strict=True):
        columns[name] = [mention.get(key) for mention in mentions]
    return pa.table(columns, schema=MENTION_SCHEMA)


def _actor_columns(events: list[Event], side: str) -> dict[str, list[Any]]:
    actors = list(map(attrgetter(side), events))
    return {
        f"{side}_{name}": [getattr(actor, name) if actor else None for actor in actors]
        for name in ("text", "name", "code", "country", "role")
    }


def _nested_column(values: list[dict[str, Any] | None], key: str) -> list[Any]:
    return [value.get(key) if value else None for value in values]


def _unique_events(events: list[Event]) -> list[Event]:
    """A document's events with repeats (same fields as :func:`event_id`) dropped."""
    seen: set[tuple[Any, ...]] = set()
    unique: list[Event] = []
    for event in events:
        key = (
            event.sentence_index, event.evidence.get("start"), event.evidence.get("end"),
            event.cameo, event.source.code if event.source else "",
            event.target.code if event.target else "", event.mode,
        )
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique


def event_table(items: Iterable[StoredDocument]) -> pa.Table:
    """Every event as columns; ids, ``event_date`` and ``date_precision`` come from SQL.

    Columns are built one list comprehension each, which is several times faster
    than assembling a tuple per event.
    """
    doc_ids: list[str] = []
    events: list[Event] = []
    for item in items:
        unique = _unique_events(item.coded.events)
        doc_ids.extend([item.coded.doc_id] * len(unique))
        events.extend(unique)
    cues = [event.cue for event in events]
    locations = [event.location for event in events]
    attributions = [event.attribution for event in events]
    columns: dict[str, list[Any]] = {
        "doc_id": doc_ids,
        "sentence_index": list(map(attrgetter("sentence_index"), events)),
        "sentence": list(map(attrgetter("sentence"), events)),
        "evidence_start": _nested_column([event.evidence for event in events], "start"),
        "evidence_end": _nested_column([event.evidence for event in events], "end"),
        "cue_start": _nested_column(cues, "start"),
        "cue_end": _nested_column(cues, "end"),
        "cue_text": _nested_column(cues, "text"),
        **_actor_columns(events, "source"),
        **_actor_columns(events, "target"),
        **{
            name: list(map(attrgetter(name), events))
            for name in ("cameo", "root", "label", "quad_class", "plover", "mode", "date")
        },
        "goldstein": [float(event.goldstein) for event in events],
        "date_text": list(map(attrgetter("date_text"), events)),
        "location_name": _nested_column(locations, "name"),
        "location_country": _nested_column(locations, "country"),
        "lat": _nested_column(locations, "lat"),
        "lon": _nested_column(locations, "lon"),
        "attribution_text": _nested_column(attributions, "text"),
        "attribution_anonymous": _nested_column(attributions, "anonymous"),
        "quantities": [
            json.dumps(event.quantities, ensure_ascii=False) if event.quantities else None
            for event in events
        ],
        "confidence": list(map(attrgetter("confidence"), events)),
    }
    return pa.table(columns, schema=EVENT_SCHEMA)
