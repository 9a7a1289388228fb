"""Turn a byte stream into text without trusting it.

Input files can be huge, binary or wrongly encoded. We decode in fixed-size
chunks so a 50 MB one-line file never sits in memory whole, stop keeping text
past the size limit, and name the exact byte where UTF-8 decoding failed so the
user can find it.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from realpolitik.ingest.problems import ReadCode, problem
from realpolitik.records import ReadProblem

CHUNK_BYTES = 1 << 20
#: Bytes looked at to tell text from binary.
SNIFF_BYTES = 8192
#: Share of control characters above which a file is binary, not text.
MAX_CONTROL_SHARE = 0.1

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file look binary, or None when they look like text."""
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at offset {nul}), not text"
    if not head:
        return None
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls / len(head) > MAX_CONTROL_SHARE:
        return f"binary file ({controls} control bytes in the first {len(head)}), not text"
    return None


def read_utf8(stream: BinaryIO, origin: str, max_chars: int) -> str | ReadProblem:
    """The whole stream decoded as UTF-8, or the problem that stops it.

    stream (BinaryIO): an open binary stream, read from its current position.
    origin (str): the name used in problem messages.
    max_chars (int): longest text accepted; longer texts are counted, not kept.
    RETURNS (str | ReadProblem): the text (a leading byte-order mark removed),
        or a problem for binary, invalid UTF-8, empty or too-large input.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    pieces: list[str] = []
    total_chars = 0
    consumed = 0
    first = True
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if first and (reason := binary_reason(chunk[:SNIFF_BYTES])):
            return problem(origin, reason, ReadCode.BINARY)
        first = False
        pending = len(decoder.getstate()[0])
        try:
            piece = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            return bad_utf8(origin, error, consumed - pending)
        consumed += len(chunk)
        total_chars += len(piece)
        if total_chars <= max_chars:
            pieces.append(piece)
        else:
            pieces.clear()
        if not chunk:
            break
    if total_chars > max_chars:
        return too_large(origin, total_chars, max_chars)
    text = "".join(pieces).removeprefix("\ufeff")
    if not text.strip():
        return problem(origin, "empty document (no text)", ReadCode.EMPTY)
    return text


def bad_utf8(origin: str, error: UnicodeDecodeError, offset: int) -> ReadProblem:
    """The problem for a decoding error, naming the byte offset in the file."""
    byte = error.object[error.start : error.start + 1].hex()
    return problem(
        origin,
        f"invalid UTF-8 at byte {offset + error.start} (0x{byte}: {error.reason}); "
        "re-save the file as UTF-8",
        ReadCode.BAD_UTF8,
    )


def too_large(origin: str, chars: int, max_chars: int, *, at_least: bool = False) -> ReadProblem:
    """The problem for a document over the size limit."""
    count = f"at least {chars}" if at_least else str(chars)
    return problem(
        origin,
        f"document too large: {count} chars > max {max_chars}; split it or raise max_chars",
        ReadCode.TOO_LARGE,
    )
