"""``ingest --dask ADDRESS``: code partitions on a Dask cluster, store from the client.

The client plans partitions, keeps a bounded window of tasks in flight (so a
corpus of millions of lines never sits in the scheduler or in memory at once),
and stores each finished partition in one transaction. Dask re-runs the task of
a worker that died; the task is deterministic and its Parquet files have fixed
names, and the store skips documents whose id and content hash it already has,
so a retried task duplicates nothing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from distributed import Client, Future, LocalCluster, as_completed
from realpolitik.distributed.coding import CoderSettings
from realpolitik.distributed.parallel import (
    COMMIT_DOCUMENTS,
    COMMIT_SECONDS,
    default_workers,
    failure_problem,
)
from realpolitik.distributed.partitions import PartitionSpec, Plan, plan_partitions
from realpolitik.distributed.progress import (
    Failure,
    ProgressCallback,
    RunProgress,
    RunSummary,
    default_log_path,
    summarise,
)
from realpolitik.distributed.tasks import PartitionResult, code_partition, warm_up
from realpolitik.errors import DistributedError
from realpolitik.records import ReadProblem
from realpolitik.store import IngestReport, Store, StoredDocument, open_store
from realpolitik.store.rows import failed_document
from realpolitik.store.stories import DEFAULT_WINDOW_DAYS

LOCAL = "local"
TASKS_PER_WORKER = 3
CONNECT_TIMEOUT = "20s"


@contextmanager
def dask_client(
    scheduler: str, *, workers: int, memory_limit: str | int
) -> Iterator[Client]:
    """A client of a new local cluster (``"local"``) or of a running scheduler."""
    if scheduler == LOCAL:
        # dashboard ":0": any free port, as 8787 may belong to another cluster on the machine
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                memory_limit=memory_limit, dashboard_address=":0", silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise DistributedError(
            f"cannot reach the Dask scheduler at {scheduler}: {error}; start it with "
            "`dask scheduler` or use --dask local", code="E705",
        ) from error
    with client:
        yield client


def _warm_up(client: Client, settings: CoderSettings) -> dict[int, float]:
    """Load the Coder on every worker once (pid → seconds) before timing starts."""
    addresses = list(client.scheduler_info(n_workers=-1)["workers"])
    if not addresses:
        raise DistributedError("the Dask cluster has no workers", code="E706")
    futures = [
        client.submit(warm_up, settings, workers=[address], allow_other_workers=False,
                      pure=False, key=f"realpolitik-warm-up-{address}")
        for address in addresses
    ]
    return dict(client.gather(futures))


@dataclass(slots=True)
class _ClientSide:
    """The client's bookkeeping while partitions come back, in any order."""

    store: Store | None
    progress: RunProgress
    report: IngestReport
    window_days: int = DEFAULT_WINDOW_DAYS
    first_seen: dict[str, int] = field(default_factory=dict)
    pending: list[StoredDocument] = field(default_factory=list)
    last_commit: float = field(default_factory=time.perf_counter)

    def store_problem(self, problem: ReadProblem) -> None:
        self.report.failed += 1
        self.report.problems.append(problem.message())
        if self.store is not None:
            self.store.write_many([failed_document(problem)], window_days=self.window_days)
        self.progress.fail(Failure(origin=problem.origin, reason=problem.reason,
                                   doc_id=problem.doc_id, code=problem.code))

    def _first_in_input(self, item: StoredDocument, index: int) -> bool:
        """Keep the earliest of documents sharing an id, as the single-process ingest does."""
        if item.coded.status == "failed":
            return True
        earlier = self.first_seen.setdefault(item.coded.doc_id, index)
        if earlier == index:
            return True
        self.report.problems.append(
            f"[E511] {item.origin}: document id {item.coded.doc_id!r} repeats an earlier one; "
            "skipped"
        )
        if earlier > index:
            self.first_seen[item.coded.doc_id] = index
            return True
        return False

    def store_result(self, index: int, result: PartitionResult) -> None:
        kept = [item for item in result.stored if self._first_in_input(item, index)]
        if self.store is None:
            self.report.stored += result.coded
            self.report.skipped += result.skipped
            self.report.events += result.events
        else:
            self.pending.extend(kept)
            overdue = time.perf_counter() - self.last_commit >= COMMIT_SECONDS
            if len(self.pending) >= COMMIT_DOCUMENTS or overdue:
                self.flush()
        self.report.read += result.read
        for failure in result.failures:
            self.report.failed += 1
            self.report.problems.append(f"[{failure.code}] {failure.origin}: {failure.reason}")
            self.progress.fail(failure)
        self.progress.note_worker(result.pid, result.peak_rss_mb, cpu_seconds=result.cpu_seconds)
        self.progress.advance(documents=result.coded + result.skipped, events=result.events)

    def flush(self) -> None:
        """Store the queued documents that changed in one transaction, counted as ``ingest``
        counts them; a few partitions per commit, since each commit also refreshes stories."""
        self.last_commit = time.perf_counter()
        store, kept, self.pending = self.store, self.pending, []
        if store is None or not kept:
            return
        stored = store.stored_hashes([item.coded.doc_id for item in kept])
        fresh = [item for item in kept if stored.get(item.coded.doc_id) != item.content_hash]
        store.write_many(fresh, window_days=self.window_days)
        self.report.unchanged += len(kept) - len(fresh)
        for item in fresh:
            if item.coded.status == "coded":
                self.report.stored += 1
                self.report.events += len(item.coded.events)
            elif item.coded.status != "failed":
                self.report.skipped += 1

    def lose_partition(self, spec: PartitionSpec, error: BaseException) -> None:
        origin = f"{spec.paths[0]}:{spec.start}-{spec.stop}"
        failure = Failure(origin=origin, code="E707",
                          reason=f"partition failed on the cluster: {type(error).__name__}: "
                          f"{error}")
        self.store_problem(failure_problem(failure))


