"""Turn coded records into column batches that DuckDB inserts in one statement.

Row-at-a-time inserts cost DuckDB a round trip per row; building one Arrow
table per batch and inserting it with ``INSERT ... SELECT`` is what makes the
store keep up with bulk ingest.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from operator import attrgetter
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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


def execute_over(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    incoming: pa.Table,
    parameters: object = None,
) -> duckdb.DuckDBPyConnection:
    """Run ``sql``, which reads the Arrow table ``incoming`` by that name.

    DuckDB finds a table name missing from its catalog among the local
    variables of the Python frame that calls ``execute`` (a replacement scan),
    so naming this function's parameter in the SQL is enough. Registering the
    table instead writes it into the catalog and out again: about 0.9 ms per
    table for register, scan and unregister against 0.4 ms for the replacement
    scan, measured on a batch's events; a write reads five to seven tables.
    """
    return con.execute(sql, parameters)


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

_DATE_FORMATS = {10: ("%Y-%m-%d", "day"), 7: ("%Y-%m", "month"), 4: ("%Y", "year")}


@functools.lru_cache(maxsize=4096)
def _period_start(text: str | None) -> tuple[date | None, str | None]:
    """First day and precision of a coded date (``2022-05-17``, ``2022-05``, ``2022``).

    Cached: news batches keep naming the same few hundred dates, and ``strptime``
    took most of :func:`with_event_dates`.
    """
    if not text or len(text) not in _DATE_FORMATS:
        return None, None
    pattern, precision = _DATE_FORMATS[len(text)]
    try:
        return datetime.strptime(text, pattern).date(), precision
    except ValueError:
        return None, None


def with_event_dates(events: pa.Table) -> pa.Table:
    """Add ``event_date`` (first day of the coded period) and ``date_precision``.

    Computed before the insert because story linking chains the batch by date
    first. Each distinct date string is parsed once: a batch holds thousands of
    events but rarely more than a few hundred dates.
    """
    dates = events["date"]
    distinct = pc.unique(dates)
    parsed = [_period_start(text) for text in distinct.to_pylist()]
    positions = pc.index_in(dates, distinct)
    starts = pa.array([start for start, _ in parsed], pa.date32())
    precisions = pa.array([precision for _, precision in parsed], pa.string())
    return events.append_column("event_date", starts.take(positions)).append_column(
        "date_precision", precisions.take(positions)
    )


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


def _fields(*fields: tuple[str, pa.DataType]) -> pa.StructType:
    return pa.struct([pa.field(name, kind) for name, kind in fields])


# Records nested as dicts are converted by Arrow in one pass per field set,
# which is faster than a comprehension per key.
_SENTENCE_FIELDS = _fields(
    ("index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())
)
_MENTION_FIELDS = _fields(
    ("sentence_index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("text", pa.string()), ("name", pa.string()), ("code", pa.string()),
    ("country", pa.string()), ("role", pa.string()), ("kind", pa.string()),
)
_EVIDENCE_FIELDS = _fields(("start", pa.int32()), ("end", pa.int32()))
_CUE_FIELDS = _fields(("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()))
_LOCATION_FIELDS = _fields(
    ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())
)
_ATTRIBUTION_FIELDS = _fields(("text", pa.string()), ("anonymous", pa.bool_()))
_ACTOR_PARTS = ("text", "name", "code", "country", "role")


def _owned(items: Sequence[StoredDocument], records: str) -> tuple[pa.Array, pa.Array, list[Any]]:
    """A list attribute of every document, with the owning id and position of each record.

    The ids and positions are repeated by Arrow and NumPy from one value per
    document: a Python list with the id once per record, converted string by
    string, took three times as long.
    """
    lists = [getattr(item.coded, records) for item in items]
    counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    starts = np.cumsum(counts) - counts
    owners = pa.array([item.coded.doc_id for item in items], pa.string())
    numbers = np.arange(int(counts.sum()), dtype=np.int32) - np.repeat(starts, counts)
    return (
        owners.take(np.repeat(np.arange(len(lists)), counts)),
        pa.array(numbers, pa.int32()),
        list(chain.from_iterable(lists)),
    )


def sentence_table(items: Sequence[StoredDocument]) -> pa.Table:
    """The sentences of every document, so evidence can be shown in context."""
    owners, _, sentences = _owned(items, "sentences")
    fields = pa.array(sentences, type=_SENTENCE_FIELDS).flatten()
    return pa.Table.from_arrays([owners, *fields], schema=SENTENCE_SCHEMA)


def mention_table(items: Sequence[StoredDocument]) -> pa.Table:
    """Every actor mention, numbered in document order."""
    owners, numbers, mentions = _owned(items, "mentions")
    fields = pa.array(mentions, type=_MENTION_FIELDS).flatten()
    return pa.Table.from_arrays([owners, numbers, *fields], schema=MENTION_SCHEMA)


def _nested(events: list[Event], name: str, fields: pa.StructType) -> list[pa.Array]:
    """The fields of a dict attribute (``cue``, ``location``, ...), one array each.

    An attribute that no event of the batch has (often ``location`` or
    ``attribution``) becomes null columns without converting a value each; an
    empty dict gives null fields too, so it counts as absent.
    """
    values = list(map(attrgetter(name), events))
    if not any(values):
        return [pa.nulls(len(values), field.type) for field in fields]
    return list(pa.array(values, type=fields).flatten())


class _NoActor:
    """Stands in for a missing actor so that every part of it reads as null."""

    __slots__ = ()
    text = name = code = country = role = None


_NO_ACTOR = _NoActor()


def _actors(events: list[Event], side: str) -> dict[str, pa.Array]:
    """One column per actor part, read with one ``attrgetter`` pass each.

    A tuple per actor, converted as a struct, was slower, and those 100,000
    tuples per 50,000 events were what set off the garbage collector while
    storing: a full collection over the documents the caller holds cost about
    0.1 s in ``bench_store.py``.
    """
    actors = [actor or _NO_ACTOR for actor in map(attrgetter(side), events)]
    return {
        f"{side}_{part}": pa.array(list(map(attrgetter(part), actors)), pa.string())
        for part in _ACTOR_PARTS
    }


_REPEAT_KEY = ("doc_id", "sentence_index", "evidence_start", "evidence_end", "cameo", "mode")


def _without_repeats(events: pa.Table) -> pa.Table:
    """Drop events that repeat an earlier one of their document (same fields as
    :func:`event_id`, so the same id); done on the columns, which is cheaper
    than a Python key per event. Most batches repeat nothing, which grouping
    the keys alone tells at half the cost of finding each group's first row."""
    keys = events.select(list(_REPEAT_KEY)).append_column(
        "source", pc.coalesce(events["source_code"], "")
    ).append_column("target", pc.coalesce(events["target_code"], ""))
    if keys.group_by(keys.column_names, use_threads=False).aggregate([]).num_rows == len(keys):
        return events
    firsts = (
        keys.append_column("row", pa.array(range(events.num_rows), pa.int64()))
        .group_by(keys.column_names, use_threads=False)
        .aggregate([("row", "min")])
    )
    rows = firsts["row_min"]
    return events.take(rows.take(pc.sort_indices(rows)))


