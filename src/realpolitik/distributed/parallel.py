"""``ingest --workers N``: code with N processes on one machine, store from one.

The parent reads the input as a stream, skips what the store already holds,
hands batches to the worker pool and is the only process that writes to
DuckDB (which allows one writer per file). Documents are read, de-duplicated
and skipped in input order exactly as the single-process ``ingest`` does, so
both store the same documents and events; only the order of storing differs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from realpolitik.distributed.coding import CoderSettings, Outcome
from realpolitik.distributed.inputs import estimate_documents
from realpolitik.distributed.pool import Batch, BatchResult, LostBatch, WorkerPool
from realpolitik.distributed.progress import (
    Failure,
    ProgressCallback,
    RunProgress,
    RunSummary,
    default_log_path,
    summarise,
)
from realpolitik.records import Document, ReadProblem
from realpolitik.store import IngestReport, Store, StoredDocument, content_hash, open_store
from realpolitik.store.rows import failed_document
from realpolitik.store.stories import DEFAULT_WINDOW_DAYS

COMMIT_DOCUMENTS = 64
COMMIT_SECONDS = 2.0


def default_workers() -> int:
    """One worker per core: coding is CPU-bound and each worker is single-threaded."""
    return os.cpu_count() or 1


def failure_problem(failure: Failure) -> ReadProblem:
    """A coding failure in the form the store keeps for documents that were lost."""
    return ReadProblem(
        origin=failure.origin, reason=failure.reason, code=failure.code, doc_id=failure.doc_id
    )


@dataclass(slots=True)
class StoreSide:
    """The parent's bookkeeping: what is stored, skipped and lost, as ``ingest`` counts it."""

    store: Store
    progress: RunProgress
    report: IngestReport
    window_days: int = DEFAULT_WINDOW_DAYS
    commit_every: int = COMMIT_DOCUMENTS
    seen: set[str] = field(default_factory=set)
    cpu_by_worker: dict[int, float] = field(default_factory=dict)
    pending: list[tuple[StoredDocument, Failure | None]] = field(default_factory=list)
    last_commit: float = field(default_factory=time.perf_counter)

    def new_documents(self, chunk: list[Document]) -> list[Document]:
        """Drop repeated ids and documents stored unchanged (the idempotence of ``ingest``)."""
        fresh: list[Document] = []
        for document in chunk:
            self.report.read += 1
            if document.id in self.seen:
                self.report.problems.append(
                    f"[E511] {document.origin}: document id {document.id!r} repeats an "
                    "earlier one; skipped"
                )
                continue
            self.seen.add(document.id)
            fresh.append(document)
        stored = self.store.stored_hashes([document.id for document in fresh])
        changed = [doc for doc in fresh if stored.get(doc.id) != content_hash(doc)]
        self.report.unchanged += len(fresh) - len(changed)
        self.progress.advance(documents=0, events=0, unchanged=len(fresh) - len(changed))
        return changed

    def store_problem(self, problem: ReadProblem) -> None:
        """An input that could not be read: stored as failed and reported, the run goes on."""
        failure = Failure(origin=problem.origin, reason=problem.reason, doc_id=problem.doc_id,
                          code=problem.code)
        self.pending.append((failed_document(problem), failure))
        self._flush_when_due()

    def store_outcomes(self, documents: Sequence[Document], outcomes: Sequence[Outcome]) -> None:
        """Queue one coded batch for the next commit."""
        for document, outcome in zip(documents, outcomes, strict=True):
            if isinstance(outcome, Failure):
                self.pending.append((failed_document(failure_problem(outcome)), outcome))
            else:
                item = StoredDocument(coded=outcome, content_hash=content_hash(document),
                                      origin=document.origin)
                self.pending.append((item, None))
        self._flush_when_due()

    def _flush_when_due(self) -> None:
        overdue = time.perf_counter() - self.last_commit >= COMMIT_SECONDS
        if len(self.pending) >= self.commit_every or overdue:
            self.flush()

    def flush(self) -> None:
        """Write the queued documents in one transaction; count them only after the commit.

        One transaction per some dozens of documents, not per batch: each commit
        also refreshes stories, and the parent must get back to feeding workers.
        """
        self.last_commit = time.perf_counter()
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self.store.write_many([item for item, _ in batch], window_days=self.window_days)
        events = 0
        for item, failure in batch:
            if failure is not None:
                self.report.failed += 1
                self.report.problems.append(f"[{failure.code}] {failure.origin}: {failure.reason}")
                self.progress.fail(failure)
            elif item.coded.status == "coded":
                self.report.stored += 1
                events += len(item.coded.events)
            else:
                self.report.skipped += 1
        self.report.events += events
        coded = sum(failure is None for _, failure in batch)
        self.progress.advance(documents=coded, events=events)


