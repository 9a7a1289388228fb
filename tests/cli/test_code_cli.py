"""The ``realpolitik code`` and ``eval`` commands, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATA = Path(__file__).resolve().parents[1] / "data"
ARTICLE = (
    "Kenyan President William Ruto met Somali President Hassan Sheikh Mohamud in Nairobi on "
    "Tuesday. Al-Shabaab militants attacked a police post near the border, killing four "
    "officers, Kenyan police said."
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
    )


def test_codes_a_text_file_to_json_lines(tmp_path: Path) -> None:
    article = tmp_path / "kenya.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("code", str(article), "--date", "2023-03-02")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(
        e["root"] == "04" and e["source"]["code"] == "KENGOV" and e["target"]["country"] == "SOM"
        for e in events
    )
    assert all(e["doc_id"] == "kenya" for e in events)


def test_batch_with_bad_records_still_codes_the_rest() -> None:
    result = run("code", str(DATA / "batch.jsonl"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"source_code", "cameo", "sentence"} <= set(rows[0])
    problems = [line for line in result.stderr.splitlines() if line.startswith("[E")]
    assert problems and all("batch.jsonl:" in line for line in problems)


def test_stdin_and_table_output() -> None:
    result = run("code", "-", "--format", "table", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert "KENGOV" in result.stdout


def test_nothing_codable_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("code", str(empty), str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert any("empty.txt" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_eval_prints_the_reference_summary(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    gold = tmp_path / "gold.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": ARTICLE, "date": "2023-03-02"}) + "\n")
    gold.write_text(json.dumps({
        "id": "d1-1", "doc": "d1", "key": "met Somali President", "source": {"country": "KEN"},
        "target": {"country": "SOM"}, "roots": ["04"], "mode": "asserted", "required": True,
    }) + "\n")
    result = run("eval", "--docs", str(docs), "--gold", str(gold))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("F1=")
    assert "R=1.000" in result.stdout.splitlines()[-1]
