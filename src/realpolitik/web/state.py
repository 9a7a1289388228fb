"""What one app instance holds: its DuckDB connection, a result cache, a lazy coder.

A read-only store cannot change under us (DuckDB locks the file against other
writers), so page results are cached by their parameters; a writable app
drops the cache whenever it saves.
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
from realpolitik.web.response_cache import ResponseStore

T = TypeVar("T")
CACHE_SIZE = 1024


class ResultCache:
    """A small thread-safe LRU of computed page models."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._pending: dict[tuple[Any, ...], threading.Lock] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The cached value, computing it once even when many requests ask at once."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
            key_lock = self._pending.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._items:
                    return self._items[key]  # type: ignore[no-any-return]
            try:
                value = compute()
                with self._lock:
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
        """Drop every cached result and response, after this app wrote to the store."""
        self.cache.clear()
        self.responses.clear()

    def close(self) -> None:
        self.store.close()
