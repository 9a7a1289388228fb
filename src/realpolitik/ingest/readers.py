"""Read documents from files, folders and standard input, one at a time.

A run over a corpus must never hold the corpus in memory and must never stop
at the first bad file, so read_documents is a generator that yields each
Document as soon as it is read and a ReadProblem for each input it cannot
read, then carries on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from realpolitik.ingest.formats import READERS, Source, format_of
from realpolitik.ingest.jsonl import line_limit, parse_records, text_lines
from realpolitik.ingest.problems import ReadCode, problem
from realpolitik.records import Document, ReadProblem

#: Default longest document, in characters.
MAX_CHARS = 2_000_000
#: The path that means standard input.
STDIN_PATH = "-"
#: Document id and origin of plain text read from standard input.
STDIN_NAME = "stdin"


def read_documents(
    paths: Sequence[str | Path],
    *,
    default_date: date | None = None,
    max_chars: int = MAX_CHARS,
    stdin: TextIO | None = None,
) -> Iterator[Document | ReadProblem]:
    """Every document in the given files and folders, in order, streamed.

    paths (Sequence[str | Path]): files (.txt .md .html .htm .pdf .jsonl
        .jsonl.gz), folders (read recursively, sorted, known endings only),
        or "-" for standard input.
    default_date (date | None): the date of every file document (the CLI's
        --date); JSON Lines records keep their own ``date``.
    max_chars (int): longest document accepted, in characters.
    stdin (TextIO | None): the stream "-" stands for; sys.stdin by default.
    YIELDS (Document | ReadProblem): each document, or why an input was skipped.
    """
    for path in paths:
        if str(path) == STDIN_PATH:
            yield from read_stream(
                stdin or sys.stdin, default_date=default_date, max_chars=max_chars
            )
            continue
        path = Path(path)
        if path.is_dir():
            try:
                children = _known_files(path)
            except OSError as error:
                yield problem(
                    str(path), f"cannot list folder: {error.strerror or error}", ReadCode.UNREADABLE
                )
                continue
            for child in children:
                yield from read_file(child, default_date=default_date, max_chars=max_chars)
        else:
            yield from read_file(path, default_date=default_date, max_chars=max_chars)


def _known_files(folder: Path) -> list[Path]:
    """Files under a folder with an ending we read, sorted; hidden files skipped."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and format_of(path.name)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def read_file(
    path: Path, *, default_date: date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Document | ReadProblem]:
    """The documents of one file (one, or one per line for JSON Lines).

    path (Path): the file.
    default_date (date | None): the date to give documents without their own.
    max_chars (int): longest document accepted, in characters.
    YIELDS (Document | ReadProblem): the documents, or why the file or a line was skipped.
    """
    origin = str(path)
    ending = format_of(path.name)
    if ending is None:
        known = " ".join(READERS)
        yield problem(
            origin,
            f"unknown file type {path.suffix or '(none)'!r}; expected one of {known}",
            ReadCode.UNKNOWN_FORMAT,
        )
        return
    source = Source(
        origin=origin,
        stem=path.name[: -len(ending)] or path.name,
        default_date=default_date,
        max_chars=max_chars,
    )
    try:
        with path.open("rb") as stream:
            yield from READERS[ending](stream, source)
    except FileNotFoundError:
        yield problem(origin, "no such file or directory", ReadCode.NOT_FOUND)
    except PermissionError:
        yield problem(
            origin, "permission denied; check the file's read permission", ReadCode.UNREADABLE
        )
    except OSError as error:
        yield problem(origin, f"cannot read: {error.strerror or error}", ReadCode.UNREADABLE)


def read_stream(
    stream: TextIO,
    *,
    name: str = STDIN_NAME,
    default_date: date | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Document | ReadProblem]:
    """Documents from a text stream such as standard input.

    JSON Lines when the first non-blank character is "{", else one plain-text
    document with id ``name``.

    stream (TextIO): the open text stream.
    name (str): the origin in messages and the id of a plain-text document.
    default_date (date | None): the date for documents without their own.
    max_chars (int): longest document accepted, in characters.
    YIELDS (Document | ReadProblem): the documents, or why one was skipped.
    """
    try:
        leading: list[str] = []
        for line in iter(lambda: stream.readline(line_limit(max_chars)), ""):
            leading.append(line)
            if line.strip():
                break
        if leading and leading[-1].lstrip().startswith("{"):
            yield from parse_records(
                text_lines(stream, name, max_chars, first=leading),
                origin=name,
                stem=name,
                default_date=default_date,
                max_chars=max_chars,
            )
            return
        yield _plain_stream(stream, leading, name, default_date, max_chars)
    except UnicodeDecodeError as error:
        yield problem(
            name, f"invalid UTF-8 in the input stream ({error.reason})", ReadCode.BAD_UTF8
        )


def _plain_stream(
    stream: TextIO, leading: list[str], name: str, default_date: date | None, max_chars: int
) -> Document | ReadProblem:
    """The rest of a stream as one plain-text document, read up to the size limit."""
    head = "".join(leading)
    text = head + stream.read(max(0, max_chars + 1 - len(head)))
    if len(text) > max_chars:
        return problem(
            name,
            f"document too large: more than {max_chars} chars > max {max_chars}",
            ReadCode.TOO_LARGE,
        )
    if not text.strip():
        return problem(name, "empty document (no text)", ReadCode.EMPTY)
    text = text.removeprefix("\ufeff")
    return Source(origin=name, stem=name, default_date=default_date, max_chars=max_chars).document(
        text
    )