def _run_partitions(
    client: Client, partitions: Sequence[PartitionSpec], submit_one: _Submit, window: int
) -> Iterator[tuple[int, PartitionSpec, PartitionResult | BaseException]]:
    """Results as partitions finish, never more than ``window`` tasks in flight."""
    pending = iter(enumerate(partitions))
    in_flight: dict[Future[PartitionResult], tuple[int, PartitionSpec]] = {}
    finished = as_completed()
    for index, spec in pending:
        in_flight[(future := submit_one(client, spec))] = (index, spec)
        finished.add(future)
        if len(in_flight) >= window:
            break
    for future in finished:
        index, spec = in_flight.pop(future)
        try:
            outcome: PartitionResult | BaseException = future.result()
        except Exception as error:  # a task Dask gave up on (e.g. KilledWorker)
            outcome = error
        future.release()
        next_item = next(pending, None)
        if next_item is not None:  # refill before storing, so workers never wait for the writer
            in_flight[(future := submit_one(client, next_item[1]))] = next_item
            finished.add(future)
        yield index, spec, outcome


@dataclass(frozen=True, slots=True)
class _Submit:
    """How one partition becomes one task: keyed by run and partition, never deduplicated
    against another run's result."""

    run_id: str
    settings: CoderSettings
    out_dir: str | None
    return_documents: bool
    default_date: date | None

    def __call__(self, client: Client, spec: PartitionSpec) -> Future[PartitionResult]:
        return client.submit(
            code_partition, spec, self.settings, out_dir=self.out_dir,
            return_documents=self.return_documents, default_date=self.default_date,
            key=f"realpolitik-{self.run_id}-{spec.partition_id}", pure=False,
        )