def event_table(items: Sequence[StoredDocument]) -> pa.Table:
    """Every event as columns; ``event_id`` comes from SQL (:data:`EVENT_ID_SQL`).

    Columns are built one list comprehension or one Arrow conversion each, which
    is several times faster than assembling a tuple per event.
    """
    doc_ids, _, events = _owned(items, "events")
    evidence = _nested(events, "evidence", _EVIDENCE_FIELDS)
    cue = _nested(events, "cue", _CUE_FIELDS)
    location = _nested(events, "location", _LOCATION_FIELDS)
    attribution = _nested(events, "attribution", _ATTRIBUTION_FIELDS)
    columns: dict[str, list[Any] | pa.Array] = {
        "doc_id": doc_ids,
        "sentence_index": list(map(attrgetter("sentence_index"), events)),
        "sentence": list(map(attrgetter("sentence"), events)),
        "evidence_start": evidence[0],
        "evidence_end": evidence[1],
        "cue_start": cue[0],
        "cue_end": cue[1],
        "cue_text": cue[2],
        **_actors(events, "source"),
        **_actors(events, "target"),
        **{
            name: list(map(attrgetter(name), events))
            for name in ("cameo", "root", "label", "quad_class", "plover", "mode", "date")
        },
        "goldstein": [float(event.goldstein) for event in events],
        "date_text": list(map(attrgetter("date_text"), events)),
        "location_name": location[0],
        "location_country": location[1],
        "lat": location[2],
        "lon": location[3],
        "attribution_text": attribution[0],
        "attribution_anonymous": attribution[1],
        "quantities": [
            json.dumps(event.quantities, ensure_ascii=False) if event.quantities else None
            for event in events
        ],
        "confidence": list(map(attrgetter("confidence"), events)),
    }
    return _without_repeats(pa.table(columns, schema=EVENT_SCHEMA))
