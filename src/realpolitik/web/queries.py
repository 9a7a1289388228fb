"""Read-only SQL for the pages the analysis API does not cover.

Every value arrives as a bound parameter; the only pieces spliced into SQL
text are column expressions picked from the fixed tables below by key, never
from user input.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from realpolitik.web.params import DyadQuery

MAX_EVENTS_PER_DOC = 10_000

EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index", "sentence", "cue_start", "cue_end", "cue_text",
    "source_code", "source_name", "source_text", "target_code", "target_name", "target_text",
    "cameo", "root", "label", "quad_class", "goldstein", "plover", "mode", "date",
    "event_date", "date_text", "location_name", "attribution_text", "attribution_anonymous",
    "quantities", "confidence",
)  # fmt: skip
"""The columns of ``events`` an event listing shows (besides its document's title)."""
EVENT_COLUMNS = ", ".join(f"e.{name}" for name in EVENT_FIELDS)
NEWEST_FIRST = "event_date DESC NULLS LAST, event_id"
IN_TEXT_ORDER = "sentence_index, cue_start, event_id"

_SIDE_CODE = {
    ("country", "source"): (
        "CASE WHEN e.source_country IS NOT NULL THEN left(e.source_code, 3) ELSE e.source_code END"
    ),
    ("country", "target"): (
        "CASE WHEN e.target_country IS NOT NULL THEN left(e.target_code, 3) ELSE e.target_code END"
    ),
    ("actor", "source"): "e.source_code",
    ("actor", "target"): "e.target_code",
}


def side_code(level: str, side: str) -> str:
    """The SQL expression for one side's actor code at ``level`` (whitelisted)."""
    return _SIDE_CODE[(level, side)]


def side_is(level: str, side: str, parameter: str) -> str:
    """``side``'s code at ``level`` equals ``$parameter``, cheap filter first.

    An actor's code at either level is a prefix of its full code, so the cheap
    ``starts_with`` test (which DuckDB can check against its zone maps) drops
    most rows before the CASE expression runs: about ten times faster on 1M events.
    """
    column = f"e.{side}_code"
    return f"(starts_with({column}, ${parameter}) AND {side_code(level, side)} = ${parameter})"


def records(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every row of the result as a dict of plain Python values (no pandas on the way)."""
    names = [column[0] for column in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _select_events(
    con: duckdb.DuckDBPyConnection, where: str, order: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """Event rows matching ``where`` with their document's title.

    The limit is applied before the documents are joined, and DuckDB reads the
    wide columns only for the rows the limit keeps (late materialisation):
    joining before the limit, or reading every column of every matching row,
    is two to four times slower on 1M events.
    """
    cursor = con.execute(
        f"WITH picked AS (SELECT {EVENT_COLUMNS} FROM events e WHERE {where} "
        f"ORDER BY {order} LIMIT $limit) "
        f"SELECT picked.*, d.title AS doc_title FROM picked "
        f"LEFT JOIN documents d USING (doc_id) ORDER BY {order}",
        params,
    )
    return decoded(records(cursor))


def decoded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with their ``quantities`` JSON parsed (an empty list when there are none)."""
    for row in rows:
        raw = row.get("quantities")
        row["quantities"] = json.loads(raw) if isinstance(raw, str) and raw else []
    return rows


def _period(since: dt.date | None, until: dt.date | None, params: dict[str, Any]) -> str:
    """`` AND`` date bounds for the given ends only.

    A bound written as ``($since IS NULL OR ...)`` would hide the date range
    from DuckDB's zone maps; left out, it lets the scan skip the other dates.
    """
    conditions = ""
    if since is not None:
        conditions += " AND e.event_date >= $since"
        params["since"] = since
    if until is not None:
        conditions += " AND e.event_date <= $until"
        params["until"] = until
    return conditions


def _first(cursor: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """The single row an aggregate query always returns, read to the end.

    ``fetchone`` would leave the result open, and DuckDB then refuses the
    connection's next relational call.
    """
    rows = cursor.fetchall()
    return tuple(rows[0]) if rows else ()


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """How many documents, events and distinct actors, and the dates they span."""
    documents = _first(con.execute("SELECT count(*) FROM documents"))
    events = _first(con.execute("SELECT count(*), min(event_date), max(event_date) FROM events"))
    actors = _first(
        con.execute(
            "SELECT count(*) FROM (SELECT source_code AS code FROM events WHERE source_code "
            "IS NOT NULL UNION SELECT target_code FROM events WHERE target_code IS NOT NULL)"
        )
    )
    return {
        "documents": documents[0],
        "events": events[0],
        "actors": actors[0],
        "first_date": events[1],
        "last_date": events[2],
    }


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One stored document with its text, or None when the id is unknown."""
    rows = records(
        con.execute(
            "SELECT doc_id, title, url, date, language, status, error, clean_text "
            "FROM documents WHERE doc_id = ?",
            [doc_id],
        )
    )
    return rows[0] if rows else None


def sentences(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    return records(
        con.execute(
            "SELECT sentence_index, start_char, end_char, text FROM sentences "
            "WHERE doc_id = ? ORDER BY sentence_index",
            [doc_id],
        )
    )


def mentions(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    return records(
        con.execute(
            "SELECT sentence_index, start_char, end_char, text, name, code, country, role, kind "
            "FROM mentions WHERE doc_id = ? ORDER BY start_char",
            [doc_id],
        )
    )


def document_events(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    return _select_events(
        con, "e.doc_id = $doc_id", IN_TEXT_ORDER, {"doc_id": doc_id, "limit": MAX_EVENTS_PER_DOC}
    )


def _dyad_filter(level: str, direction: str) -> str:
    one_way = f"({side_is(level, 'source', 'a')} AND {side_is(level, 'target', 'b')})"
    if direction == "a_to_b":
        return one_way
    other_way = f"({side_is(level, 'source', 'b')} AND {side_is(level, 'target', 'a')})"
    return f"({one_way} OR {other_way})"


def dyad_events(con: duckdb.DuckDBPyConnection, query: DyadQuery) -> list[dict[str, Any]]:
    """The newest ``query.limit`` events between ``query.a`` and ``query.b`` in its period.

    Read from the events table; the dyad page finds them through the rollups
    instead (:func:`realpolitik.web.rollup.listings.dyad_events`) and falls
    back to this query.
    """
    params: dict[str, Any] = {"a": query.a, "b": query.b, "limit": query.limit}
    where = _dyad_filter(query.level, query.direction) + _period(query.since, query.until, params)
    return _select_events(con, where, NEWEST_FIRST, params)


def actor_events(
    con: duckdb.DuckDBPyConnection,
    code: str,
    *,
    level: str,
    limit: int,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The latest events with ``code`` on either side, within the period when given.

    The period is the caller's narrowing to the days holding them
    (:func:`realpolitik.web.rollup.windows.actor_window`).
    """
    params: dict[str, Any] = {"code": code, "limit": limit}
    either = f"({side_is(level, 'source', 'code')} OR {side_is(level, 'target', 'code')})"
    return _select_events(con, either + _period(since, until, params), NEWEST_FIRST, params)


def _mention_filter(level: str) -> str:
    if level == "country":
        return "CASE WHEN m.country IS NOT NULL THEN left(m.code, 3) ELSE m.code END = $code"
    return "m.code = $code"


def mention_samples(
    con: duckdb.DuckDBPyConnection, code: str, *, level: str, limit: int
) -> list[dict[str, Any]]:
    """The first ``limit`` mentions of the actor in the texts, by document and position."""
    return records(
        con.execute(
            "SELECT m.doc_id, m.sentence_index, m.start_char, m.end_char, m.text, m.name, m.code, "
            f"m.country, m.role, m.kind FROM mentions m WHERE {_mention_filter(level)} "
            "ORDER BY m.doc_id, m.start_char LIMIT $limit",
            {"code": code, "limit": limit},
        )
    )


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` literally anywhere (wildcards escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def holds(column: str, text: str) -> str:
    """``column ILIKE $pattern``, ``$pattern`` being the :func:`like_pattern` of ``text``.

    The ``ESCAPE`` clause is written only when ``text`` holds a character
    that needs it: without one, DuckDB runs a plain substring search, about
    twice as fast over the documents' texts as its general matcher.
    """
    if any(char in text for char in "%_\\"):
        return f"{column} ILIKE $pattern ESCAPE '\\'"
    return f"{column} ILIKE $pattern"


def search_documents(
    con: duckdb.DuckDBPyConnection, text: str, *, limit: int
) -> list[dict[str, Any]]:
    """Documents whose title or text holds ``text``, with a snippet around the first hit.

    The newest ``limit`` are chosen first: cutting a snippet out of every
    matching text cost more than the search when most texts match.
    """
    return records(
        con.execute(
            "WITH hits AS (SELECT doc_id, title, date, coalesce(clean_text, '') AS clean_text "
            f"FROM documents WHERE {holds('title', text)} OR {holds('clean_text', text)} "
            "ORDER BY date DESC NULLS LAST, doc_id LIMIT $limit), "
            "found AS (SELECT *, strpos(lower(clean_text), lower($raw)) AS pos FROM hits) "
            "SELECT doc_id, title, date, CASE WHEN pos > 0 THEN "
            "substr(clean_text, greatest(pos - 80, 1), 200) ELSE substr(clean_text, 1, 200) "
            "END AS snippet FROM found ORDER BY date DESC NULLS LAST, doc_id",
            {"raw": text, "pattern": like_pattern(text), "limit": limit},
        )
    )
