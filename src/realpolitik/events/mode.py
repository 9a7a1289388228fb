"""Modality of an event: did the text say it happened, or only that it might, will, or did not?

The coder's precision counts an event predicted ``asserted`` where the text only denies,
claims, plans or imagines it as an error, so every cue that a demanding analyst would read
as "not (yet) a fact" is looked for on the predicate and on the clauses that govern it, up to
the sentence root. The cue words live in ``events/data/mode_cues.yaml``.

The clause walk (``clause_head``, ``governing_steps``) is shared with the date, place,
quantity and attribution modules, which need the same notion of "the event's own clause".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Span, Token

from realpolitik.errors import KnowledgeError
from realpolitik.events.lexicon import restored_lemma

# Dependency labels, grouped by what the hop means for the event (a grammar fact, not a word list).
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "csubj", "oprd"})
CLAUSE_DEPS = frozenset(
    {"xcomp", "ccomp", "csubj", "advcl", "conj", "relcl", "acl", "parataxis", "pcomp"}
)
STOP_DEPS = frozenset({"relcl", "appos", "parataxis", "dep", "meta"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
PAST_TAGS = frozenset({"VBD", "VBN"})


Mode = Literal["asserted", "negated", "hypothetical", "future", "denied", "claimed"]
ModelT = TypeVar("ModelT", bound=BaseModel)


PRESENT_TAGS = frozenset({"VBZ", "VBP"})
OFFENCE_PREPOSITION = "for"
#: The IOB codes of ``Doc.to_array``: an entity's first token, and its others.
BEGIN, INSIDE = Token.iob_strings().index("B"), Token.iob_strings().index("I")


class ModeCues(BaseModel):
    """The cue words of ``mode_cues.yaml`` (lemmas, lower case), checked on load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    modals: dict[str, Mode]
    negated_modals: frozenset[str]
    future_in_past_modals: frozenset[str]
    negation_exempt_next: frozenset[str]
    negative_determiners: frozenset[str]
    negative_pronouns: frozenset[str]
    conditional_marks: frozenset[str]
    negating_prepositions: frozenset[str]
    offence_verbs: frozenset[str]
    background_prepositions: frozenset[str]
    adverbs: dict[str, Mode]
    noun_modifiers: dict[str, Mode]
    governors: dict[Mode, frozenset[str]]
    not_yet_words: frozenset[str]
    future_periphrases: dict[str, str]
    governing_nouns: dict[str, Mode]
    object_governors: dict[str, Mode]
    future_date_words: frozenset[str]
    enabling_purposes: frozenset[str]
    pending_marks: frozenset[str]


@dataclass(frozen=True, slots=True)
class Step:
    """One hop from a clause (or nominal event) up to what governs it.

    ``relation`` is the dependency label of ``clause``; when a preposition sits between the
    two (``accused X of shelling``), ``preposition`` holds it and ``relation`` is ``"prep"``.
    """

    clause: Token
    relation: str
    governor: Token
    preposition: Token | None


def read_context_data(name: str, model: type[ModelT]) -> ModelT:
    """Read and check one YAML file of ``events/data``.

    A broken file is a knowledge error naming the file and every bad entry, not a crash
    somewhere in the middle of a corpus run.
    """
    resource = files("realpolitik.events").joinpath(f"data/{name}")
    try:
        raw = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(
            f"events/data/{name}: cannot read the context cue file ({exc})", code="E330"
        ) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        )
        raise KnowledgeError(
            f"events/data/{name}: {problems}; fix these entries (see docs/context.md)",
            code="E331",
        ) from None


@lru_cache(maxsize=1)
def mode_cues() -> ModeCues:
    """The mode cue words, read once per process."""
    return read_context_data("mode_cues.yaml", ModeCues)


