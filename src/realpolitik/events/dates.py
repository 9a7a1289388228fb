"""When an event happened, at the precision the text gives, resolved against the document date.

Only the DATE/TIME phrase spaCy found in the event's own clause is read, never the whole
sentence: a parser let loose on free text reads "the $60" as 1960. Cheap rules cover the
phrases news uses (weekday names, "May 17", "last week", "three days ago"); dateparser is
asked only about a phrase those rules cannot read. Word lists: ``events/data/dates_words.yaml``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser
from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from realpolitik.events.mode import (
    clause_head,
    entity_spans,
    event_mode,
    is_clause_head,
    read_context_data,
)
from realpolitik.events.quantities import number_words

DATE_LABELS = frozenset({"DATE", "TIME"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod"})
ISO_PATTERN = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR_PATTERN = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DAY_PATTERN = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
DECADE_PATTERN = re.compile(r"\b\d{2,4}s\b")
WORD_PATTERN = re.compile(r"[a-z]+(?:\.)?")
UNIT_ADJECTIVE_PATTERN = re.compile(r"\d+-(?:day|week|month|year)")
# How many days a "May 17" may lie after the document date and still be this year's.
LOOKAHEAD_DAYS = 31


class CalendarUnit(BaseModel):
    """How far one unit reaches back ("three weeks ago") and the precision of the result."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: int = 0
    months: int = 0
    precision: Literal["day", "month", "year"]


class DateWords(BaseModel):
    """The word tables of ``dates_words.yaml``, checked on load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    period_modifiers: dict[str, int]
    units: dict[str, CalendarUnit]
    ago_words: frozenset[str]
    duration_prepositions: frozenset[str]
    anaphoric_words: frozenset[str]
    anaphoric_phrases: tuple[str, ...]
    relative_adverbs: frozenset[str]
    articles: frozenset[str]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """The date word tables, read once per process."""
    return read_context_data("dates_words.yaml", DateWords)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _format(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _unit_of(word: str, words: DateWords) -> str | None:
    singular = word[:-1] if word.endswith("s") else word
    return singular if singular in words.units else None


def _is_duration(ent: Span, tokens: list[str], words: DateWords) -> bool:
    """ "for years", "nine months of rule", "a 40-year lease": a length of time, not a date."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in words.duration_prepositions:
        return True
    if UNIT_ADJECTIVE_PATTERN.search(ent.text.lower()):
        return True
    has_ago = any(word in words.ago_words for word in tokens)
    plural_unit = any(word.endswith("s") and _unit_of(word, words) for word in tokens)
    return plural_unit and not has_ago


