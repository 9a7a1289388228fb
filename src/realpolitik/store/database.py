"""Open the DuckDB store and write coded documents into it.

Every write is one transaction: a document is either fully stored (its row,
sentences, mentions, events and the stories they touch) or not at all, so a
killed ingest never leaves half a document behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa

from realpolitik.errors import StoreError
from realpolitik.records import CodedDocument
from realpolitik.store import rows, schema, stories

DEFAULT_DB = "realpolitik.duckdb"
DB_ENV_VAR = "REALPOLITIK_DB"

_TABLES_BY_DOCUMENT = ("events", "mentions", "sentences", "documents")

# DuckDB checkpoints once the write-ahead log passes 16 MB, and each checkpoint
# compresses the unfinished last row group of every table anew: at ingest rates
# that repeats the same work every few batches. A larger log is checkpointed
# about once per full row group of events (~100 MB of log) and on close.
_CHECKPOINT_THRESHOLD = "SET checkpoint_threshold = '256MB'"

# ``story_first`` is the first date of each event's story (null outside stories),
# from :func:`stories.link_batch`; the story id derives from it and the event's key.
_INSERT_EVENTS = f"""
INSERT INTO events BY NAME
SELECT * EXCLUDE (story_first), {rows.EVENT_ID_SQL} AS event_id,
       {stories.story_id_sql("story_first")} AS story_id
FROM incoming
"""


def default_db_path() -> Path:
    """``$REALPOLITIK_DB`` when set, else ``./realpolitik.duckdb``."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Connect, turning DuckDB's I/O errors into one line that says what to do."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no database here; run `realpolitik ingest` first", code="E501")
    parent = path.parent if str(path.parent) else Path(".")
    if not read_only and not parent.is_dir():
        raise StoreError(f"{path}: directory {parent} does not exist", code="E504")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise _open_error(path, error) from error


def _open_error(path: Path, error: duckdb.Error) -> StoreError:
    message = str(error)
    if "not a valid DuckDB database" in message or "Corrupt" in message:
        return StoreError(
            f"{path}: not a DuckDB database or damaged; it was left untouched — "
            "move it away or pass another --db",
            code="E505",
        )
    if "lock" in message.lower():
        return StoreError(
            f"{path}: database is in use by another process; wait for it to finish "
            "(read-only commands can still open it once it is released)",
            code="E506",
        )
    if "Permission denied" in message or "Read-only file system" in message:
        return StoreError(
            f"{path}: cannot write in {path.parent or '.'} (permission denied); "
            "choose a writable --db path",
            code="E507",
        )
    return StoreError(f"{path}: cannot open database: {message}", code="E500")


