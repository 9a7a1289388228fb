"""The cached attribute ruler annotates exactly as the model's own ruler does."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from realpolitik import attribute_rules
from realpolitik.attribute_rules import CachedAttributeRuler
from realpolitik.nlp import load_nlp

pytestmark = pytest.mark.model

TEXTS = [
    "Pakistan's foreign minister met Antony Blinken in Washington on Wednesday.",
    "There are reports that y'all ain't gonna let's c'mon, but I said it was them.\n\nGot ta go.",
    "It gets worse: the talks got nowhere and you did not have to sign it.",
    "Rebels fired 12 rockets at the base, killing $3m worth of equipment.  Then they left.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def model_ruler(nlp: Language) -> AttributeRuler:
    model = spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}", exclude=["senter"])
    ruler = model.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _ruled_twice(
    nlp: Language, ruler: AttributeRuler, parsed: bool
) -> tuple[list[Doc], list[Doc]]:
    skipped = ["attribute_ruler", "lemmatizer", "ner", *([] if parsed else ["parser"])]
    docs = list(nlp.pipe(TEXTS * 2, disable=skipped))
    ours = nlp.get_pipe("attribute_ruler")
    assert isinstance(ours, CachedAttributeRuler)
    return (
        [ours(doc.copy()) for doc in docs],
        [ruler(doc.copy()) for doc in docs],
    )


@pytest.mark.parametrize("parsed", [False, True], ids=["tagged", "parsed"])
def test_same_annotations_as_the_model_ruler(
    nlp: Language, model_ruler: AttributeRuler, parsed: bool
) -> None:
    ours, theirs = _ruled_twice(nlp, model_ruler, parsed)
    assert [_annotations(doc) for doc in ours] == [_annotations(doc) for doc in theirs]


def test_same_rules_as_the_model_ruler(nlp: Language, model_ruler: AttributeRuler) -> None:
    ours = nlp.get_pipe("attribute_ruler")
    assert isinstance(ours, CachedAttributeRuler)
    assert ours.patterns == model_ruler.patterns


def test_same_annotations_when_the_known_kinds_overflow(
    nlp: Language, model_ruler: AttributeRuler, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attribute_rules, "MAX_KINDS", 5)
    ours, theirs = _ruled_twice(nlp, model_ruler, parsed=False)
    assert [_annotations(doc) for doc in ours] == [_annotations(doc) for doc in theirs]
