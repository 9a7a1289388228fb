"""``realpolitik serve``: the web app over a store, bound to loopback by default."""

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
) -> None:
    """Serve the web app: read the articles, see the events, follow the relations."""
    server = make_server(db, host, port, writable=writable)
    typer.echo(f"realpolitik web app on http://{host}:{port}/ (Ctrl+C to stop)")
    server.run()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``realpolitik`` command."""
    app.command("serve")(_serve_command)
