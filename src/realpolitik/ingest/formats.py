"""One reader per file format, each yielding Documents or ReadProblems.

Each reader takes an open binary stream, so the caller owns opening files
(and reporting missing or forbidden paths) and a reader can be tested on
bytes in memory.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

import trafilatura
from pypdf import PdfReader

from realpolitik.ingest.dates import find_document_date
from realpolitik.ingest.decode import SNIFF_BYTES, binary_reason, read_utf8, too_large
from realpolitik.ingest.jsonl import binary_lines, parse_records
from realpolitik.ingest.problems import ReadCode, problem
from realpolitik.records import Document, ReadProblem

_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+(.+)$", re.MULTILINE)
_MARKDOWN_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)

#: An HTML page may hold this many bytes per character of main text.
HTML_BYTES_PER_CHAR = 8

Reader = Callable[[BinaryIO, "Source"], Iterator[Document | ReadProblem]]


class Source:
    """What a reader needs to know about the input besides its bytes."""

    __slots__ = ("default_date", "max_chars", "origin", "stem")

    def __init__(
        self, *, origin: str, stem: str, default_date: date | None, max_chars: int
    ) -> None:
        self.origin = origin
        self.stem = stem
        self.default_date = default_date
        self.max_chars = max_chars

    def document(
        self, text: str, *, title: str | None = None, found: date | None = None
    ) -> Document:
        """A single-document file's Document, dated by --date, the file, or its dateline."""
        return Document(
            id=self.stem,
            text=text,
            date=self.default_date or found or find_document_date(text),
            title=title,
            origin=self.origin,
        )


def read_plain(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """A plain-text file: one document."""
    text = read_utf8(stream, source.origin, source.max_chars)
    yield text if isinstance(text, ReadProblem) else source.document(text)


def read_markdown(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """A Markdown file: one document; heading marks dropped, the first heading is the title."""
    text = read_utf8(stream, source.origin, source.max_chars)
    if isinstance(text, ReadProblem):
        yield text
        return
    first_heading = _MARKDOWN_HEADING.search(text)
    title = first_heading.group(1).strip() if first_heading else None
    yield source.document(_MARKDOWN_HEADING_MARK.sub("", text), title=title)


def read_html(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """An HTML page: its main text only, without navigation, ads and footers."""
    limit = HTML_BYTES_PER_CHAR * source.max_chars
    page = stream.read(limit + 1)
    if reason := binary_reason(page[:SNIFF_BYTES]):
        yield problem(source.origin, reason, ReadCode.BINARY)
        return
    if len(page) > limit:
        yield too_large(
            source.origin, limit // HTML_BYTES_PER_CHAR, source.max_chars, at_least=True
        )
        return
    if not page.strip():
        yield problem(source.origin, "empty document (no text)", ReadCode.EMPTY)
        return
    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(extracted, "text", None)
    if not text or not text.strip():
        yield problem(
            source.origin, "no main article text found in the HTML page", ReadCode.NO_MAIN_TEXT
        )
        return
    body = "\n\n".join(line for line in text.splitlines() if line.strip())
    if len(body) > source.max_chars:
        yield too_large(source.origin, len(body), source.max_chars)
        return
    yield source.document(body, title=getattr(extracted, "title", None), found=_iso_date(extracted))


def _iso_date(extracted: object) -> date | None:
    """The page's own publication date from its metadata, when it has a full one."""
    value = getattr(extracted, "date", None)
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_pdf(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """A PDF's text layer, page by page; a scanned PDF has none."""
    try:
        pages = _pdf_pages(stream)
        chunks: list[str] = []
        total = 0
        for page_text in pages:
            total += len(page_text)
            if total > source.max_chars:
                yield too_large(source.origin, total, source.max_chars, at_least=True)
                return
            chunks.append(page_text)
    except Exception as error:  # pypdf raises many exception types on a broken file
        yield problem(source.origin, f"cannot read PDF: {error}".rstrip(), ReadCode.BAD_PDF)
        return
    text = "\n\n".join(chunk for chunk in chunks if chunk.strip())
    if not text.strip():
        yield problem(
            source.origin, "no text layer (scanned PDF?); run OCR first", ReadCode.NO_TEXT_LAYER
        )
        return
    yield source.document(text)


def _pdf_pages(data: BinaryIO) -> Iterator[str]:
    """The extracted text of each page."""
    reader = PdfReader(data)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password")
    for page in reader.pages:
        yield page.extract_text() or ""


def read_jsonl(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """A JSON Lines file: one document a line."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
    if reason := binary_reason(head):
        yield problem(source.origin, reason, ReadCode.BINARY)
        return
    yield from parse_records(
        binary_lines(stream, source.origin, source.max_chars),
        origin=source.origin,
        stem=source.stem,
        default_date=source.default_date,
        max_chars=source.max_chars,
    )


def read_jsonl_gz(stream: BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """A gzipped JSON Lines file, decompressed as it streams."""
    last_origin = "the start"
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            for item in read_jsonl(unzipped, source):  # type: ignore[arg-type]
                last_origin = item.origin
                yield item
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield problem(
            source.origin, f"corrupt gzip data after {last_origin}: {error}", ReadCode.BAD_GZIP
        )


#: File-name endings we read, longest first so ".jsonl.gz" wins over ".gz".
READERS: dict[str, Reader] = {
    ".jsonl.gz": read_jsonl_gz,
    ".jsonl": read_jsonl,
    ".txt": read_plain,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def format_of(name: str) -> str | None:
    """The known ending of a file name (".jsonl.gz", ".txt", ...), or None."""
    lowered = name.lower()
    return next((ending for ending in READERS if lowered.endswith(ending)), None)
