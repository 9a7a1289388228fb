"""Partitions must cover every line exactly once and read it as the single-process reader does."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from realpolitik.distributed.inputs import estimate_documents
from realpolitik.distributed.partitions import (
    FILES,
    JSONL,
    PARQUET,
    plan_partitions,
    read_partition,
)
from realpolitik.ingest.readers import read_documents
from realpolitik.records import Document, ReadProblem

RECORDS = [
    {"id": "a1", "text": "Kenya and Ethiopia agreed to cut tariffs.", "date": "2023-05-03"},
    {"text": "Japan pledged aid to the Philippines.", "title": "Aid"},
    {"id": "a3", "text": "Brazil rejected criticism from Germany.", "url": "https://x.example/3"},
    {"id": "a4", "text": "Egypt hosted talks on Sudan.", "date": "2023-07-30"},
    {"id": "a5", "text": "Mexico expelled a Peruvian diplomat.", "date": "not a date"},
]


def _jsonl_lines() -> list[str]:
    lines = [json.dumps(record) for record in RECORDS]
    lines.insert(2, "")
    lines.insert(4, "{broken json")
    return lines


@pytest.fixture()
def jsonl_file(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def gzip_file(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(_jsonl_lines()) + "\n").encode("utf-8")))
    return path


def _as_tuples(items: list[Document | ReadProblem]) -> list[tuple[object, ...]]:
    return [
        (item.id, item.text, item.date, item.title, item.url, item.origin)
        if isinstance(item, Document)
        else (item.code, item.origin, item.doc_id)
        for item in items
    ]


def _read_all(path: Path, size: int) -> list[Document | ReadProblem]:
    plan = plan_partitions([path], documents_per_partition=size)
    assert not plan.problems
    return [item for spec in plan.partitions for item in read_partition(spec)]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_jsonl_partitions_read_what_the_reader_reads(jsonl_file: Path, size: int) -> None:
    expected = _as_tuples(list(read_documents([jsonl_file])))
    assert _as_tuples(_read_all(jsonl_file, size)) == expected


@pytest.mark.parametrize("size", [1, 4])
def test_gzip_partitions_read_what_the_reader_reads(gzip_file: Path, size: int) -> None:
    expected = _as_tuples(list(read_documents([gzip_file])))
    assert _as_tuples(_read_all(gzip_file, size)) == expected


def test_partition_ids_are_stable_and_distinct(jsonl_file: Path) -> None:
    first = plan_partitions([jsonl_file], documents_per_partition=2).partitions
    second = plan_partitions([jsonl_file], documents_per_partition=2).partitions
    assert [spec.partition_id for spec in first] == [spec.partition_id for spec in second]
    assert len({spec.partition_id for spec in first}) == len(first) == 3
    assert {spec.kind for spec in first} == {JSONL}


def test_damaged_and_empty_files_are_reported_not_fatal(tmp_path: Path, jsonl_file: Path) -> None:
    truncated = tmp_path / "truncated.jsonl.gz"
    data = gzip.compress(("\n".join(_jsonl_lines()) + "\n").encode("utf-8") * 50)
    truncated.write_bytes(data[: len(data) // 2])
    not_gzip = tmp_path / "fake.jsonl.gz"
    not_gzip.write_bytes(b"plain bytes, not gzip at all\n")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    plan = plan_partitions([jsonl_file, truncated, not_gzip, empty, tmp_path / "missing.jsonl"])
    codes = sorted(problem.code for problem in plan.problems)
    assert codes == ["E101", "E104", "E115", "E115"]
    covered = {spec.paths[0] for spec in plan.partitions}
    assert str(jsonl_file) in covered and str(truncated) in covered
    truncated_docs = [
        item for spec in plan.partitions if spec.paths[0] == str(truncated)
        for item in read_partition(spec) if isinstance(item, Document)
    ]
    assert truncated_docs, "the records before the damage are still read"


def test_parquet_rows_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.parquet"
    table = pa.table({
        "id": ["p1", None, "p3"],
        "text": ["Turkey offered to mediate.", "India protested to China.", ""],
        "date": pa.array([None, None, None], type=pa.date32()),
        "title": ["T1", None, None],
    })
    pq.write_table(table, path, row_group_size=2)
    plan = plan_partitions([tmp_path], documents_per_partition=2)
    assert [(spec.kind, spec.start, spec.stop) for spec in plan.partitions] == [
        (PARQUET, 0, 2), (PARQUET, 2, 3)
    ]
    items = [item for spec in plan.partitions for item in read_partition(spec)]
    assert [item.id for item in items if isinstance(item, Document)] == ["p1", "wire-2"]
    assert [item.code for item in items if isinstance(item, ReadProblem)] == ["E110"]
    assert estimate_documents([tmp_path]) == 3


def test_single_document_files_are_grouped(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text("Egypt hosted talks between the two sides.", "utf-8")
    plan = plan_partitions([tmp_path], documents_per_partition=2)
    assert [(spec.kind, spec.size) for spec in plan.partitions] == [(FILES, 2), (FILES, 1)]
    ids = [item.id for spec in plan.partitions for item in read_partition(spec)
           if isinstance(item, Document)]
    assert sorted(ids) == ["one", "three", "two"]
