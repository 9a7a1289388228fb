"""Fixtures for the actor tests: one knowledge base and coder per session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from realpolitik.actors import ActorCoder, KnowledgeBase, Mention, load_knowledge_base
from realpolitik.nlp import load_nlp

PETRARCH_DICTIONARIES = Path("eval/raw/openeventdata__petrarch2/petrarch2/data/dictionaries")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def coder(kb: KnowledgeBase, nlp: Language) -> ActorCoder:
    return ActorCoder(kb, nlp.vocab)


@pytest.fixture(scope="session")
def find(coder: ActorCoder, nlp: Language) -> Callable[..., tuple[list[Mention], list[str]]]:
    """Parse a text and return its mentions plus each mention's head word."""

    def run(text: str, day: date | None = None) -> tuple[list[Mention], list[str]]:
        doc = nlp(text)
        mentions = coder.find(doc, day)
        return mentions, [doc[m.head].text for m in mentions]

    return run


@pytest.fixture(scope="session")
def dictionaries(shared_dir: Path) -> Path:
    return shared_dir / PETRARCH_DICTIONARIES
