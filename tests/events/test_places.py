"""Event places, on sentences parsed by the real English model, against the offline gazetteer."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Token

from realpolitik.events.places import event_location, lookup_place
from realpolitik.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def predicate(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of the parsed sentence whose text is ``word``."""
    return next(token for token in nlp(sentence) if token.text == word)


WASHINGTON = {"name": "Washington", "country": "USA", "lat": 38.9, "lon": -77.04}

PLACE_CASES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("Anjum met this month in Washington with top officials.", "met", WASHINGTON),
    ("Washington denied the conspiracy allegations.", "denied", None),
    (
        "Gunmen killed three Chinese tutors at Karachi University.",
        "killed",
        {"name": "Karachi", "country": "PAK", "lat": 24.86, "lon": 67.01},
    ),
    (
        "Insurgents attacked Chinese nationals in restive Balochistan province.",
        "attacked",
        {"name": "Balochistan", "country": "PAK", "lat": 28.49, "lon": 65.1},
    ),
    (
        "The group launched attacks across the border in Xinjiang.",
        "launched",
        {"name": "Xinjiang", "country": "CHN", "lat": 41.12, "lon": 85.24},
    ),
    (
        "Police arrested 40 protesters in Lahore on Sunday.",
        "arrested",
        {"name": "Lahore", "country": "PAK", "lat": 31.56, "lon": 74.35},
    ),
    (
        "Bajwa spoke at a security conference in Islamabad.",
        "spoke",
        {"name": "Islamabad", "country": "PAK", "lat": 33.72, "lon": 73.04},
    ),
    (
        "Khan was in Moscow for talks with Putin.",
        "talks",
        {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62},
    ),
    (
        "Troops clashed near Kabul.",
        "clashed",
        {"name": "Kabul", "country": "AFG", "lat": 34.53, "lon": 69.17},
    ),
    (
        "Protesters rallied in the United States.",
        "rallied",
        {"name": "the United States", "country": "USA", "lat": 38.9, "lon": -77.04},
    ),
    ("Sharif sent Ismail to Washington to revive the program.", "sent", None),
    ("Pakistan asked Beijing for new terms.", "asked", None),
    ("Bilawal stressed in an interview with US media that ties were improving.", "stressed", None),
    (
        "Families wait for food at a relief camp in Sindh province.",
        "wait",
        {"name": "Sindh", "country": "PAK", "lat": 25.89, "lon": 68.52},
    ),
    ("Washington imposed sanctions on Moscow.", "imposed", None),
    (
        "Students rioted at a school in Ghana, smashing windows.",
        "smashing",
        {"name": "Ghana", "country": "GHA", "lat": 5.56, "lon": -0.2},
    ),
    (
        "Talks were held in the Nigerian capital on Monday.",
        "held",
        {"name": "Nigerian capital", "country": "NGA", "lat": None, "lon": None},
    ),
    (
        "Two soldiers were killed in northern Mali on Friday.",
        "killed",
        {"name": "Mali", "country": "MLI", "lat": 12.61, "lon": -7.98},
    ),
    (
        "Thousands protested outside the US embassy in Islamabad.",
        "protested",
        {"name": "Islamabad", "country": "PAK", "lat": 33.72, "lon": 73.04},
    ),
    (
        "Two soldiers were wounded outside of Gao.",
        "wounded",
        {"name": "Gao", "country": "MLI", "lat": 16.27, "lon": -0.04},
    ),
    (
        "Two soldiers were wounded in the Malian town of Gao.",
        "wounded",
        {"name": "Gao", "country": "MLI", "lat": 16.27, "lon": -0.04},
    ),
    (
        "One policeman was murdered near to Kosovo on Friday.",
        "murdered",
        {"name": "Kosovo", "country": "XKX", "lat": 42.67, "lon": 21.17},
    ),
    (
        "Clashes erupted along the Line of Control in Kashmir.",
        "erupted",
        {"name": "Kashmir", "country": "IND", "lat": 34.08, "lon": 74.8},
    ),
    (
        "The navy held exercises in the South China Sea.",
        "held",
        {"name": "the South China Sea", "country": None, "lat": None, "lon": None},
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "expected"), PLACE_CASES)
def test_event_location(
    nlp: Language, sentence: str, word: str, expected: dict[str, Any] | None
) -> None:
    assert event_location(predicate(nlp, sentence, word)) == expected


def test_short_country_names_resolve_through_aliases() -> None:
    place = lookup_place("U.S.")
    assert place is not None
    assert (place.name, place.country) == ("United States", "USA")


def test_most_populous_city_wins_a_shared_name() -> None:
    place = lookup_place("Hyderabad")
    assert place is not None
    assert place.country == "IND"


def test_province_without_centre_keeps_its_country() -> None:
    place = lookup_place("Sindh")
    assert place is not None
    assert place.country == "PAK"


def test_unknown_name_is_none() -> None:
    assert lookup_place("Qwertyville") is None
