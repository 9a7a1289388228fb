"""Link events that several articles report into one story event.

GDELT counts an event once however many articles repeat it (NumMentions,
NumArticles); we do the same so that a dyad's counts are not inflated by
repetition. A story holds asserted events with the same source code, target
code and CAMEO code whose dates are chained: each event lies within the window
of the previous one, ordered by date. Undated and non-asserted events belong to
no story.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

DEFAULT_WINDOW_DAYS = 3

_STORY_KEY = "source_code || '|' || coalesce(target_code, '') || '|' || cameo"

_MEMBERS_SQL = f"""
CREATE OR REPLACE TEMP TABLE story_members AS
WITH candidates AS (
    SELECT e.event_id, e.doc_id, e.source_code, e.target_code, e.cameo, e.root,
           e.quad_class, e.goldstein, e.event_date, {_STORY_KEY} AS story_key
    FROM events e
    WHERE e.mode = 'asserted' AND e.event_date IS NOT NULL AND e.source_code <> ''
      AND ({{scope}})
), gaps AS (
    SELECT *,
        CASE WHEN event_date - lag(event_date) OVER by_key <= ? THEN 0 ELSE 1 END AS opens
    FROM candidates
    WINDOW by_key AS (PARTITION BY story_key ORDER BY event_date, event_id)
), numbered AS (
    SELECT *, sum(opens) OVER (
        PARTITION BY story_key ORDER BY event_date, event_id ROWS UNBOUNDED PRECEDING
    ) AS story_number
    FROM gaps
)
SELECT *, md5(story_key || '|' || CAST(
           min(event_date) OVER (PARTITION BY story_key, story_number) AS VARCHAR)
       ) AS story_id
FROM numbered
"""

_STORIES_SQL = """
INSERT INTO stories
SELECT m.story_id, any_value(m.source_code), any_value(m.target_code), any_value(m.cameo),
       any_value(m.root), any_value(m.quad_class), any_value(m.goldstein),
       min(m.event_date), max(m.event_date), count(*), count(DISTINCT m.doc_id),
       count(DISTINCT coalesce(nullif(regexp_extract(d.url, '^[a-z]+://([^/]+)', 1), ''),
                               m.doc_id))
FROM story_members m LEFT JOIN documents d ON d.doc_id = m.doc_id
GROUP BY m.story_id
"""


def refresh_stories(
    con: duckdb.DuckDBPyConnection,
    *,
    story_keys: set[str] | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> None:
    """Recompute the stories of the given keys (``source|target|cameo``), or of all.

    Runs inside the caller's transaction, so stories never disagree with events.
    """
    if story_keys is not None and not story_keys:
        return
    if story_keys is None:
        scope, params = "TRUE", [window_days]
        con.execute("DELETE FROM stories")
        con.execute("UPDATE events SET story_id = NULL WHERE story_id IS NOT NULL")
    else:
        con.register("story_scope", pa.table({"story_key": sorted(story_keys)}))
        scope = f"{_STORY_KEY} IN (SELECT story_key FROM story_scope)"
        params = [window_days]
        con.execute(
            f"DELETE FROM stories WHERE {_STORY_KEY} IN (SELECT story_key FROM story_scope)"
        )
        con.execute(
            "UPDATE events SET story_id = NULL WHERE story_id IS NOT NULL "
            f"AND {_STORY_KEY} IN (SELECT story_key FROM story_scope)"
        )
    con.execute(_MEMBERS_SQL.format(scope=scope), params)
    con.execute(_STORIES_SQL)
    con.execute(
        "UPDATE events SET story_id = m.story_id FROM story_members m "
        "WHERE events.event_id = m.event_id"
    )
    con.execute("DROP TABLE story_members")
    if story_keys is not None:
        con.unregister("story_scope")


def story_keys_of_documents(con: duckdb.DuckDBPyConnection, table_name: str) -> set[str]:
    """Story keys touched by the documents listed in a registered table's ``doc_id``."""
    rows = con.execute(
        f"SELECT DISTINCT {_STORY_KEY} FROM events "
        f"WHERE source_code <> '' AND doc_id IN (SELECT doc_id FROM {table_name})"
    ).fetchall()
    return {row[0] for row in rows}
