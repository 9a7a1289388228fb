"""Plain-data records passed between the pipeline stages.

Every stage takes and returns these, so a stage can be tested alone and
replaced without touching its neighbours. They serialise to the event schema
in ``docs/event-schema.md`` with :meth:`to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Document:
    """One input document, before cleaning.

    ``origin`` names where it came from (``path`` or ``path:line``) so that
    every error message can point the user at it.
    """

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    origin: str = ""


@dataclass(slots=True)
class ReadProblem:
    """A document that could not be read; the batch goes on without it."""

    origin: str
    reason: str
    code: str = "E100"
    doc_id: str | None = None

    def message(self) -> str:
        """One line for the terminal: ``[E1xx] file:line: reason``."""
        return f"[{self.code}] {self.origin}: {self.reason}"


@dataclass(slots=True)
class Actor:
    """A coded actor as the event schema shows it."""

    text: str
    name: str
    code: str
    country: str | None
    role: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event; field names follow the event schema exactly."""

    doc_id: str
    sentence_index: int
    sentence: str
    evidence: dict[str, int]
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    label: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: str = "asserted"
    date: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    attribution: dict[str, Any] | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.5
    cue: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The schema's JSON object (actors as nested objects)."""
        record = asdict(self)
        record["source"] = self.source.to_dict() if self.source else None
        record["target"] = self.target.to_dict() if self.target else None
        return record


@dataclass(slots=True)
class CodedDocument:
    """The outcome of coding one document: its cleaned text and its events."""

    doc_id: str
    clean_text: str
    events: list[Event]
    date: date | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    status: str = "coded"
    error: str | None = None
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
