"""The run log and the Parquet output: readable, idempotent, agreeing with the store."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import duckdb

from realpolitik.distributed.parquet_out import write_partition
from realpolitik.distributed.progress import Failure, RunProgress, default_log_path, summarise
from realpolitik.records import Actor, CodedDocument, Event
from realpolitik.store import Store, StoredDocument

PAKGOV = Actor(text="Pakistan", name="Pakistan", code="PAKGOV", country="PAK", role="GOV")
USAGOV = Actor(text="Washington", name="United States", code="USAGOV", country="USA", role="GOV")


def _event(doc_id: str, index: int, cameo: str, when: str | None) -> Event:
    sentence = "Pakistan's foreign minister met the US secretary of state."
    return Event(
        doc_id=doc_id, sentence_index=index, sentence=sentence,
        evidence={"start": 60 * index, "end": 60 * index + len(sentence)},
        source=PAKGOV, target=USAGOV, cameo=cameo, root=cameo[:2], label="Consult",
        quad_class=1, goldstein=1.0, plover="CONSULT", date=when,
        cue={"text": "met", "start": 60 * index + 28, "end": 60 * index + 31},
    )


def _stored(doc_id: str, events: list[Event]) -> StoredDocument:
    coded = CodedDocument(doc_id=doc_id, clean_text="x" * 200, events=events,
                          date=date(2022, 5, 19), title="Talks")
    return StoredDocument(coded=coded, content_hash=f"hash-{doc_id}", origin=f"in.jsonl:{doc_id}")


ITEMS = [
    _stored("d1", [_event("d1", 0, "040", "2022-05-18"), _event("d1", 1, "042", "2022-06")]),
    _stored("d2", [_event("d2", 0, "036", None), _event("d2", 2, "040", "2022")]),
    _stored("d3", []),
]


def test_parquet_output_is_partitioned_by_month_and_rewritten_in_place(tmp_path: Path) -> None:
    first = write_partition(tmp_path, "wire-abc-000000001", ITEMS, ingested_at=datetime.now())
    second = write_partition(tmp_path, "wire-abc-000000001", ITEMS, ingested_at=datetime.now())
    assert first == second
    months = sorted(path.parent.name for path in first if "events" in path.parts)
    assert months == ["year_month=2022-01", "year_month=2022-05", "year_month=2022-06",
                      "year_month=undated"]
    files = sorted(path.name for path in tmp_path.rglob("*") if path.is_file())
    assert all(not name.startswith(".") for name in files), "no temporary file is left behind"
    rows = duckdb.sql(
        f"SELECT event_id, year_month, event_date, date_precision "
        f"FROM read_parquet('{tmp_path}/events/**/*.parquet', hive_partitioning = true) "
        "ORDER BY event_id"
    ).fetchall()
    assert len(rows) == 4
    assert ("2022-06", date(2022, 6, 1), "month") in {row[1:] for row in rows}
    documents = duckdb.sql(
        f"SELECT doc_id FROM read_parquet('{tmp_path}/documents/*.parquet') ORDER BY 1"
    ).fetchall()
    assert documents == [("d1",), ("d2",), ("d3",)]


def test_parquet_event_ids_equal_the_store_event_ids(tmp_path: Path) -> None:
    write_partition(tmp_path / "out", "p", ITEMS, ingested_at=datetime.now())
    with Store(tmp_path / "events.duckdb") as store:
        store.write_many(ITEMS)
        stored = store.con.execute(
            "SELECT event_id, event_date, date_precision FROM events ORDER BY 1"
        ).fetchall()
    written = duckdb.sql(
        f"SELECT event_id, event_date, date_precision "
        f"FROM read_parquet('{tmp_path}/out/events/**/*.parquet') ORDER BY 1"
    ).fetchall()
    assert written == stored


def test_run_log_records_progress_failures_and_summary(tmp_path: Path) -> None:
    log = default_log_path(tmp_path / "events.duckdb")
    assert log == tmp_path / "events.duckdb.runlog.jsonl"
    snapshots = []
    with RunProgress(log_path=log, total=10, on_progress=snapshots.append) as progress:
        progress.start_clock()
        progress.advance(documents=4, events=9)
        progress.fail(Failure(origin="in.jsonl:7", reason="malformed JSON", code="E108"))
        progress.advance(documents=0, events=0, unchanged=2)
        summary = summarise(progress, mode="workers", workers=2, load_seconds=1.5,
                            log_path=log)
    assert (summary.documents, summary.events, len(summary.failures)) == (4, 9, 1)
    assert snapshots[0].eta_seconds is not None and snapshots[0].total == 10
    assert snapshots[-1].unchanged == 2
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    kinds = [record["kind"] for record in records]
    assert kinds[0] == "progress" and kinds[-1] == "finished" and "failed" in kinds
    failed = next(record for record in records if record["kind"] == "failed")
    assert (failed["origin"], failed["code"]) == ("in.jsonl:7", "E108")
    assert records[-1]["load_seconds"] == 1.5
    assert {record["run_id"] for record in records} == {summary.run_id}
