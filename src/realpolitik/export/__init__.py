"""Events out of the store as CSV, Parquet, JSON Lines, GDELT and PLOVER files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from realpolitik.errors import WebError
from realpolitik.export.gdelt import gdelt_columns, gdelt_select
from realpolitik.export.plover import PLOVER_SELECT
from realpolitik.export.selection import PLAIN_SELECT, selected_rows
from realpolitik.export.writers import write_csv, write_jsonl, write_parquet

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "plover")


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out_path: str | Path,
    *,
    since: date | None = None,
    until: date | None = None,
) -> int:
    """Write the stored events to ``out_path`` in ``fmt``; returns the rows written.

    Args:
        fmt: csv, parquet, jsonl (one event row a line), gdelt (GDELT 2.0 event
            table, tab-separated with a header) or plover (PLOVER-style JSON Lines).
        since, until: inclusive bounds on the event date (the document date for
            undated events).
    """
    if fmt not in FORMATS:
        raise WebError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}",
                       code="E610")
    target = Path(out_path)
    if not target.parent.is_dir():
        raise WebError(f"{target}: folder {target.parent} does not exist", code="E611")
    select_sql = {"gdelt": gdelt_select(), "plover": PLOVER_SELECT}.get(fmt, PLAIN_SELECT)
    reader = selected_rows(con, select_sql, since=since, until=until)
    try:
        if fmt in ("csv", "gdelt"):
            return write_csv(reader, target, delimiter="\t" if fmt == "gdelt" else ",")
        if fmt == "parquet":
            return write_parquet(reader, target)
        return write_jsonl(reader, target, json_columns=("quantities",))
    except OSError as error:
        raise WebError(f"{target}: cannot write the export: {error.strerror}",
                       code="E612") from error


__all__ = ["FORMATS", "export", "gdelt_columns"]
