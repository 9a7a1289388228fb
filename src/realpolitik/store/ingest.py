"""Read, code and store documents, committing batch by batch.

A batch is committed only after its documents are fully coded, and the
progress count moves only after the commit, so what is reported stored is on
disk even if the process is killed a moment later. Re-running the same command
skips every document whose id and content hash are already stored.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from realpolitik.records import CodedDocument, Document, ReadProblem
from realpolitik.store.database import Store, open_store
from realpolitik.store.rows import StoredDocument, content_hash, failed_document
from realpolitik.store.stories import DEFAULT_WINDOW_DAYS


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did, for the terminal and for callers such as ``demo``."""

    db_path: str
    read: int = 0
    stored: int = 0
    skipped: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Run:
    """State shared by the reading side and the storing side of one ingest."""

    store: Store
    report: IngestReport
    inputs: dict[str, tuple[str, str]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)


def _documents_to_code(
    run: _Run, items: Iterable[Document | ReadProblem]
) -> Iterator[Document | ReadProblem]:
    """Pass on new and changed documents; count the rest."""
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
            continue
        run.report.read += 1
        if item.id in run.seen:
            run.report.problems.append(
                f"[E511] {item.origin}: document id {item.id!r} repeats an earlier one; "
                "skipped"
            )
            continue
        run.seen.add(item.id)
        digest = content_hash(item)
        if run.store.stored_hashes([item.id]).get(item.id) == digest:
            run.report.unchanged += 1
            continue
        run.inputs[item.id] = (digest, item.origin)
        yield item


def _stored_document(run: _Run, item: CodedDocument | ReadProblem) -> StoredDocument:
    if isinstance(item, ReadProblem):
        run.report.problems.append(item.message())
        return failed_document(item)
    digest, origin = run.inputs.get(item.doc_id, ("", item.doc_id))
    return StoredDocument(coded=item, content_hash=digest, origin=origin)


def _commit(run: _Run, batch: list[StoredDocument], window_days: int) -> None:
    run.store.write_many(batch, window_days=window_days)
    for item in batch:
        status = item.coded.status
        if status == "failed":
            run.report.failed += 1
        elif status == "coded":
            run.report.stored += 1
            run.report.events += len(item.coded.events)
        else:
            run.report.skipped += 1
    batch.clear()


def _coded(
    items: Iterator[Document | ReadProblem], actor_files: Sequence[str | os.PathLike[str]]
) -> Iterator[CodedDocument | ReadProblem]:
    """Code the documents, loading the (slow) coder only once one needs coding."""
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
            continue
        from realpolitik.pipeline import Coder

        coder = Coder(actor_files=tuple(Path(path) for path in actor_files))
        yield from coder.code_documents(chain([item], items))
        return


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    actor_files: Sequence[str | os.PathLike[str]] = (),
    date: date | None = None,
    progress: bool = True,
    batch_size: int = 8,
    window_days: int = DEFAULT_WINDOW_DAYS,
    on_commit: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Code and store documents from ``paths`` (files, folders, JSON Lines, ``-``).

    Args:
        paths: inputs, read with :func:`realpolitik.ingest.readers.read_documents`.
        db: the database file; default ``$REALPOLITIK_DB`` or ``./realpolitik.duckdb``.
        actor_files: extra actor knowledge files for the coder.
        date: document date for inputs that give none.
        progress: show a progress bar on stderr.
        batch_size: documents per transaction.
        window_days: the story window (see ``docs/store.md``).
        on_commit: called after each committed batch with the running report;
            whatever it reports as stored is on disk.
    RETURNS (IngestReport): the counts and the problems met.
    """
    from realpolitik.ingest.readers import read_documents

    with open_store(db) as store:
        run = _Run(store=store, report=IngestReport(db_path=str(Path(store.path))))
        documents = read_documents([Path(path) for path in paths], default_date=date)
        items = _documents_to_code(run, documents)
        batch: list[StoredDocument] = []
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            disable=not (progress and sys.stderr.isatty()), transient=True,
        ) as bar:
            task = bar.add_task("ingesting", total=None)
            for coded in _coded(items, actor_files):
                batch.append(_stored_document(run, coded))
                if len(batch) >= batch_size:
                    _commit(run, batch, window_days)
                    bar.update(task, description=_progress_text(run.report))
                    if on_commit:
                        on_commit(run.report)
            _commit(run, batch, window_days)
            if on_commit:
                on_commit(run.report)
    return run.report


def _progress_text(report: IngestReport) -> str:
    return (
        f"stored {report.stored} documents, {report.events} events "
        f"({report.unchanged} unchanged, {report.failed} failed)"
    )
