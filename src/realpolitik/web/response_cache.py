"""An in-process cache of whole GET responses, keyed by path and query string.

The store cannot change under a running app (DuckDB locks the file against
other writers, and this app's own saves clear the cache), so a page computed
once can be sent again as bytes: the repeated views of popular dyads and the
overview then cost no query, no validation and no template. A response that
was being computed while the cache was cleared is sent but not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRY_BYTES = 2_000_000
MAX_TOTAL_BYTES = 64_000_000


@dataclass(frozen=True, slots=True)
class _Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseStore:
    """A thread-safe LRU of responses bounded by their total size in bytes."""

    def __init__(self, max_total_bytes: int = MAX_TOTAL_BYTES) -> None:
        self._entries: OrderedDict[bytes, _Entry] = OrderedDict()
        self._size = 0
        self._max = max_total_bytes
        self._lock = threading.Lock()
        self._epoch = 0

    @property
    def epoch(self) -> int:
        """How many times the store was cleared; :meth:`put` takes the one its response saw."""
        return self._epoch

    def get(self, key: bytes) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: bytes, entry: _Entry, epoch: int) -> None:
        """Keep ``entry`` unless the store was cleared since ``epoch``."""
        with self._lock:
            if epoch != self._epoch:
                return
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._size -= len(previous.body)
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self._max and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0
            self._epoch += 1


class ResponseCache:
    """ASGI middleware serving repeated successful GETs from a :class:`ResponseStore`."""

    def __init__(self, app: ASGIApp, *, store: ResponseStore) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        key = scope.get("raw_path", path.encode()) + b"?" + scope.get("query_string", b"")
        cached = self.store.get(key)
        if cached is not None:
            await send(
                {"type": "http.response.start", "status": cached.status, "headers": cached.headers}
            )
            await send({"type": "http.response.body", "body": cached.body})
            return
        epoch = self.store.epoch
        start: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= MAX_ENTRY_BYTES:
                chunk = message.get("body", b"")
                chunks.append(chunk)
                size += len(chunk)
                finished = not message.get("more_body", False)
                if finished and start.get("status") == 200 and size <= MAX_ENTRY_BYTES:
                    headers = list(start.get("headers", []))
                    self.store.put(key, _Entry(200, headers, b"".join(chunks)), epoch)
            await send(message)

        await self.app(scope, receive, capture)
