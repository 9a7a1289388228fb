"""Coding the actors of one text, for the CLI and for users checking their actor files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from realpolitik.actors.coder import ActorCoder
from realpolitik.actors.knowledge import load_knowledge_base
from realpolitik.nlp import NAMES, load_nlp, parse_stream


def code_actors(
    text: str, *, extra_files: Sequence[Path] = (), doc_date: date | None = None
) -> list[dict[str, Any]]:
    """Every actor mention of ``text``, as plain records.

    text (str): the text to read.
    extra_files (Sequence[Path]): user actor files (YAML or PETRARCH dictionaries).
    doc_date (date | None): the date that decides date-bounded roles.
    RETURNS (list[dict]): per mention: ``text``, ``head``, ``kind``, ``antecedent``
        and the actor's ``name``, ``code``, ``country``, ``role``.
    """
    nlp = load_nlp()
    coder = ActorCoder(load_knowledge_base(extra_files), nlp.vocab)
    # The pipeline's own two passes: one plain nlp() call would parse before the paragraph
    # breaks are set, which spaCy refuses on a text of several paragraphs.
    parsed, _ = next(parse_stream(nlp, [(text, None)], _every_sentence_with_names))
    doc = parsed.parsed
    return [
        {
            **mention.actor.to_dict(),
            "head": doc[mention.head].text,
            "kind": mention.kind,
            "antecedent": mention.antecedent,
        }
        for mention in coder.find(doc, doc_date)
    ]


def _every_sentence_with_names(doc: Doc) -> list[int]:
    return [NAMES for _ in doc.sents]
