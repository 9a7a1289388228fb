"""What one app instance holds: its DuckDB connection, rollups, result caches, a lazy coder.

A read-only store cannot change under us (DuckDB locks the file against other
writers), so page results are cached by their parameters; a writable app
rebuilds its rollups and drops the caches whenever it saves. As a safety net,
the store's change marker is also compared every few seconds
(:class:`realpolitik.web.watch.WatchStore`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from realpolitik.errors import WebError
from realpolitik.store import Store
from realpolitik.web import rollup
from realpolitik.web.response_cache import ResponseStore

T = TypeVar("T")
CACHE_SIZE = 1024
SERVING_THREADS = 1
"""DuckDB threads per query while serving; the rollups are built with DuckDB's default.

The app runs each request's queries on that request's own thread, so a busy
server is already parallel; DuckDB's own parallelism on top cost 17 % more
CPU for the same first-time pages (A/B, interleaved, 1M events), and on two
cores under load that CPU is what the queue waits for. A build, which a save
waits for, still uses every core.
"""


class ResultCache:
    """A small thread-safe LRU of computed page models.

    Clearing starts a new epoch: a value computed from the old data, when it
    finishes after the clear, is returned to its callers but not kept.
    """

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._pending: dict[tuple[Any, ...], threading.Lock] = {}
        self._lock = threading.Lock()
        self._epoch = 0

    def get_or_compute(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The cached value, computing it once even when many requests ask at once."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
            key_lock = self._pending.setdefault(key, threading.Lock())
            epoch = self._epoch
        with key_lock:
            with self._lock:
                if key in self._items:
                    return self._items[key]  # type: ignore[no-any-return]
            try:
                value = compute()
                with self._lock:
                    if epoch == self._epoch:
                        self._items[key] = value
                    while len(self._items) > self._size:
                        self._items.popitem(last=False)
            finally:
                with self._lock:
                    self._pending.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._epoch += 1


class AppState:
    """The store connection and the expensive things loaded once per app."""

    def __init__(self, db_path: Path, *, read_only: bool) -> None:
        if read_only and not db_path.is_file():
            raise WebError(
                f"{db_path}: no such store; "
                f"create it with `realpolitik ingest FILES --db {db_path}`",
                code="E606",
            )
        self.db_path = db_path
        self.read_only = read_only
        self.store = Store(db_path, read_only=read_only)
        self.connection = self.store.con
        self.cache = ResultCache()
        self.responses = ResponseStore()
        self.write_lock = threading.Lock()
        self._rebuild_lock = threading.Lock()
        self._build_threads = int(
            self.connection.execute("SELECT current_setting('threads')").fetchall()[0][0]
        )
        try:
            self.rollups = self._build()
        except BaseException:
            self.store.close()
            raise
        self._coder: Any = None
        self._coder_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A per-request cursor: DuckDB connections are not shared across threads."""
        cursor = self.connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        return self.cache.get_or_compute(key, compute)

    def coder(self, load: Callable[[], Any]) -> Any:
        """The pipeline's coder, loaded on first use (it takes a second or two)."""
        with self._coder_lock:
            if self._coder is None:
                self._coder = load()
            return self._coder

    def forget(self) -> None:
        """Drop every cached result and response."""
        self.cache.clear()
        self.responses.clear()

    def store_changed(self) -> None:
        """Rebuild the rollups, then drop what was cached, after this app wrote to the store."""
        with self._rebuild_lock:
            self._rebuild()

    def refresh_if_changed(self) -> bool:
        """Rebuild when the store's change marker moved since the last build.

        RETURNS (bool): whether it rebuilt.
        """
        with self._rebuild_lock:
            with self.cursor() as con:
                marker = rollup.store_marker(con)
            if marker == self.rollups.marker:
                return False
            self._rebuild()
            return True

    def _build(self) -> rollup.Rollups:
        """The rollups, built with every core; queries then run on one thread each."""
        self.connection.execute(f"SET threads = {self._build_threads}")
        try:
            return rollup.build(self.connection)
        finally:
            self.connection.execute(f"SET threads = {SERVING_THREADS}")

    def _rebuild(self) -> None:
        self.rollups = self._build()
        self.forget()

    def close(self) -> None:
        self.store.close()
