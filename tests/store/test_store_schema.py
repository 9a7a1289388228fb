"""Opening, migrating and refusing databases the store cannot safely use."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from realpolitik.errors import StoreError
from realpolitik.store import SCHEMA_VERSION, Store, open_store, table_counts
from realpolitik.store.rows import StoredDocument
from realpolitik.store.schema import MIGRATIONS
from realpolitik.store.synthetic import make_document, make_event


def test_new_database_gets_every_table_and_one_row_per_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        tables = {row[0] for row in store.con.execute("SHOW TABLES").fetchall()}
    with open_store(db_path) as store:
        versions = store.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert {"documents", "sentences", "mentions", "events", "stories"} <= tables
    assert versions == [(version,) for version in range(1, SCHEMA_VERSION + 1)]


def _schema_at(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    """A new file with the migrations up to ``version`` applied, as that release did."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for step in range(1, version + 1):
        for statement in MIGRATIONS[step]:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [step])
    return con


def _version_1_database(path: Path) -> None:
    """A file as schema version 1 left it: one document, its rows and its story."""
    con = _schema_at(path, 1)
    story = "md5('PAKGOV|USAGOV|042|2022-05-17')"
    con.execute(
        "INSERT INTO documents (doc_id, url, content_hash, status) "
        "VALUES ('old', 'https://news.example/old', 'h-v1', 'coded')"
    )
    con.execute("INSERT INTO sentences VALUES ('old', 0, 0, 30, 'Pakistan met the US.')")
    con.execute(
        "INSERT INTO mentions (doc_id, mention_index, code) "
        "VALUES ('old', 0, 'PAKGOV'), ('old', 1, 'USAGOV')"
    )
    con.execute(
        "INSERT INTO events (event_id, doc_id, sentence_index, source_code, target_code, cameo, "
        f"mode, date, event_date, story_id) VALUES ('e-old', 'old', 0, 'PAKGOV', 'USAGOV', "
        f"'042', 'asserted', '2022-05-17', DATE '2022-05-17', {story})"
    )
    con.execute(
        "INSERT INTO stories (story_id, source_code, target_code, cameo, first_date, last_date, "
        f"num_mentions, num_articles, num_sources) VALUES ({story}, 'PAKGOV', 'USAGOV', '042', "
        "DATE '2022-05-17', DATE '2022-05-17', 1, 1, 1)"
    )
    con.close()


def _report(doc_id: str, when: str = "2022-05-17") -> StoredDocument:
    coded = make_document(doc_id, [make_event(doc_id, "PAKGOV", "USAGOV", "042", when=when)])
    return StoredDocument(coded=coded, content_hash=f"h-{doc_id}", origin=doc_id)


def test_version_1_file_is_upgraded_keeping_its_rows(db_path: Path) -> None:
    _version_1_database(db_path)
    with pytest.raises(StoreError, match="E508"):
        open_store(db_path, read_only=True)
    with open_store(db_path) as store:
        before = table_counts(store.con)
        keys = store.con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
        store.write_many([_report("new", "2022-05-18"), _report("old", "2022-05-16")])
        rows = store.con.execute("SELECT doc_id, story_id FROM events ORDER BY 1").fetchall()
        stories = store.con.execute("SELECT num_mentions, num_articles FROM stories").fetchall()
    assert before == {"events": 1, "mentions": 2, "sentences": 1, "documents": 1, "stories": 1}
    assert keys == [("documents",)]
    assert [doc_id for doc_id, _ in rows] == ["new", "old"]
    assert rows[0][1] == rows[1][1] and stories == [(2, 2)]


_STORY = "md5('PAKGOV|USAGOV|042|' || ?)"


def _stories_and_types(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """What a reader of ``stories`` sees: its rows, then its columns' names and types."""
    return [
        *con.execute("SELECT * FROM stories ORDER BY first_date").fetchall(),
        *con.execute("SELECT column_name, column_type FROM (DESCRIBE stories)").fetchall(),
    ]


def _version_2_database(path: Path) -> list[tuple[object, ...]]:
    """A file as schema version 2 left it, with a story of two reports and one of one.

    Returns what its ``stories`` table shows.
    """
    con = _schema_at(path, 2)
    for doc_id, day, first in (("a", "2022-05-17", "2022-05-17"),
                               ("b", "2022-05-18", "2022-05-17"),
                               ("c", "2022-06-30", "2022-06-30")):
        con.execute(
            "INSERT INTO documents (doc_id, url, content_hash, status) "
            "VALUES (?, 'https://news.example/' || ?, 'h-v2', 'coded')", [doc_id, doc_id]
        )
        con.execute(
            "INSERT INTO events (event_id, doc_id, sentence_index, source_code, target_code, "
            "cameo, root, quad_class, goldstein, mode, date, event_date, story_id) VALUES "
            f"(?, ?, 0, 'PAKGOV', 'USAGOV', '042', '04', 1, 1.9, 'asserted', ?, ?, {_STORY})",
            [f"e-{doc_id}", doc_id, day, day, first],
        )
    for first, last, mentions in (("2022-05-17", "2022-05-18", 2), ("2022-06-30", "2022-06-30", 1)):
        con.execute(
            f"INSERT INTO stories VALUES ({_STORY}, 'PAKGOV', 'USAGOV', '042', '04', 1, 1.9, "
            "?, ?, ?, ?, 1)",
            [first, first, last, mentions, mentions],
        )
    shown = _stories_and_types(con)
    con.close()
    return shown


def test_version_2_file_keeps_every_story_and_stores_only_repeated_ones(db_path: Path) -> None:
    before = _version_2_database(db_path)
    with pytest.raises(StoreError, match="E508"):
        open_store(db_path, read_only=True)
    open_store(db_path).close()
    with open_store(db_path, read_only=True) as store:
        after = _stories_and_types(store.con)
        stored = store.con.execute("SELECT first_date::VARCHAR FROM repeated_stories").fetchall()
        versions = store.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert after == before
    assert stored == [("2022-05-17",)]
    assert versions == [(1,), (2,), (3,)]
    with open_store(db_path) as store:
        store.write_many([_report("d", "2022-07-01")])
        stored = store.con.execute(
            "SELECT first_date::VARCHAR, last_date::VARCHAR, num_mentions FROM repeated_stories "
            "ORDER BY 1"
        ).fetchall()
    assert stored == [("2022-05-17", "2022-05-18", 2), ("2022-06-30", "2022-07-01", 2)]


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
