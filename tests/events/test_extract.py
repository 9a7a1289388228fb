"""One coded sentence per CAMEO root, written for these tests, through the whole pipeline.

Each case checks what a reader of the coded data relies on: who acted (country), on whom,
which root, and that the event is asserted. The sentences are plain news-style English, so
a failure means a cue, a parse pattern or the argument picker regressed.
"""

from __future__ import annotations

import pytest

from realpolitik.actors import Mention
from realpolitik.events.arguments import same_actor
from realpolitik.pipeline import code_text
from realpolitik.records import Actor, Event

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
def test_accepted_invitation_promises_a_meeting_with_the_host() -> None:
    events = _asserted("Chile's president accepted an invitation from Peru to visit Lima.")
    assert ("036", "CHL", "PER") in {(event.cameo, *_dyad(event)) for event in events}


@pytest.mark.model
@pytest.mark.parametrize(("text", "cameo", "source", "target"), [
    ("Peru returned the looted statues to Mexico on Friday.", "0842", "PER", "MEX"),
    ("Canadian instructors trained Ghanaian soldiers last year.", "062", "CAN", "GHA"),
    ("Fijian troops participate in peacekeeping operations in Lebanon.", "074", "FJI", "LBN"),
    ("Chile and Peru staged naval war games in the Pacific.", "062", "CHL", "PER"),
    ("Chile and Peru staged naval war games in the Pacific.", "062", "PER", "CHL"),
    ("Kenya offered to send troops to Somalia to help the army.", "0334", "KEN", "SOM"),
    ("Kenya offered to send troops to help the Somali army.", "0334", "KEN", "SOM"),
    ("Kenya sent troops to help the Somali army.", "074", "KEN", "SOM"),
    ("Mexico suspended a new tax on Canadian lumber.", "085", "MEX", "CAN"),
    ("A Spanish judge approved the extradition of a Colombian banker.", "063", "ESP", "COL"),
    ("Kenya's mediation between Ethiopia and Eritrea resumed.", "045", "KEN", "ERI"),
    ("Three Danish journalists were expelled from Bolivia on Sunday.", "174", "BOL", "DNK"),
])
def test_material_cooperation_with_an_object_of_its_kind(
    text: str, cameo: str, source: str, target: str
) -> None:
    assert (cameo, source, target) in {(event.cameo, *_dyad(event)) for event in _asserted(text)}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Kenyan navy carried out a rescue operation off Somalia.",
    "The presidents of Chile and Peru will gather for talks in Lima.",
])
def test_acts_that_only_look_like_attacks_or_protests_are_not_coded_so(text: str) -> None:
    assert not [event for event in code_text(text).events if event.root in {"14", "18", "19"}]


@pytest.mark.model
def test_a_state_claiming_its_army_s_deed_accuses_nobody() -> None:
    own = _asserted("Chile claimed that the Chilean army had shelled rebel camps in Peru.")
    assert not [event for event in own if event.root == "11"]
    other = _asserted("Chile claimed that the Bolivian army had shelled villages in Peru.")
    assert ("11", "CHL", "BOL") in {(event.root, *_dyad(event)) for event in other}


@pytest.mark.model
def test_warplanes_bombing_a_city_strike_its_country() -> None:
    events = _asserted("Iraqi warplanes bombed Raqqa on Monday.")
    assert any(event.root == "19" and _dyad(event) == ("IRQ", "SYR") for event in events)


@pytest.mark.model
def test_a_call_on_a_weekday_is_no_call_on_somebody() -> None:
    phoned = _asserted("Peru called Chile on Tuesday to discuss trade.")
    assert not [event for event in phoned if event.root == "02"]
    assert ("041", "PER", "CHL") in {(event.cameo, *_dyad(event)) for event in phoned}
    assert not [event for event in _asserted("Peru called Chile a rogue state.")
                if event.cameo == "041"]
    assert ("02", "PER", "CHL") in {(event.root, *_dyad(event)) for event in
                                    _asserted("Peru called on Chile to stop the shelling.")}


@pytest.mark.model
def test_joint_drills_still_show_force_to_the_country_they_are_held_near() -> None:
    coded = {(event.cameo, *_dyad(event))
             for event in _asserted("Russia and China held naval drills near Japan.")}
    assert {("062", "RUS", "CHN"), ("150", "RUS", "JPN")} <= coded


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


@pytest.mark.model
def test_repeated_demand_noun_is_a_demand() -> None:
    dyads = _dyads("Egypt repeated its demand that Sudan release the detained fishermen.")
    assert any(code.startswith("10") and (src, tgt) == ("EGY", "SDN") for code, src, tgt in dyads)
    assert not any(src == "SDN" for _, src, _ in dyads)


@pytest.mark.model
def test_stance_participle_has_its_subject_as_source() -> None:
    dyads = _dyads("Peru is opposed to Chilean mediation in the dispute.")
    assert any(code.startswith("12") and (src, tgt) == ("PER", "CHL") for code, src, tgt in dyads)


