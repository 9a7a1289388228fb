"""Write streamed Arrow batches to one file in the chosen format."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq


def write_csv(reader: pa.RecordBatchReader, out_path: Path, *, delimiter: str = ",") -> int:
    """CSV with a header row; returns the number of rows written."""
    written = 0
    options = pa_csv.WriteOptions(include_header=True, delimiter=delimiter)
    with pa_csv.CSVWriter(out_path, _csv_safe(reader.schema), write_options=options) as sink:
        for batch in reader:
            sink.write_batch(_csv_batch(batch))
            written += batch.num_rows
    return written


def _csv_safe(schema: pa.Schema) -> pa.Schema:
    """Lists and JSON become text, which CSV can hold."""
    return pa.schema(
        [
            pa.field(field.name, pa.string()) if _needs_text(field.type) else field
            for field in schema
        ]
    )


def _needs_text(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(kind) or pa.types.is_struct(kind) or pa.types.is_large_list(kind)
    )


def _csv_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns = []
    for column, field in zip(batch.columns, batch.schema, strict=True):
        if _needs_text(field.type):
            column = pa.array([json.dumps(value) for value in column.to_pylist()], pa.string())
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=_csv_safe(batch.schema))


def write_parquet(reader: pa.RecordBatchReader, out_path: Path) -> int:
    """One Parquet file; column types are kept."""
    written = 0
    with pq.ParquetWriter(out_path, reader.schema) as sink:
        for batch in reader:
            sink.write_batch(batch)
            written += batch.num_rows
    return written


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_jsonl(
    reader: pa.RecordBatchReader, out_path: Path, *, json_columns: tuple[str, ...] = ()
) -> int:
    """One JSON object a line; ``json_columns`` hold JSON text that is embedded as values."""
    written = 0
    with out_path.open("w", encoding="utf-8") as sink:
        for batch in reader:
            for record in batch.to_pylist():
                for name in json_columns:
                    if isinstance(record.get(name), str):
                        record[name] = json.loads(record[name])
                line = {key: _json_value(value) for key, value in record.items()}
                sink.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
    return written
