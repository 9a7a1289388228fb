"""Event dates resolved against the document date, on sentences parsed by the real model."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Token

from realpolitik.events.dates import event_date, resolve_date_text
from realpolitik.nlp import load_nlp

DOC_DATE = date(2022, 5, 26)  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def predicate(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of the parsed sentence whose text is ``word``."""
    return next(token for token in nlp(sentence) if token.text == word)


DATE_CASES = [
    ("Anjum met this month in Washington with top officials.", "met", "2022-05", "this month"),
    ("On May 17, the rupee hit an all-time low.", "hit", "2022-05-17", "May 17"),
    (
        "Tutors were killed in a suicide bomb attack on April 26.",
        "killed",
        "2022-04-26",
        "April 26",
    ),
    (
        "Tutors were killed in a suicide bomb attack on April 26.",
        "attack",
        "2022-04-26",
        "April 26",
    ),
    ("Bajwa spoke at a security conference in early April.", "spoke", "2022-04", "early April"),
    ("The attack happened three days ago.", "happened", "2022-05-23", "three days ago"),
    ("Troops withdrew last week.", "withdrew", "2022-05", "last week"),
    ("Talks began on Tuesday.", "began", "2022-05-24", "Tuesday"),
    ("The summit will open on Tuesday.", "open", "2022-05-31", "Tuesday"),
    ("Russia invaded Ukraine in February 2022.", "invaded", "2022-02", "February 2022"),
    ("He visited Kabul in 2019.", "visited", "2019", "2019"),
    ("The deal was signed last year.", "signed", "2021", "last year"),
    ("She arrived in Islamabad yesterday.", "arrived", "2022-05-25", "yesterday"),
    ("The two leaders met on 17 May 2022.", "met", "2022-05-17", "17 May 2022"),
    ("The embassy closed in December.", "closed", "2021-12", "December"),
    (
        "Bajwa said in an early April speech that ties were excellent.",
        "said",
        "2022-04",
        "early April",
    ),
    ("An attack would trigger the 1951 defence treaty.", "trigger", "2022-05-26", None),
    (
        "The truce would take effect on Monday and be monitored by both sides, officials said.",
        "monitored",
        "2022-05-30",
        "Monday",
    ),
    ("Talks resumed in mid-2021.", "resumed", "2021", "mid-2021"),
    ("The army backed the regime for years.", "backed", "2022-05-26", None),
    ("Kabul suffered under nine months of Taliban rule.", "suffered", "2022-05-26", None),
    ("China holds a 40-year lease on the port.", "holds", "2022-05-26", None),
    ("Officials said on Monday that troops had withdrawn.", "withdrawn", "2022-05-26", None),
    (
        "The envoy met Blinken on May 17 and attended a conference.",
        "attended",
        "2022-05-17",
        "May 17",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "expected", "words"), DATE_CASES)
def test_event_date(
    nlp: Language, sentence: str, word: str, expected: str, words: str | None
) -> None:
    assert event_date(predicate(nlp, sentence, word), DOC_DATE) == (expected, words)


@pytest.mark.model
def test_no_date_words_and_no_document_date(nlp: Language) -> None:
    assert event_date(predicate(nlp, "Troops withdrew from the town.", "withdrew"), None) == (
        None,
        None,
    )


@pytest.mark.model
def test_absolute_date_needs_no_document_date(nlp: Language) -> None:
    visited = predicate(nlp, "He visited Kabul in March 2019.", "visited")
    assert event_date(visited, None) == ("2019-03", "March 2019")


def test_day_and_month_after_the_document_date_is_last_year() -> None:
    assert resolve_date_text("December 3", DOC_DATE) == "2021-12-03"


def test_future_month_looks_ahead() -> None:
    assert resolve_date_text("September", DOC_DATE, future=True) == "2022-09"


def test_anaphoric_date_is_not_resolved() -> None:
    assert resolve_date_text("the same day", DOC_DATE) is None


def test_iso_date_is_read_exactly() -> None:
    assert resolve_date_text("2022-03-14", DOC_DATE) == "2022-03-14"


def test_unusual_phrase_falls_back_to_dateparser() -> None:
    assert resolve_date_text("in two weeks", DOC_DATE, future=True) == "2022-06-09"


def test_day_phrases_are_read_before_anaphora() -> None:
    assert resolve_date_text("the day before yesterday", DOC_DATE) == "2022-05-24"
    assert resolve_date_text("the next day", DOC_DATE) is None


def test_week_phrases_give_their_month() -> None:
    assert resolve_date_text("two weeks ago", DOC_DATE) == "2022-05"
    assert resolve_date_text("earlier this week", DOC_DATE) == "2022-05"


def test_last_weekday_is_strictly_before_the_document_date() -> None:
    assert resolve_date_text("last Thursday", DOC_DATE) == "2022-05-19"
    assert resolve_date_text("next Monday", DOC_DATE) == "2022-05-30"
