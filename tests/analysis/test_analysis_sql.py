"""The read-only ``sql`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.analysis import run_sql
from realpolitik.errors import StoreError
from realpolitik.store import open_store, table_counts


def test_select_and_with_queries_run(relations_db: Path) -> None:
    frame = run_sql(relations_db, "SELECT count(*) AS n FROM events")
    assert frame.n.tolist() == [12]
    frame = run_sql(relations_db, "WITH d AS (SELECT doc_id FROM documents) SELECT * FROM d")
    assert len(frame) == 4


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "UPDATE events SET goldstein = 0",
        "INSERT INTO documents (doc_id, content_hash) VALUES ('x', 'y')",
        "SELECT 1; DROP TABLE events",
        "COPY events TO 'out.csv'",
        "ATTACH 'other.duckdb'",
        "CREATE TABLE t AS SELECT 1",
    ],
)
def test_writes_are_refused_and_nothing_changes(relations_db: Path, query: str) -> None:
    with open_store(relations_db, read_only=True) as store:
        before = table_counts(store.con)
    with pytest.raises(StoreError, match=r"E53[12]"):
        run_sql(relations_db, query)
    with open_store(relations_db, read_only=True) as store:
        assert table_counts(store.con) == before


def test_bad_sql_is_a_clear_error(relations_db: Path) -> None:
    with pytest.raises(StoreError, match=r"E53[03]"):
        run_sql(relations_db, "SELECT FROM WHERE")
    with pytest.raises(StoreError, match="E533"):
        run_sql(relations_db, "SELECT no_such_column FROM events")