@lru_cache(maxsize=1)
def governor_modes() -> dict[str, Mode]:
    """Governing lemma -> the mode it gives what it governs (the ``governors`` table inverted)."""
    return {lemma: mode for mode, lemmas in mode_cues().governors.items() for lemma in lemmas}


def entity_spans(token: Token, labels: frozenset[str]) -> list[Span]:
    """The entities of the token's sentence with one of ``labels``.

    Read from the sentence's IOB tags as an array: ``Span.ents`` walks every entity of the
    whole document, and a ``Token`` per word costs more than the rest of this function.
    """
    sentence = token.sent
    doc = token.doc
    strings = doc.vocab.strings
    rows = doc.to_array([ENT_IOB, ENT_TYPE])[sentence.start : sentence.end].tolist()
    spans: list[Span] = []
    start: int | None = None
    label = ""
    for i, (iob, kind) in enumerate(rows, start=sentence.start):
        inside = iob == INSIDE and start is not None
        if not inside and start is not None:
            spans.append(Span(doc, start, i, label=label))
            start = None
        if iob == BEGIN and strings[kind] in labels:
            start, label = i, strings[kind]
    if start is not None:
        spans.append(Span(doc, start, sentence.end, label=label))
    return spans


def is_clause_head(token: Token) -> bool:
    """Verbs and auxiliaries head clauses; so does the root, whatever its part of speech."""
    return token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT"


def clause_head(token: Token) -> Token:
    """The verb of the clause a predicate belongs to (itself for a verb)."""
    current = token
    while not is_clause_head(current):
        current = current.head
    return current


def governing_steps(predicate: Token) -> Iterator[Step]:
    """Hops from the predicate up to the sentence root, skipping prepositions in between."""
    current = predicate
    while current.dep_ != "ROOT" and current.head.i != current.i:
        relation, governor, preposition = current.dep_, current.head, None
        if governor.pos_ == "ADP" and relation in ("pobj", "pcomp") and governor.dep_ != "ROOT":
            preposition, relation, governor = governor, "prep", governor.head
        yield Step(current, relation, governor, preposition)
        current = governor


def _negation_mode(children: list[Token], cues: ModeCues) -> bool:
    """A ``neg`` dependent on the node or its auxiliaries, unless it reads "not only"."""
    for child in children:
        if child.dep_ == "neg" or (child.dep_ == "preconj" and child.lower_ == "not"):
            following = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if following is None or following.lower_ not in cues.negation_exempt_next:
                return True
        if child.dep_ in OBJECT_DEPS or child.dep_ in SUBJECT_DEPS:
            if child.lemma_.lower() in cues.negative_pronouns:
                return True
            if any(
                grand.dep_ == "det" and grand.lower_ in cues.negative_determiners
                for grand in child.children
            ):
                return True
    return False


