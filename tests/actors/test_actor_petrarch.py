"""Reading PETRARCH/TABARI dictionaries (the raw files in the shared eval folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from realpolitik.actors import ActorCoder, load_knowledge_base
from realpolitik.actors.coding import entry_actor
from realpolitik.actors.petrarch import read_petrarch_actors, read_petrarch_agents
from realpolitik.errors import KnowledgeError


def test_date_restricted_actor(dictionaries: Path) -> None:
    entries = read_petrarch_actors(dictionaries / "PETR.Validate.actors.txt")
    gollum = next(e for e in entries if e.name == "Gollum")
    assert {"Smeagol", "SMEAGOL", "Stinker"} <= set(gollum.aliases)
    assert gollum.origin.endswith("PETR.Validate.actors.txt:86")
    codes = [
        entry_actor(gollum, "Gollum", day).code
        for day in (date(1990, 1, 1), date(1995, 6, 1), date(1999, 8, 15), date(2005, 1, 1))
    ]
    assert codes == ["HOB", "HOBGOV", "HOBGOV", "HOBREB"]


def test_synonyms_and_default_codes(dictionaries: Path) -> None:
    entries = {e.name: e for e in read_petrarch_actors(dictionaries / "PETR.Validate.actors.txt")}
    united_states = entries["United States"]
    assert (united_states.code, united_states.country) == ("USA", "USA")
    assert {"USA", "U.S."} <= set(united_states.aliases)
    assert entries["Israeli Troops"].role == "MIL"
    assert entries["Zimbabwe"].code == "ZBW"
    assert entries["Zimbabwe"].roles[0].until == date(1979, 6, 5)


def test_dictionary_actors_code_text(dictionaries: Path) -> None:
    kb = load_knowledge_base([dictionaries / "PETR.Validate.actors.txt"])
    nlp = spacy.blank("en")
    coder = ActorCoder(kb, nlp.vocab)
    mentions = coder.find(nlp("Gollum denounced Mordor"), date(1997, 3, 1))
    assert [m.actor.code for m in mentions] == ["HOBGOV", "MOR"]


def test_agents_with_macros_and_plurals(dictionaries: Path) -> None:
    words = {w.phrase: w for w in read_petrarch_agents(dictionaries / "PETR.Validate.agents.txt")}
    assert words["congressman"].role == "LEG"
    assert words["congresswomen"].role == "LEG"
    assert words["minister of silly walks"].role == "GOV"
    assert words["attorney general"].plural == "attorneys general"
    assert "cleric" in words and "islamist" not in words


def test_unreadable_code_blocks_are_all_listed(dictionaries: Path) -> None:
    with pytest.raises(KnowledgeError) as raised:
        read_petrarch_actors(dictionaries / "Phoenix.Countries.actors.txt")
    message = str(raised.value)
    assert message.startswith("[E204] 7 unreadable code blocks")
    assert "Phoenix.Countries.actors.txt:18010" in message
