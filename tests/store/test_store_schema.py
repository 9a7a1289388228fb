"""Opening, migrating and refusing databases the store cannot safely use."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from realpolitik.errors import StoreError
from realpolitik.store import SCHEMA_VERSION, Store, open_store, table_counts
from realpolitik.store.synthetic import make_document, make_event


def test_new_database_gets_every_table_and_one_version_row(db_path: Path) -> None:
    with open_store(db_path) as store:
        tables = {row[0] for row in store.con.execute("SHOW TABLES").fetchall()}
    with open_store(db_path) as store:
        versions = store.con.execute("SELECT version FROM schema_version").fetchall()
    assert {"documents", "sentences", "mentions", "events", "stories"} <= tables
    assert versions == [(SCHEMA_VERSION,)]


def test_events_table_has_the_contract_columns(store: Store) -> None:
    columns = [row[0] for row in store.con.execute("DESCRIBE events").fetchall()]
    assert columns[:4] == ["event_id", "doc_id", "sentence_index", "sentence"]
    assert {"event_date", "date_precision", "quantities", "story_id", "cue_text"} <= set(columns)


def test_newer_schema_version_is_refused(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"E502.*newer"):
        open_store(db_path)
    with pytest.raises(StoreError, match="E502"):
        open_store(db_path, read_only=True)


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.duckdb"
    content = b"this is not a database " * 200
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"E505.*not a DuckDB database"):
        open_store(path)
    assert path.read_bytes() == content


def test_read_only_open_of_missing_database_says_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"E501.*ingest"):
        open_store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


def test_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"E504.*does not exist"):
        open_store(tmp_path / "no" / "such" / "dir.duckdb")


def _refuses_files(folder: Path) -> bool:
    probe = folder / "realpolitik-probe"
    try:
        probe.touch()
    except OSError:
        return True
    probe.unlink()
    return False


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder we cannot create files in; root ignores modes, so it gets /sys."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        for candidate in (folder, Path("/sys")):
            if candidate.is_dir() and _refuses_files(candidate):
                yield candidate
                return
        pytest.skip("no unwritable directory available to this user")
    finally:
        folder.chmod(0o755)


def test_unwritable_directory_gives_a_clear_error(unwritable_dir: Path) -> None:
    with pytest.raises(StoreError, match=r"E50[07]"):
        open_store(unwritable_dir / "events.duckdb")


def test_database_in_read_only_directory_is_still_readable(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "events.duckdb"
    with open_store(path) as store:
        store.write(make_document("d1", [make_event("d1", "PAKGOV", "USAGOV", "042")]),
                    content_hash="h1", origin="test")
    folder.chmod(0o555)
    try:
        with open_store(path, read_only=True) as store:
            assert table_counts(store.con)["events"] == 1
    finally:
        folder.chmod(0o755)


@pytest.mark.slow
def test_database_locked_by_another_process_is_named(db_path: Path) -> None:
    open_store(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=r"E506.*in use"):
            open_store(db_path)
    finally:
        holder.kill()
        holder.wait()
    with open_store(db_path) as store:
        assert table_counts(store.con)["documents"] == 0