def _modal(children: list[Token]) -> Token | None:
    return next((c for c in children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def _modal_mode(modal: Token | None, step: Step | None, cues: ModeCues) -> str | None:
    if modal is None:
        return None
    word = modal.lower_
    if word in cues.future_in_past_modals and _in_reported_speech(step):
        return "future"
    return cues.modals.get(word) or cues.modals.get(modal.lemma_.lower())


def _in_reported_speech(step: Step | None) -> bool:
    """The clause (or a conjunct of it) is the complement of a past-tense verb."""
    if step is None:
        return False
    clause, governor = step.clause, step.governor
    if step.relation == "conj" and governor.dep_ == "ccomp":
        clause, governor = governor, governor.head
    elif step.relation != "ccomp":
        return False
    if clause.dep_ != "ccomp":
        return False
    # "was quoted as saying he would ...": a reporting gerund under a past verb.
    if governor.tag_ in PAST_TAGS:
        return True
    if governor.tag_ != "VBG" or governor.dep_ not in {"advcl", "pcomp", "xcomp"}:
        return False
    reporter = governor.head.head if governor.head.dep_ == "prep" else governor.head
    return reporter.tag_ in PAST_TAGS


def _future_date(node: Token, children: list[Token], cues: ModeCues) -> bool:
    """A date phrase such as "next week" on a verb not in a past tense."""
    if node.tag_ in PAST_TAGS or any(c.dep_ == "aux" and c.tag_ in PAST_TAGS for c in children):
        return False
    frontier = [c for c in children if c.dep_ in ("npadvmod", "prep", "advmod", "tmod")]
    for _depth in range(3):
        for token in frontier:
            if token.ent_type_ in ("DATE", "TIME") and token.lower_ in cues.future_date_words:
                return True
        frontier = [grand for token in frontier for grand in token.children]
    return False


def local_mode(
    node: Token, step: Step | None = None, *, conditions_bind: bool = True
) -> str | None:
    """The mode the node's own words give it, or None when they give none.

    ``step`` is the hop from ``node`` to its governor, which decides whether "would" is the
    future of reported speech. A negated modal of possibility stays a possibility ("may not
    attack"); other negated modals say it does not happen ("could not agree", "will not
    attack"). Unless ``conditions_bind`` is False, a conditional clause on the node
    ("... if it is asked") makes it hypothetical.
    """
    cues = mode_cues()
    children = list(node.children)
    if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in children):
        return "hypothetical"
    if is_pending(node):
        return "future"
    modal_word = _modal(children)
    modal = _modal_mode(modal_word, step, cues)
    negated = _negation_mode(children, cues)
    if negated and (modal_word is None or modal_word.lower_ in cues.negated_modals):
        return "negated"
    if modal:
        return modal
    for child in children:
        lemma = child.lower_
        if child.dep_ == "advmod" and lemma in cues.adverbs:
            return cues.adverbs[lemma]
        if conditions_bind and child.dep_ == "advcl" and any(
            grand.dep_ == "mark" and grand.lower_ in cues.conditional_marks
            for grand in child.children
        ):
            return "hypothetical"
        if child.dep_ in ("amod", "compound") and lemma in cues.noun_modifiers:
            return cues.noun_modifiers[lemma]
        if child.dep_ == "det" and lemma in cues.negative_determiners and node.pos_ == "NOUN":
            return "negated"
    if node.pos_ in ("VERB", "AUX") and _future_date(node, children, cues):
        return "future"
    return None


def _periphrastic_future(step: Step, cues: ModeCues) -> bool:
    """ "is to visit", "is going to retaliate": an infinitive under be/going."""
    governor = step.governor
    wanted = cues.future_periphrases.get(governor.lemma_.lower())
    if step.relation != "xcomp" or wanted is None:
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in step.clause.children)
    return has_to and (wanted == "any" or governor.tag_ == wanted)


def _not_yet(step: Step, cues: ModeCues) -> bool:
    """ "has yet to respond": an infinitive under have/be that "yet" marks as still pending."""
    return step.governor.lemma_ in ("have", "be") and any(
        c.lower_ in cues.not_yet_words
        for node in (step.governor, step.clause)
        for c in node.children
        if c.dep_ == "advmod"
    )


def _governing_lemma(governor: Token) -> str:
    """The word that carries a copular governor's meaning ("it is possible that ...")."""
    if governor.lemma_ == "be":
        for child in governor.children:
            if child.dep_ in ("acomp", "attr"):
                return child.lemma_.lower()
    return restored_lemma(governor, governor_modes().__contains__)


