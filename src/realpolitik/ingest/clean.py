"""Undo the artefacts of PDF and web extraction so that sentences parse.

PDF text arrives with hard line breaks inside sentences, words split at a
hyphen, justified double spaces, photo captions glued to paragraphs and share
buttons. A sentence split by a newline parses badly and a caption produces
events that are not in the article, so we repair these before spaCy sees the
text. Everything else (quotes, accents, wording) stays exactly as written,
because event offsets point into the cleaned text.

The work is one pass over the lines with compiled patterns, so it is linear
in the size of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from realpolitik.ingest.knowledge import (
    boilerplate_pattern,
    caption_pattern,
    hyphen_rules,
)

_NEWLINES = re.compile(r"\r\n?|\f|\v|\u2028|\u2029")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")
_SPACE_RUN = re.compile(r"[ \t\u00a0]+")
_SENTENCE_END_MARKS = ".!?…"
_CLOSING_MARKS = "”\"’')]"
_HYPHEN_END = re.compile(r"([^\W\d_][\w’']*)-$")
_WORD_START = re.compile(r"[\w’']+")
_PARAGRAPH_START = re.compile(r"(?:[•*▪◦]\s|\d{1,2}[.)]\s)")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NO_SPACE_BEFORE = "-–—/"

#: Enough of a line's end to hold its last word.
_WORD_TAIL = 80
#: A line longer than this is a paragraph on one line, not a wrapped line.
_UNWRAPPED_LINE = 200
#: A caption ends a line and is at most this long (the patterns allow 120 characters).
_CAPTION_TAIL = 200
#: Captions longer than this many lines are body text we should not drop.
_MAX_CAPTION_LINES = 4


class _DocumentWords:
    """Words of the whole document, built only when a hyphen is ambiguous.

    How the document itself writes a word elsewhere ("government" or
    "no-confidence") is the best evidence for repairing a split one.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        """How often the word occurs in the document, ignoring case."""
        if self._counts is None:
            self._counts = Counter(_WORDS.findall(self._text.lower()))
        return self._counts[word.lower()]


def clean_text(text: str) -> str:
    """Repair wrapped lines, split words, captions and page furniture.

    text (str): raw text of one document, as a reader produced it.
    RETURNS (str): the cleaned text; paragraphs separated by one blank line,
        no line breaks inside a paragraph, single spaces, no leading or
        trailing white space.
    """
    text = _NEWLINES.sub("\n", text)
    words = _DocumentWords(text)
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        paragraphs.extend(_clean_block(block.split("\n"), words))
    return "\n\n".join(paragraphs)


def _clean_block(raw_lines: list[str], words: _DocumentWords) -> Iterator[str]:
    """The paragraphs of one block of lines between blank lines."""
    lines = [line for line in raw_lines if line.strip()]
    if not lines:
        return
    width = max(len(line.strip()) for line in lines)
    kept = _drop_captions(
        [line for line in lines if not boilerplate_pattern().fullmatch(line.strip())]
    )
    yield from _join_lines(kept, width, words)


def _drop_captions(lines: list[str]) -> list[str]:
    """Lines without photo captions; a caption is dropped with the lines that lead up to it."""
    kept: list[str] = []
    caption_start = 0
    for line in lines:
        stripped = line.strip()
        if caption_pattern().search(stripped, max(0, len(stripped) - _CAPTION_TAIL)):
            del kept[_caption_first_line(kept, caption_start) :]
            caption_start = len(kept)
            continue
        kept.append(line)
        if _ends_sentence(stripped):
            caption_start = len(kept)
    return kept


def _caption_first_line(kept: list[str], caption_start: int) -> int:
    """Index of the first kept line that belongs to the caption ending now."""
    first = max(caption_start, len(kept) - (_MAX_CAPTION_LINES - 1))
    for index in range(len(kept) - 1, first - 1, -1):
        if kept[index][:1].isspace():
            return index
    return first


def _join_lines(lines: Iterable[str], width: int, words: _DocumentWords) -> Iterator[str]:
    """Join wrapped lines into paragraphs, repairing hyphenated splits."""
    parts: list[str] = []
    previous = ""
    for line in lines:
        current = _SPACE_RUN.sub(" ", line.strip())
        if parts and _starts_paragraph(previous, line, width):
            yield "".join(parts)
            parts = []
        if parts:
            parts[-1], current = _join_pair(parts[-1], current, words)
        parts.append(current)
        previous = line.strip()
    if parts:
        yield "".join(parts)


def _starts_paragraph(previous: str, line: str, width: int) -> bool:
    """Whether a single line break is a paragraph break rather than a wrap."""
    stripped = line.strip()
    if previous.endswith("-") and _HYPHEN_END.search(previous[-_WORD_TAIL:]):
        return False
    if _PARAGRAPH_START.match(stripped):
        return True
    if _ends_sentence(previous):
        return len(previous) < 0.75 * width or len(previous) > _UNWRAPPED_LINE or line[:1].isspace()
    looks_like_heading = len(previous) < 0.5 * width and previous[-1:] not in ",;:–—-"
    return looks_like_heading and width >= 50 and stripped[:1].isupper()


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with a full stop, question or exclamation mark (before quotes)."""
    last = line.rstrip(_CLOSING_MARKS)[-1:]
    return bool(last) and last in _SENTENCE_END_MARKS


def _join_pair(before: str, after: str, words: _DocumentWords) -> tuple[str, str]:
    """The end of the paragraph so far and the next line, ready to concatenate."""
    split = _HYPHEN_END.search(before[-_WORD_TAIL:]) if before.endswith("-") else None
    start = _WORD_START.match(after)
    if split and start:
        left, right = split.group(1), start.group(0)
        if _keeps_hyphen(left, right, words):
            return before, after
        return before[:-1], after
    if before[-1:] in _NO_SPACE_BEFORE and not before.endswith((" -", " –", " —")):
        return before, after
    return before + " ", after


def _keeps_hyphen(left: str, right: str, words: _DocumentWords) -> bool:
    """Whether ``left-`` + newline + ``right`` is a real compound, not a syllable split."""
    if words.count(f"{left}-{right}"):
        return True
    if words.count(f"{left}{right}"):
        return False
    if not left.islower() or not right.islower():
        return True
    rules = hyphen_rules()
    if right.lower() in rules.suffixes:
        return True
    min_rest = rules.prefixes.get(left.lower())
    if min_rest is None:
        return False
    # The split itself holds one occurrence of ``right``; another one shows it is a word.
    return len(right) >= min_rest or words.count(right) > 1
