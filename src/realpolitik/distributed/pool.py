"""A pool of coding processes on one machine, fed and drained by the parent.

Why not ``multiprocessing.Pool`` or ``ProcessPoolExecutor``: when a worker dies
they either hang or break every pending task, so nobody knows which documents
the dead worker held. Here the parent hands each worker its own batches over
its own pipes, so a crash loses exactly the batches that worker held; those are
re-queued once (one document per batch, to isolate a document that kills the
coder) and then reported failed. Each worker holds at most ``prefetch`` batches,
which bounds memory at ``prefetch × workers × batch_size`` documents in flight.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from realpolitik.distributed.coding import CoderSettings, Outcome, WorkerCoder, peak_rss_mb
from realpolitik.errors import DistributedError
from realpolitik.records import Document

READY, DONE, BROKEN = "ready", "done", "broken"
POLL_SECONDS = 0.5


@dataclass(slots=True)
class Batch:
    """Documents sent to one worker together; ``attempt`` counts tries after crashes."""

    batch_id: int
    documents: list[Document]
    attempt: int = 1


@dataclass(slots=True)
class BatchResult:
    """A coded batch: one outcome per document, in order."""

    batch: Batch
    outcomes: list[Outcome]
    pid: int
    peak_rss_mb: float
    cpu_seconds: float


@dataclass(slots=True)
class LostBatch:
    """A batch whose worker died on its second try: its documents are reported failed."""

    batch: Batch
    reason: str


def _pump_tasks(tasks: Connection, inbox: queue.Queue[Batch | None]) -> None:
    """Read tasks as soon as they arrive, so the parent never blocks on a full pipe."""
    while True:
        try:
            batch = tasks.recv()
        except (EOFError, OSError):
            batch = None
        inbox.put(batch)
        if batch is None:
            return


def worker_main(settings: CoderSettings, tasks: Connection, results: Connection) -> None:
    """A worker's life: build the Coder once, then code batches until told to stop."""
    started = time.perf_counter()
    coder = WorkerCoder(settings)
    try:
        coder.load()
    except Exception as error:  # tell the parent why, instead of dying silently
        results.send((BROKEN, os.getpid(), f"{type(error).__name__}: {error}"))
        return
    results.send((READY, os.getpid(), time.perf_counter() - started))
    cpu_at_ready = time.process_time()
    inbox: queue.Queue[Batch | None] = queue.Queue()
    threading.Thread(target=_pump_tasks, args=(tasks, inbox), daemon=True).start()
    while (batch := inbox.get()) is not None:
        outcomes = coder.code(batch.documents)
        cpu = time.process_time() - cpu_at_ready
        results.send((DONE, batch.batch_id, outcomes, peak_rss_mb(), cpu))


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    pid: int = 0
    ready: bool = False
    outstanding: dict[int, Batch] = field(default_factory=dict)


