"""Coding actors from how the text introduces them (trained model needed)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.actors import ActorCoder, Mention
from realpolitik.actors.matching import _name_end

FindMentions = Callable[..., tuple[list[Mention], list[str]]]

pytestmark = pytest.mark.model

DAY = date(2024, 3, 1)

# (sentence, head word of the mention, code, country, role, canonical name or None)
CASES = [
    (
        "Pakistan prime minister Imran Khan addressed the rally.",
        "Khan",
        "PAKGOV",
        "PAK",
        "GOV",
        "Imran Khan",
    ),
    (
        "Kenyan President William Ruto opened the summit.",
        "Ruto",
        "KENGOV",
        "KEN",
        "GOV",
        "William Ruto",
    ),
    (
        "US Secretary of State Antony Blinken arrived in Delhi.",
        "Blinken",
        "USAGOV",
        "USA",
        "GOV",
        "Antony Blinken",
    ),
    (
        "ISI spy chief Lieutenant General Nadeem Anjum flew home.",
        "Anjum",
        "PAKSPY",
        "PAK",
        "SPY",
        "Nadeem Anjum",
    ),
    ("Russian tanks crossed the river at dawn.", "tanks", "RUSMIL", "RUS", "MIL", None),
    ("The Pakistani government denied the report.", "government", "PAKGOV", "PAK", "GOV", None),
    ("Pakistan's government denied the report.", "government", "PAKGOV", "PAK", "GOV", None),
    ("Islamabad rejected the claim on Monday.", "Islamabad", "PAKGOV", "PAK", "GOV", "Pakistan"),
    ("The Pentagon announced new drills.", "Pentagon", "USAMIL", "USA", "MIL", None),
    ("The Pakistan military backed the deal.", "military", "PAKMIL", "PAK", "MIL", None),
    (
        "The US-influenced IMF approved the loan.",
        "IMF",
        "IGOIMF",
        None,
        "IGO",
        "International Monetary Fund",
    ),
    ("Pakistan signed the treaty last week.", "Pakistan", "PAK", "PAK", None, "Pakistan"),
    ("Three Chinese tutors were killed in the blast.", "tutors", "CHNEDU", "CHN", "EDU", None),
    (
        "Pakistani diplomatic sources said the talks went well.",
        "sources",
        "PAKGOV",
        "PAK",
        "GOV",
        None,
    ),
    (
        "Pakistan Senator Mushahid Hussain Syed criticised the plan.",
        "Syed",
        "PAKLEG",
        "PAK",
        "LEG",
        "Mushahid Hussain Syed",
    ),
    ("The Kremlin dismissed the new sanctions.", "Kremlin", "RUSGOV", "RUS", "GOV", "Russia"),
    ("Turkish police detained dozens of people.", "police", "TURCOP", "TUR", "COP", None),
    ("A Tunisian court jailed the blogger.", "court", "TUNJUD", "TUN", "JUD", None),
    ("Ukrainian lawmakers approved the bill.", "lawmakers", "UKRLEG", "UKR", "LEG", None),
    ("Hamas fighters fired rockets overnight.", "fighters", "PSEREB", "PSE", "REB", "Hamas"),
    ("Houthi rebels attacked a cargo ship.", "rebels", "YEMREB", "YEM", "REB", "Houthis"),
    ("Syrian rebels shelled the town.", "rebels", "SYRREB", "SYR", "REB", None),
    (
        "Amnesty International condemned the verdict.",
        "International",
        "NGOAMNESTY",
        None,
        "NGO",
        "Amnesty International",
    ),
    ("Russia's UN ambassador objected to the text.", "ambassador", "RUSGOV", "RUS", "GOV", None),
    (
        "UN Secretary-General Antonio Guterres urged restraint.",
        "Guterres",
        "IGOUNO",
        None,
        "IGO",
        "Antonio Guterres",
    ),
    (
        "Iran's Revolutionary Guards seized a tanker.",
        "Guards",
        "IRNMIL",
        "IRN",
        "MIL",
        "Islamic Revolutionary Guard Corps",
    ),
    ("The Saudi foreign minister visited Cairo.", "minister", "SAUGOV", "SAU", "GOV", None),
    ("The UN aid coordinator left Juba.", "coordinator", "IGOUNO", None, "IGO", "United Nations"),
    ("Kenya's election commissioner resigned.", "commissioner", "KENGOV", "KEN", "GOV", None),
    ("A senior Guyanese police officer was wounded.", "officer", "GUYCOP", "GUY", "COP", None),
    ("Indian students rallied outside the embassy.", "students", "INDEDU", "IND", "EDU", None),
    ("French officials met their counterparts.", "officials", "FRAGOV", "FRA", "GOV", None),
    ("The political opposition boycotted the vote.", "opposition", "OPP", None, "OPP", None),
    (
        "Army chief General Farid Hasnain Warraich inspected the troops.",
        "Warraich",
        "MIL",
        None,
        "MIL",
        "Farid Hasnain Warraich",
    ),
    # A known person's country comes with his name.
    (
        "Army chief General Asim Munir inspected the troops.",
        "Munir",
        "PAKMIL",
        "PAK",
        "MIL",
        "Asim Munir",
    ),
    (
        "White House spokeswoman Karine Jean-Pierre spoke to reporters.",
        "Pierre",
        "USAGOV",
        "USA",
        "GOV",
        "Karine Jean-Pierre",
    ),
    ("A court in Guyana issued arrest warrants.", "court", "GUYJUD", "GUY", "JUD", None),
    ("The Taliban seized the district.", "Taliban", "AFGGOV", "AFG", "GOV", "Taliban"),
    # The phrase a name renames is that person, of the body it mentions.
    (
        "A member of the Chilean senate, Pedro Ruiz Alba, began a hunger strike.",
        "member",
        "CHLLEG",
        "CHL",
        "LEG",
        "Pedro Ruiz Alba",
    ),
    # An organisation named like a company is a business, of the country it is named after.
    ("Kenya Airways cancelled its flights to Dubai.", "Airways", "KENBUS", "KEN", "BUS",
     "Kenya Airways"),
    # A faith's people with a demonym are that country's community.
    ("Lebanese Shiites rallied in the southern suburbs.", "Shiites", "LBNMOSSHI", "LBN", "REL",
     "Lebanon Shiites"),
]


def _at(mentions: list[Mention], heads: list[str], word: str) -> Mention:
    found = [m for m, head in zip(mentions, heads, strict=True) if word in head]
    assert found, f"no mention headed by {word!r} in {[m.actor.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(("text", "head", "code", "country", "role", "name"), CASES)
def test_mention_is_coded_from_its_introduction(
    find: FindMentions,
    text: str,
    head: str,
    code: str,
    country: str | None,
    role: str | None,
    name: str | None,
) -> None:
    mentions, heads = find(text, DAY)
    actor = _at(mentions, heads, head).actor
    assert (actor.code, actor.country, actor.role) == (code, country, role)
    if name is not None:
        assert actor.name == name


@pytest.mark.parametrize(
    ("text", "head", "written"),
    [
        ("Kenyan President William Ruto opened the summit.", "Ruto",
         "Kenyan President William Ruto"),
        # A body named twice in a row is one mention holding both names.
        ("The International Monetary Fund, or IMF, approved the loan.", "Fund",
         "International Monetary Fund, or IMF"),
        ("A member of the Chilean senate, Pedro Ruiz Alba, began a hunger strike.", "member",
         "member of the Chilean senate, Pedro Ruiz Alba"),
        # An unknown name modifying a role word's noun is part of the mention's words.
        ("The Musavat opposition party boycotted the vote.", "party",
         "Musavat opposition party"),
    ],
)
def test_text_is_the_words_as_written(
    find: FindMentions, text: str, head: str, written: str
) -> None:
    mentions, heads = find(text, DAY)
    assert _at(mentions, heads, head).actor.text == written


def test_capital_mentions_are_marked_so_places_can_be_told_apart(find: FindMentions) -> None:
    mentions, heads = find("The envoys met in Washington on Tuesday.", DAY)
    assert _at(mentions, heads, "Washington").kind == "capital"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Pakistani rupee fell against the US dollar.", {"PAK", "USA"}),
        ("Investors poured money into the China-Pakistan Economic Corridor.", {"CHN", "PAK"}),
        ("The US-backed rebels advanced on the city.", {"USA"}),
        ("Pro-China protesters gathered downtown.", {"CHN"}),
    ],
)
def test_non_actor_uses_give_no_country_actor(
    find: FindMentions, text: str, absent: set[str]
) -> None:
    mentions, _ = find(text, DAY)
    assert not {m.actor.country for m in mentions} & absent


def test_mentions_are_sorted_and_do_not_overlap(find: FindMentions, shared_dir: object) -> None:
    mentions, _ = find(
        "Pakistan prime minister Imran Khan met US Secretary of State Antony Blinken and "
        "officials of the International Monetary Fund (IMF) in Washington.",
        DAY,
    )
    ends = [(m.start, m.end) for m in mentions]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_date_bounded_role_follows_the_document_date(find: FindMentions) -> None:
    text = "The Taliban seized the district."
    before, heads = find(text, date(2020, 6, 1))
    after, _ = find(text, date(2022, 6, 1))
    assert _at(before, heads, "Taliban").actor.code == "AFGINS"
    assert _at(after, heads, "Taliban").actor.code == "AFGGOV"


# After August 2021 the Taliban hold Afghanistan's government, unless the text says otherwise:
# fighters named as such, or the movement set against a government its sentence names.
@pytest.mark.parametrize(("text", "word", "code"), [
    ("Taliban militants stormed the base.", "militants", "AFGINS"),
    ("Taliban officials met the envoy.", "officials", "AFGGOV"),
    ("President Ghani of Afghanistan offered the Taliban a ceasefire.", "Taliban", "AFGINS"),
    ("Pakistan urged the Taliban in Kabul to act.", "Taliban", "AFGGOV"),
])
def test_the_text_says_when_a_ruling_movement_acts_as_insurgents(
    find: FindMentions, text: str, word: str, code: str
) -> None:
    mentions, heads = find(text, date(2022, 6, 1))
    assert _at(mentions, heads, word).actor.code == code


def test_known_person_without_title_takes_the_role_of_the_day(find: FindMentions) -> None:
    text = "Imran Khan addressed supporters in Lahore."
    in_office, heads = find(text, date(2020, 1, 1))
    out_of_office, _ = find(text, date(2023, 1, 1))
    assert _at(in_office, heads, "Khan").actor.code == "PAKGOV"
    assert _at(out_of_office, heads, "Khan").actor.code == "PAKOPP"


@pytest.mark.parametrize(
    ("text", "head", "day", "code"),
    [
        # A known leader named without any title holds the office of the document's date.
        ("Theresa May held talks with the Irish premier.", "May", date(2018, 3, 1), "GBRGOV"),
        ("Theresa May held talks with the Irish premier.", "May", date(2021, 3, 1), "GBR"),
        ("Ehud Olmert met Palestinian negotiators on Sunday.", "Olmert", date(2007, 6, 1),
         "ISRGOV"),
        ("Ehud Olmert met Palestinian negotiators on Sunday.", "Olmert", date(2012, 6, 1), "ISR"),
        ("Lavrov and Cavusoglu discussed the grain corridor.", "Cavusoglu", date(2022, 7, 1),
         "TURGOV"),
        # A movement's leader is coded as the movement is (Hamas: PSE + REB).
        ("Ismail Haniyeh spoke to a crowd after Friday prayers.", "Haniyeh", date(2020, 6, 1),
         "PSEREB"),
        # The head of an international body is that body while in office, without his
        # country; before and after, his country's office.
        ("Jens Stoltenberg warned allies about Russian missiles.", "Stoltenberg",
         date(2019, 6, 1), "IGONATO"),
        ("Jens Stoltenberg warned allies about Russian missiles.", "Stoltenberg",
         date(2025, 6, 1), "NORGOV"),
        ("Donald Tusk chaired the summit in Brussels.", "Tusk", date(2018, 3, 1), "IGOEUCO"),
    ],
)
def test_known_leader_without_title_is_coded_with_the_office_of_the_day(
    find: FindMentions, text: str, head: str, day: date, code: str
) -> None:
    mentions, heads = find(text, day)
    assert _at(mentions, heads, head).actor.code == code


def test_doc_parsed_only_in_some_sentences(coder: ActorCoder, nlp: Language) -> None:
    parsed = nlp("Kenyan President William Ruto arrived.")
    with nlp.select_pipes(disable=["parser"]):
        unparsed = nlp("Pakistan's government and the IMF met.")
    doc = Doc.from_docs([parsed, unparsed])
    assert [(m.actor.text, m.actor.code) for m in coder.find(doc, DAY)] == [
        ("Kenyan President William Ruto", "KENGOV"),
        ("Pakistan's government", "PAKGOV"),
        ("IMF", "IGOIMF"),
    ]


def test_country_of_a_non_actor_noun_does_not_leak(find: FindMentions) -> None:
    mentions, heads = find("Libya must hand over the bombers of the U.S. airliner.", DAY)
    assert _at(mentions, heads, "bombers").actor.country is None


def test_conjoined_nationalities_share_the_role(find: FindMentions) -> None:
    mentions, _ = find("US and British activists staged a protest in the square.", DAY)
    assert [(m.actor.text, m.actor.code) for m in mentions] == [
        ("US", "USAOPP"),
        ("British activists", "GBROPP"),
    ]


def test_a_comma_alone_does_not_share_a_role(find: FindMentions) -> None:
    mentions, heads = find(
        "Fighting spread to the border with Bulgaria, Macedonian officials said."
    )
    assert _at(mentions, heads, "Bulgaria").actor.code == "BGR"


def test_a_person_name_the_ner_cut_short_runs_to_its_last_name(nlp: Language) -> None:
    words = ["President", "Ana", "Lucia", "Ferreira", "spoke"]
    doc = Doc(
        nlp.vocab, words=words, pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
        heads=[3, 3, 3, 4, 4], deps=["compound", "compound", "compound", "nsubj", "ROOT"],
    )
    assert _name_end(doc, 3, covered=set()) == 4
    assert _name_end(doc, 3, covered={3}) == 3


@pytest.mark.model
def test_the_town_of_a_name_is_a_place_not_a_person(find: FindMentions) -> None:
    mentions, _ = find("Russian forces captured the eastern town of Avdiivka.", None)
    assert all(mention.kind != "person" for mention in mentions)
