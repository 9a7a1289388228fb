"""Answer one page or API path in-process, without a server (``realpolitik serve --get``).

The request goes through the whole app (middlewares, validation, errors) by
httpx's ASGI transport, so the answer is the one a browser would get: handy
in scripts and for checking a store without opening a port.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import httpx

from realpolitik.web.app import create_app

BASE_URL = "http://realpolitik.local"


@dataclass(frozen=True, slots=True)
class Answer:
    """The response to one request."""

    status: int
    content_type: str
    body: bytes

    @property
    def ok(self) -> bool:
        """Whether the app answered without a client or server error (status below 400)."""
        return self.status < 400


async def _get(db_path: Path, path: str, read_only: bool) -> Answer:
    app = create_app(db_path, read_only=read_only)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            response = await client.get(path)
    return Answer(response.status_code, response.headers.get("content-type", ""), response.content)


def get_path(db_path: Path, path: str, *, read_only: bool = True) -> Answer:
    """The app's answer to ``GET path`` over the store at ``db_path``.

    Args:
        db_path (Path): the DuckDB store, opened as :func:`create_app` opens it.
        path (str): a path with its query string, such as ``/api/dyads/PAK/USA?by=week``.
        read_only (bool): open the store read-only, as ``serve`` does by default.
    RETURNS (Answer): status, content type and body.
    """
    return asyncio.run(_get(db_path, path, read_only))