@pytest.mark.model
def test_announced_suspension_is_the_act_not_a_statement() -> None:
    dyads = _dyads("Spain announced a suspension of flights with Morocco.")
    assert ("160", "ESP", "MAR") in dyads
    assert not any(code.startswith("01") for code, _, _ in dyads)


@pytest.mark.model
def test_denied_permission_is_a_rejection() -> None:
    dyads = _dyads("Hungary denied landing permission to Serbian planes.")
    assert any(code.startswith("12") and src == "HUN" for code, src, _ in dyads)


@pytest.mark.model
def test_killing_a_leader_is_an_assassination() -> None:
    assert ("186", "IRQ", "SYR") in _dyads("Iraqi gunmen killed a Syrian minister in Baghdad.")


@pytest.mark.model
def test_attempted_attack_is_coded_as_the_attack() -> None:
    dyads = _dyads("Kenyan rebels attempted to assassinate the Ugandan president.")
    assert ("185", "KEN", "UGA") in dyads


@pytest.mark.model
def test_passive_killing_takes_its_agent_from_the_strike() -> None:
    dyads = _dyads("Two Syrian soldiers were killed in a Turkish air strike.")
    assert any(code.startswith("19") and (src, tgt) == ("TUR", "SYR") for code, src, tgt in dyads)


@pytest.mark.model
def test_receiving_a_minister_hosts_a_visit() -> None:
    assert ("043", "GHA", "TGO") in _dyads("Ghana received the Togolese foreign minister.")


@pytest.mark.model
def test_protest_is_aimed_at_whom_its_purpose_names() -> None:
    dyads = _dyads("Iraqi Kurds began a hunger strike to protest against Germany's decision.")
    assert any(code.startswith("14") and tgt == "DEU" for code, _, tgt in dyads)


@pytest.mark.model
def test_complaint_over_an_act_targets_its_author() -> None:
    dyads = _dyads("Chad complained to the United Nations over Libyan air raids.")
    assert ("114", "TCD", "LBY") in dyads


@pytest.mark.model
def test_handing_over_medicine_is_humanitarian_aid() -> None:
    assert ("073", "CHE", "IRN") in _dyads("Swiss doctors handed over medicine to Iran.")


@pytest.mark.model
def test_call_for_an_actor_to_act_is_an_appeal() -> None:
    dyads = _dyads("Norway called for Sudan to release the prisoners.")
    assert any(code.startswith("02") and (src, tgt) == ("NOR", "SDN") for code, src, tgt in dyads)


@pytest.mark.model
def test_threat_takes_its_code_from_the_object_of_a_plain_verb() -> None:
    dyads = _dyads("Egypt threatened to impose a blockade on Libya.")
    assert any(code.startswith("13") and (src, tgt) == ("EGY", "LBY") for code, src, tgt in dyads)


@pytest.mark.model
def test_subject_responsible_for_an_act_did_it() -> None:
    dyads = _dyads("The Syrian army is responsible for mass killings in Lebanon.")
    assert ("202", "SYR", "LBN") in dyads


@pytest.mark.model
def test_act_engaged_in_takes_the_engaged_subject() -> None:
    dyads = _dyads("Serbian forces were engaged in ethnic cleansing against Bosnian civilians.")
    assert ("203", "SRB", "BIH") in dyads


@pytest.mark.model
def test_nominal_act_as_subject_gives_the_verb_its_manner() -> None:
    dyads = _dyads("An Afghan roadside bombing killed two British soldiers.")
    assert ("1833", "AFG", "GBR") in dyads


@pytest.mark.model
def test_capturing_part_of_a_town_occupies_territory() -> None:
    dyads = _dyads("Ethiopian troops captured part of a Somali town.")
    assert any(code == "192" and src == "ETH" for code, src, _ in dyads)


@pytest.mark.model
def test_expelling_refugees_is_a_mass_expulsion() -> None:
    dyads = _dyads("The Kenyan army expelled thousands of Somali refugees from the camp.")
    assert ("201", "KEN", "SOM") in dyads


@pytest.mark.model
def test_issued_reminder_that_another_must_act_is_a_demand() -> None:
    dyads = _dyads("Germany issued a reminder to Iran that it must cooperate with the inspectors.")
    assert any(code.startswith("10") and (src, tgt) == ("DEU", "IRN") for code, src, tgt in dyads)


@pytest.mark.model
def test_refusing_to_let_an_actor_act_targets_that_actor() -> None:
    dyads = _dyads("Chad refused to allow Libyan planes to land.")
    assert any(code.startswith("12") and (src, tgt) == ("TCD", "LBY") for code, src, tgt in dyads)


@pytest.mark.model
def test_coordinated_countries_inside_a_phrase_both_act() -> None:
    dyads = _dyads("The presidents of Kenya and Uganda condemned the attack by Somalia.")
    sources = {src for code, src, _ in dyads if code.startswith("11")}
    assert {"KEN", "UGA"} <= sources


