"""Coding one batch of documents inside a worker, whatever the worker kind.

Worker processes and Dask workers share this, so both paths code exactly as the
single-process run does (same Coder, same batching) and turn a document that
breaks the coder into a reported failure instead of a dead batch.
"""

from __future__ import annotations

import gc
import resource
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.distributed.progress import Failure
from realpolitik.nlp import load_nlp
from realpolitik.records import CodedDocument, Document, ReadProblem

if TYPE_CHECKING:
    from realpolitik.pipeline import Coder

Outcome = CodedDocument | Failure


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """What a worker needs to build its Coder; small and picklable, sent once per worker."""

    actor_files: tuple[Path, ...] = ()
    lexicon_files: tuple[Path, ...] = ()
    batch_size: int = 8
    recycle_after: int = 20_000


def build_coder(settings: CoderSettings) -> Coder:
    """The expensive part of a worker's start: spaCy and the knowledge base."""
    from realpolitik.pipeline import Coder

    return Coder(actor_files=settings.actor_files, lexicon_files=settings.lexicon_files)


class WorkerCoder:
    """A worker's Coder, rebuilt from scratch every ``recycle_after`` documents.

    spaCy's vocabulary keeps every new word it meets, so a worker that codes
    millions of articles grows without bound; dropping the model (and the
    process-wide cached pipeline) now and then caps its memory for a load of a
    second or two per some ten thousand documents.
    """

    def __init__(self, settings: CoderSettings) -> None:
        self.settings = settings
        self.loads = 0
        self._coder: Coder | None = None
        self._coded = 0

    def load(self) -> Coder:
        """The current Coder, built (again) when there is none or it is due for renewal."""
        if self._coder is None or self._coded >= self.settings.recycle_after:
            self._coder = None
            load_nlp.cache_clear()
            gc.collect()
            self._coder = build_coder(self.settings)
            self._coded = 0
            self.loads += 1
        return self._coder

    def code(self, documents: list[Document]) -> list[Outcome]:
        """Code one batch (see :func:`code_batch`)."""
        outcomes = code_batch(self.load(), documents, self.settings.batch_size)
        self._coded += len(documents)
        return outcomes


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, the figure the 600 MB budget caps."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _outcome(item: CodedDocument | ReadProblem, document: Document) -> Outcome:
    if isinstance(item, ReadProblem):
        return Failure(
            origin=item.origin or document.origin, reason=item.reason,
            doc_id=item.doc_id or document.id, code=item.code,
        )
    return item


def _code_alone(coder: Coder, document: Document, batch_size: int) -> Outcome:
    try:
        items = list(coder.code_documents([document], batch_size=batch_size))
    except Exception as error:  # a bad document must not stop the run; report it instead
        return Failure(
            origin=document.origin, doc_id=document.id, code="E701",
            reason=f"the coder raised {type(error).__name__}: {error}",
        )
    if len(items) != 1:
        return Failure(
            origin=document.origin, doc_id=document.id, code="E701",
            reason=f"the coder returned {len(items)} records for one document",
        )
    return _outcome(items[0], document)


def code_batch(coder: Coder, documents: list[Document], batch_size: int) -> list[Outcome]:
    """One outcome per document, in input order.

    The batch is coded in one ``nlp.pipe`` stream and matched back by id (the
    coder may return skipped documents early); only when the stream raises is
    each document coded alone, so a bad document costs its own record, not the batch's.
    """
    try:
        items = list(coder.code_documents(documents, batch_size=batch_size))
    except Exception:  # fall back to isolating the document that broke the batch
        items = []
    coded = {item.doc_id: item for item in items if isinstance(item, CodedDocument)}
    return [
        coded[document.id] if document.id in coded else _code_alone(coder, document, batch_size)
        for document in documents
    ]
