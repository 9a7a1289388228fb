"""detect_language: stable ISO 639-1 guesses, English for texts too short to judge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.ingest.language import detect_language

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("french.txt", "fr"),
        ("non_ascii.txt", "en"),
        ("hyphenated.txt", "en"),
        ("no_event.txt", "en"),
    ],
)
def test_test_data_languages(name: str, language: str) -> None:
    assert detect_language((DATA / name).read_text(encoding="utf-8")) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Bundesregierung hat am Dienstag weitere Luftabwehrsysteme für die Ukraine "
            "zugesagt, teilte das Verteidigungsministerium in Berlin mit.",
            "de",
        ),
        (
            "El presidente de Brasil se reunió el lunes con su homólogo colombiano en Bogotá "
            "para hablar de la crisis en Venezuela y del comercio entre ambos países.",
            "es",
        ),
    ],
)
def test_other_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Oui.", "Merci beaucoup, Paris!", "12345 67890 !!!"])
def test_short_texts_are_taken_as_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_same_text_same_answer() -> None:
    text = (
        "Le ministre a rencontré son homologue à Rome pour parler de la migration en Méditerranée."
    )
    assert {detect_language(text) for _ in range(5)} == {"fr"}


def test_only_the_start_of_a_long_text_is_read() -> None:
    english = "The minister met his counterpart in Rome to discuss migration. " * 60
    french = "Le ministre a rencontré son homologue à Rome pour parler de migration. " * 200
    assert detect_language(english + french) == "en"


def test_demo_corpus_is_english() -> None:
    corpus = Path(__file__).parents[2] / "src/realpolitik/demo/corpus/articles.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        assert detect_language(json.loads(line)["text"]) == "en"
