"""Finding the input files of a run and estimating how many documents they hold.

The count only feeds the ETA, so it is cheap and forgiving: one pass over the
raw lines of JSON Lines files (no JSON parsing), Parquet row counts from file
footers, one document per other file, and nothing for a file it cannot read
(the reader reports that file properly later).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")


def is_jsonl(path: Path) -> bool:
    """JSON Lines, plain or gzipped: one document a line."""
    return path.name.lower().endswith(JSONL_SUFFIXES)


def is_parquet(path: Path) -> bool:
    """A Parquet file with columns id, text, date, title, url."""
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and every file under a named directory, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(child for child in path.rglob("*") if child.is_file())
        else:
            yield path


def open_lines(path: Path) -> Iterator[bytes]:
    """The raw lines of a JSON Lines file, gunzipping ``.gz`` transparently."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield from handle


def count_jsonl_lines(path: Path) -> int:
    """Non-blank lines: what the reader will turn into documents or problems."""
    count = 0
    try:
        for line in open_lines(path):
            if line.strip():
                count += 1
    except (OSError, EOFError, zlib.error):
        return count
    return count


def count_parquet_rows(path: Path) -> int:
    """Rows from the Parquet footer, without reading any data page."""
    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, pa.ArrowException):
        return 0


def estimate_documents(paths: Iterable[Path]) -> int:
    """How many documents a run will see, for its ETA."""
    total = 0
    for path in expand_paths(paths):
        if is_jsonl(path):
            total += count_jsonl_lines(path)
        elif is_parquet(path):
            total += count_parquet_rows(path)
        elif path.exists():
            total += 1
    return total
