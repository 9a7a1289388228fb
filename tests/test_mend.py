"""Parse repairs: arcs the small model gets wrong in ways the later stages would inherit."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.mend import mend_name_auxiliaries, mend_verbless_sentences
from realpolitik.pipeline import code_text


def _parsed(analysis: str) -> Doc:
    """A parsed Doc from "word/TAG/POS/dep/head ..." (head: the index of the head token)."""
    words, tags, pos, deps, heads = zip(*(token.split("/") for token in analysis.split()),
                                        strict=True)
    return Doc(Vocab(), words=list(words), tags=list(tags), pos=list(pos), deps=list(deps),
               heads=[int(head) for head in heads])


def _arcs(doc: Doc) -> list[tuple[str, int]]:
    return [(token.dep_, token.head.i) for token in doc]


def test_a_name_read_as_an_auxiliary_becomes_the_subject() -> None:
    doc = _parsed("Theresa/NNP/PROPN/compound/1 May/NNP/PROPN/aux/2 held/VBD/VERB/ROOT/2 "
                  "talks/NNS/NOUN/dobj/2 ././PUNCT/punct/2")
    mend_name_auxiliaries(doc)
    assert doc[1].dep_ == "nsubj"


@pytest.mark.parametrize("analysis", [
    # A real modal.
    "Peru/NNP/PROPN/nsubj/2 may/MD/AUX/aux/2 hold/VB/VERB/ROOT/2 talks/NNS/NOUN/dobj/2 "
    "././PUNCT/punct/2",
    # The verb has a subject already.
    "Theresa/NNP/PROPN/nsubj/2 May/NNP/PROPN/aux/2 held/VBD/VERB/ROOT/2 talks/NNS/NOUN/dobj/2 "
    "././PUNCT/punct/2",
    # A passive description ("the town shelled by jets") keeps its noun as root.
    "The/DT/DET/det/1 town/NN/NOUN/ROOT/1 shelled/VBN/VERB/acl/1 by/IN/ADP/agent/2 "
    "jets/NNS/NOUN/pobj/3 ././PUNCT/punct/1",
    # A real relative clause has its own subject ("the town the army shelled").
    "The/DT/DET/det/1 town/NN/NOUN/ROOT/1 the/DT/DET/det/3 army/NN/NOUN/nsubj/4 "
    "shelled/VBD/VERB/relcl/1 ././PUNCT/punct/1",
])
def test_sound_arcs_are_left_alone(analysis: str) -> None:
    doc = _parsed(analysis)
    before = _arcs(doc)
    mend_name_auxiliaries(doc)
    mend_verbless_sentences(doc)
    assert _arcs(doc) == before


def test_a_transitive_verb_read_as_its_subject_s_participle_becomes_the_root() -> None:
    doc = _parsed("The/DT/DET/det/1 army/NN/NOUN/ROOT/1 shelled/VBD/VERB/acl/1 "
                  "the/DT/DET/det/4 town/NN/NOUN/dobj/2 ././PUNCT/punct/1")
    mend_verbless_sentences(doc)
    assert _arcs(doc) == [
        ("det", 1), ("nsubj", 2), ("ROOT", 2), ("det", 4), ("dobj", 2), ("punct", 2)]


def test_a_subjectless_past_tense_relative_clause_becomes_the_root() -> None:
    # "The army, a unit of rebels and the police condemned the attack" with "condemned"
    # read as a relative clause on "unit".
    doc = _parsed("The/DT/DET/det/1 army/NN/NOUN/ROOT/1 ,/,/PUNCT/punct/1 a/DT/DET/det/4 "
                  "unit/NN/NOUN/appos/1 of/IN/ADP/prep/4 rebels/NNS/NOUN/pobj/5 "
                  "condemned/VBD/VERB/relcl/4 the/DT/DET/det/9 attack/NN/NOUN/dobj/7 "
                  "././PUNCT/punct/1")
    mend_verbless_sentences(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("ROOT", 7)
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 7)
    assert (doc[4].dep_, doc[4].head.i) == ("appos", 1)
    assert doc[10].head.i == 7


@pytest.mark.model
def test_a_leader_named_may_is_the_source_of_her_talks() -> None:
    events = code_text("British Prime Minister Theresa May held talks with Donald Tusk.").events
    assert any(event.root == "04" and event.source is not None
               and event.source.code == "GBRGOV" for event in events)
