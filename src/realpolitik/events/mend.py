"""Repairs to the small model's parse that the event rules would otherwise inherit.

The statistical parser occasionally reads a name's last word as an auxiliary
("Theresa May held talks": "May" as the modal of "held"), which leaves the verb
with no subject and the event with no source. A proper noun is never an
auxiliary, so such an arc is relabelled as the subject it really is.
"""

from __future__ import annotations

from spacy.tokens import Doc

NAME_TAGS = frozenset({"NNP", "NNPS"})
SUBJECT_LABELS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def mend_name_auxiliaries(doc: Doc) -> None:
    """Relabel a proper noun parsed as the auxiliary of a subjectless verb after it."""
    for token in doc:
        if token.dep_ != "aux" or token.tag_ not in NAME_TAGS:
            continue
        verb = token.head
        if verb.i > token.i and not any(child.dep_ in SUBJECT_LABELS for child in verb.children):
            token.dep_ = "nsubj"
