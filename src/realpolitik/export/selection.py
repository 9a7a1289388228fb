"""The rows every export starts from: events with their article and story counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

BATCH_ROWS = 100_000

# A story without a stored row in ``repeated_stories`` has one event, one
# article and one source, like an event in no story; joining the table rather
# than the ``stories`` view spares the view's second pass over the events.
EVENT_ROWS_SQL = """
SELECT e.*, d.title, d.url, d.date AS doc_date, d.ingested_at,
       coalesce(s.num_mentions, 1) AS num_mentions,
       coalesce(s.num_sources, 1) AS num_sources,
       coalesce(s.num_articles, 1) AS num_articles
FROM events e
LEFT JOIN documents d USING (doc_id)
LEFT JOIN repeated_stories s USING (story_id)
"""


def selected_rows(
    con: duckdb.DuckDBPyConnection,
    select_sql: str,
    *,
    since: date | None,
    until: date | None,
) -> pa.RecordBatchReader:
    """Stream ``select_sql`` over the event rows (as ``rows``) within the date bounds.

    ``select_sql`` is one of the fixed projections of the export modules; the
    bounds travel as parameters. Undated events are kept only without bounds.
    """
    params: list[Any] = []
    conditions: list[str] = []
    if since is not None:
        conditions.append("coalesce(event_date, doc_date) >= ?")
        params.append(since)
    if until is not None:
        conditions.append("coalesce(event_date, doc_date) <= ?")
        params.append(until)
    where = "WHERE " + " AND ".join(conditions) if conditions else ""
    sql = (
        f"WITH all_rows AS ({EVENT_ROWS_SQL}), "
        f"rows AS (SELECT * FROM all_rows {where}) {select_sql}"
    )
    return con.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)


PLAIN_SELECT = """
SELECT * EXCLUDE (ingested_at) FROM rows ORDER BY event_date NULLS LAST, doc_id, sentence_index,
    event_id
"""
