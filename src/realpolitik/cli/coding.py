"""Commands that code text: ``code``, ``eval`` and ``demo``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.formatting import EventWriter
from realpolitik.cli.options import parse_date
from realpolitik.cli.progress import progress_bar
from realpolitik.coding import CodingReport, code_paths
from realpolitik.evaluate import read_jsonl, score_events
from realpolitik.pipeline import Coder

FORMATS = ("jsonl", "table", "csv")


def code_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    doc_date: Annotated[
        str | None, typer.Option("--date", help="Document date YYYY-MM-DD for plain files.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, table or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor file (YAML or PETRARCH).")
    ] = None,
    verbs: Annotated[
        list[Path] | None, typer.Option("--verbs", help="Extra cue lexicon file (YAML).")
    ] = None,
) -> None:
    """Code news text into CAMEO/PLOVER events (JSON Lines by default)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    coder = Coder(actor_files=actors or (), lexicon_files=verbs or ())
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    writer = EventWriter(out, fmt)
    with progress_bar("coding") as advance:
        report = code_paths(
            paths, coder=coder, default_date=parse_date(doc_date),
            on_events=writer.write_all, on_document=advance,
        )
    writer.close()
    if output:
        out.close()
    _finish(report)


def _finish(report: CodingReport) -> None:
    for line in report.problem_lines():
        typer.echo(line, err=True)
    typer.echo(report.summary(), err=True)
    if report.coded == 0 and (report.failed or report.skipped):
        raise typer.Exit(1)


def eval_command(
    docs: Annotated[Path, typer.Option("--docs", help="Documents, JSON Lines.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold events, JSON Lines.")],
    predictions: Annotated[
        Path | None, typer.Option("--save", help="Also write the predictions here.")
    ] = None,
    show: Annotated[bool, typer.Option("--show", help="List misses and false positives.")] = False,
) -> None:
    """Code DOCS and score the events against GOLD with the schema's rules."""
    events: list[dict[str, object]] = []
    code_paths([str(docs)], coder=Coder(), on_events=events.extend)
    if predictions:
        EventWriter(predictions.open("w", encoding="utf-8"), "jsonl").write_all(events)
    score = score_events(read_jsonl(gold), events)
    for line in score.lines(show=show):
        typer.echo(line)


def demo_command(
    serve: Annotated[bool, typer.Option("--serve", help="Then serve the web app.")] = False,
) -> None:
    """Code the built-in corpus and show what came out."""
    from realpolitik.demo.run import run_demo

    run_demo(serve=serve)


def register(app: typer.Typer) -> None:
    app.command("code")(code_command)
    app.command("eval")(eval_command)
    app.command("demo")(demo_command)