def _step_mode(step: Step, cues: ModeCues, cue_is_denial: bool) -> str | None:
    """The mode a governing word imposes on what it governs across one hop."""
    clause, governor = step.clause, step.governor
    preposition = step.preposition
    if preposition is not None and preposition.lower_ in cues.negating_prepositions:
        return "negated"
    if (preposition is not None and preposition.lower_ == OFFENCE_PREPOSITION
            and governor.lemma_.lower() in cues.offence_verbs):
        return "claimed"
    if step.relation == "advcl" and _is_for_to(clause):
        # The request ("called for", "calls for") says how wanted; asked for is at least
        # hypothetical.
        if governor.pos_ in ("NOUN", "PROPN"):
            return cues.governing_nouns.get(governor.lemma_.lower()) or "hypothetical"
        return governor_modes().get(_governing_lemma(governor)) or "hypothetical"
    if governor.pos_ in ("NOUN", "PROPN") and step.relation in ("acl", "prep", "ccomp"):
        mode = cues.governing_nouns.get(governor.lemma_.lower())
        if mode == "claimed" and _dobj_of_denial(governor) and not cue_is_denial:
            return "denied"
        return mode
    if step.relation == "dobj":
        if clause.lemma_.lower() in cues.governing_nouns:
            return None
        mode = cues.object_governors.get(governor.lemma_.lower())
        return None if mode == "denied" and cue_is_denial else mode
    if step.relation in COMPLEMENT_DEPS or step.relation == "prep":
        if step.relation == "xcomp" and _not_yet(step, cues):
            return "negated"
        if step.relation in ("xcomp", "ccomp") and _periphrastic_future(step, cues):
            return "future"
        mode = governor_modes().get(_governing_lemma(governor))
        if mode == "negated" and step.relation == "ccomp":
            return None
        return None if mode == "denied" and cue_is_denial else mode
    if step.relation == "advcl" and _is_purpose_infinitive(clause):
        # "opened the bridge to allow deliveries": the act itself does the allowing.
        return None if clause.lemma_.lower() in cues.enabling_purposes else "future"
    return None


def _dobj_of_denial(noun: Token) -> bool:
    return noun.dep_ == "dobj" and governor_modes().get(noun.head.lemma_.lower()) == "denied"


def _is_purpose_infinitive(clause: Token) -> bool:
    """ "sent troops to secure the border": the securing is an aim, not yet a fact."""
    return (
        clause.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    )


def _shares_governor_markers(step: Step) -> bool:
    """A conjunct without its own subject, modal or negation shares the first conjunct's
    ("would take effect and be monitored"); a passive "be" is not a marker of its own."""
    own = any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD")
        for c in step.clause.children
    )
    return not own and not any(c.dep_ == "cc" and c.lower_ == "but" for c in step.governor.children)


def _is_content_clause(step: Step) -> bool:
    """An ``acl`` under a noun with "that"/"whether" is the noun's content, not a relative."""
    return any(c.dep_ == "mark" for c in step.clause.children)


def _is_question(root: Token) -> bool:
    """The sentence ends with a question mark (before any closing quote)."""
    last = root.doc[root.right_edge.i]
    if last.is_quote and last.i > 0:
        last = last.doc[last.i - 1]
    return last.text == "?"


def event_mode(
    predicate: Token, *, cue_is_denial: bool = False, conditions_bind: bool = True
) -> str:
    """The event's modality, from its own clause and the clauses that govern it.

    predicate (Token): the event's predicate, a verb or a nominal event ("the invasion").
    cue_is_denial (bool): the predicate is itself the denial act; a denial verb is then the
        event and never makes it ``denied``.
    conditions_bind (bool): False for an offer, threat or demand, which is made whatever
        its condition ("is willing to withdraw if asked", "warned of action if ..."); a
        predicate inside a conditional clause stays hypothetical all the same.
    RETURNS (str): one of asserted, negated, hypothetical, future, denied, claimed.
    """
    steps = list(governing_steps(predicate))
    mode = local_mode(predicate, steps[0] if steps else None, conditions_bind=conditions_bind)
    return mode or _governed_mode(predicate, steps, cue_is_denial, conditions_bind)


def governed_mode(predicate: Token) -> str:
    """The mode the clauses above the predicate give it, whatever its own modal says.

    "voiced hope that Greece will help Turkey": "will" makes the help future, but it is
    hoped for by another; Greece has promised nothing.
    """
    return _governed_mode(predicate, list(governing_steps(predicate)), False)


