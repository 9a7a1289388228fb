"""Money and counts that belong to an event ("lend $8 billion", "killed three tutors").

spaCy's MONEY spans are too ragged to read amounts from ("Rs 10bn" comes out as a DATE, the
"€" of "€2.5bn" falls outside the span), so amounts are read with one pattern built from the
currency and scale tables, and kept when they sit in the event's arguments. Counts are numbers
modifying a noun in those arguments. Tables: ``events/data/quantities_*``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Token

from realpolitik.errors import KnowledgeError
from realpolitik.events.mode import clause_head, read_context_data

NUMBER = r"\d[\d,]*(?:\.\d+)?"
# Children of the event's verb that are not its non-subject arguments (the passive subject is
# kept: "three tutors were killed" counts the victims).
SKIPPED_CHILD_DEPS = frozenset(
    {
        "nsubj",
        "csubj",
        "expl",
        "agent",
        "ccomp",
        "xcomp",
        "advcl",
        "relcl",
        "conj",
        "parataxis",
        "punct",
        "aux",
        "auxpass",
        "neg",
        "mark",
        "cc",
        "acl",
        "appos",
        "prt",
    }
)
NESTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl"})
NOT_COUNT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class QuantityTables:
    """Number words, scales, currencies and people words, with the amount pattern built once."""

    number_words: dict[str, float]
    scales: dict[str, float]
    vague_words: frozenset[str]
    definite_determiners: frozenset[str]
    currencies: dict[str, str]
    people_nouns: frozenset[str]
    people_verbs: frozenset[str]
    amount_pattern: re.Pattern[str]


def _read_currencies() -> dict[str, str]:
    name = "data/quantities_currencies.tsv"
    text = files("realpolitik.events").joinpath(name).read_text(encoding="utf-8")
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    rows = csv.reader((line for _, line in lines[1:]), delimiter="\t")
    currencies: dict[str, str] = {}
    for (number, _), row in zip(lines[1:], rows, strict=True):
        if len(row) != 2 or len(row[1]) != 3 or not row[1].isupper():
            raise KnowledgeError(
                f"events/{name}:{number}: expected 'written<TAB>ISO code', got {row!r}",
                code="E332",
            )
        currencies[row[0].strip().lower()] = row[1]
    return currencies


def _alternation(words: list[str]) -> str:
    """Longest first, so "us$" wins over "$"; word-like entries must end on a word boundary."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped + r"\b" if word[-1].isalnum() else escaped)
    return "|".join(parts)


def _amount_pattern(
    currencies: dict[str, str], scales: dict[str, float], range_words: tuple[str, ...]
) -> re.Pattern[str]:
    currency = _alternation(list(currencies))
    spaced = _alternation([s for s in scales if len(s) > 2])
    glued = _alternation(list(scales))
    scale = rf"(?:\s(?:{spaced})|(?:{glued}))"

    def amount(index: int) -> str:
        return (
            rf"(?:(?P<pre{index}>{currency})\s?)?(?P<num{index}>{NUMBER})"
            rf"(?P<scale{index}>{scale})?(?:\s(?P<post{index}>{currency}))?"
        )

    return re.compile(
        rf"(?<![\w.]){amount(1)}(?:\s*(?:{_alternation(list(range_words))})\s*{amount(2)})?",
        re.IGNORECASE,
    )


class NumberWords(BaseModel):
    """``quantities_numbers.yaml``, checked on load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number_words: dict[str, float]
    scales: dict[str, float]
    vague_words: frozenset[str]
    definite_determiners: frozenset[str]
    range_words: tuple[str, ...]


class PeopleWords(BaseModel):
    """``quantities_people.yaml``, checked on load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    people_nouns: frozenset[str]
    people_verbs: frozenset[str]


@lru_cache(maxsize=1)
def quantity_tables() -> QuantityTables:
    """The quantity tables and the amount pattern, built once per process."""
    numbers = read_context_data("quantities_numbers.yaml", NumberWords)
    people = read_context_data("quantities_people.yaml", PeopleWords)
    currencies = _read_currencies()
    return QuantityTables(
        number_words=numbers.number_words,
        scales=numbers.scales,
        vague_words=numbers.vague_words,
        definite_determiners=numbers.definite_determiners,
        currencies=currencies,
        people_nouns=people.people_nouns,
        people_verbs=people.people_verbs,
        amount_pattern=_amount_pattern(currencies, numbers.scales, numbers.range_words),
    )


def number_words() -> dict[str, float]:
    """Numbers written in letters ("three" -> 3), shared with the date reader."""
    return quantity_tables().number_words


def _clean_number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _is_nested_clause(token: Token) -> bool:
    """A clause of its own inside the arguments; a conjoined noun ("€2bn and €1bn") is not."""
    if token.dep_ == "conj":
        return token.pos_ in ("VERB", "AUX")
    return token.dep_ in NESTED_CLAUSE_DEPS


