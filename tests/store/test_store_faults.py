"""A kill -9 in the middle of ingest loses nothing reported and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from realpolitik.store import ingest, open_store

REPO = Path(__file__).resolve().parents[2]
DEMO_CORPUS = REPO / "src" / "realpolitik" / "demo" / "corpus" / "articles.jsonl"
COPIES = 4

INGEST_SCRIPT = """
import sys
from realpolitik.store import ingest

def report(progress):
    sys.stdout.write(f"stored {progress.stored}\\n")
    sys.stdout.flush()

ingest([sys.argv[1]], db=sys.argv[2], progress=False, batch_size=4, on_commit=report)
"""


def _corpus(folder: Path) -> Path:
    """About forty documents: the demo articles under several ids."""
    records = [json.loads(line) for line in DEMO_CORPUS.read_text().splitlines() if line]
    corpus = folder / "forty.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for record in records:
                out.write(json.dumps({**record, "id": f"{record['id']}-{copy}"}) + "\n")
    return corpus


def _snapshot(path: Path) -> dict[str, object]:
    with open_store(path, read_only=True) as store:
        con = store.con
        return {
            "documents": con.execute(
                "SELECT doc_id, content_hash, status FROM documents ORDER BY 1").fetchall(),
            "events": con.execute("SELECT event_id, doc_id FROM events ORDER BY 1").fetchall(),
            "sentences": con.execute("SELECT count(*) FROM sentences").fetchall(),
            "mentions": con.execute("SELECT count(*) FROM mentions").fetchall(),
            "stories": con.execute(
                "SELECT story_id, num_mentions, num_articles FROM stories ORDER BY 1").fetchall(),
        }


def _events_per_document(path: Path) -> dict[str, int]:
    with open_store(path, read_only=True) as store:
        rows = store.con.execute(
            "SELECT d.doc_id, count(e.event_id) FROM documents d "
            "LEFT JOIN events e USING (doc_id) GROUP BY 1").fetchall()
    return dict(rows)


def _kill_after_first_commit(corpus: Path, db: Path) -> int:
    """Start ingest, kill -9 it once it reports its first stored batch; return that count."""
    process = subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, str(corpus), str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert line.startswith("stored "), "ingest ended before reporting a batch"
    return int(line.split()[1])


@pytest.mark.slow
@pytest.mark.model
def test_kill_during_ingest_then_rerun_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    reference = tmp_path / "reference.duckdb"
    ingest([corpus], db=reference, progress=False, batch_size=4)

    interrupted = tmp_path / "interrupted.duckdb"
    reported = _kill_after_first_commit(corpus, interrupted)
    partial = _events_per_document(interrupted)
    complete = _events_per_document(reference)
    assert 0 < reported <= len(partial) < len(complete)
    assert all(partial[doc_id] == complete[doc_id] for doc_id in partial)

    report = ingest([corpus], db=interrupted, progress=False, batch_size=4)
    assert report.unchanged == len(partial)
    assert report.stored == len(complete) - len(partial)
    assert _snapshot(interrupted) == _snapshot(reference)
