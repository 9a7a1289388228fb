"""The kinds of unreadable input, each with its own code (documented in docs/errors.md).

A reader never raises on one bad document: it yields a ReadProblem with one of
these codes and goes on, so one broken line does not stop a batch of thousands.
"""

from __future__ import annotations

from enum import StrEnum

from realpolitik.records import ReadProblem


class ReadCode(StrEnum):
    """One code per kind of bad input; codes are never reused."""

    NOT_FOUND = "E101"
    UNREADABLE = "E102"
    UNKNOWN_FORMAT = "E103"
    EMPTY = "E104"
    BINARY = "E105"
    BAD_UTF8 = "E106"
    TOO_LARGE = "E107"
    BAD_JSON = "E108"
    BAD_FIELD_TYPE = "E109"
    NO_TEXT = "E110"
    BAD_DATE = "E111"
    NO_TEXT_LAYER = "E112"
    BAD_PDF = "E113"
    NO_MAIN_TEXT = "E114"
    BAD_GZIP = "E115"


def problem(origin: str, reason: str, code: ReadCode, *, doc_id: str | None = None) -> ReadProblem:
    """A ReadProblem whose code is one of ours."""
    return ReadProblem(origin=origin, reason=reason, code=code.value, doc_id=doc_id)
