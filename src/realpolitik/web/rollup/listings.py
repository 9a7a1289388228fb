"""Event listings located in the rollups, then read from the events table row by row.

A dyad's newest events, or a document's, lie scattered through the events
table, which has no index: finding them meant testing every event of the
period (of the whole store, for a document), and joining their documents'
titles meant reading every document's id. The rollup tables ``dyad_events``
(sorted by dyad) and ``document_events`` (sorted by document) hold each
event's row in the events table (its ``rowid``) and its document's row, so a
listing picks its rows from one short range of small integers and, in the
same query, reads only those rows of the events and documents tables.

Row numbers are only valid for the store the rollups were built from. A
store opened read-only cannot change; otherwise each listing runs in one
transaction that first compares the store with the marker the build recorded
(``built_from``). When they differ (a write the rollups have not caught up
with), or a row is not where the rollup says, the direct query on the events
table answers instead: a listing is never wrong, at worst slower.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import duckdb

from realpolitik.analysis.sql_parts import date_conditions, where
from realpolitik.web import queries
from realpolitik.web.params import DyadQuery
from realpolitik.web.rollup.relations import dyad_pairs, dyad_rows, listing_columns
from realpolitik.web.rollup.tables import MARKERS, SCHEMA

Rows = list[dict[str, Any]]
Asked = TypeVar("Asked")


@contextmanager
def snapshot(con: duckdb.DuckDBPyConnection, *, store_may_change: bool) -> Iterator[bool]:
    """Yields whether the rollups describe the store; reads until the end see one snapshot.

    A read-only store cannot change under the app (DuckDB locks the file
    against writers), so it is not asked; otherwise the reads run in one
    transaction that first compares the store's marker with ``built_from``.
    """
    if not store_may_change:
        yield True
        return
    con.execute("BEGIN TRANSACTION")
    try:
        markers = con.execute(MARKERS).fetchall()
        yield len(markers) == 2 and markers[0] == markers[1]
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


_DOCUMENT_EXISTS = "SELECT 1 FROM documents WHERE doc_id = ?"


def _newest_first(event: dict[str, Any]) -> tuple[Any, ...]:
    """:data:`realpolitik.web.queries.NEWEST_FIRST` as a sort key (undated events last)."""
    day: dt.date | None = event["event_date"]
    event_id: str | None = event["event_id"]
    return (day is None, -day.toordinal() if day else 0, event_id is None, event_id or "")


def _in_text_order(event: dict[str, Any]) -> tuple[Any, ...]:
    """:data:`realpolitik.web.queries.IN_TEXT_ORDER` as a sort key (missing values last)."""
    return tuple(
        (event[name] is None, event[name]) for name in ("sentence_index", "cue_start", "event_id")
    )


_COLUMNS = ", ".join(
    "d.doc_id" if name == "doc_id" else f"e.{name}" for name in queries.EVENT_FIELDS
)

# The events at the ``picked`` rows with their document's id and title, in one
# query: DuckDB reads only the row groups holding them. The document id comes
# from the documents table: read from the events table at scattered rows, it
# cost more than every other column together. ``missing`` marks a row that
# is not there, which an unchanged store rules out.
_READ = f"""
    SELECT e.rowid IS NULL OR d.rowid IS NULL AS missing, {_COLUMNS}, d.title AS doc_title
    FROM picked p LEFT JOIN events e ON e.rowid = p.event_row
    LEFT JOIN documents d ON d.rowid = p.doc_row
"""


def _read(con: duckdb.DuckDBPyConnection, picked: str, params: list[Any]) -> Rows | None:
    """The events at the ``(event_row, doc_row)`` pairs ``picked`` selects; None if one is gone."""
    rows = queries.records(con.execute(f"WITH picked AS ({picked}) {_READ}", params))
    if any(row.pop("missing") for row in rows):
        return None
    return queries.decoded(rows)


def _dyad_listing(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> Rows | None:
    """The dyad's listing from ``dyad_events``; None when an event or its document is not found.

    The rollup knows each event's date but not its id, so it picks the
    newest ``limit`` with every event tied on the last date; the ids then
    decide the order, as they do in the direct query.
    """
    params: list[Any] = []
    pairs = dyad_pairs(query.a, query.b, query.direction)
    matched = dyad_rows(listing_columns(query.level), pairs, params, table="dyad_events")
    conditions = date_conditions(query.since, query.until, params)
    params.append(int(query.limit))
    picked = (
        f"SELECT event_row, doc_row FROM ({matched}) {where(conditions)} "
        "QUALIFY rank() OVER (ORDER BY event_date DESC NULLS LAST) <= ?"
    )
    listing = _read(con, picked, params)
    return None if listing is None else sorted(listing, key=_newest_first)[: query.limit]


def _answer(
    con: duckdb.DuckDBPyConnection,
    asked: Asked,
    located: Callable[[duckdb.DuckDBPyConnection, Asked], Rows | None],
    direct: Callable[[duckdb.DuckDBPyConnection, Asked], Rows],
    store_may_change: bool,
) -> Rows:
    """The ``located`` listing if the rollups describe the store and it finds every row,
    else the ``direct`` query's, in the same snapshot.

    ``store_may_change`` is False only for a store opened read-only (see :func:`snapshot`).
    """
    with snapshot(con, store_may_change=store_may_change) as described:
        listing = located(con, asked) if described else None
        return direct(con, asked) if listing is None else listing


def dyad_events(
    con: duckdb.DuckDBPyConnection, query: DyadQuery, *, store_may_change: bool
) -> Rows:
    """:func:`realpolitik.web.queries.dyad_events`, row for row, located in ``dyad_events``."""
    return _answer(con, query, _dyad_listing, queries.dyad_events, store_may_change)


def _document_listing(con: duckdb.DuckDBPyConnection, doc_id: str) -> Rows | None:
    """The document's events from ``document_events``; None when the document has no row."""
    picked = (
        f"SELECT de.event_row, de.doc_row FROM {SCHEMA}.document_events de "
        "JOIN documents d ON d.rowid = de.doc_row WHERE d.doc_id = ?"
    )
    listing = _read(con, picked, [doc_id])
    if listing is None:
        return None
    if not listing and not con.execute(_DOCUMENT_EXISTS, [doc_id]).fetchall():
        return None  # events, if any, without their document: only the events table knows
    return sorted(listing, key=_in_text_order)[: queries.MAX_EVENTS_PER_DOC]


def document_events(con: duckdb.DuckDBPyConnection, doc_id: str, *, store_may_change: bool) -> Rows:
    """:func:`realpolitik.web.queries.document_events`, row for row, from ``document_events``."""
    return _answer(con, doc_id, _document_listing, queries.document_events, store_may_change)
