"""``ingest --dask``: a real LocalCluster codes what one process codes, through a killed worker."""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from distributed import LocalCluster
from realpolitik.distributed.dask_run import ingest_dask
from realpolitik.distributed.progress import ProgressSnapshot
from realpolitik.store import ingest

pytestmark = [pytest.mark.slow, pytest.mark.model]


def _demo_corpus() -> Path:
    return Path(str(resources.files("realpolitik.demo") / "corpus" / "articles.jsonl"))


def _contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Documents (id, status, hash) and full event rows, in a fixed order."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute(
            "SELECT doc_id, status, content_hash FROM documents ORDER BY doc_id"
        ).fetchall()
        events = con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall()
    return documents, events


def _parquet_event_ids(out: Path) -> list[str]:
    rows = duckdb.sql(
        f"SELECT event_id FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    return sorted(row[0] for row in rows)


@pytest.fixture(scope="module")
def single_process_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    ingest([_demo_corpus()], db=db, progress=False)
    return db


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, memory_limit="2GiB",
        dashboard_address=":0", silence_logs=logging.CRITICAL,
    ) as local:
        yield local


def test_dask_stores_and_writes_what_one_process_stores(
    single_process_db: Path, cluster: LocalCluster, tmp_path: Path
) -> None:
    db, out = tmp_path / "dask.duckdb", tmp_path / "parquet"
    summary = ingest_dask([_demo_corpus()], db=db, scheduler=cluster.scheduler_address,
                          parquet_out=out, documents_per_partition=3)
    expected_documents, expected_events = _contents(single_process_db)
    assert _contents(db) == (expected_documents, expected_events)
    assert _parquet_event_ids(out) == sorted(str(row[0]) for row in _event_ids(db))
    assert summary.failures == [] and summary.workers == 2
    assert summary.events == len(expected_events)
    months = {path.name for path in (out / "events").iterdir()}
    assert all(name.startswith("year_month=") for name in months)


def _event_ids(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT event_id FROM events").fetchall()


def test_a_killed_dask_worker_loses_and_duplicates_nothing(
    single_process_db: Path, cluster: LocalCluster, tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_one_worker(snapshot: ProgressSnapshot) -> None:
        if not killed and snapshot.documents >= 1:
            assert snapshot.documents < 12, "partitions are still being coded"
            killed.append(snapshot.worker_pids[0])
            os.kill(snapshot.worker_pids[0], signal.SIGKILL)

    db, out = tmp_path / "killed.duckdb", tmp_path / "parquet"
    summary = ingest_dask([_demo_corpus()], db=db, scheduler=cluster.scheduler_address,
                          parquet_out=out, documents_per_partition=1,
                          on_progress=kill_one_worker)
    assert killed, "a worker was killed while partitions were still running"
    assert summary.failures == []
    assert _contents(db) == _contents(single_process_db)
    assert _parquet_event_ids(out) == sorted(str(row[0]) for row in _event_ids(db))


def test_a_local_cluster_run_skips_a_malformed_file(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    lines = _demo_corpus().read_text("utf-8").splitlines()
    (inputs / "good.jsonl").write_text("\n".join(lines[:2]) + "\n", "utf-8")
    (inputs / "fake.jsonl.gz").write_bytes(b"this was never gzip\n")
    (inputs / "broken.jsonl").write_text('{"id": "x1", "text": \n', "utf-8")
    db = tmp_path / "mixed.duckdb"
    summary = ingest_dask([inputs], db=db, scheduler="local", workers=2, memory_limit="2GiB")
    assert sorted(failure.code for failure in summary.failures) == ["E108", "E115"]
    assert summary.documents == 2
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    assert statuses == {"coded": 2, "failed": 2}
