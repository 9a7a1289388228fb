"""Parse repairs: arcs the small model gets wrong in ways the event rules would inherit."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.events.mend import mend_name_auxiliaries
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


@pytest.mark.model
def test_a_leader_named_may_is_the_source_of_her_talks() -> None:
    events = code_text("British Prime Minister Theresa May held talks with Donald Tusk.").events
    assert any(event.root == "04" and event.source is not None
               and event.source.code == "GBRGOV" for event in events)
