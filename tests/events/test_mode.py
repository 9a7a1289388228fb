"""Modality of events on sentences parsed by the real English model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from realpolitik.errors import KnowledgeError
from realpolitik.events.mode import (
    ModeCues,
    clause_head,
    event_mode,
    governing_steps,
    mode_cues,
    read_context_data,
)
from realpolitik.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def predicate(nlp: Language, sentence: str, word: str) -> Token:
    """The first token of the parsed sentence whose text is ``word``."""
    doc = nlp(sentence)
    return next(token for token in doc if token.text == word)


MODE_CASES = [
    ("The Taliban made no such assurances to Islamabad.", "made", "negated"),
    ("Pakistan could serve as a conduit for support.", "serve", "hypothetical"),
    ("Washington will lend its support to the IMF package.", "lend", "future"),
    ("Russia denied shelling the plant.", "shelling", "denied"),
    ("Khan claimed that the United States orchestrated his ouster.", "orchestrated", "claimed"),
    ("Officials said troops had withdrawn.", "withdrawn", "asserted"),
    ("If talks fail, the EU may impose sanctions.", "impose", "hypothetical"),
    ("If talks fail, the EU imposes sanctions.", "imposes", "hypothetical"),
    ("The army did not attack the village.", "attack", "negated"),
    ("The army never attacked the village.", "attacked", "negated"),
    ("Iran has not signed the agreement.", "signed", "negated"),
    ("The rebels seized the town without firing a shot.", "firing", "negated"),
    ("The rebels seized the town without firing a shot.", "seized", "asserted"),
    ("The banks refuse to reschedule the credits.", "reschedule", "negated"),
    ("The government declined to comment on the raid.", "comment", "negated"),
    ("Moscow failed to deliver the gas.", "deliver", "negated"),
    ("The minister is to visit Beijing next week.", "visit", "future"),
    ("Iran is going to retaliate against Israel.", "retaliate", "future"),
    ("The summit is scheduled to begin on Monday.", "begin", "future"),
    ("Turkey plans to send troops to Syria.", "send", "future"),
    ("China has vowed to contain the militants.", "contain", "future"),
    ("The rebels threatened to attack the capital.", "attack", "future"),
    ("Officials said the army would send troops.", "send", "future"),
    ("The ministry denied that it had carried out the strike.", "carried", "denied"),
    ("Russia rejected claims that it had shelled the plant.", "shelled", "denied"),
    ("Ukraine accused Russia of shelling the plant.", "shelling", "claimed"),
    ("Ukraine accused Russia of shelling the plant.", "accused", "asserted"),
    ("Kyiv alleged that Moscow had bombed the hospital.", "bombed", "claimed"),
    ("The army allegedly bombed the hospital.", "bombed", "claimed"),
    ("The army reportedly bombed the hospital.", "bombed", "asserted"),
    ("According to officials, the army bombed the hospital.", "bombed", "asserted"),
    ("Washington is considering imposing sanctions on Iran.", "imposing", "hypothetical"),
    ("Observers wondered if the US is starting to have its way again.", "starting", "hypothetical"),
    ("Analysts asked whether Beijing would retaliate.", "retaliate", "hypothetical"),
    ("Will Russia attack Ukraine?", "attack", "future"),
    ("Did Russia attack Ukraine?", "attack", "hypothetical"),
    ("Pakistan has urged the Taliban to eliminate the TTP.", "eliminate", "hypothetical"),
    ("Chile demanded that its allies refuse to recognize the junta.", "recognize",
     "hypothetical"),
    ("Ethiopia agreed to stop shelling Eritrea.", "shelling", "negated"),
    ("Police have been pressuring the drivers to end their strike.", "end", "hypothetical"),
    ("Miftah not only revived the program, but also convinced the fund.", "revived", "asserted"),
    ("Russia denied the allegations.", "denied", "asserted"),
    ("Russia denied the allegations.", "allegations", "asserted"),
    ("The talks ended with no meaningful progress made.", "made", "negated"),
    (
        "The meeting, where Afghanistan reportedly dominated the agenda, ended.",
        "dominated",
        "asserted",
    ),
    ("Russia denied shelling the plant and killing civilians.", "killing", "denied"),
    ("Russia denied the claims and attacked the port.", "attacked", "asserted"),
    ("The talks come a day before the minister flies to Paris.", "flies", "future"),
    ("The talks ended before the minister flew to Paris.", "flew", "asserted"),
    ("Jordan opened the crossing to allow aid into Syria.", "allow", "asserted"),
    ("Kenya sent troops to secure the border.", "secure", "future"),
    ("Sharif sent Ismail to Washington to revive the IMF program.", "revive", "future"),
    ("The possible strike worried Kabul.", "strike", "hypothetical"),
    ("China vowed not to allow the group to launch attacks.", "launch", "negated"),
    ("No country has recognized the Taliban government.", "recognized", "negated"),
    ("Islamabad dismissed reports that its troops had crossed the border.", "crossed", "denied"),
    ("Moscow denied involvement in the attack.", "attack", "denied"),
    ("Khan cited his refusal to allow the US access to bases.", "allow", "negated"),
    ("The crisis presents an opportunity to recalibrate ties.", "recalibrate", "hypothetical"),
    (
        "So when the spy chief met officials in Washington, observers wondered if the US is "
        "winning.",
        "met",
        "asserted",
    ),
    (
        "While the Taliban assured Beijing, it has made no such assurances to Islamabad.",
        "assured",
        "asserted",
    ),
    ("The upcoming visit was announced on Monday.", "visit", "future"),
    ("Officials warned that Iran would retaliate.", "retaliate", "future"),
    ("The army may have shelled the village.", "shelled", "hypothetical"),
    ("Kabul called for sanctions against the group.", "sanctions", "hypothetical"),
    (
        "Officials said the truce would take effect and be monitored by both sides.",
        "monitored",
        "future",
    ),
    (
        "Officials said the truce would take effect and would be monitored by both sides.",
        "monitored",
        "future",
    ),
    ("The guard acted to stop what it called an intrusion.", "called", "asserted"),
    ("The militants stopped attacking the convoy.", "attacking", "negated"),
    ("The two sides signed a deal to build a pipeline.", "build", "future"),
    ("The two sides signed a deal to build a pipeline.", "signed", "asserted"),
    ("The group is suspected of carrying out the bombing.", "carrying", "claimed"),
    ("Iran can strike any base in the region.", "strike", "hypothetical"),
    ("Iran cannot strike the base.", "strike", "negated"),
    ("The two sides could not agree on a ceasefire.", "agree", "negated"),
    ("Russia may not attack before spring.", "attack", "hypothetical"),
    ("The rebels appeared to withdraw from the town.", "withdraw", "hypothetical"),
    ("Russia and Ukraine agreed to resume talks.", "resume", "future"),
    ("Iran has yet to respond to the proposal.", "respond", "negated"),
    ("Neither side has confirmed the exchange of prisoners.", "confirmed", "negated"),
    ("China rejected accusations that it had supplied weapons to Russia.", "supplied", "denied"),
    ("Talks are set to resume on Monday.", "resume", "future"),
    ("Kenya called for Somalia to hold talks with Ethiopia.", "hold", "hypothetical"),
    ("Uganda rejected calls for Kenya to withdraw its troops.", "withdraw", "hypothetical"),
    ("The king was quoted as saying he would host the talks.", "host", "future"),
    ("The EU agreed to extend sanctions after Iran's attack on Israel.", "attack", "asserted"),
    ("Ethiopia detained two Eritrean soldiers for attacking its border guards.", "attacking",
     "claimed"),
    ("Ethiopia thanked two Eritrean soldiers for attacking the smugglers.", "attacking",
     "asserted"),
    ("Armenia and Azerbaijan agreed to halt fighting.", "fighting", "negated"),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "expected"), MODE_CASES)
def test_event_mode(nlp: Language, sentence: str, word: str, expected: str) -> None:
    assert event_mode(predicate(nlp, sentence, word)) == expected


@pytest.mark.model
def test_denial_act_itself_is_not_denied(nlp: Language) -> None:
    allegations = predicate(nlp, "Russia denied the attack.", "attack")
    assert event_mode(allegations) == "denied"
    assert event_mode(allegations, cue_is_denial=True) == "asserted"


@pytest.mark.model
def test_negated_denial_is_negated(nlp: Language) -> None:
    denied = predicate(nlp, "Russia did not deny the attack.", "deny")
    assert event_mode(denied, cue_is_denial=True) == "negated"


@pytest.mark.model
def test_clause_head_of_a_nominal_event_is_its_verb(nlp: Language) -> None:
    attack = predicate(nlp, "Three tutors were killed in a bomb attack.", "attack")
    assert clause_head(attack).text == "killed"


@pytest.mark.model
def test_governing_steps_skip_prepositions(nlp: Language) -> None:
    shelling = predicate(nlp, "Ukraine accused Russia of shelling the plant.", "shelling")
    first = next(governing_steps(shelling))
    assert (first.relation, first.governor.text, first.preposition.text) == (
        "prep",
        "accused",
        "of",
    )


def test_shipped_cue_file_names_only_known_modes() -> None:
    assert mode_cues().modals["will"] == "future"


def test_a_data_file_of_the_wrong_shape_is_a_coded_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match=r"\[E331\] events/data/dates_words.yaml: modals"):
        read_context_data("dates_words.yaml", ModeCues)


def test_a_missing_data_file_is_a_coded_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match=r"\[E330\] events/data/no_such.yaml"):
        read_context_data("no_such.yaml", ModeCues)