@lru_cache(maxsize=1)
def _relative_day_pattern() -> re.Pattern[str]:
    """One pattern for every phrase of ``relative_days``, longest first."""
    phrases = sorted(date_words().relative_days, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _shift(doc_date: date, unit: CalendarUnit, count: int) -> str:
    """The document date moved by ``count`` units (negative: back), at the unit's precision."""
    shifted = (
        doc_date + timedelta(days=unit.days * count)
        if unit.days
        else _shift_months(doc_date, unit.months * count)
    )
    return _format(shifted, unit.precision)


def _weekday(weekday: int, modifier: int | None, doc_date: date, future: bool) -> str:
    """The most recent such weekday on or before the document date ("last": before it), or
    the next one after it for a future event or "next"."""
    forward = future if modifier is None else modifier > 0
    if forward:
        ahead = (weekday - doc_date.weekday()) % 7 or 7
        return (doc_date + timedelta(days=ahead)).isoformat()
    back = (doc_date.weekday() - weekday) % 7
    if modifier is not None and modifier < 0 and back == 0:
        back = 7
    return (doc_date - timedelta(days=back)).isoformat()


def _resolve_relative(
    tokens: list[str], doc_date: date, future: bool, words: DateWords
) -> str | None:
    """Phrases that only make sense against the document date."""
    unit_name = next((u for w in tokens if (u := _unit_of(w, words))), None)
    if any(word in words.ago_words for word in tokens):
        numbers = number_words()
        count = next(
            (
                int(w) if w.isdigit() else int(numbers[w])
                for w in tokens
                if w.isdigit() or (w in numbers and numbers[w] >= 1)
            ),
            1,
        )
        return _shift(doc_date, words.units[unit_name], -count) if unit_name else None
    modifiers = words.period_modifiers
    modifier = next((modifiers[w] for w in tokens if w in modifiers), None)
    weekday = next((words.weekdays[w] for w in tokens if w in words.weekdays), None)
    if weekday is not None:
        return _weekday(weekday, modifier, doc_date, future)
    if modifier is not None and unit_name:
        return _shift(doc_date, words.units[unit_name], modifier)
    return None


def _resolve_calendar(
    tokens: list[str], text: str, doc_date: date | None, future: bool, words: DateWords
) -> str | None:
    """ "May 17", "17 May 2022", "early April", "February 2022", "2019", "mid-2021"."""
    iso_match = ISO_PATTERN.search(text)
    if iso_match:
        year, month_number, day = (int(part) for part in iso_match.groups())
        return _safe_day(year, month_number, day)
    year_match = YEAR_PATTERN.search(text)
    month = next(
        (words.months[w.rstrip(".")] for w in tokens if w.rstrip(".") in words.months), None
    )
    without_year = YEAR_PATTERN.sub(" ", text)
    day_match = DAY_PATTERN.search(without_year) if month else None
    day_number = int(day_match.group(1)) if day_match else None
    if day_number is not None and not 1 <= day_number <= 31:
        day_number = None
    if year_match:
        year = int(year_match.group(1))
        if month is None:
            return f"{year:04d}"
        return _safe_day(year, month, day_number) if day_number else f"{year:04d}-{month:02d}"
    if month is None or doc_date is None:
        return None
    year = doc_date.year
    if future:
        if (month, day_number or 31) < (doc_date.month, doc_date.day):
            year += 1
    elif day_number:
        candidate = date(year, month, min(day_number, 28))
        if candidate > doc_date + timedelta(days=LOOKAHEAD_DAYS):
            year -= 1
    elif month > doc_date.month:
        year -= 1
    return _safe_day(year, month, day_number) if day_number else f"{year:04d}-{month:02d}"


def _safe_day(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _parse_with_dateparser(text: str, doc_date: date | None, future: bool) -> str | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if doc_date is not None:
        settings["RELATIVE_BASE"] = datetime(doc_date.year, doc_date.month, doc_date.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


def resolve_date_text(text: str, doc_date: date | None, *, future: bool = False) -> str | None:
    """The date a DATE phrase names, at the precision its words give, or None.

    text (str): the DATE/TIME phrase, e.g. "on April 26", "last week", "three days ago".
    doc_date (date | None): the document's date, the base for relative phrases.
    future (bool): the event is still to come, so "Tuesday" means the next one.
    RETURNS (str | None): "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    """
    words = date_words()
    lowered = text.lower()
    tokens = WORD_PATTERN.findall(lowered) + re.findall(r"\d+", lowered)
    if DECADE_PATTERN.search(lowered):
        return None
    day_phrase = _relative_day_pattern().search(lowered)
    if day_phrase and doc_date is not None:
        return (doc_date + timedelta(days=words.relative_days[day_phrase.group(1)])).isoformat()
    if any(w in words.anaphoric_words for w in tokens) or any(
        phrase in lowered for phrase in words.anaphoric_phrases
    ):
        return None
    if doc_date is not None:
        relative = _resolve_relative(tokens, doc_date, future, words)
        if relative:
            return relative
    calendar = _resolve_calendar(tokens, lowered, doc_date, future, words)
    if calendar or doc_date is None:
        return calendar
    return _parse_with_dateparser(text, doc_date, future)


def _describes_event(noun: Token, predicate: Token) -> bool:
    """A date modifying a noun dates the event only when the noun is the event itself or a
    phrase of its verb ("in an early April speech"); "the 1951 treaty" is not dated by it."""
    if noun.i == predicate.i:
        return True
    preposition = noun.head
    head = clause_head(predicate)
    return (
        noun.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and preposition.head.i in (head.i, predicate.i)
    )


def _attached_clause(ent: Span, predicate: Token) -> tuple[Token, int, bool]:
    """The clause head a DATE phrase hangs from, the hops to it, and whether it passes the
    predicate on the way (a date inside the nominal event's own phrase)."""
    current, hops = ent.root, 0
    if current.dep_ in NOUN_MODIFIER_DEPS and not _describes_event(current.head, predicate):
        return current.head, -1, False
    through = current.i == predicate.i
    while not is_clause_head(current) and current.head.i != current.i:
        current, hops = current.head, hops + 1
        through = through or current.i == predicate.i
    return current, hops, through


def _date_entities(predicate: Token) -> list[Span]:
    """DATE phrases of the predicate's clause, nearest first (inside a nominal event first)."""
    head = clause_head(predicate)
    found: list[tuple[int, int, Span]] = []
    for ent in entity_spans(predicate, DATE_LABELS):
        attached, hops, through = _attached_clause(ent, predicate)
        if through:
            found.append((0, hops, ent))
        elif attached.i == head.i:
            found.append((1, hops, ent))
    found.sort(key=lambda item: (item[0], item[1]))
    return [ent for _, _, ent in found]


def _fallback_clauses(predicate: Token) -> list[Token]:
    """Where a clause borrows its date, nearest first: the first conjunct ("met on May 17 and
    signed"), then the noun a "where/when" clause describes ("the visit on May 17, where he
    met ...")."""
    borrowed: list[Token] = []
    head = clause_head(predicate)
    if head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
        borrowed.append(head)
    relative_adverbs = date_words().relative_adverbs
    if head.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in relative_adverbs for c in head.children
    ):
        borrowed.append(head.head)
    return borrowed


def _without_article(ent: Span) -> Span:
    """ "an early April speech" gives the date words "early April"."""
    return ent[1:] if len(ent) > 1 and ent[0].lower_ in date_words().articles else ent


def event_date(predicate: Token, doc_date: date | None) -> tuple[str | None, str | None]:
    """When the event happened and the words that say so.

    predicate (Token): the event's predicate.
    doc_date (date | None): the document's date.
    RETURNS (tuple): (date at the text's precision or the document date, the DATE words or None
        when the document date was used); (None, None) when neither is known.
    """
    words = date_words()
    candidates = _date_entities(predicate)
    for borrowed in _fallback_clauses(predicate):
        if candidates:
            break
        candidates = _date_entities(borrowed)
    future: bool | None = None
    for ent in candidates:
        tokens = WORD_PATTERN.findall(ent.text.lower())
        if _is_duration(ent, tokens, words):
            continue
        if future is None:
            future = event_mode(predicate) == "future"
        resolved = resolve_date_text(ent.text, doc_date, future=future)
        if resolved:
            return resolved, _without_article(ent).text
    if doc_date is not None:
        return doc_date.isoformat(), None
    return None, None
