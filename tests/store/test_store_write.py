"""Writing coded documents: one transaction each, idempotent by content hash."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from realpolitik.errors import StoreError
from realpolitik.records import ReadProblem
from realpolitik.store import Store, event_id, open_store, table_counts
from realpolitik.store.rows import (
    EVENT_SCHEMA,
    StoredDocument,
    event_table,
    failed_document,
    with_event_dates,
)
from realpolitik.store.synthetic import make_document, make_event


def _visit_document(doc_id: str = "pk-us") -> StoredDocument:
    visit = make_event(doc_id, "PAKGOV", "USAGOV", "042", when="2022-05-17",
                       sentence="Pakistan's foreign minister visited Washington.")
    visit.quantities = [{"text": "$8 billion", "value": 8e9, "currency": "USD"}]
    visit.location = {"name": "Washington", "country": "USA", "lat": 38.9, "lon": -77.04}
    visit.attribution = {"text": "diplomatic sources", "anonymous": True}
    statement = make_event(doc_id, "USAGOV", None, "010", sentence_index=1, when="2022-05")
    coded = make_document(doc_id, [visit, statement], published=date(2022, 5, 19))
    return StoredDocument(coded=coded, content_hash="hash-1", origin="corpus.jsonl:1")


def test_write_stores_document_sentences_mentions_and_events(store: Store) -> None:
    item = _visit_document()
    assert store.write(item.coded, content_hash=item.content_hash, origin=item.origin)
    counts = table_counts(store.con)
    assert counts["documents"] == 1
    assert counts["sentences"] == 2
    assert counts["mentions"] == 3
    assert counts["events"] == 2
    row = store.con.execute(
        "SELECT source_code, target_country, cameo, quad_class, goldstein, event_date, "
        "date_precision, location_name, lat, attribution_anonymous, "
        "CAST(quantities AS VARCHAR), cue_text, evidence_start "
        "FROM events WHERE cameo = '042'"
    ).fetchall()[0]
    assert row[:7] == ("PAKGOV", "USA", "042", 1, 1.9, date(2022, 5, 17), "day")
    assert row[7:10] == ("Washington", 38.9, True)
    assert json.loads(row[10])[0]["currency"] == "USD"
    assert row[11:] == ("met", 0)


def test_month_precision_date_starts_the_month_and_missing_target_stays_null(
    store: Store,
) -> None:
    item = _visit_document()
    store.write_many([item])
    row = store.con.execute(
        "SELECT date, event_date, date_precision, target_code FROM events WHERE cameo = '010'"
    ).fetchall()[0]
    assert row == ("2022-05", date(2022, 5, 1), "month", None)


def test_event_id_is_the_same_in_python_and_in_sql(store: Store) -> None:
    item = _visit_document()
    store.write_many([item])
    stored = {row[0] for row in store.con.execute("SELECT event_id FROM events").fetchall()}
    assert stored == {event_id(event) for event in item.coded.events}


_DUCKDB_EVENT_DATE = """
SELECT CAST(CASE length(date)
           WHEN 10 THEN try_strptime(date, '%Y-%m-%d')
           WHEN 7 THEN try_strptime(date, '%Y-%m')
           WHEN 4 THEN try_strptime(date, '%Y')
       END AS DATE) AS event_date,
       CASE WHEN event_date IS NULL THEN NULL
            ELSE CASE length(date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' ELSE 'year' END
       END AS date_precision
FROM coded
"""


def test_event_dates_are_parsed_as_duckdb_parses_them() -> None:
    texts = ["2022-05-17", "2022-05", "2022", "2022-02-30", "2022-13", "22-05-17", "2022-5-17",
             "2022-05-7x", "abcd", "", None]
    coded = pa.table({"date": pa.array(texts, pa.string())})
    parsed = with_event_dates(coded)
    with duckdb.connect() as con:
        con.register("coded", coded)
        expected = con.execute(_DUCKDB_EVENT_DATE).fetchall()
    assert list(zip(parsed["event_date"].to_pylist(), parsed["date_precision"].to_pylist(),
                    strict=True)) == expected


def test_same_id_and_hash_is_not_written_again(store: Store) -> None:
    item = _visit_document()
    assert store.write_many([item]) == 1
    first = store.con.execute("SELECT ingested_at FROM documents").fetchall()
    assert store.write_many([item]) == 0
    assert store.con.execute("SELECT ingested_at FROM documents").fetchall() == first
    assert table_counts(store.con)["events"] == 2


def test_changed_document_replaces_its_old_rows(store: Store) -> None:
    store.write_many([_visit_document()])
    changed = make_document("pk-us", [make_event("pk-us", "USAGOV", "PAKGOV", "112")])
    assert store.write(changed, content_hash="hash-2", origin="corpus.jsonl:1")
    rows = store.con.execute("SELECT source_code, cameo FROM events").fetchall()
    assert rows == [("USAGOV", "112")]
    assert table_counts(store.con)["mentions"] == 2
    assert store.con.execute("SELECT content_hash FROM documents").fetchall() == [("hash-2",)]


def test_other_documents_are_untouched_by_a_replacement(store: Store) -> None:
    store.write_many([_visit_document("a"), _visit_document("b")])
    changed = make_document("a", [make_event("a", "USAGOV", "PAKGOV", "112")])
    store.write(changed, content_hash="hash-2", origin="a")
    per_doc = dict(store.con.execute(
        "SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
    assert per_doc == {"a": 1, "b": 2}


def test_repeated_event_in_one_document_is_stored_once(store: Store) -> None:
    visit = make_event("d1", "PAKGOV", "USAGOV", "042")
    store.write(make_document("d1", [visit, visit]), content_hash="h", origin="")
    assert table_counts(store.con)["events"] == 1


def test_batch_without_locations_or_actors_builds_typed_null_columns() -> None:
    """Absent dicts and actors skip conversion; the batch must keep the event schema."""
    bare = make_event("d1", None, None, "010")
    emptied = make_event("d1", "PAKGOV", None, "042", sentence_index=1)
    emptied.location, emptied.attribution, emptied.cue = {}, {}, {}
    table = event_table([StoredDocument(make_document("d1", [bare, emptied]), "h", "")])
    assert table.schema == EVENT_SCHEMA
    for name in ("location_name", "lat", "attribution_anonymous", "target_code", "target_role"):
        assert table[name].null_count == 2
    assert table["source_code"].to_pylist() == [None, "PAKGOV"]
    assert table["cue_text"].to_pylist() == ["met", None]


def test_failed_document_is_recorded_with_its_error_and_retried(store: Store) -> None:
    problem = ReadProblem(origin="broken.pdf", reason="no text layer", code="E104")
    store.write_many([failed_document(problem)])
    row = store.con.execute("SELECT doc_id, status, error FROM documents").fetchall()[0]
    assert row[:2] == ("broken.pdf", "failed")
    assert "E104" in row[2] and "no text layer" in row[2]
    assert store.stored_hashes(["broken.pdf"]) == {}


def test_read_only_store_refuses_writes(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path, read_only=True) as store, pytest.raises(StoreError, match="E509"):
        store.write_many([_visit_document()])


def test_writes_survive_reopening(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.write_many([_visit_document()])
    with open_store(db_path, read_only=True) as store:
        assert table_counts(store.con)["events"] == 2


def test_retried_failed_document_replaces_its_failure(store: Store) -> None:
    problem = ReadProblem(origin="pk-us", reason="timed out", code="E103", doc_id="pk-us")
    store.write_many([failed_document(problem)])
    store.write_many([_visit_document("pk-us")])
    rows = store.con.execute("SELECT doc_id, status FROM documents").fetchall()
    assert rows == [("pk-us", "coded")]
    assert table_counts(store.con)["events"] == 2


def _threads(store: Store) -> int:
    return int(store.con.execute("SELECT current_setting('threads')").fetchall()[0][0])


def test_writes_run_on_one_thread_and_a_full_story_rebuild_on_every_core(store: Store) -> None:
    every_core = _threads(store)
    store.write_many([_visit_document("first")])
    store.write_many([_visit_document("second")])
    assert _threads(store) == 1
    store.refresh_all_stories()
    assert _threads(store) == every_core
    store.write_many([_visit_document("third")])
    assert _threads(store) == 1
    assert table_counts(store.con)["documents"] == 3


def test_batches_are_read_from_the_writer_not_from_the_callers_variables(store: Store) -> None:
    """DuckDB resolves ``incoming`` among the writing function's own locals."""
    incoming = pa.table({"doc_id": ["not-a-document"]})
    assert store.write_many([_visit_document()]) == 1
    stored = store.con.execute("SELECT doc_id FROM documents").fetchall()
    assert stored == [("pk-us",)]
    assert incoming.num_rows == 1
