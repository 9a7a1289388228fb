"""Notice a store that changed without this app, and rebuild the rollups then.

The app's own saves rebuild at once (:meth:`AppState.store_changed`). Nothing
else should be able to write while the app holds the file, but if something
does (another connection in this process, a future DuckDB that lets several
processes write), cached pages and rollups must not stay stale for long: every
``interval`` seconds, one request first compares the store's change marker,
which costs well under a millisecond, and rebuilds when it moved.
"""

from __future__ import annotations

import time

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from realpolitik.web.state import AppState

CHECK_SECONDS = 5.0


class WatchStore:
    """ASGI middleware: before the response cache, check the store at most every ``interval``."""

    def __init__(self, app: ASGIApp, *, state: AppState, interval: float = CHECK_SECONDS) -> None:
        self.app = app
        self.state = state
        self.interval = interval
        self._next_check = time.monotonic() + interval

    def _due(self) -> bool:
        """Whether this request should check; runs on the event loop only, so needs no lock."""
        now = time.monotonic()
        if now < self._next_check:
            return False
        self._next_check = now + self.interval
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._due():
            await run_in_threadpool(self.state.refresh_if_changed)
        await self.app(scope, receive, send)
