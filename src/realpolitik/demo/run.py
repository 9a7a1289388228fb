"""``realpolitik demo``: the whole main job on the built-in corpus, in one command.

It codes and stores the corpus in the default store, then shows what a user
comes for: events per root, the busiest dyads, example events with the
sentence that proves them, and one relation over time.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from realpolitik.analysis import dyads, timeline
from realpolitik.demo.summary import EventSummary, summarise
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
        events = store.con.execute(
            "SELECT * FROM events WHERE source_code IS NOT NULL ORDER BY doc_id, sentence_index"
        ).df()
        summary = summarise(_event_records(events))
        pairs = dyads(store.con, limit=8)
        shown = _print_summary(console, summary, pairs)
        if shown is not None:
            a, b = shown
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


def _event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of the events table back in the shape of the event schema."""
    records = []
    for row in frame.to_dict("records"):
        target = None
        if row["target_code"] is not None and not pd.isna(row["target_code"]):
            target = {"code": row["target_code"], "text": row["target_text"]}
        records.append(
            {
                "doc_id": row["doc_id"],
                "root": row["root"],
                "cameo": row["cameo"],
                "label": row["label"],
                "mode": row["mode"],
                "date": row["date"],
                "goldstein": row["goldstein"],
                "confidence": row["confidence"],
                "sentence": row["sentence"],
                "source": {"code": row["source_code"], "text": row["source_text"]},
                "target": target,
            }
        )
    return records


def _print_summary(
    console: Console, summary: EventSummary, pairs: pd.DataFrame
) -> tuple[str, str] | None:
    roots = Table(title="Asserted events per CAMEO root")
    for column in ("root", "label", "events"):
        roots.add_column(column)
    for root, label, count in summary.by_root:
        roots.add_row(root, label.capitalize(), str(count))
    console.print(roots)
    console.print(_frame_table(pairs[list(DYAD_COLUMNS)], "Most active dyads (country level)"))
    console.print("[bold]Example events[/bold]")
    for event in summary.examples:
        target = event["target"]["code"] if event.get("target") else "—"
        console.print(
            f"  {event['source']['code']} → {target}  {event['cameo']} {event['label']} "
            f"({event['date'] or 'no date'}, goldstein {event['goldstein']:+.1f})\n"
            f"    “{event['sentence']}”"
        )
    if pairs.empty:
        return None
    top = pairs.iloc[0]
    return str(top["source"]), str(top["target"])


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
        return value.date().isoformat()[:7]
    return str(value)[:10]
