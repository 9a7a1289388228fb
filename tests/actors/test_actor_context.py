"""Country from context: regions, cities, collectives, the sentence and the story."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import KnowledgeBase, Mention
from realpolitik.records import Actor

FindMentions = Callable[..., tuple[list[Mention], list[str]]]

DAY = date(2024, 3, 1)


def _headed(mentions: list[Mention], heads: list[str], word: str) -> Mention:
    return next(m for m, head in zip(mentions, heads, strict=True) if head == word)


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Kyrgyz", "KGZ"),
        ("Tajik", "TJK"),
        ("Uzbek", "UZB"),
        ("Sri Lankan", "LKA"),
        ("Darfur", "SDN"),
        ("Basra", "IRQ"),
        ("RUF", "SLE"),
        ("UNITA", "AGO"),
        ("ILO", "IGOUNOLABILO"),
        ("Greenpeace", "NGOENV"),
        ("Museveni", "UGA"),
        ("East Jerusalem", "PSE"),
        ("Reagan", "USA"),
        ("Bill Clinton", "USA"),
    ],
)
def test_demonyms_places_bodies_and_leaders_are_known(
    kb: KnowledgeBase, alias: str, code: str
) -> None:
    entry = kb.aliases[alias].entry
    assert code in (entry.code, entry.country)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Darfur rebels attacked a convoy near the border.", "rebels", "SDNREB"),
        ("Protesters in Basra burned tyres outside the offices.", "Protesters", "IRQCVL"),
        ("A group of Moroccan diplomats held talks on Monday.", "group", "MARGOV"),
        ("The Hamas movement rejected the offer.", "movement", "PSEREB"),
        ("Serbian Labour Minister Dragan Petrovic signed the bill.", "Petrovic", "SRBGOV"),
        ("Vietnamese-led forces shelled the camps overnight.", "forces", "VNMMIL"),
        ("Shiite militias attacked the villages.", "militias", "MOSSHI"),
        ("Hundreds of UN troops left the buffer zone.", "troops", "IGOUNOMIL"),
        ("Three civilians were killed by Ethiopian drones in northern Sudan.", "civilians",
         "SDNCVL"),
    ],
)
def test_context_gives_the_country(find: FindMentions, text: str, head: str, code: str) -> None:
    mentions, heads = find(text, DAY)
    assert _headed(mentions, heads, head).actor.code == code


@pytest.mark.model
def test_titled_person_takes_the_one_country_of_the_sentence(find: FindMentions) -> None:
    mentions, heads = find("President Maria Lopez Fernandez urged the Philippines to act.", DAY)
    assert _headed(mentions, heads, "Fernandez").actor.code == "PHLGOV"


@pytest.mark.model
def test_titled_person_stays_unknown_between_two_countries(find: FindMentions) -> None:
    mentions, heads = find("President Maria Lopez Fernandez urged Chile and Peru to talk.", DAY)
    assert _headed(mentions, heads, "Fernandez").actor.country is None


@pytest.mark.model
def test_bare_state_body_takes_the_story_s_country(find: FindMentions) -> None:
    mentions, heads = find(
        "Chile declared an emergency on Monday. Chilean police arrested hundreds. "
        "The court ordered their release.",
        DAY,
    )
    assert _headed(mentions, heads, "court").actor.code == "CHLJUD"


@pytest.mark.model
def test_faith_adjective_of_a_non_actor_is_no_actor(find: FindMentions) -> None:
    mentions, _ = find("The town was run under Islamic law for a decade.", DAY)
    assert mentions == []


@pytest.mark.model
def test_kin_living_in_a_named_country_belong_to_it(find: FindMentions) -> None:
    mentions, heads = find("The Hungarians of northern Romania are asking for more schools.", DAY)
    people = _headed(mentions, heads, "Hungarians")
    assert (people.actor.country, people.actor.text) == ("ROU", "Hungarians of northern Romania")


@pytest.mark.model
def test_ethnic_kin_take_the_other_country_of_the_sentence(find: FindMentions) -> None:
    mentions, heads = find("Hundreds of ethnic Greeks protested against Albania's new law.", DAY)
    assert _headed(mentions, heads, "Greeks").actor.country == "ALB"


@pytest.mark.model
def test_a_people_in_their_own_country_keep_it(find: FindMentions) -> None:
    mentions, heads = find("Albanians protested in Tirana on Sunday.", DAY)
    assert _headed(mentions, heads, "Albanians").actor.country == "ALB"


@pytest.mark.model
def test_parliament_takes_the_country_of_a_known_person_in_its_sentence(
    find: FindMentions,
) -> None:
    mentions, heads = find(
        "Parliament rejected the bill proposed by Prime Minister Olaf Scholz.", DAY
    )
    assert _headed(mentions, heads, "Parliament").actor.code == "DEULEG"


@pytest.mark.model
def test_congress_alone_is_the_us_one_but_a_named_country_wins(find: FindMentions) -> None:
    mentions, heads = find("Congress passed the bill on Friday.", DAY)
    assert _headed(mentions, heads, "Congress").actor.code == "USALEG"
    mentions, _ = find("The president urged Congress in Colombia to approve the budget.", DAY)
    assert any(
        m.actor.code == "COLLEG" and m.actor.text == "Congress in Colombia" for m in mentions
    )


@pytest.mark.model
def test_a_known_surname_as_someone_else_s_first_name_is_not_that_person(
    find: FindMentions,
) -> None:
    mentions, heads = find("Maduro Lopez met Nicolas Maduro in Caracas.", DAY)
    assert _headed(mentions, heads, "Lopez").actor.country is None
    assert _headed(mentions, heads, "Maduro").actor.country == "VEN"


# Bare groups and titled people take a country from their sentence only when one is clear.
COUNTRY_FROM_SENTENCE = [
    ("The Chadian government signed a truce with rebels on Friday.", "rebels", "TCDREB"),
    ("The Chadian government accused Sudan of arming rebels.", "rebels", None),
    ("President Ana Ruiz Soto said in Lima that she will visit Peru.", "she", "PERGOV"),
    ("Judge Tomas Ruiz Vidal charged ten Bolivian officials with fraud.", "Vidal", "BOLJUD"),
    ("Insurgents shelled a town in northern Mali overnight.", "Insurgents", "MLIINS"),
    # A people named in the plural is no place; militants a government pursues may be foreign.
    ("Insurgents killed three Americans near the airport.", "Insurgents", None),
    ("Kenya's president vowed to pursue the militants.", "militants", None),
    # A foreign company, newspaper or charity takes no side: the one place still counts.
    ("Rebels shot down a Kenya Airways plane over Somalia.", "Rebels", "SOMREB"),
    ("Insurgents kidnapped two reporters of the Kenyan newspaper Daily Nation in Mali.",
     "Insurgents", "MLIINS"),
    # Where a people lives: a country word before it, or a place that is part of a country.
    ("Macedonian Albanians boycotted the vote on Sunday.", "Albanians", "MKD"),
    ("Police in Northern Ireland arrested two men.", "Police", "GBRCOP"),
    ("Doctors from Sweden treated the wounded.", "Doctors", "SWEHLH"),
    ("Troops withdrew from Lebanon on Friday.", "Troops", None),
    # A titled host belongs to the one country visited; two countries visited name none.
    ("The French envoy met President Ana Ruiz Soto on a two-day visit to Lima.", "Soto",
     "PERGOV"),
    ("The French envoy met President Ana Ruiz Soto during visits to Lima and Quito.", "Soto",
     None),
    # States, provinces and large cities are their country's.
    ("Police in Queensland detained two men from Ohio.", "Police", "AUSCOP"),
    ("Police in Queensland detained two men from Ohio.", "Ohio", "USA"),
    # People of a faith act as what they are; the faith names no country.
    ("Kenyan police dispersed Christian demonstrators with tear gas.", "demonstrators",
     "KENCVL"),
    ("Swedish doctors and striking miners met the minister.", "doctors", "SWEHLH"),
    ("Swedish doctors and striking miners met the minister.", "miners", "CVL"),
    # An unknown leader's government is the one country's of its sentence, like the leader.
    ("Protesters in Lima demanded the resignation of President Ana Ruiz Soto's government.",
     "government", "PERGOV"),
    ("Chile and Peru criticised President Ana Ruiz Soto's government.", "government", None),
    # A faith's people act where they live; forces named by a faith take only a place.
    ("Islamic fundamentalists demanded the resignation of the Tunisian prime minister.",
     "fundamentalists", "TUNMOS"),
    ("Government troops clashed with Moslem forces in central Bosnia.", "forces", "BIHMIL"),
    ("Moslem forces attacked Tunisian police.", "forces", None),
    # Police and a government as a body act at home: the one country the sentence is set in,
    # by "in" or by the people it rules; a country that is only the object is no home, and
    # titles ("ministers") may be anyone's.
    ("Police fired tear gas at protesters in Caracas on Sunday.", "Police", "VENCOP"),
    ("The government rejected demands by rebels in northern Mali.", "government", "MLIGOV"),
    ("Authorities lifted the curfew in Amman on Monday.", "Authorities", "JORGOV"),
    ("Riot police dispersed Kenyan protesters outside the stadium.", "police", "KENCOP"),
    ("The government condemned Israel for the raid.", "government", None),
    ("Police arrested two Americans near the airport.", "Police", None),
    ("Police detained protesters in Lima and Quito.", "Police", None),
    ("Ministers met protesters in Caracas on Sunday.", "Ministers", None),
    # Troops named as the state's own act at home like the government; bare troops do not.
    ("Government troops killed civilians in Syria.", "troops", "SYRMIL"),
    ("Regime forces shelled rebel positions in Aleppo.", "forces", "SYRMIL"),
    ("Troops killed civilians in Syria.", "Troops", None),
    # A people "from" a country is its own, wherever the parser hangs "from"; troops
    # withdrawn from a country are not.
    ("The envoy met exiled dissidents from Eritrea on Monday.", "dissidents", "ERIOPP"),
    ("Ghana accepted refugees from war-torn Togo.", "refugees", "TGOCVL"),
    ("The general withdrew soldiers from Lebanon on Friday.", "soldiers", None),
]




def _assert_coded(actor: Actor, code: str | None) -> None:
    """``code`` None: the actor has no country."""
    if code is None:
        assert actor.country is None
    else:
        assert actor.code == code


@pytest.mark.model
def test_waters_named_after_a_country_are_not_that_country(find: FindMentions) -> None:
    mentions, _ = find("A tanker was seized in the Gulf of Oman, not the South China Sea.", DAY)
    assert all(mention.actor.country not in {"OMN", "CHN"} for mention in mentions)


@pytest.mark.model
def test_a_former_office_gives_no_role(find: FindMentions) -> None:
    mentions, heads = find("Former Peruvian president Alberto Ruiz Soto was arrested.", DAY)
    person = _headed(mentions, heads, "Soto")
    assert (person.actor.country, person.actor.role) == ("PER", None)


@pytest.mark.model
def test_armed_group_of_no_country_fights_where_its_sentence_puts_it(find: FindMentions) -> None:
    mentions, heads = find("Al-Qaeda fighters ambushed a convoy north of Sanaa on Friday.", DAY)
    assert _headed(mentions, heads, "fighters").actor.country == "YEM"
    mentions, heads = find("Jordan said Islamic State planned attacks on Syria and Iraq.", DAY)
    assert _headed(mentions, heads, "State").actor.country is None


@pytest.mark.model
def test_gazetteer_names_match_only_as_written(find: FindMentions) -> None:
    mentions, _ = find("She bought mascara in a shop near the queensland border.", DAY)
    assert mentions == []


@pytest.mark.model
def test_a_body_named_after_its_country_is_that_country_s(find: FindMentions) -> None:
    mentions, heads = find(
        "President Ana Ruiz Soto resigned after pressure from the Zambia Anti-Graft Bureau.", DAY
    )
    bureau = _headed(mentions, heads, "Bureau").actor
    assert (bureau.text, bureau.country) == ("Zambia Anti-Graft Bureau", "ZMB")
    assert _headed(mentions, heads, "Soto").actor.code == "ZMBGOV"


# A dateline is where the story was filed: never an actor, and the home of bare police, a
# bare government and protesters the text places nowhere else (rebels cross borders).
DATELINES = [
    ("KABUL, May 3 (Reuters) - Police arrested three men on Sunday.", "Police", "AFGCOP"),
    ("WASHINGTON (Reuters) - Police arrested two men near the White House.", "Police",
     "USACOP"),
    ("NAIROBI: The government banned the march in the city centre.", "government", "KENGOV"),
    ("HANOI - Protesters blocked the road to the port.", "Protesters", "VNMCVL"),
    ("QUITO (AP) - A bomb went off in a market. Police arrested three men.", "Police",
     "ECUCOP"),
    ("BEIRUT (Reuters) - Rebels shelled the airport on Sunday.", "Rebels", None),
    ("BEIRUT/AMMAN (Reuters) - Police arrested two men on Sunday.", "Police", None),
    ("LYON: Interpol will send a team to identify the victims.", "Interpol", "IGOCOPITP"),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "head", "code", "after_dateline"),
    [(*row, False) for row in COUNTRY_FROM_SENTENCE] + [(*row, True) for row in DATELINES],
)
def test_country_from_the_sentence_or_dateline_only_when_clear(
    find: FindMentions, text: str, head: str, code: str | None, after_dateline: bool
) -> None:
    """A dateline's words are no actor: the first mention is the one after it."""
    mentions, heads = find(text, DAY)
    if after_dateline:
        assert heads[0] == head
    _assert_coded(_headed(mentions, heads, head).actor, code)


@pytest.mark.model
def test_capitals_opening_prose_are_no_dateline(find: FindMentions) -> None:
    mentions, heads = find("NATO said on Monday it would send more troops - and soon.", DAY)
    assert heads[0] == "NATO"
    assert mentions[0].actor.code.startswith("IGO")


@pytest.mark.model
def test_a_campaign_named_after_its_title_is_no_actor(find: FindMentions) -> None:
    mentions, _ = find("Kenya Army launched an offensive, Operation Linda-Nchi, in October.",
                           DAY)
    assert not any(mention.actor.name and "Nchi" in mention.actor.name for mention in mentions)