@pytest.mark.model
def test_war_games_are_a_show_of_force() -> None:
    dyads = _dyads("Iranian warships launched war games in the Gulf near Kuwait.")
    assert not any(code.startswith("19") for code, _, _ in dyads)


def _mention(kind: str, name: str, code: str) -> Mention:
    return Mention(0, 1, 0, Actor(name, name, code, code[:3], None), kind)


def test_person_and_his_own_people_are_two_actors() -> None:
    leader = _mention("person", "Charles Taylor", "LBR")
    assert not same_actor(leader, _mention("country", "Liberia", "LBR"))
    assert same_actor(leader, _mention("pronoun", "Charles Taylor", "LBR"))
    assert same_actor(_mention("country", "Liberia", "LBR"), _mention("capital", "Liberia", "LBR"))


@pytest.mark.model
def test_plain_statement_about_nobody_is_no_event() -> None:
    assert not _asserted("Kenya said on Monday that the weather was fine.")


@pytest.mark.model
def test_speakers_own_forces_act_for_the_speaker() -> None:
    dyads = _dyads("Syria said its forces will withdraw from Lebanon.")
    assert any(code.startswith("03") and (src, tgt) == ("SYR", "LBN") for code, src, tgt in dyads)


@pytest.mark.model
def test_rejecting_an_offer_of_talks_rejects_negotiation() -> None:
    dyads = _dyads("India rejected an offer from Pakistan for direct talks.")
    assert ("125", "IND", "PAK") in dyads


@pytest.mark.model
def test_defacing_web_sites_is_a_cyber_attack() -> None:
    assert ("176", "RUS", "EST") in _dyads("Russian hackers defaced Estonian web sites.")


@pytest.mark.model
def test_threat_targets_whom_its_condition_names() -> None:
    dyads = _dyads("Iran threatened to halt the talks unless France lifted its sanctions.")
    assert any(code.startswith("13") and (src, tgt) == ("IRN", "FRA") for code, src, tgt in dyads)


@pytest.mark.model
def test_saying_another_needs_to_act_is_an_appeal() -> None:
    dyads = _dyads("Germany said Greece needs to cut its spending.")
    assert any(code.startswith("02") and (src, tgt) == ("DEU", "GRC") for code, src, tgt in dyads)


@pytest.mark.model
def test_calling_for_sanctions_against_a_country_rallies_opposition() -> None:
    assert ("113", "KEN", "SDN") in _dyads("Kenya called for sanctions against Sudan.")


@pytest.mark.model
def test_agreeing_that_ones_own_forces_should_act_is_an_intent() -> None:
    dyads = _dyads("Norway agreed that its soldiers should help Mali.")
    assert any(code.startswith("03") and src == "NOR" for code, src, _ in dyads)
    assert not any(code.startswith("02") for code, _, _ in dyads)


@pytest.mark.model
def test_stone_throwing_resorted_to_is_a_violent_protest() -> None:
    dyads = _dyads("Iraqi protesters resorted to throwing stones at Turkish police.")
    assert ("145", "IRQ", "TUR") in dyads


@pytest.mark.model
def test_receiving_aid_from_someone_is_their_aid() -> None:
    dyads = _dyads("Kenyan farmers received emergency food from Japan on Monday.")
    assert ("073", "JPN", "KEN") in dyads
    assert not any(src == "KEN" for _, src, _ in dyads)


@pytest.mark.model
def test_allowing_the_return_of_inspectors_names_them_as_target() -> None:
    dyads = _dyads("Libya allowed the return of UN inspectors on Monday.")
    assert any(code.startswith("086") and src == "LBY" for code, src, _ in dyads)


@pytest.mark.model
def test_a_vessel_operated_by_a_group_belongs_to_it() -> None:
    events = _asserted("Spanish authorities released a ship operated by Oxfam on Tuesday.")
    assert any(
        event.root == "08" and event.target is not None and "Oxfam" in event.target.text
        for event in events
    )


@pytest.mark.model
def test_an_army_getting_ready_to_fight_shows_force_rather_than_threatens() -> None:
    dyads = _dyads("The Ethiopian army prepared to resume shelling Eritrean positions.")
    assert any(code.startswith("15") and (src, tgt) == ("ETH", "ERI") for code, src, tgt in dyads)
    assert not any(code.startswith("13") for code, _, _ in dyads)


@pytest.mark.model
def test_a_show_of_force_abroad_is_shown_to_its_host() -> None:
    dyads = _dyads("China held naval exercises near Taiwan on Monday.")
    assert any(code.startswith("15") and (src, tgt) == ("CHN", "TWN") for code, src, tgt in dyads)


@pytest.mark.model
def test_a_curfew_in_a_city_binds_its_residents() -> None:
    events = _asserted("Guinean police imposed a curfew in Conakry on Sunday.")
    assert any(e.cameo == "1723" and e.target and e.target.code == "GINCVL" for e in events)


