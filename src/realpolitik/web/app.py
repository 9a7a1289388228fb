"""The FastAPI app factory: pages, their JSON twins, error twins and safety headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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
