"""The knowledge base: package data, user files, and errors naming file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest
import spacy

from realpolitik.actors import ActorCoder, KnowledgeBase, load_knowledge_base
from realpolitik.actors.knowledge import regular_plural
from realpolitik.errors import KnowledgeError


def test_every_iso_country_is_known_by_code(kb: KnowledgeBase) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.countries]
    assert missing == []


@pytest.mark.parametrize(
    ("alias", "code", "kind"),
    [
        ("US", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("America", "USA", "country"),
        ("Americans", "USA", "demonym"),
        ("Britain", "GBR", "country"),
        ("British", "GBR", "demonym"),
        ("DPRK", "PRK", "country"),
        ("South Korea", "KOR", "country"),
        ("Russia", "RUS", "country"),
        ("Iran", "IRN", "country"),
        ("Palestinian", "PSE", "demonym"),
        ("Taiwan", "TWN", "country"),
        ("Kosovo", "XKX", "country"),
        ("Vatican", "VAT", "country"),
        ("Pakistanis", "PAK", "demonym"),
        ("Chinese", "CHN", "demonym"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Washington", "USA", "capital"),
        ("Pentagon", "USA", "seat"),
        ("Downing Street", "GBR", "seat"),
    ],
)
def test_common_names_demonyms_and_seats(
    kb: KnowledgeBase, alias: str, code: str, kind: str
) -> None:
    target = kb.aliases[alias]
    assert (target.entry.code, target.kind) == (code, kind)


def test_seat_of_power_carries_its_sector(kb: KnowledgeBase) -> None:
    assert kb.aliases["Pentagon"].role == "MIL"
    assert kb.aliases["Kremlin"].role == "GOV"


def test_role_words_have_plurals(kb: KnowledgeBase) -> None:
    assert kb.role_words["militants"].role == "INS"
    assert kb.role_words["gunmen"].role == "INS"
    assert kb.role_words["spokespeople"].role == "GOV"
    assert regular_plural("security force") == "security forces"
    assert regular_plural("spy agency") == "spy agencies"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_lists_every_bad_row_with_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mine.yaml",
        "- name: Good Front\n  country: COD\n  role: REB\n"
        "- name: Bad Role\n  country: COD\n  role: WARLORD\n"
        "- name: Fine Party\n  country: KEN\n  role: PTY\n"
        "- name: Bad Country\n  country: kenya\n",
    )
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge_base([path])
    message = str(raised.value)
    assert message.startswith("[E201] 2 bad rows")
    assert f"{path}:4:" in message and "WARLORD" in message
    assert f"{path}:10:" in message and "kenya" in message
    assert f"{path}:1:" not in message


def test_missing_user_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"\[E203\].*nowhere\.yaml"):
        load_knowledge_base([tmp_path / "nowhere.yaml"])


USER_FILE = """\
actors:
  - name: Taliban
    aliases: [Taliban, the Taliban]
    code: AFGTAL
    country: AFG
    role: INS
    kind: group
  - name: Zara Okafor
    aliases: [Okafor]
    country: NGA
    kind: person
    roles:
      - {role: GOV, from: 2019-05-29, until: 2023-05-29}
      - {role: OPP, from: 2023-05-30}
"""


def test_user_entries_override_package_entries_and_carry_dated_roles(tmp_path: Path) -> None:
    kb = load_knowledge_base([_write(tmp_path, "actors.yaml", USER_FILE)])
    nlp = spacy.blank("en")
    coder = ActorCoder(kb, nlp.vocab)
    taliban = coder.find(nlp("the Taliban"), date(2023, 1, 1))
    assert [m.actor.code for m in taliban] == ["AFGTAL"]
    early = coder.find(nlp("Okafor spoke"), date(2020, 1, 1))
    late = coder.find(nlp("Okafor spoke"), date(2024, 1, 1))
    assert (early[0].actor.code, late[0].actor.code) == ("NGAGOV", "NGAOPP")
    assert early[0].actor.name == "Zara Okafor"


def test_coder_works_on_an_unparsed_doc(kb: KnowledgeBase) -> None:
    nlp = spacy.blank("en")
    coder = ActorCoder(kb, nlp.vocab)
    doc = nlp("Pakistan's government and the IMF met.")
    mentions = coder.find(doc)
    assert [(m.actor.text, m.actor.code) for m in mentions] == [
        ("Pakistan's government", "PAKGOV"),
        ("IMF", "IGOIMF"),
    ]
    assert doc[mentions[0].head].text == "government"
    assert coder.candidates(doc) == [(0, 1), (2, 3), (5, 6)]
