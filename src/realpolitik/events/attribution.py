"""Who the article says reported an event ("said a Pakistani diplomat who requested anonymity").

Sourcing is kept apart from modality: "reportedly" and "according to" do not make an event
less asserted, but an analyst weighs an event told by an unnamed official differently from one
told on the record. Cue words: ``events/data/attribution_cues.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Token

from realpolitik.events.mode import governing_steps, read_context_data

REPORTED_RELATIONS = frozenset({"ccomp", "xcomp"})
PUNCTUATION_EDGES = "\"'“”‘’,;:-–— "


class AttributionCues(BaseModel):
    """The word lists of ``attribution_cues.yaml``, checked on load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reporting_verbs: frozenset[str]
    source_prepositions: frozenset[str]
    hearsay_adverbs: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymity_phrases: tuple[str, ...]


@lru_cache(maxsize=1)
def attribution_cues() -> AttributionCues:
    """The attribution cue words, read once per process."""
    return read_context_data("attribution_cues.yaml", AttributionCues)


def _phrase(token: Token) -> str:
    """The words of a token's subtree, without quotes and commas at the edges."""
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1].text.strip(PUNCTUATION_EDGES)


def _is_anonymous(source: Token, cues: AttributionCues) -> bool:
    """Unnamed when the words say so, or when the head is an office without a person's name."""
    words = source.doc[source.left_edge.i : source.right_edge.i + 1]
    lowered = words.text.lower()
    if any(phrase in lowered for phrase in cues.anonymity_phrases):
        return True
    if any(token.ent_type_ == "PERSON" for token in words):
        return False
    return source.lemma_.lower() in cues.anonymous_nouns


def _source(token: Token, cues: AttributionCues) -> dict[str, Any]:
    return {"text": _phrase(token), "anonymous": _is_anonymous(token, cues)}


def _reporter(verb: Token, cues: AttributionCues) -> dict[str, Any] | None:
    """The subject of a reporting verb; for an agentless passive, the passive words."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "nsubj":
            return _source(child, cues)
    for child in children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _source(objects[0], cues)
    passive = [c for c in children if c.dep_ in ("auxpass", "nsubjpass")]
    if passive:
        expletive = [c for c in passive if c.dep_ == "nsubjpass" and c.lower_ == "it"]
        start = min(c.i for c in expletive + [c for c in passive if c.dep_ == "auxpass"])
        return {"text": verb.doc[start : verb.i + 1].text, "anonymous": True}
    return None


def _sourcing_in_clause(node: Token, cues: AttributionCues) -> dict[str, Any] | None:
    """ "according to X", "reportedly", or an appended "..., X said" on this clause."""
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in cues.source_prepositions:
            for to in child.children:
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    return _source(objects[0], cues)
        if child.dep_ == "advmod" and child.lower_ in cues.hearsay_adverbs:
            return {"text": child.text, "anonymous": True}
        if child.dep_ == "parataxis" and child.lemma_.lower() in cues.reporting_verbs:
            reporter = _reporter(child, cues)
            if reporter:
                return reporter
    return None


def event_attribution(predicate: Token) -> dict[str, Any] | None:
    """Who the text says reported the event, or None when it does not say.

    predicate (Token): the event's predicate. A reporting verb itself ("said") is a statement
        event, whose reporter is its actor, so it gets None.
    RETURNS (dict | None): {"text": the reporter's words, "anonymous": unnamed or not}.
    """
    cues = attribution_cues()
    if predicate.pos_ in ("VERB", "AUX") and predicate.lemma_.lower() in cues.reporting_verbs:
        return None
    found = _sourcing_in_clause(predicate, cues)
    if found:
        return found
    for step in governing_steps(predicate):
        governor = step.governor
        if step.relation in REPORTED_RELATIONS and governor.lemma_.lower() in cues.reporting_verbs:
            reporter = _reporter(governor, cues)
            if reporter:
                return reporter
        found = _sourcing_in_clause(governor, cues)
        if found:
            return found
    return None
