"""Repairs to the small model's parse, made once after parsing so that every later stage
(actors, events) reads the same, mended tree.

The statistical parser occasionally reads a name's last word as an auxiliary
("Theresa May held talks": "May" as the modal of "held"), which leaves the verb
with no subject and the event with no source. A proper noun is never an
auxiliary, so such an arc is relabelled as the subject it really is.

It also reads some main verbs as participles describing their own subject ("The
Iraqi air force carried out air strikes" parsed as "the force [that was] carried
out"), leaving a sentence whose root is a noun. A sentence needs a verb, and a
participle with an object of its own is no passive description, so the verb is
made the root and the noun its subject. A past-tense verb the parser hung deeper in
such a sentence as a relative clause with no subject ("The Afghan government, a number
of parties and the Taliban on Thursday condemned the decision", "condemned" read as a
clause on "number") is no relative clause either: one needs a relative word or a
subject, so it too becomes the root, with the whole noun phrase as its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

NAME_TAGS = frozenset({"NNP", "NNPS"})
SUBJECT_LABELS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBN"})
PAST_TENSE = "VBD"
NOUN_POS = frozenset({"NOUN", "PROPN"})


def mend_parse(doc: Doc) -> None:
    """Apply every repair below to a freshly parsed document."""
    mend_name_auxiliaries(doc)
    mend_verbless_sentences(doc)


def mend_name_auxiliaries(doc: Doc) -> None:
    """Relabel a proper noun parsed as the auxiliary of a subjectless verb after it."""
    for token in doc:
        if token.dep_ != "aux" or token.tag_ not in NAME_TAGS:
            continue
        verb = token.head
        if verb.i > token.i and not any(child.dep_ in SUBJECT_LABELS for child in verb.children):
            token.dep_ = "nsubj"


def mend_verbless_sentences(doc: Doc) -> None:
    """Make a transitive verb read as its subject's participle, or as a subjectless
    relative clause, the sentence's root."""
    for sent in doc.sents:
        noun = sent.root
        if noun.pos_ not in NOUN_POS:
            continue
        verb = _participle_main_verb(noun) or _relative_main_verb(noun)
        if verb is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        for child in [c for c in noun.children if c.i > verb.i]:
            child.head = verb
        noun.head, noun.dep_ = verb, "nsubj"


def _participle_main_verb(noun: Token) -> Token | None:
    """The transitive participle right after the root noun ("the force carried out")."""
    verb = next((child for child in noun.children if child.dep_ == "acl"), None)
    if verb is None or verb.i != noun.i + 1:
        return None
    if verb.tag_ not in FINITE_OR_PARTICIPLE or not _acts_on_something(verb):
        return None
    return verb


def _relative_main_verb(noun: Token) -> Token | None:
    """The one past-tense, subjectless, transitive "relative clause" in the root noun's
    phrase, which must be the sentence's verb."""
    verbs = [
        token for token in noun.subtree
        if token.dep_ == "relcl" and token.tag_ == PAST_TENSE
        and not any(child.dep_ in SUBJECT_LABELS for child in token.children)
        and _acts_on_something(token)
    ]
    return verbs[0] if len(verbs) == 1 else None


def _acts_on_something(verb: Token) -> bool:
    """An object or particle of its own and no "by" agent: an active verb, not a passive
    description ("the force carried out strikes", not "the city bombed by jets")."""
    children = list(verb.children)
    return not any(child.dep_ == "agent" for child in children) and any(
        child.dep_ in ("dobj", "prt")
        or (child.dep_ in ("advmod", "npadvmod") and child.pos_ == "PROPN")
        for child in children
    )
