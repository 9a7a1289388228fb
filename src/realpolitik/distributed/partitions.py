"""Cutting a corpus into partitions a Dask task can read on its own.

A partition is a small picklable description (file, first and past-last line
or row), not data: the client reads each file once to count its lines and to
find files that are damaged as a whole, and each worker then reads just its
slice. The partition id is derived from the file path and the slice, so a task
retried after a worker died writes the very same output file names.

Records are parsed with the ingest readers' own ``parse_record``, so ids,
dates and problems are exactly those of the single-process run.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.distributed.inputs import is_parquet
from realpolitik.ingest.decode import SNIFF_BYTES, binary_reason
from realpolitik.ingest.formats import format_of
from realpolitik.ingest.jsonl import binary_lines, line_limit, parse_record
from realpolitik.ingest.problems import ReadCode, problem
from realpolitik.ingest.readers import MAX_CHARS, read_file
from realpolitik.records import Document, ReadProblem

JSONL, PARQUET, FILES = "jsonl", "parquet", "files"
PARQUET_COLUMNS = ("id", "text", "date", "title", "url")
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class PartitionSpec:
    """One task's share of the input: lines ``[start, stop)`` (1-based) of a JSON Lines
    file, rows ``[start, stop)`` (0-based) of a Parquet file, or a group of single-document
    files."""

    kind: str
    paths: tuple[str, ...]
    start: int
    stop: int
    offset: int = 0

    @property
    def partition_id(self) -> str:
        """Stable name of this slice: same input, same slice → same output file names."""
        first = Path(self.paths[0])
        digest = hashlib.blake2b("\n".join(self.paths).encode("utf-8"), digest_size=5)
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in first.stem)[:40]
        return f"{stem}-{digest.hexdigest()}-{self.start:09d}"

    @property
    def size(self) -> int:
        """Documents (lines, rows or files) this partition covers, for the ETA."""
        return self.stop - self.start


@dataclass(slots=True)
class Plan:
    """Every partition of a run, and the inputs refused before any task started."""

    partitions: list[PartitionSpec]
    problems: list[ReadProblem]

    @property
    def documents(self) -> int:
        """Upper bound of the documents the run will code (blank lines included)."""
        return sum(spec.size for spec in self.partitions)


def _jsonl_stream(raw: BinaryIO, path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def _physical_lines(stream: BinaryIO) -> Iterator[tuple[int, bool]]:
    """(bytes, is blank) of each line, read in bounded pieces as the reader reads them."""
    limit = line_limit(MAX_CHARS)
    while raw := stream.readline(limit):
        length, blank = len(raw), not raw.strip()
        while len(raw) == limit and not raw.endswith(b"\n"):
            raw = stream.readline(limit)
            length, blank = length + len(raw), blank and not raw.strip()
        yield length, blank


def _line_starts(path: Path) -> tuple[list[tuple[int, int]], ReadProblem | None]:
    """(line number, byte offset) of every non-blank line, and a problem with the whole file."""
    origin = str(path)
    starts: list[tuple[int, int]] = []
    try:
        with path.open("rb") as raw:
            stream = _jsonl_stream(raw, path)
            head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
            if reason := binary_reason(head):
                return [], problem(origin, reason, ReadCode.BINARY)
            offset = 0
            for number, (length, blank) in enumerate(_physical_lines(stream), start=1):
                if not blank:
                    starts.append((number, offset))
                offset += length
    except FileNotFoundError:
        return [], problem(origin, "no such file or directory", ReadCode.NOT_FOUND)
    except GZIP_ERRORS as error:
        after = f"{origin}:{starts[-1][0]}" if starts else "the start"
        return starts, problem(origin, f"corrupt gzip data after {after}: {error}",
                               ReadCode.BAD_GZIP)
    except OSError as error:
        return [], problem(origin, f"cannot read: {error.strerror or error}", ReadCode.UNREADABLE)
    if not starts:
        return [], problem(origin, "empty document (no JSON Lines records)", ReadCode.EMPTY)
    return starts, None


def _jsonl_partitions(path: Path, lines_per_partition: int) -> tuple[list[PartitionSpec],
                                                                      ReadProblem | None]:
    starts, trouble = _line_starts(path)
    compressed = path.name.lower().endswith(".gz")
    specs: list[PartitionSpec] = []
    for index in range(0, len(starts), lines_per_partition):
        first, offset = starts[index]
        following = index + lines_per_partition
        stop = starts[following][0] if following < len(starts) else starts[-1][0] + 1
        specs.append(PartitionSpec(kind=JSONL, paths=(str(path),), start=first, stop=stop,
                                   offset=0 if compressed else offset))
    return specs, trouble


def _parquet_partitions(path: Path, rows_per_partition: int) -> tuple[list[PartitionSpec],
                                                                        ReadProblem | None]:
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        return [], problem(str(path), f"not a readable Parquet file: {error}",
                           ReadCode.UNREADABLE)
    if "text" not in parquet.schema_arrow.names:
        return [], problem(str(path), "Parquet input has no 'text' column",
                           ReadCode.NO_TEXT)
    rows = parquet.metadata.num_rows
    specs = [
        PartitionSpec(kind=PARQUET, paths=(str(path),), start=start,
                      stop=min(start + rows_per_partition, rows))
        for start in range(0, rows, rows_per_partition)
    ]
    return specs, None


def _input_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child for child in path.rglob("*")
                if child.is_file() and (format_of(child.name) or is_parquet(child))
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            yield path


def plan_partitions(paths: Iterable[Path], *, documents_per_partition: int = 200) -> Plan:
    """Partitions covering every document of ``paths``, in input order."""
    partitions: list[PartitionSpec] = []
    problems: list[ReadProblem] = []
    single_files: list[str] = []
    for path in _input_files(paths):
        ending = format_of(path.name)
        if is_parquet(path):
            specs, trouble = _parquet_partitions(path, documents_per_partition)
        elif ending in (".jsonl", ".jsonl.gz"):
            specs, trouble = _jsonl_partitions(path, documents_per_partition)
        else:
            single_files.append(str(path))
            continue
        partitions.extend(specs)
        if trouble is not None:
            problems.append(trouble)
    for index in range(0, len(single_files), documents_per_partition):
        group = tuple(single_files[index : index + documents_per_partition])
        partitions.append(PartitionSpec(kind=FILES, paths=group, start=0, stop=len(group)))
    return Plan(partitions=partitions, problems=problems)


def _read_jsonl_slice(
    spec: PartitionSpec, default_date: date | None, max_chars: int
) -> Iterator[Document | ReadProblem]:
    path = Path(spec.paths[0])
    origin = str(path)
    ending = format_of(path.name) or path.suffix
    stem = path.name[: -len(ending)] or path.name
    with path.open("rb") as raw:
        raw.seek(spec.offset)
        stream = _jsonl_stream(raw, path)
        first = spec.start if spec.offset else 1
        lines = binary_lines(stream, origin, max_chars)
        skipped = islice(lines, spec.start - first, None)
        for relative, line in skipped:
            number = relative + first - 1
            if number >= spec.stop:
                return
            if isinstance(line, ReadProblem):
                yield line
            elif line.strip():
                yield parse_record(line, origin=f"{origin}:{number}",
                                   fallback_id=f"{stem}-{number}", default_date=default_date,
                                   max_chars=max_chars)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


def _read_parquet_slice(
    spec: PartitionSpec, default_date: date | None, max_chars: int
) -> Iterator[Document | ReadProblem]:
    path = Path(spec.paths[0])
    parquet = pq.ParquetFile(path)
    columns = [name for name in PARQUET_COLUMNS if name in parquet.schema_arrow.names]
    row = 0
    for group in range(parquet.num_row_groups):
        group_rows = parquet.metadata.row_group(group).num_rows
        if row + group_rows > spec.start and row < spec.stop:
            table = parquet.read_row_group(group, columns=columns)
            low, high = max(spec.start - row, 0), min(spec.stop - row, group_rows)
            for index, record in enumerate(table.slice(low, high - low).to_pylist()):
                number = row + low + index + 1
                line = json.dumps({key: _json_value(value) for key, value in record.items()})
                yield parse_record(line, origin=f"{path}:{number}",
                                   fallback_id=f"{path.stem}-{number}",
                                   default_date=default_date, max_chars=max_chars)
        row += group_rows


def read_partition(
    spec: PartitionSpec, *, default_date: date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Document | ReadProblem]:
    """The documents (and problems) of one partition, streamed."""
    if spec.kind == JSONL:
        try:
            yield from _read_jsonl_slice(spec, default_date, max_chars)
        except GZIP_ERRORS:
            return  # the client reported the damaged file when it planned the run
    elif spec.kind == PARQUET:
        yield from _read_parquet_slice(spec, default_date, max_chars)
    else:
        for name in spec.paths:
            yield from read_file(Path(name), default_date=default_date, max_chars=max_chars)