def _governed_mode(
    predicate: Token, steps: list[Step], cue_is_denial: bool, conditions_bind: bool = True
) -> str:
    cues = mode_cues()
    # "demanded that its partners refuse to recognize X": a refusal that is only asked
    # for is no refusal, so a governor's negation yields to a hypothetical above it.
    negated = False
    for index, step in enumerate(steps):
        stop, mode = _boundary(step, cues)
        if stop:
            if mode and not negated:
                return mode
            break
        upper = steps[index + 1] if index + 1 < len(steps) else None
        if step.relation == "conj":
            mode = local_mode(step.governor, upper) if _shares_governor_markers(step) else None
        else:
            # "is willing to withdraw if asked": the copula is the predicate's own verb.
            binds = conditions_bind or index > 0 or step.relation != "acomp"
            mode = _step_mode(step, cues, cue_is_denial) or local_mode(
                step.governor, upper, conditions_bind=binds)
        if mode == NEGATED or (negated and mode != HYPOTHETICAL):
            negated = True
        elif mode:
            return mode
    if negated:
        return NEGATED
    if _is_question(steps[-1].governor if steps else predicate):
        return "hypothetical"
    return "asserted"


def _boundary(step: Step, cues: ModeCues) -> tuple[bool, str | None]:
    """Whether the walk ends at this hop, and the mode it ends with (None: asserted so far).

    Relative clauses and appositions keep their own mode; so do finite adverbial clauses
    and free relatives. A participle or infinitive under a noun takes the noun's mode
    ("refusal to allow") or the noun's negation ("no progress made").
    """
    relation = step.relation
    if relation in STOP_DEPS:
        return True, None
    if step.preposition is not None and step.preposition.lower_ in cues.background_prepositions:
        # "agreed to extend sanctions after Iran's attack": the attack is told as a fact.
        return True, None
    if relation == "acl" and not _is_content_clause(step):
        noun_mode = _infinitive_under_noun(step, cues)
        if noun_mode:
            return True, noun_mode
        negated = step.governor.pos_ == "NOUN" and _negation_mode_of_noun(step.governor, cues)
        return True, "negated" if negated else None
    if relation == "advcl" and _is_for_to(step.clause):
        # "called for Somalia to hold talks": asked for, never done; the request decides.
        return False, None
    if relation == "advcl" and _has_own_subject(step.clause):
        return True, None
    return relation == "ccomp" and _is_free_relative(step.clause), None


def _is_free_relative(clause: Token) -> bool:
    """ "stop what it called an intrusion": a wh-word inside makes the clause a relative."""
    return any(c.tag_ in ("WP", "WDT") and c.dep_ != "mark" for c in clause.children)


def _is_for_to(clause: Token) -> bool:
    """A "for X to do" clause: its act is wanted, not reported."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children
    )


def is_pending(clause: Token) -> bool:
    """ "comes a day before Sarkozy heads to Beijing": a present tense after "before" or
    "until" tells of an act still to come, which nobody has announced."""
    return clause.tag_ in PRESENT_TAGS and any(
        c.dep_ == "mark" and c.lower_ in mode_cues().pending_marks for c in clause.children
    )


def _has_own_subject(clause: Token) -> bool:
    """A finite adverbial clause ("when Anjum met ...") asserts on its own."""
    return any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _infinitive_under_noun(step: Step, cues: ModeCues) -> str | None:
    """ "his refusal to allow", "an opportunity to recalibrate": the noun decides."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in step.clause.children):
        return None
    return cues.governing_nouns.get(step.governor.lemma_.lower())


def _negation_mode_of_noun(noun: Token, cues: ModeCues) -> bool:
    """ "no progress made": the participle describing a noun negated by "no"."""
    return any(c.dep_ == "det" and c.lower_ in cues.negative_determiners for c in noun.children)
