"""Guess a document's language, so the pipeline can skip what the English coder cannot read.

langdetect is random unless seeded; we fix the seed so the same text always
gets the same answer. Very short texts give unstable guesses, so they are
taken as English, and a text where English is a close second stays English:
wrongly skipping an English article costs more than trying to code a foreign one.
"""

from __future__ import annotations

import re

from langdetect import DetectorFactory, detect_langs  # type: ignore[import-untyped]
from langdetect.lang_detect_exception import (  # type: ignore[import-untyped]
    LangDetectException,
)
from spacy.lang.en.stop_words import STOP_WORDS

#: How much of the text the guess looks at.
SAMPLE_CHARS = 3000
#: Fewer letters than this and we do not trust any guess.
MIN_LETTERS = 40
#: English wins unless the top guess beats it by this probability.
ENGLISH_MARGIN = 0.5

#: Share of words that are English function words above which no guess is needed.
ENGLISH_FUNCTION_SHARE = 0.3

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[A-Za-z]+")


def _plainly_english(sample: str) -> bool:
    """A fast path: news English is about 40% function words, other languages
    score far lower on spaCy's English stop list, and langdetect is slow."""
    words = _WORD.findall(sample[:SAMPLE_CHARS // 3])
    if not words:
        return False
    function_words = sum(1 for word in words if word.lower() in STOP_WORDS)
    return function_words / len(words) >= ENGLISH_FUNCTION_SHARE


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en", "fr", ...).

    text (str): the document text; only its first SAMPLE_CHARS characters are read.
    RETURNS (str): a two-letter language code; "en" for texts too short to judge.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS or _plainly_english(sample):
        return "en"
    DetectorFactory.seed = 0
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return "en"
    best = guesses[0]
    english = next((guess.prob for guess in guesses if guess.lang == "en"), 0.0)
    if best.lang != "en" and best.prob - english < ENGLISH_MARGIN:
        return "en"
    return str(best.lang).split("-")[0]