class Store:
    """The event store: a DuckDB file with the versioned realpolitik schema."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.con = _connect(self.path, read_only)
        self._one_thread = False
        try:
            if read_only:
                version = schema.check_version(self.con, str(self.path))
                if version < schema.SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: database schema version {version} is older than "
                        f"{schema.SCHEMA_VERSION}; open it once for writing (ingest) to migrate",
                        code="E508",
                    )
            else:
                schema.migrate(self.con, str(self.path))
                self.con.execute(_CHECKPOINT_THRESHOLD)
        except BaseException:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the file lock so other processes can open the store."""
        self.con.close()

    def stored_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Content hashes already stored for these ids (failed documents excluded)."""
        return {
            doc_id: digest
            for doc_id, (digest, status) in self._stored_states(doc_ids).items()
            if status != "failed"
        }

    def _stored_states(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Content hash and status of every stored document among these ids."""
        if not doc_ids:
            return {}
        found = self.con.execute(
            "SELECT doc_id, content_hash, status FROM documents "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(doc_ids)],
        ).fetchall()
        return {doc_id: (digest, status) for doc_id, digest, status in found}

    def write(self, coded: CodedDocument, *, content_hash: str, origin: str) -> bool:
        """Store one document; False when the same id and hash are already stored."""
        item = rows.StoredDocument(coded=coded, content_hash=content_hash, origin=origin)
        return self.write_many([item]) == 1

    def write_many(
        self,
        items: Sequence[rows.StoredDocument],
        *,
        window_days: int = stories.DEFAULT_WINDOW_DAYS,
        link_stories: bool = True,
    ) -> int:
        """Store documents in one transaction and refresh the stories they touch.

        Returns how many were written; documents whose id and hash are already
        stored are left alone, which is what makes ingest idempotent. Bulk loads
        may pass ``link_stories=False`` and call :meth:`refresh_all_stories` once
        at the end: until then their events belong to no story, and later linked
        writes do not pick them up.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot store", code="E509")
        latest = {item.coded.doc_id: item for item in items}
        stored = self._stored_states(list(latest))
        changed = [
            item for doc_id, item in latest.items() if not _unchanged(stored.get(doc_id), item)
        ]
        if not changed:
            return 0
        replaced = [item.coded.doc_id for item in changed if item.coded.doc_id in stored]
        try:
            self._write_transaction(changed, replaced, window_days if link_stories else None)
        except duckdb.Error as error:
            raise StoreError(
                f"{self.path}: storing documents failed: {error}", code="E510"
            ) from error
        return len(changed)

    def _write_transaction(
        self, items: list[rows.StoredDocument], replaced: list[str], window_days: int | None
    ) -> None:
        """Delete what the batch replaces, insert its rows and link its stories, or none of it.

        The deletes run only for documents stored before: each scans its table.
        """
        documents = rows.document_table(items, datetime.now())
        events = rows.with_event_dates(rows.event_table(items))
        batches = {
            "documents": documents,
            "sentences": rows.sentence_table(items),
            "mentions": rows.mention_table(items),
        }
        self._use_one_thread()
        self.con.execute("BEGIN TRANSACTION")
        try:
            touched = self._delete_replaced(replaced, window_days is not None) if replaced else []
            for table, batch in batches.items():
                rows.execute_over(
                    self.con, f"INSERT INTO {table} BY NAME SELECT * FROM incoming", batch
                )
            story_first = (
                stories.link_batch(
                    self.con, events, documents, window_days=window_days, touched=touched
                )
                if window_days is not None
                else pa.nulls(events.num_rows, pa.date32())
            )
            rows.execute_over(
                self.con, _INSERT_EVENTS, events.append_column("story_first", story_first)
            )
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise

    def _use_one_thread(self) -> None:
        """Run the connection on one DuckDB thread from the first write on.

        A batch's statements touch a few thousand rows each, where DuckDB's
        worker threads only add hand-offs (5-15 % more CPU, measured) while
        ingest needs the other cores for coding. The setting stays until a full
        story rebuild: switching it around every batch cost two statements and a
        restart of DuckDB's thread pool, about 2 % of storing.
        """
        if not self._one_thread:
            self.con.execute("SET threads = 1")
            self._one_thread = True

    def _delete_replaced(self, replaced: list[str], linking: bool) -> list[str]:
        """Delete the rows of the ``replaced`` documents; the stories their events were in."""
        touched: list[str] = []
        if linking:
            touched = [
                row[0]
                for row in self.con.execute(
                    "SELECT DISTINCT story_id FROM events WHERE story_id IS NOT NULL "
                    "AND doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [replaced],
                ).fetchall()
            ]
        for table in _TABLES_BY_DOCUMENT:
            self.con.execute(
                f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [replaced]
            )
        return touched

    def refresh_all_stories(self, *, window_days: int = stories.DEFAULT_WINDOW_DAYS) -> None:
        """Rebuild every story, e.g. after changing the window, on every core."""
        if self._one_thread:
            self.con.execute("RESET threads")
            self._one_thread = False
        self.con.execute("BEGIN TRANSACTION")
        try:
            stories.refresh_stories(self.con, window_days=window_days)
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise


def _unchanged(state: tuple[str, str] | None, item: rows.StoredDocument) -> bool:
    """Stored with the same content; a document that failed is always tried again."""
    return state is not None and state[1] != "failed" and state[0] == item.content_hash


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; a failed COMMIT has already undone it itself."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def open_store(db_path: str | os.PathLike[str] | None = None, read_only: bool = False) -> Store:
    """Open (and create or migrate, unless read-only) the store at ``db_path``."""
    return Store(db_path if db_path is not None else default_db_path(), read_only=read_only)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table, for reports and tests."""
    counts: dict[str, int] = {}
    for table in (*_TABLES_BY_DOCUMENT, "stories"):
        counts[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
    return counts
