"""Who reported an event, on sentences parsed by the real English model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Token

from realpolitik.events.attribution import event_attribution
from realpolitik.nlp import load_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def predicate(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of the parsed sentence whose text is ``word``."""
    return next(token for token in nlp(sentence) if token.text == word)


ATTRIBUTION_CASES: list[tuple[str, str, dict[str, Any] | None]] = [
    (
        "\u201cWe expect no help from China,\u201d said a Pakistani diplomat who requested "
        "anonymity.",
        "expect",
        {"text": "a Pakistani diplomat who requested anonymity", "anonymous": True},
    ),
    (
        "According to Pakistani diplomatic sources, Anjum's visit focused on Afghanistan.",
        "focused",
        {"text": "Pakistani diplomatic sources", "anonymous": True},
    ),
    ("Officials said troops had withdrawn.", "withdrawn", {"text": "Officials", "anonymous": True}),
    (
        "Those same sources say the visit consolidated a new convergence.",
        "consolidated",
        {"text": "Those same sources", "anonymous": True},
    ),
    (
        "Pakistan has reasons to rebuild its ties with the US, the Pakistani diplomatic source "
        "said.",
        "rebuild",
        {"text": "the Pakistani diplomatic source", "anonymous": True},
    ),
    (
        "Foreign Minister Bilawal said Pakistan would seek new terms.",
        "seek",
        {"text": "Foreign Minister Bilawal", "anonymous": False},
    ),
    ("The army reportedly shelled the town.", "shelled", {"text": "reportedly", "anonymous": True}),
    (
        "It is reported that the army shelled the town.",
        "shelled",
        {"text": "It is reported", "anonymous": True},
    ),
    (
        "He told local media that the attacks had caused serious concern.",
        "caused",
        {"text": "He", "anonymous": False},
    ),
    (
        "The army shelled the town, officials said.",
        "shelled",
        {"text": "officials", "anonymous": True},
    ),
    (
        "The ministry said the army shelled the town.",
        "shelled",
        {"text": "The ministry", "anonymous": False},
    ),
    (
        "US officials said Russia attacked the port and seized two ships.",
        "seized",
        {"text": "US officials", "anonymous": True},
    ),
    ("Officials said troops had withdrawn.", "said", None),
    ("The army shelled the town.", "shelled", None),
    (
        "Russia denied the claims and attacked the port, officials said.",
        "denied",
        {"text": "officials", "anonymous": True},
    ),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), ATTRIBUTION_CASES)
def test_event_attribution(
    nlp: Language, sentence: str, word: str, expected: dict[str, Any] | None
) -> None:
    assert event_attribution(predicate(nlp, sentence, word)) == expected


def test_nominal_event_takes_its_clause_source(nlp: Language) -> None:
    visit = predicate(
        nlp,
        "According to Pakistani diplomatic sources, Anjum's visit focused on Afghanistan.",
        "visit",
    )
    assert event_attribution(visit) == {"text": "Pakistani diplomatic sources", "anonymous": True}
