"""Link events that several articles report into one story event.

GDELT counts an event once however many articles repeat it (NumMentions,
NumArticles); we do the same so that a dyad's counts are not inflated by
repetition. A story holds asserted events with the same source code, target
code and CAMEO code whose dates are chained: each event lies within the window
of the previous one, ordered by date. Undated and non-asserted events belong to
no story. A story's id is a hash of its key and first date.

Only stories of two or more events are stored, in ``repeated_stories``; an
event whose story has no row there is that story's only member. Nearly every
story is a single report, and writing, logging and checkpointing a row for
each was a fifth of the cost of storing. The ``stories`` view (see
:mod:`realpolitik.store.schema`) lists both kinds, so readers see every story.

A batch changes only the stored stories its new events fall into or next to,
and those of the events it replaces: every other story keeps its members,
since the gaps around it stay wider than the window. So a write re-chains just
those stories' events with the new ones. It does so with Arrow and NumPy on the
batch in memory, because DuckDB spends more time planning and setting up the
window queries on a few thousand rows than computing them; the full rebuild,
over every stored event, stays in SQL.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date, timedelta

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.store.rows import execute_over

DEFAULT_WINDOW_DAYS = 3

_EPOCH = date(1970, 1, 1)
_HOST = re.compile(r"^[a-z]+://([^/]+)")
_IS_CANDIDATE = "mode = 'asserted' AND event_date IS NOT NULL AND source_code <> ''"
_MEMBER_COLUMNS = (
    "doc_id", "source_code", "target_code", "cameo", "root", "quad_class", "goldstein",
    "event_date",
)


def story_id_sql(first_date: str) -> str:
    """SQL for the id of the story whose events have these key columns and first date.

    Must agree with :func:`story_id`.
    """
    return (
        "md5(source_code || '|' || coalesce(target_code, '') || '|' || cameo || '|' || "
        f"CAST({first_date} AS VARCHAR))"
    )


def story_id(source_code: str, target_code: str | None, cameo: str, first_date: date) -> str:
    """The id :func:`story_id_sql` computes, for the few ids checked in Python."""
    key = f"{source_code}|{target_code or ''}|{cameo}|{first_date.isoformat()}"
    return hashlib.md5(key.encode("utf-8")).hexdigest()


def source_host(doc_id: str, url: str | None) -> str:
    """The web host that published a document; one without URL is its own source.

    Must agree with the ``regexp_extract`` in :data:`_STORIES_SQL`.
    """
    found = _HOST.match(url) if url else None
    return found.group(1) if found else doc_id


_CHAIN_SQL = f"""
CREATE OR REPLACE TEMP TABLE story_members AS
WITH candidates AS (
    SELECT event_id, {", ".join(_MEMBER_COLUMNS)}, story_id AS old_story_id,
           source_code || '|' || coalesce(target_code, '') || '|' || cameo AS story_key
    FROM events WHERE {_IS_CANDIDATE}
), gaps AS (
    SELECT *, coalesce(event_date - lag(event_date) OVER by_key > ?, TRUE) AS opens
    FROM candidates
    WINDOW by_key AS (PARTITION BY story_key ORDER BY event_date, event_id)
), chained AS (
    SELECT *, max(CASE WHEN opens THEN event_date END) OVER (
        PARTITION BY story_key ORDER BY event_date, event_id ROWS UNBOUNDED PRECEDING
    ) AS story_first
    FROM gaps
)
SELECT *, {story_id_sql("story_first")} AS story_id FROM chained
"""
"""Chain every stored event: one opens a story when it lies beyond the window of
the previous one of its key."""

_STORIES_SQL = """
INSERT INTO repeated_stories
SELECT m.story_id, any_value(m.source_code), any_value(m.target_code), any_value(m.cameo),
       any_value(m.root), any_value(m.quad_class), any_value(m.goldstein),
       min(m.event_date), max(m.event_date), count(*), count(DISTINCT m.doc_id),
       count(DISTINCT coalesce(nullif(regexp_extract(d.url, '^[a-z]+://([^/]+)', 1), ''),
                               m.doc_id))
FROM story_members m LEFT JOIN documents d ON d.doc_id = m.doc_id
GROUP BY m.story_id
HAVING count(*) > 1
"""


def refresh_stories(
    con: duckdb.DuckDBPyConnection, *, window_days: int = DEFAULT_WINDOW_DAYS
) -> None:
    """Rebuild every story from the stored events, e.g. after changing the window.

    Runs inside the caller's transaction, so stories never disagree with events.
    """
    con.execute("DELETE FROM repeated_stories")
    con.execute(_CHAIN_SQL, [window_days])
    con.execute(_STORIES_SQL)
    con.execute(
        "UPDATE events SET story_id = m.story_id FROM story_members m "
        "WHERE events.event_id = m.event_id AND m.old_story_id IS DISTINCT FROM m.story_id"
    )
    con.execute(
        f"UPDATE events SET story_id = NULL WHERE story_id IS NOT NULL AND NOT ({_IS_CANDIDATE})"
    )
    con.execute("DROP TABLE story_members")


_NEARBY_STORIES_SQL = """
SELECT e.story_id, e.event_date, e.event_date
FROM events e SEMI JOIN incoming b
  ON e.source_code = b.source_code AND e.cameo = b.cameo
 AND coalesce(e.target_code, '') = coalesce(b.target_code, '')
 AND b.event_date BETWEEN e.event_date - $window AND e.event_date + $window
