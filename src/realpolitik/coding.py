"""Coding a batch of inputs with a report of what happened to each document.

The CLI's ``code`` and ``eval`` commands and the Python API share this, so a
batch behaves the same everywhere: bad documents are reported, the rest coded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from realpolitik.ingest.readers import read_documents
from realpolitik.pipeline import Coder
from realpolitik.records import CodedDocument, ReadProblem


@dataclass
class CodingReport:
    """Counts and problems of one batch."""

    coded: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)

    def problem_lines(self) -> list[str]:
        return list(self.problems)

    def summary(self) -> str:
        return (
            f"{self.coded} documents coded, {self.events} events; "
            f"{self.skipped} skipped, {self.failed} failed"
        )


def code_paths(
    paths: Sequence[str],
    *,
    coder: Coder,
    default_date: date | None = None,
    on_events: Callable[[list[dict[str, Any]]], None],
    on_document: Callable[[], None] | None = None,
) -> CodingReport:
    """Code every document under ``paths``, handing each document's events on.

    paths (Sequence[str]): files, folders or "-" for stdin.
    coder (Coder): the loaded coder.
    default_date (date | None): document date for files that carry none.
    on_events (Callable): receives each coded document's event records.
    on_document (Callable | None): called once per document (progress).
    RETURNS (CodingReport): counts and one line per problem.
    """
    report = CodingReport()
    for result in coder.code_documents(read_documents(paths, default_date=default_date)):
        if on_document is not None:
            on_document()
        if isinstance(result, ReadProblem):
            report.failed += 1
            report.problems.append(result.message())
        elif isinstance(result, CodedDocument) and result.status == "skipped":
            report.skipped += 1
            report.problems.append(str(result.error))
        else:
            report.coded += 1
            report.events += len(result.events)
            on_events([event.to_dict() for event in result.events])
    return report