@pytest.mark.model
def test_lifting_a_state_of_emergency_frees_the_country_s_people() -> None:
    events = _asserted("Peru's parliament lifted the state of emergency.")
    assert any(e.cameo == "0814" and e.target and e.target.code == "PERCVL" for e in events)


@pytest.mark.model
def test_crimes_committed_by_someone_make_them_the_target() -> None:
    dyads = _dyads("Chilean judges opened an inquiry into killings committed by Bolivian troops.")
    assert any(code.startswith("09") and (src, tgt) == ("CHL", "BOL") for code, src, tgt in dyads)


@pytest.mark.model
def test_coordinated_verbs_share_their_target() -> None:
    dyads = _dyads("Japan donated and delivered food to Laos last week.")
    assert any(code.startswith("07") and (src, tgt) == ("JPN", "LAO") for code, src, tgt in dyads)


@pytest.mark.model
def test_forcing_an_agency_out_of_a_country_expels_it() -> None:
    dyads = _dyads("Eritrea forced the UN refugee agency out of the country in March.")
    assert any(code == "1663" and src == "ERI" for code, src, _ in dyads)


@pytest.mark.model
def test_peacekeepers_arriving_are_provided_not_visiting() -> None:
    dyads = _dyads("Nepalese peacekeeping troops arrived in Lebanon on Monday.")
    assert ("074", "NPL", "LBN") in dyads
    assert not any(code == "042" for code, _, _ in dyads)


@pytest.mark.model
def test_postponing_a_demonstration_eases_dissent() -> None:
    events = code_text("Bolivian opposition leaders postponed the demonstration in La Paz.").events
    assert any(event.cameo == "082" for event in events)


@pytest.mark.model
def test_a_hostile_possibility_on_a_condition_is_a_threat() -> None:
    dyads = _dyads("Turkey could close its border with Syria if the fighting spreads.")
    assert any(code.startswith("13") and (src, tgt) == ("TUR", "SYR") for code, src, tgt in dyads)


@pytest.mark.model
def test_readiness_reported_as_would_is_a_stated_intent() -> None:
    events = code_text(
        "Omani Foreign Minister Salim Rashid was quoted as saying he would be ready to host talks "
        "between Iran and Saudi Arabia."
    ).events
    assert any(event.root == "03" and event.mode == "asserted" for event in events)


@pytest.mark.model
def test_claiming_ones_own_deed_accuses_nobody() -> None:
    dyads = _dyads("Turkey claimed that it had struck Kurdish positions in Syria.")
    assert not any(code.startswith("11") for code, _, _ in dyads)
    assert any(code == "015" and src == "TUR" for code, src, _ in dyads)


@pytest.mark.model
def test_coordinated_callers_do_not_appeal_to_each_other() -> None:
    dyads = _dyads("Chile, Peru and Bolivia called on the electoral council to publish tallies.")
    assert not any({src, tgt} <= {"CHL", "PER", "BOL"} for _, src, tgt in dyads)


@pytest.mark.model
def test_coordinated_signatories_face_each_other() -> None:
    dyads = _dyads("Chile and Peru signed a trade agreement on Monday.")
    assert {("057", "CHL", "PER"), ("057", "PER", "CHL")} <= dyads


@pytest.mark.model
def test_a_venue_is_no_party_to_a_reciprocal_act() -> None:
    dyads = _dyads("Qatar and Bahrain agreed to restore diplomatic ties after talks in Riyadh.")
    assert any((src, tgt) == ("QAT", "BHR") for _, src, tgt in dyads)
    assert not any(tgt == "SAU" for _, _, tgt in dyads)


@pytest.mark.model
def test_barring_people_from_doing_something_restricts_them() -> None:
    dyads = _dyads("The Iranian government barred Afghan refugees from entering Tehran province.")
    assert any(code.startswith("172") and src == "IRN" for code, src, _ in dyads)


@pytest.mark.model
def test_a_barrage_of_rockets_is_fired_artillery_not_small_arms() -> None:
    dyads = _dyads("Hamas fired dozens of rockets into southern Israel on Monday.")
    assert ("194", "PSE", "ISR") in dyads


@pytest.mark.model
def test_an_amount_in_aid_is_the_aid_pledged() -> None:
    dyads = _dyads("Norway pledged $200 million in aid to Sudan.")
    assert any(code.startswith("033") and (src, tgt) == ("NOR", "SDN") for code, src, tgt in dyads)


@pytest.mark.model
def test_gunmen_killing_villagers_in_a_country_are_its_militants() -> None:
    dyads = _dyads("Gunmen killed 12 villagers in northern Mali on Sunday, officials said.")
    assert any(code.startswith("19") and (src, tgt) == ("MLI", "MLI") for code, src, tgt in dyads)


@pytest.mark.model
def test_resigning_takes_no_target_from_the_flight_that_follows() -> None:
    events = _asserted("Nepal's prime minister resigned and fled to India on Monday.")
    assert not any(event.root == "08" and event.target is not None for event in events)


