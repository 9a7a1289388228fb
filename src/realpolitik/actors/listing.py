"""Coding the actors of one text, for the CLI and for users checking their actor files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.actors.coder import ActorCoder
from realpolitik.actors.knowledge import load_knowledge_base
from realpolitik.nlp import load_nlp


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
    doc = nlp(text)
    return [
        {
            **mention.actor.to_dict(),
            "head": doc[mention.head].text,
            "kind": mention.kind,
            "antecedent": mention.antecedent,
        }
        for mention in coder.find(doc, doc_date)
    ]
