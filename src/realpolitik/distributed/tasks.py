"""The functions Dask runs on its workers.

Workers import this module by name, so the Coder cached here lives once per
worker process: the first task (or the warm-up) pays the model load, every
later task reuses it. A worker restarted by its nanny starts with an empty
cache and simply loads again.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from realpolitik.distributed.coding import CoderSettings, WorkerCoder, peak_rss_mb
from realpolitik.distributed.parquet_out import write_partition
from realpolitik.distributed.partitions import PartitionSpec, read_partition
from realpolitik.distributed.progress import Failure
from realpolitik.records import Document, ReadProblem
from realpolitik.store.rows import StoredDocument, content_hash, failed_document

_CODERS: dict[CoderSettings, WorkerCoder] = {}


def worker_coder(settings: CoderSettings) -> WorkerCoder:
    """This process's Coder for ``settings``, built on first use and kept."""
    coder = _CODERS.get(settings)
    if coder is None:
        _CODERS.clear()
        coder = _CODERS[settings] = WorkerCoder(settings)
    return coder


def warm_up(settings: CoderSettings) -> tuple[int, float]:
    """Load the Coder before the clock starts; (pid, seconds it took)."""
    started = time.perf_counter()
    worker_coder(settings).load()
    return os.getpid(), time.perf_counter() - started


@dataclass(slots=True)
class PartitionResult:
    """What a task sends back: counts always, the coded documents when the client stores them."""

    partition_id: str
    read: int = 0
    coded: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    stored: list[StoredDocument] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    pid: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0


def _problem_failure(problem: ReadProblem) -> Failure:
    return Failure(origin=problem.origin, reason=problem.reason, doc_id=problem.doc_id,
                   code=problem.code)


def _code_documents(
    coder: WorkerCoder, documents: list[Document], result: PartitionResult
) -> list[StoredDocument]:
    stored: list[StoredDocument] = []
    for document, outcome in zip(documents, coder.code(documents), strict=True):
        if isinstance(outcome, Failure):
            result.failures.append(outcome)
            problem = ReadProblem(origin=outcome.origin, reason=outcome.reason,
                                  code=outcome.code, doc_id=outcome.doc_id)
            stored.append(failed_document(problem))
            continue
        if outcome.status == "coded":
            result.coded += 1
            result.events += len(outcome.events)
        else:
            result.skipped += 1
        stored.append(StoredDocument(coded=outcome, content_hash=content_hash(document),
                                     origin=document.origin))
    return stored


def code_partition(
    spec: PartitionSpec,
    settings: CoderSettings,
    *,
    out_dir: str | None,
    return_documents: bool,
    default_date: date | None = None,
) -> PartitionResult:
    """Read, code and (optionally) write one partition; safe to run twice."""
    coder = worker_coder(settings)
    cpu_at_start = time.process_time()
    result = PartitionResult(partition_id=spec.partition_id, pid=os.getpid())
    stored: list[StoredDocument] = []
    documents: list[Document] = []
    for item in read_partition(spec, default_date=default_date):
        if isinstance(item, ReadProblem):
            result.failures.append(_problem_failure(item))
            stored.append(failed_document(item))
            continue
        result.read += 1
        documents.append(item)
        if len(documents) >= settings.batch_size:
            stored.extend(_code_documents(coder, documents, result))
            documents = []
    stored.extend(_code_documents(coder, documents, result))
    if out_dir is not None:
        files = write_partition(Path(out_dir), spec.partition_id, stored,
                                ingested_at=datetime.now())
        result.files = [str(path) for path in files]
    if return_documents:
        result.stored = stored
    result.peak_rss_mb = peak_rss_mb()
    result.cpu_seconds = time.process_time() - cpu_at_start
    return result
