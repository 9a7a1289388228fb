"""realpolitik: news text in, sourced and coded political events out."""

from __future__ import annotations

from typing import Any

from realpolitik.records import Actor, CodedDocument, Document, Event

__all__ = ["Actor", "CodedDocument", "Document", "Event", "code_file", "code_text"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Load the coder (and spaCy) only when the API is first used."""
    if name in {"code_text", "code_file"}:
        from realpolitik import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
