"""``ingest --workers N``: the same store as one process, through crashes and bad input."""

from __future__ import annotations

import os
import signal
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from realpolitik.distributed.parallel import ingest_parallel
from realpolitik.distributed.progress import ProgressSnapshot
from realpolitik.store import ingest

pytestmark = [pytest.mark.slow, pytest.mark.model]

EVENT_COLUMNS = "* EXCLUDE (story_id)"


def _demo_corpus() -> Path:
    return Path(str(resources.files("realpolitik.demo") / "corpus" / "articles.jsonl"))


def _contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Documents (id, status, hash) and full event rows, in a fixed order."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute(
            "SELECT doc_id, status, content_hash FROM documents ORDER BY doc_id"
        ).fetchall()
        events = con.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY event_id").fetchall()
    return documents, events


@pytest.fixture(scope="module")
def single_process_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    ingest([_demo_corpus()], db=db, progress=False)
    return db


def test_two_recycling_workers_store_what_one_process_stores(
    single_process_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "parallel.duckdb"
    summary = ingest_parallel([_demo_corpus()], db=db, workers=2, batch_size=2, recycle_after=4)
    documents, events = _contents(db)
    assert (documents, events) == _contents(single_process_db)
    assert events, "the demo corpus yields events"
    assert summary.failures == []
    assert summary.documents == len(documents)
    assert summary.events == len(events)
    assert summary.load_seconds > 0 and summary.peak_worker_rss_mb > 0
    assert summary.log_path is not None and summary.log_path.exists()
    again = ingest_parallel([_demo_corpus()], db=db, workers=2, batch_size=2)
    assert again.report is not None and again.report.unchanged == len(documents)
    assert _contents(db) == (documents, events)


def test_a_killed_worker_loses_and_duplicates_nothing(
    single_process_db: Path, tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_one_worker(snapshot: ProgressSnapshot) -> None:
        if not killed and snapshot.documents >= 1:
            assert snapshot.documents < 12, "documents are still being coded"
            killed.append(snapshot.worker_pids[0])
            os.kill(snapshot.worker_pids[0], signal.SIGKILL)

    db = tmp_path / "killed.duckdb"
    summary = ingest_parallel([_demo_corpus()], db=db, workers=2, batch_size=1,
                              commit_every=1, on_progress=kill_one_worker)
    assert killed, "a worker was killed while documents were still being coded"
    assert summary.failures == []
    assert _contents(db) == _contents(single_process_db)


def test_malformed_files_are_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = inputs / "good.jsonl"
    good.write_text(_demo_corpus().read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    (inputs / "broken.jsonl").write_text('{"id": "x1", "text": \n', "utf-8")
    (inputs / "fake.jsonl.gz").write_bytes(b"this was never gzip\n")
    db = tmp_path / "mixed.duckdb"
    summary = ingest_parallel([inputs], db=db, workers=2)
    codes = sorted(failure.code for failure in summary.failures)
    assert codes == ["E108", "E115"]
    assert summary.documents == 1
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    assert statuses == {"coded": 1, "failed": 2}
