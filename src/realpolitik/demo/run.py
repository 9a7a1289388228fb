"""``realpolitik demo``: the whole main job on the built-in corpus, in one command.

It codes and stores the corpus in the default store, then shows what a user
comes for: events per root, the busiest dyads, example events with the
sentence that proves them, and one relation over time.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import duckdb
import pandas as pd
from rich.console import Console
from rich.table import Table

from realpolitik.analysis import dyads, timeline
from realpolitik.ontology import lookup
from realpolitik.store import IngestReport, default_db_path, ingest, open_store

CORPUS = "corpus/articles.jsonl"
DYAD_COLUMNS = ("source", "target", "events", "goldstein_sum", "goldstein_mean", "quad1", "quad2",
                "quad3", "quad4")
TIMELINE_COLUMNS = ("period", "events", "goldstein_sum", "cooperation", "conflict")


def run_demo(
    *, db: Path | None = None, serve: bool = False, console: Console | None = None
) -> None:
    """Ingest the demo corpus, print the summary, and optionally serve the web app."""
    console = console or Console()
    db_path = db or default_db_path()
    with as_file(files("realpolitik.demo").joinpath(CORPUS)) as corpus:
        report = ingest([corpus], db=db_path, progress=console.is_terminal)
    console.print(_ingest_line(report))
    with open_store(db_path, read_only=True) as store:
        pairs = dyads(store.con, limit=8)
        _print_roots(console, store.con)
        console.print(_frame_table(pairs[list(DYAD_COLUMNS)], "Most active dyads (country level)"))
        _print_examples(console, store.con)
        if not pairs.empty:
            a, b = str(pairs.iloc[0]["source"]), str(pairs.iloc[0]["target"])
            frame = timeline(store.con, a, b, by="month")
            frame = frame[frame["events"] > 0][list(TIMELINE_COLUMNS)]
            console.print(_frame_table(frame, f"{a}–{b} by month, both directions (active months)"))
    if serve:
        from realpolitik.cli.web import DEFAULT_HOST, DEFAULT_PORT, make_server

        console.print(f"Serving the demo store on http://{DEFAULT_HOST}:{DEFAULT_PORT}/")
        make_server(db_path, DEFAULT_HOST, DEFAULT_PORT).run()


def _ingest_line(report: IngestReport) -> str:
    return (
        f"Stored the demo corpus in {report.db_path}: {report.stored} new documents, "
        f"{report.unchanged} unchanged, {report.events} events."
    )


def _print_roots(console: Console, con: duckdb.DuckDBPyConnection) -> None:
    table = Table(title="Asserted events per CAMEO root")
    for column in ("root", "label", "events"):
        table.add_column(column)
    rows = con.execute(
        "SELECT root, count(*) FROM events WHERE mode = 'asserted' GROUP BY root ORDER BY root"
    ).fetchall()
    for root, count in rows:
        table.add_row(root, lookup(root).label.capitalize(), str(count))
    console.print(table)


def _print_examples(console: Console, con: duckdb.DuckDBPyConnection, count: int = 3) -> None:
    """The most confident asserted events of distinct roots, with their evidence."""
    rows = con.execute(
        """
        SELECT source_code, target_code, cameo, label, date, goldstein, sentence
        FROM events WHERE mode = 'asserted' AND target_code IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY root ORDER BY confidence DESC, event_id) = 1
        ORDER BY confidence DESC, event_id LIMIT ?
        """,
        [count],
    ).fetchall()
    console.print("[bold]Example events[/bold]")
    for source, target, cameo, label, when, goldstein, sentence in rows:
        console.print(
            f"  {source} → {target}  {cameo} {label} ({when or 'no date'}, "
            f"goldstein {goldstein:+.1f})\n    “{sentence}”"
        )


def _frame_table(frame: pd.DataFrame, title: str) -> Table:
    table = Table(title=title)
    for column in frame.columns:
        table.add_column(str(column))
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(value) for value in row))
    return table


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())[:7]
    return str(value)[:10]