def _batches(
    items: Iterable[Document | ReadProblem], side: StoreSide, batch_size: int
) -> Iterator[Batch]:
    """Cut the stream into batches of documents that need coding."""
    chunk: list[Document] = []
    batch_ids = iter(range(1, 1 << 62))
    for item in items:
        if isinstance(item, ReadProblem):
            side.store_problem(item)
            continue
        chunk.append(item)
        if len(chunk) >= batch_size:
            if documents := side.new_documents(chunk):
                yield Batch(batch_id=next(batch_ids), documents=documents)
            chunk = []
    if chunk and (documents := side.new_documents(chunk)):
        yield Batch(batch_id=next(batch_ids), documents=documents)


def _store_result(side: StoreSide, result: BatchResult | LostBatch) -> None:
    if isinstance(result, LostBatch):
        lost = [
            Failure(origin=document.origin, doc_id=document.id, reason=result.reason,
                    code="E704")
            for document in result.batch.documents
        ]
        side.store_outcomes(result.batch.documents, lost)
        return
    previous = side.cpu_by_worker.get(result.pid, 0.0)
    side.cpu_by_worker[result.pid] = result.cpu_seconds
    side.progress.note_worker(result.pid, result.peak_rss_mb,
                              cpu_seconds=result.cpu_seconds - previous)
    side.store_outcomes(result.batch.documents, result.outcomes)


def ingest_parallel(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    batch_size: int = 8,
    date: date | None = None,
    actor_files: Sequence[str | os.PathLike[str]] = (),
    recycle_after: int = 20_000,
    window_days: int = DEFAULT_WINDOW_DAYS,
    commit_every: int = COMMIT_DOCUMENTS,
    log_path: Path | None = None,
    show_progress: bool = False,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Code ``paths`` with ``workers`` processes and store the results in ``db``.

    paths: files, folders or JSON Lines inputs, as for ``realpolitik ingest``.
    db: the DuckDB store (default ``$REALPOLITIK_DB`` or ``./realpolitik.duckdb``).
    workers: coding processes; default one per core.
    batch_size: documents per batch sent to a worker (and per transaction).
    date: document date for inputs that give none.
    actor_files: extra actor knowledge files, loaded by every worker.
    recycle_after: documents a worker codes before it reloads its model (caps memory).
    window_days: the story window (see ``docs/store.md``).
    commit_every: documents per store transaction (also committed every 2 s).
    log_path: the JSON Lines run log; default ``<db>.runlog.jsonl``.
    show_progress: draw a progress bar on stderr when it is a terminal.
    on_progress: called with a snapshot after every stored batch.
    RETURNS (RunSummary): counts, throughput, load time, failures, peak worker memory.
    """
    from realpolitik.ingest.readers import read_documents

    size = workers or default_workers()
    settings = CoderSettings(actor_files=tuple(Path(path) for path in actor_files),
                             batch_size=batch_size, recycle_after=recycle_after)
    with open_store(db) as store:
        log = log_path or default_log_path(store.path)
        report = IngestReport(db_path=str(store.path))
        total = estimate_documents(Path(path) for path in paths)
        with RunProgress(log_path=log, total=total, show=show_progress,
                         on_progress=on_progress) as progress:
            progress.log("started", mode="workers", workers=size, inputs=[str(p) for p in paths],
                         db=str(store.path), estimated_documents=total)
            side = StoreSide(store=store, progress=progress, report=report,
                             window_days=window_days, commit_every=commit_every)
            with WorkerPool(settings, workers=size) as pool:
                for pid in pool.pids:
                    progress.note_worker(pid, 0.0)
                progress.log("workers_ready", load_seconds=pool.load_seconds, pids=pool.pids)
                progress.start_clock()
                items = read_documents([Path(path) for path in paths], default_date=date)
                for result in pool.run(_batches(items, side, batch_size)):
                    _store_result(side, result)
                side.flush()
                summary = summarise(progress, mode="workers", workers=size,
                                    load_seconds=pool.load_seconds, log_path=log,
                                    report=report)
    return summary
