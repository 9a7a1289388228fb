"""The cached attribute ruler and lemmatizer annotate exactly as the model's own do."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik import cached_pipes
from realpolitik.cached_pipes import CachedAttributeRuler, CachedLemmatizer
from realpolitik.nlp import load_nlp

pytestmark = pytest.mark.model

TEXTS = [
    "Pakistan's foreign minister met Antony Blinken in Washington on Wednesday.",
    "There are reports that y'all ain't gonna let's c'mon, but I said it was them.\n\nGot ta go.",
    "It gets worse: the talks got nowhere and you did not have to sign it.",
    "Rebels fired 12 rockets at the base, killing $3m worth of equipment.  Then they left.",
    "The bigger states were better armed; leaders' meetings are held annually.",
    "",
]
CACHED = {"attribute_ruler": CachedAttributeRuler, "lemmatizer": CachedLemmatizer}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def model(nlp: Language) -> Language:
    return spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}", exclude=["senter"])


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _both(nlp: Language, model: Language, name: str, parsed: bool) -> tuple[list[Doc], list[Doc]]:
    """The texts run up to ``name``, then through our component and the model's."""
    later = nlp.pipe_names[nlp.pipe_names.index(name) :]
    skipped = [*later, *([] if parsed else ["parser"])]
    docs = list(nlp.pipe(TEXTS * 2, disable=sorted(set(skipped))))
    ours = nlp.get_pipe(name)
    assert isinstance(ours, CACHED[name])
    theirs = model.get_pipe(name)
    return [ours(doc.copy()) for doc in docs], [theirs(doc.copy()) for doc in docs]


@pytest.mark.parametrize("parsed", [False, True], ids=["tagged", "parsed"])
@pytest.mark.parametrize("name", sorted(CACHED))
def test_same_annotations_as_the_model(
    nlp: Language, model: Language, name: str, parsed: bool
) -> None:
    ours, theirs = _both(nlp, model, name, parsed)
    assert [_annotations(doc) for doc in ours] == [_annotations(doc) for doc in theirs]


@pytest.mark.parametrize("name", sorted(CACHED))
def test_same_annotations_when_the_known_kinds_overflow(
    nlp: Language, model: Language, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cached_pipes, "MAX_KINDS", 5)
    ours, theirs = _both(nlp, model, name, parsed=False)
    assert [_annotations(doc) for doc in ours] == [_annotations(doc) for doc in theirs]


def test_same_rules_as_the_model(nlp: Language, model: Language) -> None:
    ours = nlp.get_pipe("attribute_ruler")
    theirs = model.get_pipe("attribute_ruler")
    assert isinstance(ours, CachedAttributeRuler)
    assert ours.patterns == theirs.patterns  # type: ignore[attr-defined]
