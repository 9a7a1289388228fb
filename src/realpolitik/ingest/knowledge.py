"""Load the cleaning and dating patterns shipped in ``ingest/data/``.

The patterns are data, not code, so a user can see and extend them without
reading Python; each loader reports a bad row as ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from realpolitik.errors import KnowledgeError


def _data_lines(name: str) -> list[tuple[int, str]]:
    """Non-comment, non-blank lines of ``ingest/data/<name>`` with their line numbers."""
    text = files("realpolitik.ingest").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [
        (number, line.rstrip("\n"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def _compile_alternation(name: str, flags: int) -> re.Pattern[str]:
    """One regex that matches any line of a one-pattern-a-line file."""
    parts: list[str] = []
    for number, line in _data_lines(name):
        try:
            re.compile(line, flags)
        except re.error as error:
            raise KnowledgeError(
                f"ingest/data/{name}:{number}: bad regular expression ({error}); fix or remove it",
                code="E120",
            ) from None
        parts.append(f"(?:{line})")
    return re.compile("|".join(parts), flags)


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """Lines that are page furniture (share buttons, ads); matched with ``fullmatch``."""
    return _compile_alternation("boilerplate.txt", re.IGNORECASE)


@lru_cache(maxsize=1)
def caption_pattern() -> re.Pattern[str]:
    """The end of a photo caption or credit; matched with ``search``."""
    return _compile_alternation("captions.txt", 0)


@dataclass(frozen=True, slots=True)
class HyphenRules:
    """Word parts that keep their hyphen across a line break."""

    prefixes: dict[str, int]
    suffixes: frozenset[str]


@lru_cache(maxsize=1)
def hyphen_rules() -> HyphenRules:
    """The prefix and suffix rows of ``hyphen_compounds.tsv``."""
    prefixes: dict[str, int] = {}
    suffixes: set[str] = set()
    rows = _data_lines("hyphen_compounds.tsv")
    for number, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) != 3 or cells[0] not in {"prefix", "suffix"} or not cells[2].isdigit():
            raise KnowledgeError(
                f"ingest/data/hyphen_compounds.tsv:{number}: expected 'prefix|suffix<TAB>part"
                f"<TAB>min_rest', got {line!r}",
                code="E120",
            )
        if cells[0] == "prefix":
            prefixes[cells[1].lower()] = int(cells[2])
        else:
            suffixes.add(cells[1].lower())
    return HyphenRules(prefixes=prefixes, suffixes=frozenset(suffixes))


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """English month names and abbreviations (lower case, no dot) to month numbers."""
    months: dict[str, int] = {}
    for number, line in _data_lines("months.tsv"):
        name, _, value = line.partition("\t")
        if not value.isdigit() or not 1 <= int(value) <= 12:
            raise KnowledgeError(
                f"ingest/data/months.tsv:{number}: expected 'name<TAB>1..12', got {line!r}",
                code="E120",
            )
        months[name.lower()] = int(value)
    return months
