"""The ``realpolitik`` command: thin typer wrappers over the public functions.

Each area registers its commands from its own module, so the CLI mirrors the
package layout and no module grows into a grab-bag.
"""

from __future__ import annotations

import sys

import typer

from realpolitik.errors import RealpolitikError

app = typer.Typer(
    name="realpolitik",
    help="Turn news text into sourced, coded political events (CAMEO, PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    """Import each command module and let it add its commands."""
    from realpolitik.cli import actors, coding, store, web

    for module in (coding, store, web, actors):
        module.register(app)


def main() -> None:
    """Entry point: one-line errors with their code, no traceback."""
    _register_all()
    try:
        app()
    except RealpolitikError as error:
        typer.echo(str(error), err=True)
        sys.exit(2)