WHERE e.story_id IS NOT NULL AND e.event_date BETWEEN $low AND $high
UNION ALL
SELECT s.story_id, s.first_date, s.last_date
FROM repeated_stories s SEMI JOIN incoming b
  ON s.source_code = b.source_code AND s.cameo = b.cameo
 AND coalesce(s.target_code, '') = coalesce(b.target_code, '')
 AND b.event_date BETWEEN s.first_date - $window AND s.last_date + $window
WHERE s.last_date >= $low AND s.first_date <= $high
"""
"""The stored stories a batch may change, with their first and last dates: those
with a linked event within the window of a new event (read from the Arrow table
``incoming``). A story within the window of a new event always has such a
member, since its members lie at most a window apart; that finds the one-event
stories, which have no stored row. The second branch gives the stored stories'
whole date range, which the members' look-up needs. The date bounds let DuckDB
skip the row groups of older events and stories."""

_TOUCHED_STORIES_SQL = """
UNION ALL
SELECT story_id, first_date, last_date FROM repeated_stories
WHERE story_id IN (SELECT unnest($touched::VARCHAR[]))
"""
"""And the stored stories of the events the batch replaced (a one-event story
lost its only member); appended only when it replaced any."""

_STORED_MEMBERS_SQL = f"""
SELECT event_id, {", ".join(_MEMBER_COLUMNS)}, story_id AS old_story_id FROM events
WHERE story_id IN (SELECT unnest($stories::VARCHAR[])) AND event_date BETWEEN $first AND $last
"""

_AGGREGATES = [
    ("event_date", "min"), ("event_date", "max"), ("event_date", "count"),
    ("doc_id", "count_distinct"), ("host", "count_distinct"), ("source_code", "first"),
    ("target_code", "first"), ("cameo", "first"), ("root", "first"), ("quad_class", "first"),
    ("goldstein", "first"),
]
_STORY_COLUMNS = [
    "first_date", "last_date", "num_mentions", "num_articles", "num_sources", "source_code",
    "target_code", "cameo", "root", "quad_class", "goldstein",
]


def link_batch(
    con: duckdb.DuckDBPyConnection,
    events: pa.Table,
    documents: pa.Table,
    *,
    window_days: int,
    touched: Sequence[str] = (),
) -> pa.Array:
    """Chain a batch's events into stories inside its transaction.

    ``events`` are the rows about to be inserted (with ``event_date``),
    ``documents`` the batch's documents (``doc_id``, ``url``) and ``touched``
    the stories of the events the batch replaced, already deleted. Rewrites the
    stories the batch changes and moves stored events whose story changed.
    Returns the first date of each event's story (null for events in none), from
    which the events' INSERT computes ``story_id`` with :func:`story_id_sql`.
    """
    candidate = pc.fill_null(
        pc.and_(
            pc.and_(pc.equal(events["mode"], "asserted"), pc.is_valid(events["event_date"])),
            pc.not_equal(events["source_code"], ""),
        ),
        False,
    )
    incoming = events.filter(candidate).select(list(_MEMBER_COLUMNS))
    stored = _stored_members(con, incoming, touched, window_days)
    replaced = {*touched, *stored["old_story_id"].to_pylist()}
    if replaced:
        con.execute(
            "DELETE FROM repeated_stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(replaced)],
        )
    members = pa.concat_tables(
        [incoming, stored.select(list(_MEMBER_COLUMNS)).cast(incoming.schema)]
    )
    hosts = _hosts(con, documents, stored)
    members = members.append_column(
        "host", hosts["host"].take(pc.index_in(members["doc_id"], hosts["doc_id"]))
    )
    number, first = _chains(members, window_days)
    _insert_stories(con, members, number)
    _move_stored(con, stored, first[incoming.num_rows :])
    is_candidate = candidate.to_numpy(zero_copy_only=False)
    starts = np.zeros(events.num_rows, dtype=np.int32)
    starts[is_candidate] = first[: incoming.num_rows]
    return pa.array(starts, pa.int32(), mask=~is_candidate).cast(pa.date32())


def _stored_members(
    con: duckdb.DuckDBPyConnection, incoming: pa.Table, touched: Sequence[str], window_days: int
) -> pa.Table:
    """The stored events of the stories the batch may change, with their story ids."""
    nearby: list[tuple[str, date, date]] = []
    if incoming.num_rows or touched:
        nearby = _nearby_stories(con, incoming, touched, window_days)
    if not nearby:
        return pa.schema(
            [("event_id", pa.string()), *incoming.schema, ("old_story_id", pa.string())]
        ).empty_table()
    return con.sql(
        _STORED_MEMBERS_SQL,
        params={
            "stories": [story for story, _, _ in nearby],
            "first": min(first for _, first, _ in nearby),
            "last": max(last for _, _, last in nearby),
        },
    ).to_arrow_table()


def _nearby_stories(
    con: duckdb.DuckDBPyConnection, incoming: pa.Table, touched: Sequence[str], window_days: int
) -> list[tuple[str, date, date]]:
    days = pc.min_max(incoming["event_date"]).as_py()
    window = timedelta(days=window_days)
    parameters: dict[str, object] = {
        "window": window_days,
        "low": days["min"] - window if days["min"] else None,
        "high": days["max"] + window if days["max"] else None,
    }
    sql = _NEARBY_STORIES_SQL
    if touched:
        sql += _TOUCHED_STORIES_SQL
        parameters["touched"] = list(touched)
    return execute_over(con, sql, incoming, parameters).fetchall()


def _hosts(con: duckdb.DuckDBPyConnection, documents: pa.Table, stored: pa.Table) -> pa.Table:
    """``doc_id`` → ``host`` for the batch's documents and those of the stored members."""
    pairs = list(zip(documents["doc_id"].to_pylist(), documents["url"].to_pylist(), strict=True))
    if stored.num_rows:
        pairs += con.execute(
            "SELECT doc_id, url FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [pc.unique(stored["doc_id"]).to_pylist()],
        ).fetchall()
    return pa.table(
        {
            "doc_id": pa.array([doc_id for doc_id, _ in pairs], pa.string()),
            "host": pa.array([source_host(doc_id, url) for doc_id, url in pairs], pa.string()),
        }
    )


