"""Parse repairs: arcs the small model gets wrong in ways the event rules would inherit."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.events.mend import mend_name_auxiliaries, mend_verbless_sentences
from realpolitik.pipeline import code_text


def _parsed(tags: list[str], deps: list[str], heads: list[int]) -> Doc:
    words = ["Theresa", "May", "held", "talks", "."]
    return Doc(Vocab(), words=words, tags=tags, deps=deps, heads=heads)


def test_a_name_read_as_an_auxiliary_becomes_the_subject() -> None:
    doc = _parsed(["NNP", "NNP", "VBD", "NNS", "."],
                  ["compound", "aux", "ROOT", "dobj", "punct"], [1, 2, 2, 2, 2])
    mend_name_auxiliaries(doc)
    assert doc[1].dep_ == "nsubj"


def test_a_real_modal_or_a_verb_with_a_subject_is_left_alone() -> None:
    modal = _parsed(["NNP", "MD", "VB", "NNS", "."],
                    ["nsubj", "aux", "ROOT", "dobj", "punct"], [2, 2, 2, 2, 2])
    mend_name_auxiliaries(modal)
    assert [token.dep_ for token in modal] == ["nsubj", "aux", "ROOT", "dobj", "punct"]
    subject_kept = _parsed(["NNP", "NNP", "VBD", "NNS", "."],
                           ["nsubj", "aux", "ROOT", "dobj", "punct"], [2, 2, 2, 2, 2])
    mend_name_auxiliaries(subject_kept)
    assert subject_kept[1].dep_ == "aux"


def _fragment(words: list[str], tags: list[str], pos: list[str], deps: list[str],
              heads: list[int]) -> Doc:
    return Doc(Vocab(), words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def test_a_transitive_verb_read_as_its_subject_s_participle_becomes_the_root() -> None:
    doc = _fragment(["The", "army", "shelled", "the", "town", "."],
                    ["DT", "NN", "VBD", "DT", "NN", "."],
                    ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                    ["det", "ROOT", "acl", "det", "dobj", "punct"], [1, 1, 1, 4, 2, 1])
    mend_verbless_sentences(doc)
    assert [(token.dep_, token.head.i) for token in doc] == [
        ("det", 1), ("nsubj", 2), ("ROOT", 2), ("det", 4), ("dobj", 2), ("punct", 2)]


def test_a_passive_description_keeps_its_noun_as_root() -> None:
    doc = _fragment(["The", "town", "shelled", "by", "jets", "."],
                    ["DT", "NN", "VBN", "IN", "NNS", "."],
                    ["DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
                    ["det", "ROOT", "acl", "agent", "pobj", "punct"], [1, 1, 1, 2, 3, 1])
    mend_verbless_sentences(doc)
    assert doc[1].dep_ == "ROOT" and doc[2].dep_ == "acl"


@pytest.mark.model
def test_warplanes_bombing_a_city_strike_its_country() -> None:
    events = code_text("Iraqi warplanes bombed Raqqa on Monday.").events
    assert any(event.root == "19" and event.target is not None
               and event.target.country == "SYR" for event in events)


@pytest.mark.model
def test_a_leader_named_may_is_the_source_of_her_talks() -> None:
    events = code_text("British Prime Minister Theresa May held talks with Donald Tusk.").events
    assert any(event.root == "04" and event.source is not None
               and event.source.code == "GBRGOV" for event in events)