@pytest.mark.model
def test_a_government_protesting_at_home_is_not_its_own_target() -> None:
    events = code_text("Chile's foreign ministry summoned Peru's envoy to protest the move.").events
    assert all(
        event.target is None or event.source is None or event.target.code != event.source.code
        for event in events
    )


@pytest.mark.model
def test_violence_done_for_a_purpose_takes_its_victims_from_it() -> None:
    events = _asserted("Bolivian police opened fire to disperse Peruvian smugglers at the border.")
    assert any(e.root == "19" and e.target and e.target.country == "PER" for e in events)


@pytest.mark.model
def test_violence_with_no_named_attacker_is_coded_to_the_place() -> None:
    events = _asserted("Six Chadian soldiers were killed in northern Niger on Friday.")
    assert any(
        e.root in {"18", "19"} and e.source and e.source.country == "NER"
        and e.target and e.target.country == "TCD"
        for e in events
    )


@pytest.mark.model
def test_facing_pressure_delivers_no_demand() -> None:
    dyads = _dyads("Ghana faces pressure from Togo to reopen the border.")
    assert not any(code.startswith("10") and src == "GHA" for code, src, _ in dyads)


@pytest.mark.model
def test_a_trip_still_to_come_states_no_intent() -> None:
    events = code_text("The talks come a day before Macron flies to Beijing.").events
    assert events
    assert not any(event.mode == "asserted" for event in events)


@pytest.mark.model
def test_protesters_wrecking_property_are_rioting() -> None:
    events = _asserted("Kenyan protesters torched police cars in Nairobi on Tuesday.")
    assert any(e.cameo == "145" and e.source and e.source.country == "KEN" for e in events)


@pytest.mark.model
def test_recalled_violence_gets_no_unnamed_attacker() -> None:
    events = _asserted("Chile wants Peru to compensate the families of miners killed in Bolivia.")
    assert not any(e.root in {"18", "19"} for e in events)


@pytest.mark.model
def test_declining_to_comment_needs_no_target() -> None:
    events = _asserted("The Government of Eritrea declined to comment on the dispute.")
    assert any(e.cameo == "011" and e.source and e.source.code == "ERIGOV" for e in events)



LEXICON_CASES: list[tuple[str, str, str, str]] = [
    ("Ghana has agreed to a ceasefire with Togo.", "0356", "GHA", "TGO"),
    ("Canada reduced military aid to Peru by $20 million.", "1622", "CAN", "PER"),
    ("Kenya withdrew its peacekeepers from Somalia.", "1661", "KEN", "SOM"),
    ("Mali has expelled some of the Swedish peacekeepers.", "1661", "MLI", "SWE"),
    ("Brazil reduced tariffs on Argentine steel.", "085", "BRA", "ARG"),
]