def _chains(members: pa.Table, window_days: int) -> tuple[np.ndarray, np.ndarray]:
    """Each member's story (a number) and the story's first day (days since 1970).

    Sorted by key and date, a member opens a story when its key differs from the
    previous member's or its date lies beyond the window; ties on a date chain
    whatever their order.
    """
    keys = pc.binary_join_element_wise(
        members["source_code"], pc.coalesce(members["target_code"], ""), members["cameo"], "|"
    ).combine_chunks()
    days = pc.cast(members["event_date"], pa.int32()).to_numpy()
    order = pc.sort_indices(
        pa.table({"key": keys, "day": days}),
        sort_keys=[("key", "ascending"), ("day", "ascending")],
    ).to_numpy()
    sorted_keys, sorted_days = keys.take(order), days[order]
    opens = np.ones(len(order), dtype=bool)
    if len(order) > 1:
        new_key = pc.not_equal(sorted_keys[1:], sorted_keys[:-1]).to_numpy(zero_copy_only=False)
        opens[1:] = new_key | (np.diff(sorted_days) > window_days)
    sorted_number = np.cumsum(opens) - 1
    number = np.empty(len(order), dtype=np.int64)
    first = np.empty(len(order), dtype=np.int32)
    number[order] = sorted_number
    first[order] = sorted_days[opens][sorted_number]
    return number, first


def _insert_stories(con: duckdb.DuckDBPyConnection, members: pa.Table, number: np.ndarray) -> None:
    """Insert one row per story of two or more events; one-event stories get none."""
    if not members.num_rows:
        return
    shared = np.bincount(number)[number] > 1
    if not shared.any():
        return
    rows = (
        members.filter(pa.array(shared))
        .append_column("story", pa.array(number[shared]))
        .group_by("story", use_threads=False)
        .aggregate(_AGGREGATES)
        .drop_columns(["story"])
        .rename_columns(_STORY_COLUMNS)
    )
    execute_over(
        con,
        f"INSERT INTO repeated_stories BY NAME SELECT *, {story_id_sql('first_date')} AS story_id "
        "FROM incoming",
        rows,
    )


def _move_stored(con: duckdb.DuckDBPyConnection, stored: pa.Table, first: np.ndarray) -> None:
    """Give stored events whose story merged, split or changed its first date the new id."""
    moved_ids: list[str] = []
    moved_stories: list[str] = []
    rows = zip(
        stored["event_id"].to_pylist(), stored["source_code"].to_pylist(),
        stored["target_code"].to_pylist(), stored["cameo"].to_pylist(),
        stored["old_story_id"].to_pylist(), first.tolist(), strict=True,
    )
    for event, source, target, cameo, old, day in rows:
        new = story_id(source, target, cameo, _EPOCH + timedelta(days=day))
        if new != old:
            moved_ids.append(event)
            moved_stories.append(new)
    if not moved_ids:
        return
    execute_over(
        con,
        "UPDATE events SET story_id = m.story_id FROM incoming m "
        "WHERE events.event_id = m.event_id",
        pa.table({"event_id": moved_ids, "story_id": moved_stories}),
    )