class WorkerPool:
    """N coding processes (``spawn`` context: no inherited locks or half-copied models)."""

    def __init__(self, settings: CoderSettings, *, workers: int, prefetch: int = 2) -> None:
        if workers < 1:
            raise DistributedError(f"--workers must be at least 1, not {workers}", code="E702")
        self.settings = settings
        self.size = workers
        self.prefetch = prefetch
        self.load_seconds = 0.0
        self.pids: list[int] = []
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._retry: deque[Batch] = deque()
        self._lost: list[LostBatch] = []
        self._startup_failures = 0
        self._retry_ids = itertools.count(-1, -1)

    def __enter__(self) -> WorkerPool:
        self._workers = [self._spawn() for _ in range(self.size)]
        self._wait_until_ready()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        task_reader, task_writer = self._context.Pipe(duplex=False)
        result_reader, result_writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=worker_main, args=(self.settings, task_reader, result_writer), daemon=True
        )
        process.start()
        task_reader.close()
        result_writer.close()
        return _Worker(process=process, tasks=task_writer, results=result_reader)

    def _wait_until_ready(self) -> None:
        """Block until every worker has its model; the time taken is the load time."""
        started = time.perf_counter()
        while not all(worker.ready for worker in self._workers):
            list(self._collect(timeout=POLL_SECONDS))
        self.load_seconds = time.perf_counter() - started

    def run(self, batches: Iterator[Batch]) -> Iterator[BatchResult | LostBatch]:
        """Code every batch; yields results as they finish (not in input order)."""
        exhausted = False
        while True:
            exhausted = self._dispatch(batches, exhausted)
            busy = any(worker.outstanding for worker in self._workers)
            if exhausted and not self._retry and not busy:
                yield from self._drain_lost()
                return
            yield from self._collect(timeout=POLL_SECONDS)
            yield from self._drain_lost()

    def _drain_lost(self) -> Iterator[LostBatch]:
        while self._lost:
            yield self._lost.pop()

    def _dispatch(self, batches: Iterator[Batch], exhausted: bool) -> bool:
        for worker in self._workers:
            while worker.ready and len(worker.outstanding) < self.prefetch:
                if self._retry:
                    batch = self._retry.popleft()
                elif exhausted:
                    return True
                else:
                    next_batch = next(batches, None)
                    if next_batch is None:
                        return True
                    batch = next_batch
                worker.outstanding[batch.batch_id] = batch
                try:
                    worker.tasks.send(batch)
                except OSError:  # it died; its sentinel fires and _replace re-queues the batch
                    break
        return exhausted

    def _collect(self, *, timeout: float) -> Iterator[BatchResult]:
        by_handle: dict[object, _Worker] = {}
        for worker in self._workers:
            by_handle[worker.results] = worker
            by_handle[worker.process.sentinel] = worker
        handles: list[Connection | int] = []
        for worker in self._workers:
            handles += [worker.results, worker.process.sentinel]
        for handle in wait(handles, timeout=timeout):
            worker = by_handle[handle]
            if worker not in self._workers:
                continue
            yield from self._read_messages(worker)
            if not worker.process.is_alive():
                self._replace(worker)

    def _read_messages(self, worker: _Worker) -> Iterator[BatchResult]:
        try:
            while worker.results.poll():
                message = worker.results.recv()
                result = self._handle(worker, message)
                if result is not None:
                    yield result
        except (EOFError, OSError, pickle.UnpicklingError):
            return

    def _handle(self, worker: _Worker, message: tuple[object, ...]) -> BatchResult | None:
        kind = message[0]
        if kind == READY:
            worker.pid, worker.ready = int(message[1]), True  # type: ignore[call-overload]
            self.pids.append(worker.pid)
            return None
        if kind == BROKEN:
            raise DistributedError(
                f"worker {message[1]} could not build the coder: {message[2]}", code="E703"
            )
        _, batch_id, outcomes, peak, cpu = message
        batch = worker.outstanding.pop(batch_id)  # type: ignore[call-overload]
        return BatchResult(batch=batch, outcomes=outcomes, pid=worker.pid,  # type: ignore[arg-type]
                           peak_rss_mb=peak, cpu_seconds=cpu)  # type: ignore[arg-type]

    def _replace(self, dead: _Worker) -> None:
        """Re-queue what a dead worker held (once), and start a new worker in its place."""
        exitcode = dead.process.exitcode
        dead.process.join(timeout=1)
        for batch in dead.outstanding.values():
            if batch.attempt == 1:
                self._retry.extend(
                    Batch(batch_id=next(self._retry_ids), documents=[document], attempt=2)
                    for document in batch.documents
                )
            else:
                reason = f"worker {dead.pid} died (exit code {exitcode}) twice while coding it"
                self._lost.append(LostBatch(batch=batch, reason=reason))
        if not dead.ready:
            self._startup_failures += 1
            if self._startup_failures > 2 * self.size:
                raise DistributedError(
                    f"workers keep dying while loading the coder (exit code {exitcode})",
                    code="E703",
                )
        self._workers.remove(dead)
        dead.tasks.close()
        dead.results.close()
        self._workers.append(self._spawn())

    def close(self) -> None:
        """Ask every worker to stop, and stop those that do not within a few seconds."""
        for worker in self._workers:
            try:
                worker.tasks.send(None)
            except OSError:
                continue
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.tasks.close()
            worker.results.close()
        self._workers = []
