"""Ingest with the real coder: the demo corpus end to end, re-runs and changes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from realpolitik.analysis import dyads, timeline
from realpolitik.cli.store import register
from realpolitik.export import export, gdelt_columns
from realpolitik.store import IngestReport, ingest, open_store, table_counts

REPO = Path(__file__).resolve().parents[2]
DEMO_CORPUS = REPO / "src" / "realpolitik" / "demo" / "corpus" / "articles.jsonl"
FRENCH = REPO / "tests" / "data" / "french.txt"

pytestmark = pytest.mark.model


def _demo_records() -> list[dict[str, object]]:
    lines = DEMO_CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = ingest([DEMO_CORPUS], db=path, progress=False)
    return path, report


def test_demo_corpus_is_stored_with_its_events(demo_db: tuple[Path, IngestReport]) -> None:
    path, report = demo_db
    assert report.read == report.stored == len(_demo_records())
    assert report.failed == report.skipped == 0
    assert report.problems == []
    with open_store(path, read_only=True) as store:
        counts = table_counts(store.con)
        statuses = store.con.execute("SELECT DISTINCT status FROM documents").fetchall()
    assert counts["documents"] == report.stored
    assert counts["events"] == report.events > 0
    assert counts["sentences"] > 0 and counts["mentions"] > 0
    assert statuses == [("coded",)]


def test_demo_dyads_timeline_and_gdelt_export(
    demo_db: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    path, _ = demo_db
    with open_store(path, read_only=True) as store:
        pairs = dyads(store.con, limit=50)
        relation = timeline(store.con, "PAK", "USA")
        written = export(store.con, "gdelt", tmp_path / "demo.tsv")
        total = table_counts(store.con)["events"]
        asserted = store.con.execute(
            "SELECT count(*) FROM events WHERE mode = 'asserted'").fetchall()[0][0]
    assert not pairs.empty
    assert 0 < pairs.events.sum() <= asserted
    assert relation.events.sum() >= 1
    frame = pd.read_csv(tmp_path / "demo.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == gdelt_columns()
    assert written == len(frame) == total


def test_second_run_changes_nothing(demo_db: tuple[Path, IngestReport]) -> None:
    path, first = demo_db
    with open_store(path, read_only=True) as store:
        before = table_counts(store.con)
    again = ingest([DEMO_CORPUS], db=path, progress=False)
    assert (again.stored, again.unchanged, again.events) == (0, first.read, 0)
    with open_store(path, read_only=True) as store:
        assert table_counts(store.con) == before


def test_changed_document_is_recoded_and_replaced(tmp_path: Path) -> None:
    records = _demo_records()[:3]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records))
    path = tmp_path / "changed.duckdb"
    ingest([corpus], db=path, progress=False)
    with open_store(path, read_only=True) as store:
        kept_before = store.con.execute(
            "SELECT event_id FROM events WHERE doc_id <> ? ORDER BY 1", [records[0]["id"]]
        ).fetchall()
    records[0]["text"] = "Pakistan and the United States signed a trade agreement on Monday."
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records))
    report = ingest([corpus], db=path, progress=False)
    assert (report.stored, report.unchanged) == (1, 2)
    with open_store(path, read_only=True) as store:
        kept_after = store.con.execute(
            "SELECT event_id FROM events WHERE doc_id <> ? ORDER BY 1", [records[0]["id"]]
        ).fetchall()
        text = store.con.execute(
            "SELECT clean_text FROM documents WHERE doc_id = ?", [records[0]["id"]]
        ).fetchall()[0][0]
        sentences = store.con.execute(
            "SELECT count(*) FROM sentences WHERE doc_id = ?", [records[0]["id"]]
        ).fetchall()[0][0]
    assert kept_after == kept_before
    assert "trade agreement" in text
    assert sentences == 1


def test_unreadable_and_foreign_documents_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "odd.duckdb"
    report = ingest([tmp_path / "missing.txt", FRENCH], db=path, progress=False)
    assert (report.failed, report.skipped, report.stored) == (1, 1, 0)
    assert any("E101" in line for line in report.problems)
    with open_store(path, read_only=True) as store:
        rows = dict(store.con.execute("SELECT status, error FROM documents").fetchall())
    assert set(rows) == {"failed", "skipped"}
    assert "no such file" in rows["failed"]


def test_ingest_command_reports_json(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in _demo_records()[:2]))
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["read"], report["stored"], report["failed"]) == (2, 2, 0)