def ingest_dask(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    scheduler: str = LOCAL,
    parquet_out: Path | None = None,
    workers: int | None = None,
    memory_limit: str | int = "2GiB",
    documents_per_partition: int = 200,
    batch_size: int = 8,
    date: date | None = None,
    actor_files: Sequence[str | os.PathLike[str]] = (),
    recycle_after: int = 20_000,
    window_days: int = DEFAULT_WINDOW_DAYS,
    log_path: Path | None = None,
    show_progress: bool = False,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Code ``paths`` on a Dask cluster; store in ``db`` and/or write ``parquet_out``.

    paths: JSON Lines (.jsonl, .jsonl.gz) files, Parquet files or folders of them
        (Parquet columns id, text, date, title, url); other files are coded one per document.
    db: the DuckDB store to merge results into (None: Parquet output only).
    scheduler: ``"local"`` (a LocalCluster on this machine) or ``tcp://host:8786``.
    parquet_out: folder of the Parquet dataset to write (events by ``year_month``).
    workers: local cluster size (processes, one thread each); default one per core.
    memory_limit: per local worker, as Dask takes it (``"2GiB"``).
    documents_per_partition: lines, rows or files per task.
    batch_size: documents parsed together inside a task.
    date: document date for inputs that give none.
    actor_files: extra actor knowledge files (must exist at the same path on every worker).
    recycle_after: documents a worker codes before it reloads its model (caps memory).
    window_days: the story window (see ``docs/store.md``).
    log_path: the JSON Lines run log; default next to the DB (or in ``parquet_out``).
    show_progress: draw a progress bar on stderr when it is a terminal.
    on_progress: called with a snapshot after every finished partition.
    RETURNS (RunSummary): counts, throughput, load time, failures, peak worker memory.
    """
    if db is None and parquet_out is None:
        raise DistributedError("a Dask run needs --db or --parquet-out (or both)", code="E708")
    settings = CoderSettings(actor_files=tuple(Path(path) for path in actor_files),
                             batch_size=batch_size, recycle_after=recycle_after)
    plan = plan_partitions([Path(path) for path in paths],
                           documents_per_partition=documents_per_partition)
    size = workers or default_workers()
    with dask_client(scheduler, workers=size, memory_limit=memory_limit) as client:
        store = open_store(db) if db is not None else None
        try:
            return _run(client, plan, settings, store=store, parquet_out=parquet_out,
                        default_date=date, log_path=log_path, show_progress=show_progress,
                        on_progress=on_progress, window_days=window_days)
        finally:
            if store is not None:
                store.close()


def _run(
    client: Client, plan: Plan, settings: CoderSettings, *, store: Store | None,
    parquet_out: Path | None, default_date: date | None, log_path: Path | None,
    show_progress: bool, on_progress: ProgressCallback | None, window_days: int,
) -> RunSummary:
    log = log_path or default_log_path(store.path if store else None, parquet_out)
    report = IngestReport(db_path=str(store.path) if store else "")
    with RunProgress(log_path=log, total=plan.documents, show=show_progress,
                     on_progress=on_progress) as progress:
        side = _ClientSide(store=store, progress=progress, report=report,
                          window_days=window_days)
        for problem in plan.problems:
            side.store_problem(problem)
        loads = _warm_up(client, settings)
        for pid in loads:
            progress.note_worker(pid, 0.0)
        progress.log("started", mode="dask", scheduler=client.scheduler_info()["address"],
                     workers=len(loads), partitions=len(plan.partitions),
                     estimated_documents=plan.documents, load_seconds=loads)
        progress.start_clock()
        submit = _Submit(run_id=progress.run_id, settings=settings,
                         out_dir=str(parquet_out) if parquet_out else None,
                         return_documents=store is not None, default_date=default_date)
        window = TASKS_PER_WORKER * len(loads)
        for index, spec, outcome in _run_partitions(client, plan.partitions, submit, window):
            if isinstance(outcome, BaseException):
                side.lose_partition(spec, outcome)
            else:
                side.store_result(index, outcome)
        side.flush()
        return summarise(progress, mode="dask", workers=len(loads),
                         load_seconds=max(loads.values(), default=0.0), log_path=log,
                         parquet_out=parquet_out, report=report)
