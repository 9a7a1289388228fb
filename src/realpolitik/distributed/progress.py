"""Progress of a long coding run: rates, ETA and failures, for the terminal and a run log.

A run over millions of documents takes hours, so the user needs to see that it
moves, how fast, and which documents were lost and why — both live (a rich bar,
only when a person is watching a TTY) and afterwards (a JSON Lines run log that
scripts can read).
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from realpolitik.store import IngestReport

if TYPE_CHECKING:
    from realpolitik.store import IngestReport

LOG_INTERVAL_SECONDS = 2.0


@dataclass(slots=True)
class Failure:
    """A document (or input) the run could not code, with the reason the user sees."""

    origin: str
    reason: str
    doc_id: str | None = None
    code: str = "E700"


@dataclass(slots=True)
class ProgressSnapshot:
    """The state of a run at one moment, as logged and as passed to callbacks."""

    documents: int
    events: int
    failed: int
    unchanged: int
    elapsed_seconds: float
    documents_per_second: float
    events_per_second: float
    total: int | None
    eta_seconds: float | None
    worker_pids: list[int] = field(default_factory=list)
    peak_worker_rss_mb: float = 0.0


ProgressCallback = Callable[[ProgressSnapshot], None]


def default_log_path(db: Path | None, parquet_out: Path | None = None) -> Path:
    """Where the run log goes when the user names none: next to the output."""
    if db is not None:
        return db.with_name(db.name + ".runlog.jsonl")
    if parquet_out is not None:
        return parquet_out / "runlog.jsonl"
    return Path("realpolitik.runlog.jsonl")


class RunProgress:
    """Counts a run's documents, events and failures, and reports them.

    Throughput is measured from :meth:`start_clock`, called once every worker
    has loaded its model, so model loading does not dilute documents/s.
    """

    def __init__(
        self,
        *,
        log_path: Path | None,
        total: int | None = None,
        show: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.run_id = uuid.uuid4().hex[:12]
        self.total = total
        self.documents = 0
        self.events = 0
        self.unchanged = 0
        self.failures: list[Failure] = []
        self.worker_pids: list[int] = []
        self.peak_worker_rss_mb = 0.0
        self.worker_cpu_seconds = 0.0
        self._on_progress = on_progress
        self._started = time.perf_counter()
        self._last_logged = -LOG_INTERVAL_SECONDS
        self._log_path = log_path
        self._log: IO[str] | None = None
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._show = show and sys.stderr.isatty()

    def __enter__(self) -> RunProgress:
        if self._log_path is not None:
            self._log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self._log_path.open("a", encoding="utf-8")
        if self._show:
            self._bar = Progress(
                TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rates]}"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("coding", total=self.total, rates="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
        if self._log is not None:
            self._log.close()

    def log(self, kind: str, **fields: Any) -> None:
        """One JSON line in the run log (a no-op when the run keeps no log)."""
        if self._log is None:
            return
        record = {"run_id": self.run_id, "at": datetime.now(UTC).isoformat(), "kind": kind}
        record.update(fields)
        self._log.write(json.dumps(record, default=str, ensure_ascii=False) + "\n")
        self._log.flush()

    def start_clock(self) -> None:
        """Start timing throughput (after model loading)."""
        self._started = time.perf_counter()
        self._last_logged = -LOG_INTERVAL_SECONDS

    def set_total(self, total: int | None) -> None:
        """Learn the document count once it is known, so the ETA can be shown."""
        self.total = total
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def note_worker(self, pid: int, peak_rss_mb: float, *, cpu_seconds: float = 0.0) -> None:
        """Remember a worker's pid, peak memory (the budget is per worker) and coding CPU.

        ``cpu_seconds`` is the CPU the worker spent coding, added up over workers: it
        gives documents per CPU-second, a rate that other load on the machine barely moves.
        """
        if pid not in self.worker_pids:
            self.worker_pids.append(pid)
        self.peak_worker_rss_mb = max(self.peak_worker_rss_mb, peak_rss_mb)
        self.worker_cpu_seconds += cpu_seconds

    def fail(self, failure: Failure) -> None:
        """Count a lost document; log it, and show it above the bar, at once."""
        self.failures.append(failure)
        self.log("failed", **asdict(failure))
        if self._bar is not None:
            line = f"[{failure.code}] {failure.origin}: {failure.reason}"
            self._bar.console.print(line, markup=False, highlight=False)

    def advance(self, *, documents: int, events: int, unchanged: int = 0) -> None:
        """Count finished documents; log at most every few seconds."""
        self.documents += documents
        self.events += events
        self.unchanged += unchanged
        snapshot = self.snapshot()
        if self._bar is not None and self._task is not None:
            rates = (
                f"{snapshot.documents_per_second:.1f} docs/s "
                f"{snapshot.events_per_second:.1f} events/s"
            )
            self._bar.update(self._task, completed=self._finished(), rates=rates)
        if self._on_progress is not None:
            self._on_progress(snapshot)
        if snapshot.elapsed_seconds - self._last_logged >= LOG_INTERVAL_SECONDS:
            self._last_logged = snapshot.elapsed_seconds
            self.log("progress", **asdict(snapshot))

    def _finished(self) -> int:
        return self.documents + self.unchanged + len(self.failures)

    def snapshot(self) -> ProgressSnapshot:
        """Rates since the clock started, and the ETA when the total is known."""
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        docs_rate = self.documents / elapsed
        eta = None
        if self.total is not None and docs_rate > 0:
            remaining = max(self.total - self._finished(), 0)
            eta = remaining / docs_rate
        return ProgressSnapshot(
            documents=self.documents, events=self.events, failed=len(self.failures),
            unchanged=self.unchanged, elapsed_seconds=elapsed, documents_per_second=docs_rate,
            events_per_second=self.events / elapsed, total=self.total, eta_seconds=eta,
            worker_pids=list(self.worker_pids), peak_worker_rss_mb=self.peak_worker_rss_mb,
        )


@dataclass(slots=True)
class RunSummary:
    """What a finished run did: the figures the CLI shows and the benchmark reports."""

    run_id: str
    mode: str
    workers: int
    documents: int
    events: int
    failures: list[Failure]
    load_seconds: float
    coding_seconds: float
    documents_per_second: float
    events_per_second: float
    peak_worker_rss_mb: float
    worker_cpu_seconds: float = 0.0
    documents_per_cpu_second: float = 0.0
    worker_pids: list[int] = field(default_factory=list)
    log_path: Path | None = None
    parquet_out: Path | None = None
    report: IngestReport | None = None


def summarise(
    progress: RunProgress, *, mode: str, workers: int, load_seconds: float,
    parquet_out: Path | None = None, log_path: Path | None = None,
    report: IngestReport | None = None,
) -> RunSummary:
    """Freeze a run's counters into its summary and log it as the run's last line."""
    snapshot = progress.snapshot()
    summary = RunSummary(
        run_id=progress.run_id, mode=mode, workers=workers, documents=snapshot.documents,
        events=snapshot.events, failures=list(progress.failures), load_seconds=load_seconds,
        coding_seconds=snapshot.elapsed_seconds,
        documents_per_second=snapshot.documents_per_second,
        events_per_second=snapshot.events_per_second,
        peak_worker_rss_mb=snapshot.peak_worker_rss_mb, worker_pids=snapshot.worker_pids,
        worker_cpu_seconds=progress.worker_cpu_seconds,
        documents_per_cpu_second=snapshot.documents / max(progress.worker_cpu_seconds, 1e-9),
        log_path=log_path,
        parquet_out=parquet_out, report=report,
    )
    fields = asdict(summary)
    fields.pop("failures")
    fields.pop("report")
    progress.log("finished", failed=len(summary.failures), **fields)
    return summary
