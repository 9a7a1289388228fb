"""One coded sentence per CAMEO root, written for these tests, through the whole pipeline.

Each case checks what a reader of the coded data relies on: who acted (country), on whom,
which root, and that the event is asserted. The sentences are plain news-style English, so
a failure means a cue, a parse pattern or the argument picker regressed.
"""

from __future__ import annotations

import pytest

from realpolitik.pipeline import code_text
from realpolitik.records import Event

CASES: list[tuple[str, str, str, str]] = [
    ("01", "France expressed deep concern about the fighting in Chad.", "FRA", "TCD"),
    ("02", "Kenya urged Somalia to hold talks with the rebels.", "KEN", "SOM"),
    ("03", "Japan pledged to send food aid to Nepal.", "JPN", "NPL"),
    ("04", "The Egyptian foreign minister met his Jordanian counterpart on Tuesday.", "EGY", "JOR"),
    ("05", "Brazil praised Argentina for its handling of the debt crisis.", "BRA", "ARG"),
    ("06", "Norway and Sweden conducted joint military exercises.", "NOR", "SWE"),
    ("07", "Canada sent humanitarian aid to Haiti on Friday.", "CAN", "HTI"),
    ("08", "Ethiopia released 20 Eritrean prisoners on Sunday.", "ETH", "ERI"),
    ("09", "Sweden launched an investigation into Russia's role in the attack.", "SWE", "RUS"),
    ("10", "Turkey demanded that Greece withdraw its troops from the islands.", "TUR", "GRC"),
    ("11", "Pakistan accused India of shelling villages along the border.", "PAK", "IND"),
    ("12", "Armenia rejected the proposal from Azerbaijan.", "ARM", "AZE"),
    ("13", "North Korea threatened to attack South Korea.", "PRK", "KOR"),
    ("14", "Thousands of Kenyan students protested against the government in Nairobi.",
     "KEN", "KEN"),
    ("15", "China mobilized troops along its border with Vietnam.", "CHN", "VNM"),
    ("16", "The United States imposed sanctions on Venezuela.", "USA", "VEN"),
    ("17", "Iranian police arrested a French journalist in Tehran.", "IRN", "FRA"),
    ("18", "Somali militants kidnapped three Kenyan aid workers.", "SOM", "KEN"),
    ("19", "Ukrainian forces shelled Russian positions near the river.", "UKR", "RUS"),
    ("20", "Serbian forces massacred hundreds of Bosnian civilians.", "SRB", "BIH"),
]


def _asserted(text: str) -> list[Event]:
    return [event for event in code_text(text).events if event.mode == "asserted"]


def _dyad(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


@pytest.mark.model
@pytest.mark.parametrize(("root", "text", "source", "target"), CASES, ids=[c[0] for c in CASES])
def test_each_root_is_coded_with_its_dyad(root: str, text: str, source: str, target: str) -> None:
    coded = {(event.root, *_dyad(event)) for event in _asserted(text)}
    assert (root, source, target) in coded


@pytest.mark.model
def test_reported_obligation_is_a_demand() -> None:
    events = _asserted("Russia said on Tuesday that Georgia must return the seized helicopter.")
    assert ("10", "RUS", "GEO") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_refused_cooperation_is_a_rejection() -> None:
    events = _asserted("Obama said he would not provide support to Israel.")
    assert ("12", "USA", "ISR") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_readiness_to_act_is_an_intent() -> None:
    events = _asserted("Japan is ready to send food aid to Nepal.")
    assert ("03", "JPN", "NPL") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_bombing_named_after_light_verb_sets_the_code() -> None:
    events = _asserted("Kenyan militants carried out a suicide bombing against Somalia.")
    assert "1831" in {event.cameo for event in events}


@pytest.mark.model
def test_leaders_of_an_organisation_act_for_it() -> None:
    events = _asserted("Leaders of NATO called on Serbia to withdraw its troops.")
    sources = {event.source.code for event in events if event.source and event.root == "02"}
    assert "IGONATO" in sources


@pytest.mark.model
def test_protest_with_no_addressee_targets_the_host_government() -> None:
    events = _asserted("Hundreds of Greek farmers staged a rally in Athens on Monday.")
    assert ("14", "GRC", "GRC") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_future_act_itself_is_not_asserted() -> None:
    events = code_text("Japan will send food aid to Nepal next month.").events
    assert {event.mode for event in events if event.root == "07"} == {"future"}


@pytest.mark.model
def test_weighing_an_act_is_considering_it() -> None:
    events = _asserted("Norway is considering sending troops to Mali.")
    assert ("01", "NOR", "MLI") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_claiming_another_attacked_is_an_accusation() -> None:
    events = _asserted("Georgia claimed that Russia had attacked its border posts.")
    assert ("11", "GEO", "RUS") in {(event.root, *_dyad(event)) for event in events}


@pytest.mark.model
def test_apposition_is_the_same_actor_not_a_second_party() -> None:
    events = code_text("A member of the Kenyan parliament, John Otieno, began a hunger strike.")
    dyads = {(event.source.text if event.source else None,
              event.target.text if event.target else None) for event in events.events}
    assert ("John Otieno", "Kenyan parliament") not in dyads
    assert ("Kenyan parliament", "John Otieno") not in dyads


def _dyads(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(event.cameo, *_dyad(event)) for event in _asserted(text)}


@pytest.mark.model
def test_participle_on_an_issued_text_speaks_for_its_issuer() -> None:
    dyads = _dyads("Hundreds of Chilean students published a letter demanding reforms from Peru.")
    assert any(code.startswith("10") and (src, tgt) == ("CHL", "PER") for code, src, tgt in dyads)


@pytest.mark.model
def test_mediation_effort_has_the_mediator_as_source_of_both_dyads() -> None:
    dyads = _dyads("Qatar launched a mediation effort between Sudan and Chad.")
    assert {("045", "QAT", "SDN"), ("045", "QAT", "TCD")} <= dyads


@pytest.mark.model
def test_wanting_another_to_act_is_an_appeal() -> None:
    assert ("020", "GEO", "RUS") in _dyads("Georgia wants Russia to pay compensation.")


@pytest.mark.model
def test_cancelled_visit_reduces_relations() -> None:
    assert ("161", "NPL", "IND") in _dyads("Nepal cancelled a planned visit to India.")


@pytest.mark.model
def test_act_promised_on_a_condition_is_a_threat() -> None:
    dyads = _dyads("Nigeria will withdraw its troops from Chad unless Chad pays them.")
    assert any(code.startswith("13") and (src, tgt) == ("NGA", "TCD") for code, src, tgt in dyads)


@pytest.mark.model
def test_setting_fire_to_offices_destroys_property() -> None:
    dyads = _dyads("Israeli settlers set fire to the offices of the Palestinian Authority.")
    assert ("1712", "ISR", "PSE") in dyads


@pytest.mark.model
def test_predicate_adjective_is_a_statement() -> None:
    dyads = _dyads("Chile said it was pessimistic about the talks with Bolivia.")
    assert ("012", "CHL", "BOL") in dyads


@pytest.mark.model
def test_arrest_warrant_targets_the_wanted() -> None:
    dyads = _dyads("A court in Peru issued an arrest warrant for two Chilean officers.")
    assert any(code == "173" and (src, tgt) == ("PER", "CHL") for code, src, tgt in dyads)
