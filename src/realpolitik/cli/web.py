"""``realpolitik serve``: the web app over a store, bound to loopback by default.

``serve --get PATH`` answers one path in-process instead, like ``datasette --get``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from realpolitik.store import DB_ENV_VAR, default_db_path
from realpolitik.web import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def make_server(
    db_path: Path | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    writable: bool = False,
) -> uvicorn.Server:
    """A uvicorn server for the app over ``db_path``, ready to ``run()``.

    Opening the store happens here, so a missing or locked store is reported
    before anything announces an address.

    Args:
        db_path (Path | None): the store; ``$REALPOLITIK_DB`` or ./realpolitik.duckdb if None.
        host (str): the address to bind; loopback unless the user asks otherwise.
        port (int): the TCP port.
        writable (bool): open the store for writing so "Code a text" can save.
    """
    app = create_app(db_path or default_db_path(), read_only=not writable)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_keep_alive=30)
    return uvicorn.Server(config)


def serve(
    db_path: Path | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    writable: bool = False,
) -> None:
    """Serve the web app on ``host:port`` until interrupted (see :func:`make_server`)."""
    make_server(db_path, host, port, writable=writable).run()


def _serve_command(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", envvar=DB_ENV_VAR, help="The DuckDB store [default: ./realpolitik.duckdb]."
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = DEFAULT_PORT,
    writable: Annotated[
        bool, typer.Option("--writable", help="Let 'Code a text' save into the store.")
    ] = False,
    get: Annotated[
        str | None,
        typer.Option(
            "--get",
            metavar="PATH",
            help="Answer one path (e.g. /api/dyads/PAK/USA?by=week) without starting a "
            "server: print the body, exit 1 if the status is 4xx or 5xx.",
        ),
    ] = None,
) -> None:
    """Serve the web app: read the articles, see the events, follow the relations."""
    if get is not None:
        _get_command(db, get, writable=writable)
        return
    server = make_server(db, host, port, writable=writable)
    typer.echo(f"realpolitik web app on http://{host}:{port}/ (Ctrl+C to stop)")
    server.run()


def _get_command(db: Path | None, path: str, *, writable: bool) -> None:
    """Print the app's answer to ``GET path``; a 4xx or 5xx answer exits with status 1."""
    from realpolitik.web.get import get_path  # httpx only when asked

    if not path.startswith("/"):
        raise typer.BadParameter(f"{path!r}: give a path starting with /, such as /api/overview")
    answer = get_path(db or default_db_path(), path, read_only=not writable)
    typer.echo(answer.body.decode("utf-8", errors="replace"))
    if not answer.ok:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``realpolitik`` command."""
    app.command("serve")(_serve_command)
