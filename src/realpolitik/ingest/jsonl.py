"""Read JSON Lines input one record at a time.

Corpora arrive as large JSON Lines files, often gzipped. We read one line at a
time with a byte limit, so memory stays flat however big the file or a single
line is, and every bad record becomes a problem naming its line while the
good records around it still come through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, count
from typing import Any, BinaryIO, TextIO

from realpolitik.ingest.dates import find_document_date
from realpolitik.ingest.decode import bad_utf8, too_large
from realpolitik.ingest.problems import ReadCode, problem
from realpolitik.records import Document, ReadProblem

_RECORD_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?")
_OPTIONAL_TEXT_FIELDS = ("title", "url")


def line_limit(max_chars: int) -> int:
    """Longest line in bytes worth parsing: the text at its worst JSON escaping, plus fields."""
    return 6 * max_chars + 65536


def binary_lines(
    stream: BinaryIO, origin: str, max_chars: int
) -> Iterator[tuple[int, str | ReadProblem]]:
    """Numbered, decoded lines of a binary stream; over-long or undecodable lines as problems."""
    limit = line_limit(max_chars)
    offset = 0
    for number in count(1):
        raw = stream.readline(limit)
        if not raw:
            return
        line_origin = f"{origin}:{number}"
        if len(raw) == limit and not raw.endswith(b"\n"):
            offset += len(raw) + _skip_rest_of_line(stream, limit)
            yield number, too_large(line_origin, limit, max_chars, at_least=True)
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, bad_utf8(line_origin, error, offset)
        offset += len(raw)


def text_lines(
    stream: TextIO, origin: str, max_chars: int, *, first: Sequence[str] = ()
) -> Iterator[tuple[int, str | ReadProblem]]:
    """Numbered lines of a decoded stream (after ``first``, lines already taken from it)."""
    limit = line_limit(max_chars)
    lines = chain(first, iter(lambda: stream.readline(limit), ""))
    for number, line in enumerate(lines, start=1):
        if len(line) >= limit and not line.endswith("\n"):
            while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                pass
            yield number, too_large(f"{origin}:{number}", limit, max_chars, at_least=True)
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO, limit: int) -> int:
    """Read past the end of an over-long line; the number of bytes skipped."""
    skipped = 0
    while chunk := stream.readline(limit):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def parse_records(
    lines: Iterable[tuple[int, str | ReadProblem]],
    *,
    origin: str,
    stem: str,
    default_date: date | None,
    max_chars: int,
) -> Iterator[Document | ReadProblem]:
    """Documents (or problems) from numbered JSON Lines; an input with no record is a problem."""
    seen_record = False
    for number, line in lines:
        if isinstance(line, ReadProblem):
            seen_record = True
            yield line
            continue
        if not line.strip():
            continue
        seen_record = True
        yield parse_record(
            line,
            origin=f"{origin}:{number}",
            fallback_id=f"{stem}-{number}",
            default_date=default_date,
            max_chars=max_chars,
        )
    if not seen_record:
        yield problem(origin, "empty document (no JSON Lines records)", ReadCode.EMPTY)


def parse_record(
    line: str,
    *,
    origin: str,
    fallback_id: str,
    default_date: date | None,
    max_chars: int,
) -> Document | ReadProblem:
    """One JSON Lines record as a Document, or the problem with it.

    line (str): the line's text.
    origin (str): ``path:line``, used as the document's origin and in messages.
    fallback_id (str): the id when the record has none.
    default_date (date | None): the date when the record has none.
    max_chars (int): longest accepted text.
    RETURNS (Document | ReadProblem): the document, or why the record was refused.
    """
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return problem(
            origin,
            f"malformed JSON at column {error.colno}: {error.msg}",
            ReadCode.BAD_JSON,
        )
    if not isinstance(record, dict):
        return problem(
            origin,
            f"expected a JSON object, got {_json_type(record)}",
            ReadCode.BAD_FIELD_TYPE,
        )
    return _record_to_document(record, origin, fallback_id, default_date, max_chars)


def _record_to_document(
    record: dict[str, Any],
    origin: str,
    fallback_id: str,
    default_date: date | None,
    max_chars: int,
) -> Document | ReadProblem:
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return _wrong_type(origin, "id", "a string", raw_id)
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return problem(origin, "missing or empty 'text'", ReadCode.NO_TEXT, doc_id=doc_id)
    if not isinstance(text, str):
        return _wrong_type(origin, "text", "a string", text, doc_id)
    for name in _OPTIONAL_TEXT_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return _wrong_type(origin, name, "a string", record[name], doc_id)
    if len(text) > max_chars:
        oversize = too_large(origin, len(text), max_chars)
        oversize.doc_id = doc_id
        return oversize
    record_date = _record_date(record.get("date"), origin, doc_id)
    if isinstance(record_date, ReadProblem):
        return record_date
    return Document(
        id=doc_id,
        text=text,
        date=record_date or default_date or find_document_date(text),
        title=record.get("title"),
        url=record.get("url"),
        origin=origin,
    )


def _record_date(value: object, origin: str, doc_id: str) -> date | ReadProblem | None:
    """The record's ``date`` field: YYYY-MM-DD, optionally followed by a time."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return _wrong_type(origin, "date", "a 'YYYY-MM-DD' string", value, doc_id)
    match = _RECORD_DATE.fullmatch(value.strip())
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    return problem(
        origin, f"bad date {value!r}: expected YYYY-MM-DD", ReadCode.BAD_DATE, doc_id=doc_id
    )


def _wrong_type(
    origin: str, field: str, expected: str, value: object, doc_id: str | None = None
) -> ReadProblem:
    return problem(
        origin,
        f"field '{field}' must be {expected}, got {_json_type(value)}",
        ReadCode.BAD_FIELD_TYPE,
        doc_id=doc_id,
    )


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, as a user wrote it."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
