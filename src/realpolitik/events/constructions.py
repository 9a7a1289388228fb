"""The word classes of ``events/data/constructions.yaml``, read once per process.

They decide how the words around a cue are read (a measure, a mover, an author, a phase
verb); keeping them as data lets a user see and extend them like the cue lexicon.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from realpolitik.events.mode import read_context_data


class ConstructionWords(BaseModel):
    """Lemma sets, one per construction (see the data file for each one's use)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measure_nouns: frozenset[str]
    movement_nouns: frozenset[str]
    phase_verbs: frozenset[str]
    author_verbs: frozenset[str]
    belonging_verbs: frozenset[str]
    reciprocal_lemmas: frozenset[str]
    speaker_pronouns: frozenset[str]
    receiving_verbs: frozenset[str]
    protester_nouns: frozenset[str]
    crowd_verbs: frozenset[str]
    expulsion_verbs: frozenset[str]
    peacekeeping_stems: frozenset[str]
    operation_nouns: frozenset[str]
    civil_operation_words: frozenset[str]
    dispatch_verbs: frozenset[str]
    dispatched_roots: frozenset[str]
    troop_nouns: frozenset[str]
    renewal_verbs: frozenset[str]
    lapse_codes: dict[str, str]
    linked_codes: dict[str, str]
    governor_preps: dict[str, frozenset[str]]
    telephone_verbs: frozenset[str]
    fact_verbs: frozenset[str]
    cessation_verbs: frozenset[str]
    ceased_codes: dict[str, str]


@cache
def construction_words() -> ConstructionWords:
    """The checked word classes; a broken file is a knowledge error naming it."""
    return read_context_data("constructions.yaml", ConstructionWords)
