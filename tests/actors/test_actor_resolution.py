"""In-document resolution of surnames, titles, pronouns and nominal references."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import Mention

FindMentions = Callable[..., tuple[list[Mention], list[str]]]

pytestmark = pytest.mark.model

DAY = date(2024, 3, 1)


def _headed(mentions: list[Mention], heads: list[str], word: str, nth: int = 0) -> Mention:
    found = [m for m, head in zip(mentions, heads, strict=True) if head == word]
    assert len(found) > nth, f"no mention #{nth} headed by {word!r}"
    return found[nth]


def test_surname_resolves_to_the_full_name(find: FindMentions) -> None:
    mentions, heads = find(
        "Pakistan prime minister Imran Khan visited Moscow. Later Khan met Vladimir Putin.", DAY
    )
    first, later = _headed(mentions, heads, "Khan"), _headed(mentions, heads, "Khan", 1)
    assert later.antecedent == mentions.index(first)
    assert (later.actor.code, later.actor.name, later.actor.text) == (
        "PAKGOV",
        "Imran Khan",
        "Khan",
    )


def test_first_name_of_an_unknown_person_resolves(find: FindMentions) -> None:
    mentions, heads = find(
        "Pakistan Foreign Minister Bilawal Bhutto Zardari flew to New York. "
        "Bilawal said ties were improving.",
        DAY,
    )
    later = _headed(mentions, heads, "Bilawal")
    assert later.antecedent is not None
    assert (later.actor.code, later.actor.name) == ("PAKGOV", "Bilawal Bhutto Zardari")


def test_the_minister_resolves_to_the_person_introduced_with_that_title(
    find: FindMentions,
) -> None:
    mentions, heads = find(
        "Sri Lankan Finance Minister Ranil Perera flew to Washington. "
        "The minister asked for a new loan.",
        DAY,
    )
    minister = _headed(mentions, heads, "minister")
    assert minister.antecedent == mentions.index(_headed(mentions, heads, "Perera"))
    assert minister.actor.code == "LKAGOV"
    assert minister.kind == "nominal"


def test_pronoun_resolves_to_the_only_person_nearby(find: FindMentions) -> None:
    mentions, heads = find(
        "Kenyan President William Ruto arrived in Paris on Monday. He praised the deal.", DAY
    )
    pronoun = _headed(mentions, heads, "He")
    assert pronoun.kind == "pronoun"
    assert pronoun.actor.code == "KENGOV"
    assert pronoun.actor.text == "He"


def test_object_pronoun_is_not_its_own_clause_s_subject(find: FindMentions) -> None:
    mentions, heads = find(
        "Kenyan President William Ruto called Ghanaian President Nana Akufo-Addo and urged him"
        " to reopen the border.",
        DAY,
    )
    assert _headed(mentions, heads, "him").actor.code == "GHAGOV"


def test_pronoun_without_a_person_is_dropped(find: FindMentions) -> None:
    mentions, _ = find("He said the talks had failed.", DAY)
    assert mentions == []


def test_the_country_resolves_to_the_latest_country(find: FindMentions) -> None:
    mentions, heads = find(
        "Sri Lanka defaulted on its debt in 2022. The country asked for help.", DAY
    )
    country = _headed(mentions, heads, "country")
    assert country.actor.code == "LKA"
    assert mentions[country.antecedent or 0].actor.text == "Sri Lanka"


def test_the_fund_resolves_to_the_imf(find: FindMentions) -> None:
    mentions, heads = find(
        "Egypt asked the International Monetary Fund for a loan. The fund agreed in March.", DAY
    )
    assert _headed(mentions, heads, "fund").actor.code == "IGOIMF"


def test_the_group_resolves_to_the_armed_group(find: FindMentions) -> None:
    mentions, heads = find(
        "Boko Haram kidnapped dozens of pupils in Nigeria. The group demanded a ransom.", DAY
    )
    group = _headed(mentions, heads, "group")
    assert (group.actor.name, group.actor.code) == ("Boko Haram", "NGAREB")


def test_the_authorities_belong_to_the_country_just_named(find: FindMentions) -> None:
    mentions, heads = find(
        "Protests spread across Iran on Friday. The authorities blocked the internet.", DAY
    )
    assert _headed(mentions, heads, "authorities").actor.code == "IRNGOV"


def test_apposition_gives_an_unknown_person_a_role(find: FindMentions) -> None:
    mentions, heads = find("The US commander in Iraq, General David Hale, met local leaders.", DAY)
    assert _headed(mentions, heads, "Hale").actor.code == "USAMIL"


def test_possessive_pronoun_gives_the_owner_country(find: FindMentions) -> None:
    mentions, heads = find("Kenyan President William Ruto said his government would act.", DAY)
    assert _headed(mentions, heads, "government").actor.code == "KENGOV"


def test_title_yields_to_a_more_specific_role(find: FindMentions) -> None:
    mentions, heads = find("Insurgent leader Shefket Musliu said the talks were over.", DAY)
    assert _headed(mentions, heads, "Musliu").actor.role == "INS"


def test_embassy_in_a_capital_is_not_that_country_s(find: FindMentions) -> None:
    mentions, heads = find("Sri Lanka opened an embassy in Tehran last year.", DAY)
    assert _headed(mentions, heads, "embassy").actor.country is None


def test_the_group_prefers_the_group_that_was_the_subject(find: FindMentions) -> None:
    mentions, heads = find(
        "The Taliban promised China it would restrain ETIM. The group gave Pakistan no such "
        "promise about the TTP.",
        DAY,
    )
    assert _headed(mentions, heads, "group").actor.name == "Taliban"
