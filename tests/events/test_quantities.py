"""Money and counts of events, on sentences parsed by the real English model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Token

from realpolitik.events.quantities import event_quantities, number_words
from realpolitik.nlp import load_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def predicate(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of the parsed sentence whose text is ``word``."""
    return next(token for token in nlp(sentence) if token.text == word)


QUANTITY_CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "Washington pledged $8 billion to the fund.",
        "pledged",
        [{"text": "$8 billion", "value": 8_000_000_000, "currency": "USD"}],
    ),
    (
        "Miftah convinced the fund to expand its lending from $6 billion to $8 billion.",
        "expand",
        [
            {
                "text": "$6 billion to $8 billion",
                "value": 8_000_000_000,
                "min": 6_000_000_000,
                "max": 8_000_000_000,
                "currency": "USD",
            }
        ],
    ),
    (
        "The fund approved a loan of $6-8 billion.",
        "approved",
        [
            {
                "text": "$6-8 billion",
                "value": 8_000_000_000,
                "min": 6_000_000_000,
                "max": 8_000_000_000,
                "currency": "USD",
            }
        ],
    ),
    (
        "China invested $60 billion in the corridor.",
        "invested",
        [{"text": "$60 billion", "value": 60_000_000_000, "currency": "USD"}],
    ),
    (
        "The bank lent Rs 10bn to the province.",
        "lent",
        [{"text": "Rs 10bn", "value": 10_000_000_000, "currency": "PKR"}],
    ),
    (
        "The EU pledged €2.5bn and 1.2 million euros in aid.",
        "pledged",
        [
            {"text": "€2.5bn", "value": 2_500_000_000, "currency": "EUR"},
            {"text": "1.2 million euros", "value": 1_200_000, "currency": "EUR"},
        ],
    ),
    (
        "Britain sent £300m in aid to Pakistan.",
        "sent",
        [{"text": "£300m", "value": 300_000_000, "currency": "GBP"}],
    ),
    (
        "China invested US$ 46 billion in the corridor.",
        "invested",
        [{"text": "US$ 46 billion", "value": 46_000_000_000, "currency": "USD"}],
    ),
    (
        "Saudi Arabia deposited 3 billion dollars with the central bank.",
        "deposited",
        [{"text": "3 billion dollars", "value": 3_000_000_000, "currency": "USD"}],
    ),
    (
        "Beijing offered 500 million yuan in loans.",
        "offered",
        [{"text": "500 million yuan", "value": 500_000_000, "currency": "CNY"}],
    ),
    (
        "Gunmen killed three Chinese tutors at Karachi University.",
        "killed",
        [{"text": "three Chinese tutors", "value": 3, "unit": "people"}],
    ),
    (
        "Police arrested 40 protesters in Lahore.",
        "arrested",
        [{"text": "40 protesters", "value": 40, "unit": "people"}],
    ),
    (
        "Three Chinese tutors were killed in a bomb attack.",
        "killed",
        [{"text": "Three Chinese tutors", "value": 3, "unit": "people"}],
    ),
    (
        "The army deployed 3,000 troops and dozens of tanks.",
        "deployed",
        [{"text": "3,000 troops", "value": 3000, "unit": "people"}],
    ),
    (
        "Russia moved 40 tanks to the border.",
        "moved",
        [{"text": "40 tanks", "value": 40, "unit": "tank"}],
    ),
    ("The $60 billion corridor has provided an opening.", "provided", []),
    ("Officials met on May 17 to discuss the deal.", "met", []),
    ("Blinken met Bilawal, the first meeting between the two governments.", "met", []),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), QUANTITY_CASES)
def test_event_quantities(
    nlp: Language, sentence: str, word: str, expected: list[dict[str, Any]]
) -> None:
    assert event_quantities(predicate(nlp, sentence, word)) == expected


def test_nominal_event_reads_its_own_phrase(nlp: Language) -> None:
    loan = predicate(nlp, "The IMF approved a $6 billion loan for Pakistan.", "loan")
    assert event_quantities(loan) == [
        {"text": "$6 billion", "value": 6_000_000_000, "currency": "USD"}
    ]


def test_number_words_are_shared_with_dates() -> None:
    assert number_words()["three"] == 3
