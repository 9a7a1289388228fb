"""The FastAPI app factory: pages, their JSON twins, error twins and safety headers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from realpolitik.web import errors, render
from realpolitik.web.limits import BodySizeLimit, SecurityHeaders
from realpolitik.web.params import MAX_BODY_BYTES
from realpolitik.web.response_cache import ResponseCache
from realpolitik.web.routes import (
    actor,
    code,
    document,
    dyad,
    network,
    overview,
    reference,
    search,
)
from realpolitik.web.state import AppState
from realpolitik.web.watch import CHECK_SECONDS, WatchStore

STATIC_DIR = Path(str(files("realpolitik.web").joinpath("static")))


GC_THRESHOLDS = (10_000, 10, 10)
"""Python's collector runs every ``10_000`` new container objects while serving (default 700)."""


@contextmanager
def collect_garbage_less() -> Iterator[None]:
    """While serving: exempt what startup built from the collector, and collect less often.

    A page allocates thousands of small objects (rows, models) that reference
    counting frees at once; Python's cycle collector nevertheless ran every
    700 allocations (about 680 times in the load test, 1 s of CPU), and its
    full passes over every object of the process (modules, templates, cached
    pages) held the GIL for 120-250 ms each, stalling every request in flight.
    Frozen, the objects alive at startup are never scanned again; with
    ``GC_THRESHOLDS`` the collector ran 22 times (0.25 s) and made at most
    one full pass. Both are restored when the app stops (the test clients
    start and stop many apps).
    """
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


def create_app(
    db_path: Path,
    *,
    read_only: bool = True,
    check_seconds: float = CHECK_SECONDS,
) -> FastAPI:
    """The web app over the store at ``db_path``.

    Opening it builds the rollup tables (about a second per million events).

    Args:
        db_path (Path): the DuckDB store; must exist when ``read_only``.
        read_only (bool): serve without write access; "save to store" then answers 403.
        check_seconds (float): how often to look whether the store changed without the app.
    RETURNS (FastAPI): the app, ready for uvicorn or a test client.
    """
    state = AppState(Path(db_path), read_only=read_only)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        with collect_garbage_less():
            yield
        state.close()

    app = FastAPI(
        title="realpolitik",
        summary="Coded political events, the relations they add up to, and the text behind them.",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.realpolitik = state
    app.state.templates = render.make_templates(vendor_ready=render.vendor_ready(STATIC_DIR))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (overview, document, dyad, actor, network, search, code, reference):
        app.include_router(module.router)
    errors.install(app)
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(ResponseCache, store=state.responses)
    app.add_middleware(WatchStore, state=state, interval=check_seconds)
    app.add_middleware(SecurityHeaders)
    return app
