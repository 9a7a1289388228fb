"""Commands over the event store: ingest, dyads, timeline, trends, network, events, sql, export.

Each command parses its options and calls the public function of the same
name in ``realpolitik.store``, ``realpolitik.analysis`` or ``realpolitik.export``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from realpolitik import analysis
from realpolitik.cli.options import parse_date
from realpolitik.errors import DistributedError
from realpolitik.export import FORMATS, export
from realpolitik.store import DB_ENV_VAR, IngestReport, ingest, open_store

DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar=DB_ENV_VAR, help="Database file [default: ./realpolitik.duckdb]."),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date, YYYY-MM-DD.")]
LevelOption = Annotated[
    str, typer.Option("--level", help="country (PAKGOV counts as PAK) or actor.")
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")]


def _period(value: str) -> tuple[date, date]:
    start, _, end = value.partition(":")
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None or first > last:
        raise typer.BadParameter(f"{value!r}: give a period as YYYY-MM-DD:YYYY-MM-DD")
    return first, last


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _show(frame: pd.DataFrame, fmt: str, title: str | None = None) -> None:
    """Print a frame as a rich table, CSV or JSON records."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        typer.echo(frame.to_json(orient="records", date_format="iso", indent=2))
    elif fmt == "table":
        table = Table(title=title)
        for column in frame.columns:
            table.add_column(str(column))
        for row in frame.itertuples(index=False):
            table.add_row(*(_cell(value) for value in row))
        Console().print(table)
    else:
        raise typer.BadParameter(f"--format must be table, csv or json, not {fmt!r}")


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    db: DbOption = None,
    doc_date: Annotated[
        str | None, typer.Option("--date", help="Document date YYYY-MM-DD for plain files.")
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor file (YAML or PETRARCH).")
    ] = None,
    window: Annotated[int, typer.Option("--window", help="Story window in days.")] = 3,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Coding processes [default: the number of cores]."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Code on a Dask cluster: 'local' or tcp://host:8786."),
    ] = None,
    parquet_out: Annotated[
        Path | None, typer.Option("--parquet-out", help="With --dask: a Parquet dataset here.")
    ] = None,
    log: Annotated[Path | None, typer.Option("--log", help="Run log (JSON Lines).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Code documents and store them (idempotent: unchanged documents are skipped)."""
    report = _run_ingest(
        paths, db=db, date=parse_date(doc_date), actor_files=actors or (), window_days=window,
        workers=workers, dask=dask, parquet_out=parquet_out, log_path=log,
    )
    for line in report.problems:
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    typer.echo(
        f"{report.db_path}: read {report.read}, stored {report.stored} "
        f"({report.events} events), unchanged {report.unchanged}, "
        f"skipped {report.skipped}, failed {report.failed}",
        err=True,
    )


def _run_ingest(
    paths: list[str],
    *,
    db: Path | None,
    date: date | None,
    actor_files: Sequence[Path],
    window_days: int,
    workers: int | None,
    dask: str | None,
    parquet_out: Path | None,
    log_path: Path | None,
) -> IngestReport:
    """One process, a local pool, or a Dask cluster, by the options given.

    Standard input can only be read by this process, so ``-`` codes in process.
    """
    from realpolitik.distributed.parallel import default_workers, ingest_parallel

    count = workers or default_workers()
    if dask is not None:
        from realpolitik.distributed.dask_run import ingest_dask

        summary = ingest_dask(
            paths, db=db, scheduler=dask, parquet_out=parquet_out, workers=workers, date=date,
            actor_files=actor_files, window_days=window_days, log_path=log_path,
            show_progress=True,
        )
        return _stored(summary.report)
    if count > 1 and "-" not in paths:
        summary = ingest_parallel(
            paths, db=db, workers=count, date=date, actor_files=actor_files,
            window_days=window_days, log_path=log_path, show_progress=True,
        )
        return _stored(summary.report)
    return ingest(paths, db=db, actor_files=actor_files, date=date, window_days=window_days)


def dyads_command(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    level: LevelOption = "country",
    mode: Annotated[str, typer.Option("--mode", help="Event mode, or all.")] = "asserted",
    limit: Annotated[int, typer.Option("--limit", help="Pairs to show.")] = 20,
    fmt: FormatOption = "table",
) -> None:
    """The most active actor pairs: events, Goldstein sum and mean, QuadClass counts."""
    with open_store(db, read_only=True) as store:
        frame = analysis.dyads(
            store.con, since=parse_date(since), until=parse_date(until), level=level, mode=mode,
            limit=limit,
        )
    _show(frame, fmt, title="Most active dyads")


def timeline_command(
    a: Annotated[str, typer.Argument(help="First actor, e.g. PAK.")],
    b: Annotated[str, typer.Argument(help="Second actor, e.g. USA.")],
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="day, week, month, quarter or year.")] = "month",
    one_way: Annotated[bool, typer.Option("--one-way", help="Only A acting on B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    level: LevelOption = "country",
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw a PNG here.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """The relation between A and B over time: Goldstein, cooperation and conflict."""
    with open_store(db, read_only=True) as store:
        frame = analysis.timeline(
            store.con, a, b, by=by, direction="a_to_b" if one_way else "both",
            since=parse_date(since), until=parse_date(until), level=level,
        )
    arrow = "→" if one_way else "↔"
    title = f"{a.upper()} {arrow} {b.upper()} by {by}"
    if plot:
        from realpolitik.analysis.plots import plot_timeline

        plot_timeline(frame, title, plot)
        typer.echo(f"plot written to {plot}", err=True)
    _show(frame, fmt, title=title)


def trends_command(
    period_a: Annotated[str, typer.Option("--from", help="Earlier period START:END.")],
    period_b: Annotated[str, typer.Option("--to", help="Later period START:END.")],
    db: DbOption = None,
    level: LevelOption = "country",
    limit: Annotated[int, typer.Option("--limit", help="Relations to show.")] = 10,
    fmt: FormatOption = "table",
) -> None:
    """Relations that warmed or cooled most between two periods, with the driving events."""
    with open_store(db, read_only=True) as store:
        frame = analysis.trends(
            store.con, period_a=_period(period_a), period_b=_period(period_b), level=level,
            limit=limit,
        )
    _show(frame, fmt, title="Biggest changes in Goldstein sum")


def network_command(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    level: LevelOption = "country",
    quad: Annotated[
        list[int] | None, typer.Option("--quad", help="Only these QuadClasses (repeat).")
    ] = None,
    min_events: Annotated[int, typer.Option("--min-events", help="Weakest edge kept.")] = 1,
    graphml: Annotated[Path | None, typer.Option("--graphml", help="Write GraphML.")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write JSON.")] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Draw a PNG.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """The actor network (edges weighted by events, signed by tone), as files or a table."""
    with open_store(db, read_only=True) as store:
        data = analysis.network(
            store.con, since=parse_date(since), until=parse_date(until), level=level,
            quad_classes=quad, min_events=min_events,
        )
    for path, kind in ((graphml, "graphml"), (json_path, "json")):
        if path:
            analysis.write_network(data, path, kind)
            typer.echo(f"{kind} written to {path}", err=True)
    if png:
        from realpolitik.analysis.plots import plot_network

        plot_network(data, f"Actor network ({level} level)", png)
        typer.echo(f"drawing written to {png}", err=True)
    _show(pd.DataFrame(data["edges"]), fmt, title=f"{len(data['nodes'])} actors")


def events_command(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code or country.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target code.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, e.g. 18.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    mode: Annotated[str | None, typer.Option("--mode", help="Event mode.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document id.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Rows to skip.")] = 0,
    fmt: FormatOption = "table",
) -> None:
    """Events matching the filters, newest first, with their evidence sentence."""
    with open_store(db, read_only=True) as store:
        frame = analysis.events(
            store.con, actor=actor, target=target, root=root, since=parse_date(since),
            until=parse_date(until), mode=mode, doc_id=doc, limit=limit, offset=offset,
        )
    if fmt == "table":
        frame = frame[["date", "source_code", "target_code", "cameo", "label", "mode",
                       "sentence", "doc_id"]]
    _show(frame, fmt, title="Events")


def sql_command(
    query: Annotated[str, typer.Argument(help="One SELECT or WITH query.")],
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Run one read-only SQL query on the store."""
    _show(analysis.run_sql(db, query), fmt)


def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=", ".join(FORMATS))] = "csv",
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write the stored events as csv, parquet, jsonl, gdelt or plover."""
    with open_store(db, read_only=True) as store:
        written = export(store.con, fmt, out, since=parse_date(since), until=parse_date(until))
    typer.echo(f"{written} rows written to {out} ({fmt})", err=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("dyads")(dyads_command)
    app.command("timeline")(timeline_command)
    app.command("trends")(trends_command)
    app.command("network")(network_command)
    app.command("events")(events_command)
    app.command("sql")(sql_command)
    app.command("export")(export_command)


def _stored(report: IngestReport | None) -> IngestReport:
    """Both pools store what they code, so a run summary without a store report is a bug."""
    if report is None:
        raise DistributedError("the run finished without a store report", code="E709")
    return report