# Constructions and everyday verbs, one sentence each (written for these tests): the
# expected code prefix and dyad must be among the asserted events.
CONSTRUCTION_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    ("enabling-purpose", "Jordan opened the border crossing to allow aid convoys into Syria.",
     "0863", "JOR", "SYR"),
    ("team-of-observers",
     "Georgia's president received a team of observers from the OSCE on Monday.",
     "0862", "GEO", None),
    ("renege", "Malawi's president reneged on his commitment to Zambia over the dam.",
     "12", "MWI", "ZMB"),
    ("lapse", "The African Union failed to renew the arms embargo on Sudan.", "085", None, "SDN"),
    ("press-for", "Brazil is pressing hard for Argentina to reopen the border.",
     "10", "BRA", "ARG"),
    ("joint-exercises", "Chile and Peru began a new round of joint naval exercises in the Pacific.",
     "062", "CHL", "PER"),
    ("passive-pair", "Two Kenyan soldiers were detained in May and released by Somali police.",
     "08", "SOM", "KEN"),
    ("permission-withheld", "Egypt said it would not give Israel permission to use its airspace.",
     "12", "EGY", "ISR"),
    ("travel-warning", "Germany advised against all travel to Haiti on Thursday.",
     "160", "DEU", "HTI"),
    ("pressure", "Chinese officials pressured Nepal to close its border with Tibet.",
     "10", "CHN", "NPL"),
    ("issued-in-place",
     "A report published in the Kenyan capital on Monday accused Uganda of arming rebels.",
     "11", "KEN", "UGA"),
    ("petition", "Kenyan farmers submitted a petition to the Ugandan embassy on Monday.",
     "02", "KEN", "UGA"),
    ("imposed-on", "Norway lifted the sanctions imposed on Belarus in 2020.", "085", "NOR", "BLR"),
    ("decision", "Japan has decided to lift the sanctions imposed on India.", "085", "JPN", "IND"),
    ("refugees-refused", "Hungary says it will not accept any more Afghan refugees.",
     "1223", "HUN", "AFG"),
    ("refuge", "Thousands of Sudanese have sought refuge in Chad since April.",
     "1033", "SDN", "TCD"),
    ("peacekeepers", "Irish troops have arrived in Lebanon to join the peacekeeping force.",
     "074", "IRL", "LBN"),
    ("made-it-clear", "The Chilean government has made it clear it will not lift the ban on Peru.",
     "12", "CHL", "PER"),
    ("visit", "Kenya's president visited Uganda on Monday.", "042", "KEN", "UGA"),
    ("visit-hosted", "Kenya's president visited Uganda on Monday.", "043", "UGA", "KEN"),
    ("talks", "Chile's foreign minister held talks with Peru's president in Lima.",
     "046", "CHL", "PER"),
    ("talks-reversed", "Chile's foreign minister held talks with Peru's president in Lima.",
     "046", "PER", "CHL"),
    ("ceasefire-agreed", "Ghana has agreed to a ceasefire with Togo.", "0356", "GHA", "TGO"),
    ("military-aid-cut", "Canada reduced military aid to Peru by $20 million.",
     "1622", "CAN", "PER"),
    ("peacekeepers-withdrawn", "Kenya withdrew its peacekeepers from Somalia.",
     "1661", "KEN", "SOM"),
    ("some-of", "Mali has expelled some of the Swedish peacekeepers.", "1661", "MLI", "SWE"),
    ("tariffs", "Brazil reduced tariffs on Argentine steel.", "085", "BRA", "ARG"),
    ("there-were-killed", "There were six Malian soldiers killed in Niger on Monday.",
     "19", "NER", "MLI"),
    ("killed-in-armed-fire", "Two Eritrean farmers were killed in Ethiopian artillery fire.",
     "19", "ETH", "ERI"),
    ("raids-in-a-country", "Sudanese militias carried out raids in eastern Chad.",
     "19", "SDN", "TCD"),
    ("pressure-received",
     "The Kenyan president faces pressure from the United States to release the journalists.",
     "10", "USA", "KEN"),
    ("claimed-deed",
     "A Somali militant group claimed responsibility for a bombing at a hotel in the Kenyan "
     "capital.", "015", "SOM", "KEN"),
    ("attacked-speaker-accuses", "Chad said a rocket was fired at it from Sudan on Friday.",
     "112", "TCD", "SDN"),
    ("ied", "Two Kenyan policemen were killed by an improvised explosive device in Mandera.",
     "1833", "KEN", "KEN"),
    ("explosive-device", "Two Kenyan policemen were wounded by an explosive device in Mandera.",
     "183", "KEN", "KEN"),
    ("sent-to-investigate",
     "Kenya sent a team of police officers to Somalia to investigate the killings.",
     "09", "KEN", "SOM"),
    ("imposed-on-passive", "New sanctions were imposed on Belarus by Canada in May.",
     "163", "CAN", "BLR"),
    ("weapon-fired-by", "A Chadian airliner was shot down by a missile fired by Sudanese troops.",
     "19", "SDN", "TCD"),
    ("weapon-believed-fired-by",
     "A Peruvian helicopter was blown up by a rocket believed to have been fired by Bolivian "
     "soldiers.", "190", "BOL", "PER"),
    ("weapon-that-planted",
     "Three Kenyan policemen were killed by a bomb that Somali militants had planted.",
     "19", "SOM", "KEN"),
    ("aircraft-downed", "Turkey downed a Syrian warplane near the border.", "190", "TUR", "SYR"),
    ("held-by-owner", "Kenyan jets attacked positions held by al-Shabaab in Somalia.",
     "19", "KEN", "SOM"),
    ("belonging-to-owner", "Kenyan jets attacked positions belonging to al-Shabaab.",
     "19", "KEN", "SOM"),
    ("emergency-supplies", "Kenya sent emergency supplies to Uganda.", "070", "KEN", "UGA"),
    ("medical-supplies", "Kenya sent medical supplies to Uganda.", "073", "KEN", "UGA"),
    ("military-supplies", "Kenya sent military supplies to Uganda.", "072", "KEN", "UGA"),
    ("invitation-to-meet", "Kenya accepted an invitation to meet with Uganda's president.",
     "036", "KEN", "UGA"),
    ("invitation-to-visit", "Kenya accepted an invitation to visit Tanzania.",
     "036", "KEN", "TZA"),
    ("agreed-a-deal", "Kenya and Uganda have agreed a free trade agreement.",
     "057", "KEN", "UGA"),
    # An offer or threat is made whatever it hangs on.
    ("willing-if-asked",
     "Kenya is willing to withdraw its troops from Somalia if it is asked to do so.",
     "0356", "KEN", "SOM"),
    ("ultimatum-if", "Kenya issued an ultimatum to Uganda, warning of military action if "
     "Uganda does not withdraw its troops.", "13", "KEN", "UGA"),
    ("threat-if", "Kenya threatened to shell Kampala if Uganda hits Nairobi.",
     "13", "KEN", "UGA"),
    # A concession held back until someone acts is refused to them.
    ("not-lift-until",
     "Kenya said it will not lift the embargo until Uganda releases the prisoners.",
     "1244", "KEN", "UGA"),
    ("cut-in-military-aid", "Kenya announced a cut in military aid to Uganda.",
     "1622", "KEN", "UGA"),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "source", "target"), [case[1:] for case in CONSTRUCTION_CASES],
    ids=[case[0] for case in CONSTRUCTION_CASES],
)
def test_construction_is_coded_with_its_dyad(
    text: str, code: str, source: str | None, target: str | None
) -> None:
    dyads = _dyads(text)
    assert any(found.startswith(code) and (src, tgt) == (source, target)
               for found, src, tgt in dyads)


