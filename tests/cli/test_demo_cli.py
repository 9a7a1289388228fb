"""``realpolitik demo``: the README's first command, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_demo_stores_the_corpus_and_shows_dyads_and_a_timeline(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    env = {**os.environ, "REALPOLITIK_DB": str(db), "COLUMNS": "160"}
    command = [sys.executable, "-m", "realpolitik.cli", "demo"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "12 new documents" in first.stdout
    assert "Most active dyads" in first.stdout
    assert "by month" in first.stdout
    assert first.stdout.count("“") >= 3
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM events").fetchone()
    assert stored is not None and stored[0] > 30
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "0 new documents, 12 unchanged" in again.stdout
