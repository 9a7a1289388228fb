"""Writing one partition's coded output as Parquet files, safely under retries.

Layout (hive style, readable by DuckDB, pandas, Spark and pyarrow datasets)::

    OUT/events/year_month=2022-05/part-<partition id>.parquet
    OUT/events/year_month=undated/part-<partition id>.parquet
    OUT/documents/part-<partition id>.parquet

The file name depends only on the partition, and each file is written under a
hidden temporary name and renamed into place, so a task that is retried after a
worker died replaces its own files instead of adding a second copy, and a
reader never sees half a file. Columns are those of the store's tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from realpolitik.store.rows import EVENT_ID_SQL, StoredDocument, document_table, event_table

UNDATED = "undated"


def _write_atomically(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, target)


_EVENT_COLUMNS_SQL = f"""
SELECT {EVENT_ID_SQL} AS event_id, *,
    CAST(CASE length(date)
        WHEN 10 THEN try_strptime(date, '%Y-%m-%d')
        WHEN 7 THEN try_strptime(date, '%Y-%m')
        WHEN 4 THEN try_strptime(date, '%Y')
    END AS DATE) AS event_date,
    CASE WHEN event_date IS NULL THEN NULL
         ELSE CASE length(date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' ELSE 'year' END
    END AS date_precision,
    coalesce(strftime(event_date, '%Y-%m'), '{UNDATED}') AS year_month
FROM partition_events
"""


def _event_rows(items: Sequence[StoredDocument]) -> pa.Table:
    """The store's event columns (with ``event_id`` and ``event_date``) plus ``year_month``."""
    with duckdb.connect() as con:
        con.register("partition_events", event_table(items))
        return con.sql(_EVENT_COLUMNS_SQL).to_arrow_table()


def write_partition(
    out_dir: Path, partition_id: str, items: Sequence[StoredDocument], *, ingested_at: datetime
) -> list[Path]:
    """Write a partition's events (split by event month) and documents; the files written."""
    written: list[Path] = []
    events = _event_rows(items)
    months = events["year_month"]
    for month in sorted(set(months.to_pylist())):
        subset = events.filter(pc.equal(months, month)).drop_columns(["year_month"])
        target = out_dir / "events" / f"year_month={month}" / f"part-{partition_id}.parquet"
        _write_atomically(subset, target)
        written.append(target)
    documents = document_table(items, ingested_at)
    target = out_dir / "documents" / f"part-{partition_id}.parquet"
    _write_atomically(documents, target)
    written.append(target)
    return written