@pytest.mark.model
def test_participle_misread_as_main_verb_acts_on_its_noun() -> None:
    dyads = _dyads("The Chadian soldiers jailed for attacking Sudan were pardoned by the Chadian "
                   "president.")
    assert not any(code.startswith("17") for code, _, _ in dyads)
    assert any(code.startswith("05") and src == "TCD" for code, src, _ in dyads)


@pytest.mark.model
def test_recognising_a_fact_recognises_no_state() -> None:
    assert not _dyads("The Kenyan army recognizes a Ugandan loan is the only way out.")
    assert ("054", "BTN", "XKX") in _dyads("Bhutan recognized Kosovo on Monday.")


@pytest.mark.model
def test_so_called_is_no_call() -> None:
    assert not any(code.startswith("04") for code, _, _ in
                   _dyads("Beijing holds one million Uighurs in so-called camps."))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan agreed to halt fighting over the region.",
    "Armenia and Azerbaijan agreed to stop fighting.",
    "Armenia agreed to end hostilities with Azerbaijan.",
])
def test_agreeing_to_end_fighting_promises_to_deescalate(text: str) -> None:
    dyads = _dyads(text)
    assert ("0356", "ARM", "AZE") in dyads
    assert not any(code.startswith(("13", "19")) for code, _, _ in dyads)


@pytest.mark.model
def test_act_hoped_for_by_another_is_no_stated_intent() -> None:
    dyads = _dyads("Kenya's foreign minister voiced hope that the new government in Uganda "
                   "will help Kenya.")
    assert not any(src == "UGA" for _, src, _ in dyads)


@pytest.mark.model
@pytest.mark.parametrize(("text", "made"), [
    ("The Kenyan union has said it will refuse to comply with the European Commission's rules.",
     True),
    ("The Kenyan opposition leader said he would file a complaint with Uganda's electoral "
     "commission.", False),
])
def test_announced_refusal_is_made_and_no_announcement_is_an_intent_to_cooperate(
    text: str, made: bool
) -> None:
    codes = [code for code, _, _ in _dyads(text)]
    assert any(code.startswith("12") for code in codes) is made
    assert not any(code.startswith("03") for code in codes)


@pytest.mark.model
def test_condolences_over_an_attack_are_the_event_and_the_city_is_no_attacker() -> None:
    dyads = _dyads("The Government of Kenya expressed its sincere condolences to the families "
                   "of those who died in the Kampala attack.")
    assert any(code == "018" and src == "KEN" for code, src, _ in dyads)
    assert not any(code.startswith("18") for code, _, _ in dyads)


@pytest.mark.model
def test_an_uprising_an_attack_happened_in_is_its_setting() -> None:
    dyads = _dyads("Two Tunisian gunmen killed nine tourists in Sousse in the worst attack in "
                   "the current Tunisian uprising.")
    assert not any(code.startswith("14") for code, _, _ in dyads)


@pytest.mark.model
def test_officials_speaking_of_their_own_country_address_nobody() -> None:
    dyads = _dyads("A Kenyan minister praised Uganda and said it was a vital partner for Kenya.")
    assert ("051", "KEN", "UGA") in dyads
    assert not any(code.startswith("01") and tgt == "KEN" for code, _, tgt in dyads)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president called Uganda's leader on Tuesday to congratulate him.",
        "Kenya's president on Tuesday called Uganda's envoy a liar.",
    ],
)
def test_calling_someone_is_no_appeal_without_on_or_for(text: str) -> None:
    assert not any(code.startswith("02") for code, _, _ in _dyads(text))


@pytest.mark.model
def test_attack_a_victim_reports_is_its_claim_and_its_accusation() -> None:
    events = code_text("Chad said a rocket was fired at it from Sudan on Friday.").events
    coded = {(event.root, *_dyad(event), event.mode) for event in events}
    assert ("19", "SDN", "TCD", "claimed") in coded
    assert ("11", "TCD", "SDN", "asserted") in coded


@pytest.mark.model
def test_attack_the_writer_tells_of_is_asserted_and_accuses_nobody() -> None:
    dyads = _dyads("The Chadian president urged his allies to send aid after Sudan fired "
                   "rockets at Chad on Monday.")
    assert any(code.startswith("19") and (src, tgt) == ("SDN", "TCD") for code, src, tgt in dyads)
    assert not any(code.startswith("11") for code, _, _ in dyads)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenyan inspectors want to re-examine the factories in Uganda.",
    "Kenya vowed to condemn Uganda at the summit.",
])
def test_wanting_to_investigate_or_criticise_states_no_intent(text: str) -> None:
    assert not any(event.root == "03" for event in _asserted(text))