def argument_tokens(predicate: Token) -> set[int]:
    """Token indices of the event's arguments other than its subject, without nested clauses.

    A nominal event brings its own phrase ("a loan of $8 billion"); a verb its objects and
    prepositional phrases ("killed three tutors", "from $6 billion to $8 billion").
    """
    if predicate.pos_ in ("NOUN", "PROPN"):
        roots = [predicate]
    else:
        head = clause_head(predicate)
        roots = [c for c in head.children if c.dep_ not in SKIPPED_CHILD_DEPS]
    found: set[int] = set()
    stack = list(roots)
    while stack:
        token = stack.pop()
        found.add(token.i)
        stack.extend(c for c in token.children if not _is_nested_clause(c))
    return found


def _scale_value(raw: str | None, tables: QuantityTables) -> float | None:
    if not raw:
        return None
    return tables.scales.get(raw.strip().lower().rstrip("."))


def _money(
    predicate: Token, region: set[int], tables: QuantityTables
) -> tuple[list[dict[str, Any]], set[int]]:
    """The amounts in the event's arguments, and the tokens they cover."""
    doc = predicate.doc
    found: list[dict[str, Any]] = []
    covered: set[int] = set()
    if not any(any(ch.isdigit() for ch in doc[i].text) for i in region):
        return found, covered
    window = doc[min(region) : max(region) + 1]
    start_char = window.start_char
    text = window.text
    for match in tables.amount_pattern.finditer(text):
        start = start_char + match.start()
        span = doc.char_span(start, start_char + match.end(), alignment_mode="expand")
        if span is None or not any(token.i in region for token in span):
            continue
        written = [match.group(g) for g in ("pre1", "post1", "pre2", "post2") if match.group(g)]
        if not written:
            continue
        currency = tables.currencies[written[0].lower()]
        second_scale = _scale_value(match.group("scale2"), tables)
        first_scale = _scale_value(match.group("scale1"), tables) or second_scale or 1.0
        first = float(match.group("num1").replace(",", "")) * first_scale
        amount: dict[str, Any] = {"text": match.group(0).strip(), "currency": currency}
        if match.group("num2"):
            second = float(match.group("num2").replace(",", "")) * (second_scale or 1.0)
            low, high = sorted((first, second))
            amount.update(
                value=_clean_number(high), min=_clean_number(low), max=_clean_number(high)
            )
        else:
            amount["value"] = _clean_number(first)
        found.append(amount)
        covered.update(token.i for token in span)
    return found, covered


def _count_value(numbers: list[Token], tables: QuantityTables) -> float | None:
    """ "40" -> 40, "three" -> 3, "1.2 million" -> 1200000; None for a vague "dozens"."""
    value: float | None = None
    for token in numbers:
        word = token.lower_.replace(",", "")
        if word in tables.vague_words:
            return None
        scale = tables.scales.get(word.split("-")[0])
        if scale and value is not None:
            value *= scale
        elif scale:
            value = scale
        elif word.replace(".", "", 1).isdigit():
            value = float(word)
        elif word in tables.number_words:
            value = tables.number_words[word]
    return value


def _count_unit(noun: Token, verb_lemma: str, tables: QuantityTables) -> str:
    """ "people" for persons and for whoever a verb acting on people counts; else the noun."""
    noun_lemma = noun.lemma_.lower()
    if not {noun_lemma, noun.lower_, noun.lower_.rstrip("s")}.isdisjoint(tables.people_nouns):
        return "people"
    if (
        verb_lemma in tables.people_verbs
        and noun.ent_type_ in ("", "NORP")
        and noun_lemma not in tables.scales
    ):
        return "people"
    return noun_lemma


def _is_reference(noun: Token, tables: QuantityTables) -> bool:
    """ "the two governments" names known parties; it does not count anything new."""
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in tables.definite_determiners for c in noun.children
    )


def _counts(
    predicate: Token, region: set[int], money_tokens: set[int], tables: QuantityTables
) -> list[dict[str, Any]]:
    doc = predicate.doc
    verb_lemma = clause_head(predicate).lemma_.lower()
    found: list[dict[str, Any]] = []
    for index in sorted(region):
        token = doc[index]
        noun = token.head
        if (
            token.dep_ != "nummod"
            or index in money_tokens
            or token.ent_type_ in NOT_COUNT_ENTITIES
            or noun.pos_ not in ("NOUN", "PROPN")
        ):
            continue
        numbers = sorted(
            [
                token,
                *(c for c in token.children if c.dep_ in ("compound", "quantmod") and c.like_num),
            ],
            key=lambda t: t.i,
        )
        value = _count_value(numbers, tables)
        if value is None or _is_reference(noun, tables):
            continue
        found.append(
            {
                "text": doc[numbers[0].i : noun.i + 1].text,
                "value": _clean_number(value),
                "unit": _count_unit(noun, verb_lemma, tables),
            }
        )
    return found


def event_quantities(predicate: Token) -> list[dict[str, Any]]:
    """Amounts of money and counts in the event's arguments, in text order.

    predicate (Token): the event's predicate.
    RETURNS (list[dict]): {"text", "value", "currency"} for money (ranges add "min" and "max",
        and "value" is the upper bound), {"text", "value", "unit"} for counts, where unit is
        "people" for persons and otherwise the counted noun's lemma.
    """
    tables = quantity_tables()
    region = argument_tokens(predicate)
    money, money_tokens = _money(predicate, region, tables)
    return money + _counts(predicate, region, money_tokens, tables)