@pytest.mark.model
def test_wanting_another_to_investigate_is_still_an_appeal() -> None:
    assert any(code.startswith("02") and (src, tgt) == ("KEN", "UGA")
               for code, src, tgt in _dyads("Kenya wants Uganda to investigate the attack."))


@pytest.mark.model
@pytest.mark.parametrize(("text", "hopeful"), [
    ("Kenya's foreign minister said she hoped Ugandan officials would be indicted for "
     "war crimes.", False),
    ("Kenya's foreign minister said she hoped Ugandan officials would be arrested.", False),
    ("Kenya's foreign minister said she hoped talks with Uganda would succeed.", True),
])
def test_hoping_for_harm_to_someone_is_no_optimism_about_them(text: str, hopeful: bool) -> None:
    assert (("013", "KEN", "UGA") in _dyads(text)) is hopeful


@pytest.mark.model
def test_an_apposition_names_the_object_again() -> None:
    dyads = _dyads("Rebels blew up the Kenya Airways Boeing 737 flight KQ507 over northern "
                   "Somalia.")
    assert ("190", "SOM", "KEN") in dyads
    assert not any(code == "1712" for code, _, _ in dyads)


@pytest.mark.model
def test_an_attack_is_not_made_by_whom_it_is_aimed_at() -> None:
    events = _asserted("A suicide attack on a Nato convoy killed eight Kenyan soldiers.")
    assert not any(event.source is not None and event.source.code == "IGONATO"
                   for event in events)


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    # Sending troops to fight is no fight yet.
    ("Chad sent troops to Mali to fight the rebels.", "19"),
    # A willingness inside a condition stays hypothetical.
    ("If Kenya is willing to withdraw its troops from Somalia, talks will follow.", "03"),
    # Getting ready to do what CAMEO has no code for states no intent.
    ("The Kenyan leader prepared to attend the Kampala marathon.", "03"),
], ids=["troops-sent-to-fight", "willing-inside-if", "prepared-for-uncoded-act"])
def test_an_act_not_yet_made_is_not_asserted(text: str, root: str) -> None:
    assert not any(code.startswith(root) for code, _, _ in _dyads(text))


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "source", "target"), [
    # A phrase setting the act in time, place or cause names nothing it acts on.
    ("The EU suspended humanitarian aid to Uganda in protest at the arrests.", "1623", "IGOEU",
     "UGA"),
    # A suspension of aid, named by a noun, stops aid.
    ("Kenya announced a suspension of aid to Uganda.", "162", "KEN", "UGA"),
    # Authorities closing a body down sanction it.
    ("The Kenyan government shut down two Ugandan newspapers.", "1721", "KEN", "UGA"),
    ("The Kenyan government shut down three Ugandan charities.", "172", "KEN", "UGA"),
    # "cease-fire" is a ceasefire.
    ("Kenya declared a cease-fire with the Somali rebels.", "0871", "KEN", "SOM"),
    # "let free", "set ... free" release.
    ("Kenya set free two Ugandan journalists.", "0841", "KEN", "UGA"),
    ("Kenya set two Ugandan journalists free.", "0841", "KEN", "UGA"),
    ("Kenya let free nearly three dozen Ugandan activists.", "0841", "KEN", "UGA"),
    # "refugees fleeing violence" parsed as a clause is still the object.
    ("Kenya will not accept Somali refugees fleeing the drought.", "1223", "KEN", "SOM"),
    # A light verb's own phrases tell a peacekeeping deployment.
    ("Kenya announced the deployment of 200 troops to Somalia on a peacekeeping mission.",
     "074", "KEN", "SOM"),
])
def test_objects_and_phrases_read_as_they_should(
    text: str, code: str, source: str, target: str
) -> None:
    assert any(event.cameo == code and event.source is not None
               and event.source.code.startswith(source) and _dyad(event)[1] == target
               for event in _asserted(text))


@pytest.mark.model
@pytest.mark.parametrize(("text", "root", "target"), [
    ("Kenya expressed its wish that Uganda would help Somalia.", "02", "UGA"),
    ("Kenya reiterated its demand that Uganda ease sanctions on Somalia.", "10", "UGA"),
])
def test_a_request_noun_with_a_subject_asks_that_subject(
    text: str, root: str, target: str
) -> None:
    dyads = _dyads(text)
    assert any(code.startswith(root) and (src, tgt) == ("KEN", target) for code, src, tgt in dyads)
    assert not any(code.startswith("03") for code, _, _ in dyads)


@pytest.mark.model
def test_a_visit_is_no_means_of_killing() -> None:
    dyads = _dyads("John Mwangi, Kenyan undersecretary of state for political affairs, paid his "
                   "respects to a Ugandan soldier killed in Somalia a decade ago during his trip "
                   "here earlier this week, the Kenyan embassy said.")
    assert not any(code.startswith("19") for code, _, _ in dyads)
