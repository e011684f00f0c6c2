"""Sub-codes the CAMEO manual tells apart: mediation accepted or rejected,
relations initiated or improved, agreements intended or signed, sexual assault.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from typing import Callable

Coded = Callable[[str], list]


def test_agreeing_to_mediation_is_accepting_it_and_the_mediator_is_the_target(coded: Coded) -> None:
    assert ("038", "MAR", "DZA") in coded("Morocco agreed to Algerian mediation in the border dispute.")


def test_rejecting_or_opposing_mediation_is_126(coded: Coded) -> None:
    assert ("126", "EGY", "QAT") in coded("Egypt rejected Qatari mediation in the dispute.")
    assert ("126", "KEN", "UGA") in coded("Kenya is opposed to Ugandan mediation in the conflict.")


def test_establishing_relations_is_recognition(coded: Coded) -> None:
    assert ("054", "VNM", "ISR") in coded("Vietnam has established diplomatic relations with Israel.")
    events = coded("Vietnam has improved relations with Israel.")
    assert [c for c, _, _ in events] == ["050"], events


def test_agreeing_on_a_trade_pact_is_intent_to_cooperate_economically_signing_it_is_057(coded: Coded) -> None:
    events = coded("Vietnam and Chile agreed on a new trade pact.")
    assert {c for c, _, _ in events} == {"0311"}, events
    events = coded("Vietnam and Chile signed a trade pact on Monday.")
    assert {c for c, _, _ in events} == {"057"}, events


def test_sexual_abuse_is_sexual_assault(coded: Coded) -> None:
    events = coded("Police officers sexually abused Chechen detainees, a report said.")
    assert [c for c, _, _ in events] == ["1821"], events


def test_deploying_peacekeeping_troops_is_providing_peacekeeping(coded: Coded) -> None:
    assert ("074", "IGOAFU", "SOM") in coded("The African Union deployed peacekeeping troops in Somalia.")


def test_peacekeepers_arriving_are_deployed_other_troops_visit(coded: Coded) -> None:
    assert ("074", "NGAMIL", "LBR") in coded("Nigerian peacekeepers arrived in Liberia on Monday.")
    assert [c for c, _, _ in coded("Nigerian troops arrived in Liberia on Monday.")] == ["042"]


def test_blocking_a_port_is_obstruction(coded: Coded) -> None:
    assert ("144", "CHLAGR", "CHLGOV") in coded("Farmers in Chile blocked the port of Valparaiso on Monday.")


def test_a_donation_is_aid_and_its_recipient_the_target(coded: Coded) -> None:
    # the parser hangs "to Kenya" on the counted object
    assert coded("Japan donated 20 buses to Kenya.") == [("070", "JPN", "KEN")]


def test_ordering_police_patrols_increases_police_alert(coded: Coded) -> None:
    events = coded("The Kenyan government ordered police patrols in Nairobi after the riots.")
    assert any(c == "153" and s == "KENGOV" for c, s, _ in events), events
    assert not any(c.startswith("10") for c, _, _ in events), events


def test_an_order_to_shut_down_is_a_restriction_not_a_demand(coded: Coded) -> None:
    events = coded("The Kenyan government ordered the opposition newspaper The Star to suspend publication.")
    assert [c for c, _, _ in events] == ["1721"], events
    events = coded("The Egyptian government ordered the Muslim Brotherhood to disband.")
    assert [(c, s) for c, s, _ in events] == [("172", "EGYGOV")], events


@pytest.mark.parametrize(("text", "dyad"), [
    ("The Turkish interior ministry removed the mayor from office on Sunday.", ("TURGOV", "GOV")),
    ("Pakistan's election commission barred the former prime minister from his seat.", ("PAKGOV", "PAKELI")),
])
def test_removal_from_office_is_an_administrative_sanction(coded: Coded, text: str, dyad: tuple) -> None:
    events = coded(text)
    assert [(c, s, t) for c, s, t in events if c == "172"], events
    assert events[0][1:] == dyad, events


def test_removing_protesters_from_a_square_is_no_removal_from_office(coded: Coded) -> None:
    assert not [c for c, _, _ in coded("Police removed protesters from the square.") if c == "172"]


def test_allowing_refugees_or_exiles_to_return_yields_a_right(coded: Coded) -> None:
    assert coded("Serbia allowed Albanian refugees to return to their villages.") == [("0833", "SRB", "ALBREF")]
    events = coded("The junta allowed the exiled opposition leader to return to Myanmar.")
    assert events == [("0833", "MMRGOV", "MMROPP")], events
    events = coded("Turkey will allow 5,000 Kurdish refugees who fled in 1991 to return home.")
    assert any(c == "0343" and s == "TUR" for c, s, _ in events), events


def test_the_organisation_behind_a_mission_admitted_is_the_target(coded: Coded) -> None:
    assert ("0862", "IRN", "IGOIAE") in coded("Iran admitted inspectors from the IAEA on Monday.")


def test_a_verdict_against_people_is_a_detention_and_against_a_body_a_finding_of_guilt(coded) -> None:
    # CAMEO 116: "when individuals are found guilty and are therefore detained, use 173"
    assert ("173", "EGYJUD", "EGYOPP") in coded("An Egyptian court convicted 12 activists of illegal assembly.")
    assert ("173", "TUNJUD", "TUNCVL") in coded("A Tunisian court sentenced 40 people to prison.")
    assert [c for c, _, _ in coded("A Paris court convicted the company Lafarge of financing terrorism.")] == ["116"]
    assert [c for c, _, _ in coded("A European court convicted Turkey of inhuman acts.")] == ["116"]


def test_a_harsh_judgement_is_criticism_of_whoever_is_judged(coded) -> None:
    assert ("111", "TURGOV", "ISRGOV") in coded("Erdogan called Netanyahu a war criminal.")
    assert ("111", "IRN", "ISR") in coded("Iran called the Israeli strikes a violation of its sovereignty.")
    text = ("Pakistani police arrested 300 opposition supporters on Sunday. "
            "The party said the arrests were illegal and unconstitutional.")
    assert any(c == "111" and t == "PAKCOP" for c, _, t in coded(text)), coded(text)
    text = "India launched missile strikes on Pakistan on Wednesday. Pakistan called the strikes \"an act of war\"."
    assert ("111", "PAK", "IND") in coded(text), coded(text)
    # the parser hangs "unacceptable" on "embassy": still the minister's judgement of the
    # protesters' attack (a riot, told as an attack and named with what it hit), and no
    # attack by the minister
    text = ("Protesters attacked the French embassy in Kinshasa on Tuesday. "
            "The French foreign minister called the attack on the embassy \"unacceptable\".")
    assert sorted(coded(text)) == [("111", "FRAGOV", "CODCVL"), ("145", "CODCVL", "FRAGOV")], coded(text)
    # a claim ("it") names no one; a phone call is no judgement
    assert coded("The information minister called it a lie.") == []
    assert coded("Putin called Biden on Tuesday.")[0][0] == "041"


def test_a_kind_word_on_talks_is_an_optimistic_comment_aimed_at_the_partner(coded) -> None:
    assert [c for c, _, _ in coded("Lavrov described his talks with Blinken as productive.")] == ["013"]
    assert [c for c, _, _ in coded("Erdogan called the visit a success.")] == ["013"]
    text = ("Armenia's prime minister and Azerbaijan's president held talks in Abu Dhabi on Tuesday. "
            "The Armenian prime minister said the meeting had been constructive and useful.")
    assert ("013", "ARMGOV", "AZEGOV") in coded(text), coded(text)
    # a harsh word is still criticism, a plain statement still 010
    assert [c for c, _, _ in coded("Erdogan called Netanyahu's visit a provocation.")] == ["111"]
    assert [c for c, _, _ in coded("The minister said the harvest was large.")] == ["010"]


def test_being_concerned_by_an_act_is_criticism_of_its_agent(coded) -> None:
    text = ("Mali's junta dissolved all political parties on Tuesday. "
            "ECOWAS said it was deeply concerned by the decision.")
    assert ("111", "IGOECW", "MLIGOV") in coded(text), coded(text)
    assert all(c != "111" for c, _, _ in coded("Residents were worried about prices."))


def test_denying_permission_is_a_refusal_not_a_denial_of_responsibility(coded) -> None:
    assert ("120", "RUS", "UKR") in coded("Russia turned down a Ukrainian request for talks.")
    assert ("120", "EGY", "SDNREF") in coded("Egypt denied visas to Sudanese refugees.")
    assert [c for c, _, _ in coded("The Egyptian government denied the allegations.")] == ["016"]


def test_suspending_a_tax_or_tariff_eases_an_economic_measure(coded) -> None:
    assert ("085", "FRA", "USABUS") in coded("France suspended a digital tax on U.S. tech companies.")
    assert [c for c, _, _ in coded("Turkey suspended the newspaper.")] == ["1721"]


def test_a_state_protests_by_complaint_people_in_the_street(coded: Coded) -> None:
    text = ("BEIJING, May 2 (Reuters) - China protested on Thursday against a U.S. warship's passage through "
            "the Taiwan Strait. Thousands of students protested against the new law in Taipei.")
    codes = [(c[:3], s) for c, s, _ in coded(text)]
    assert ("114", "CHN") in codes and all(not (c.startswith("14") and s == "CHN") for c, s in codes), codes
    assert any(c.startswith("141") and s == "TWNEDU" for c, s in codes), codes


def test_fighters_are_people_not_aircraft(coded: Coded) -> None:
    events = coded("Jihadist fighters killed at least 21 soldiers in an ambush in central Mali on Tuesday.")
    assert events and all(c != "195" for c, _, _ in events), events
    assert any(c == "195" for c, _, _ in coded("Israeli jets struck Lebanon on Tuesday.")), \
        coded("Israeli jets struck Lebanon on Tuesday.")


def test_armed_forces_firing_with_no_object_named_are_fighting(coded: Coded) -> None:
    assert any(c.startswith(("18", "19")) and s == "SDNREB" for c, s, _ in coded("Sudanese rebels reportedly shoot.")), \
        coded("Sudanese rebels reportedly shoot.")
    # people who are no combatants are not
    assert coded("Sudanese farmers reportedly shoot.") == []


@pytest.mark.parametrize(("text", "code"), [
    ("Russian warplanes bombed a hospital in Idlib on Monday.", "195"),    # bombing from the air
    ("Militants bombed a police station in Quetta.", "183"),               # a makeshift bombing
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", "1831"),
    ("Islamic State fighters massacred hundreds of Yazidis in Sinjar.", "202"),
    ("China lodged a formal complaint with Japan over the visit.", "114"),
    ("The Kenyan opposition filed a complaint against the electoral commission.", "115"),
])
def test_codes_the_codebook_gives_by_means_and_wording(coded, text, code):
    assert code in [c for c, _, _ in coded(text)], coded(text)


@pytest.mark.parametrize(("text", "code"), [
    ("Some protesters set parts of the parliament building on fire in Nairobi.", "145"),   # a crowd: a riot
    ("Several cars were set on fire in the Kenyan capital.", "145"),                     # arson in unrest
    ("Militants set a man on fire in northern Nigeria.", "180"),                         # a person: assault
])
def test_setting_something_on_fire_by_what_burns_and_who_sets_it(coded, text, code):
    assert [c for c, _, _ in coded(text)] == [code], coded(text)


def test_exchanging_prisoners_is_each_side_releasing_the_others_people(coded: Coded) -> None:
    events = coded("Ethiopia and Eritrea exchanged 40 prisoners of war at the border.")
    assert {("0841", "ETH", "ERI"), ("0841", "ERI", "ETH")} <= set(events), events
    assert [c for c, _, _ in coded("Ethiopian and Eritrean troops exchanged fire at the border.")] == ["190", "190"]


@pytest.mark.parametrize(("text", "code"), [
    # people expelled are deported (174); a group of another actor ordered out is 166
    ("Hungary expelled two Iranian students.", "174"),
    ("Burundi expelled the UN human rights monitors.", "1662"),
    # a ban on trade is an embargo
    ("Ukraine banned imports of Belarusian fuel.", "163"),
    # an attack on computers is a cyber attack
    ("Chinese hackers attacked the servers of the Philippine senate.", "176"),
    # a strike in other words
    ("Nurses in Harare walked off the job on Monday.", "143"),
    ("Miners in Potosi stayed off work for a second day.", "143"),
    # a weapons test is no attack
    ("Pakistan test-fired a nuclear-capable cruise missile.", "152"),
    ("Militants beheaded two police officers in Cabo Delgado.", "1823"),
])
def test_codes_told_apart_by_what_is_acted_on_and_wording(coded: Coded, text: str, code: str) -> None:
    assert code in [c for c, _, _ in coded(text)], coded(text)


def test_people_taken_by_armed_groups_are_abducted_by_the_state_arrested(coded: Coded) -> None:
    assert ("181", "NGAREB", "NGAMIL") in coded("Nigerian rebels captured four army soldiers near Maiduguri.")
    assert [c for c, _, _ in coded("Gunmen seized two Chinese engineers in Zamfara state.")] == ["181"]
    assert ("173", "NGACOP", "NGAMIL") in coded("Nigerian police captured four army soldiers near Maiduguri.")
    assert [c for c, _, _ in coded("Twelve journalists have been locked up in Belarus since May.")] == ["173"]


def test_a_charge_by_the_courts_is_legal_action_by_anyone_else_an_accusation(coded: Coded) -> None:
    assert ("173", "TURJUD", "TURGOV") in coded("The mayor was charged with corruption in Ankara on Friday.")
    assert [c for c, _, _ in coded("Human rights groups charged the army with torturing detainees.")] == ["1122"]
    # the murders the charge is over happened: coded too, though the accusation pattern governs them
    events = coded("Two men have been charged over the murders of three farmers in Limpopo.")
    assert {c[:2] for c, _, _ in events} >= {"17", "18"}, events


def test_a_government_deploying_its_own_army_shows_force_it_does_not_cooperate_with_it(coded: Coded) -> None:
    events = coded("The Nepalese government deployed the army in several districts after the riots.")
    assert "062" not in [c for c, _, _ in events] and "150" in [c for c, _, _ in events], events


@pytest.mark.parametrize(("text", "code"), [
    ("Burkina Faso ordered French troops out of the country.", "166"),
    ("Chad ordered the German ambassador to leave the country within 48 hours.", "161"),
    ("Eritrea told two Reuters journalists to leave the country.", "174"),
])
def test_ordering_someone_out_of_the_country_is_an_expulsion(coded: Coded, text: str, code: str) -> None:
    assert code in [c for c, _, _ in coded(text)], coded(text)


def test_ordering_people_out_of_a_room_or_a_square_is_no_expulsion(coded: Coded) -> None:
    events = coded("Police in Lagos ordered protesters to leave the square.")
    assert not [c for c, _, _ in events if c.startswith(("16", "174"))], events


def test_vowing_to_respond_is_a_threat_of_force(coded: Coded) -> None:
    assert [c for c, _, _ in coded("Iran vowed to respond to the Israeli strikes.")] == ["138"]


def test_two_sides_agreeing_to_a_ceasefire_agree_with_each_other(coded: Coded) -> None:
    events = coded("Armenia and Azerbaijan agreed to a ceasefire on Tuesday.")
    assert {("0356", "ARM", "AZE"), ("0356", "AZE", "ARM")} <= set(events), events


def test_readiness_for_talks_is_intent_and_a_recall_is_aimed_at_the_host(coded: Coded) -> None:
    assert [c for c, _, _ in coded("The Taliban said they were ready for talks with Pakistan.")] == ["036"]
    assert ("161", "PER", "VEN") in coded("Peru recalled its ambassador to Venezuela for consultations.")


@pytest.mark.parametrize("text, code, source, target", [
    ("Iran announced the suspension of talks with the IAEA.", "164", "IRN", "IGOIAE"),
    ("Bahrain announced the expulsion of the Iranian ambassador.", "161", "BHR", "IRNGOV"),
    ("The United States announced the suspension of military aid to Pakistan.", "162", "USA", "PAK"),
    ("Qatar's severance of ties with Egypt angered Cairo.", "161", "QAT", "EGY"),
    ("Moscow ordered the deployment of troops to the Ukrainian border.", "150", "RUSGOV", "UKR"),
    ("Turkey announced the closure of its border with Syria.", "191", "TUR", "SYR"),
    ("Armenia and Azerbaijan announced the signing of a peace deal.", "057", "ARM", "AZE"),
    ("Hamas announced the freeing of three Israeli hostages.", "0841", "PSEREB", "ISRCVL"),
    # a noun of the light verb's own act stands for its of-phrase's
    ("Washington announced the imposition of new sanctions on Iran.", "163", "USAGOV", "IRN"),
    ("Iran announced the resumption of talks with the IAEA.", "046", "IRN", "IGOIAE"),
])
def test_the_noun_of_an_act_with_its_object_in_an_of_phrase_is_the_act(coded, text, code, source, target) -> None:
    assert (code, source, target) in coded(text), coded(text)


def test_a_nominal_without_the_object_its_verb_needs_is_no_act(coded) -> None:
    # "suspension" alone, or of something the verb pattern does not name, codes nothing
    assert coded("The suspension of the match angered fans in Cairo.") == []


def test_an_act_noun_refers_to_the_act_told_with_its_own_verb_or_code_first(coded) -> None:
    text = ("Kenyan police shot dead five protesters in Nairobi on Tuesday. "
            "Soldiers abducted dozens of activists in Mombasa. The opposition condemned the killings.")
    assert [t for c, _, t in coded(text) if c == "111"] == ["KENCOP"], coded(text)
    text = ("Mexican soldiers arrested a senior cartel commander in Culiacan on Wednesday. "
            "The man had been indicted by a U.S. court in 2019. The U.S. ambassador praised the arrest.")
    assert [t for c, _, t in coded(text) if c == "051"] == ["MEXMIL"], coded(text)


@pytest.mark.parametrize("text, code, source, target", [
    ("Pakistan said it had shot down five Indian fighter jets.", "190", "PAK", "INDMIL"),
    ("Poland downed a Russian drone over its territory.", "190", "POL", "RUSMIL"),
    ("Police shot three protesters in Lagos.", "180", "NGACOP", "NGACVL"),
    ("Islamabad suspended all trade with India.", "163", "PAKGOV", "IND"),
    ("Turkey halted exports to Israel.", "163", "TUR", "ISR"),
    ("China raised its tariffs on U.S. goods to 84 percent on Wednesday.", "163", "CHN", "USA"),
    ("Israel blocked aid deliveries to Gaza.", "191", "ISR", "PSE"),
    ("Guyanese soldiers came under fire from Venezuelan troops.", "190", "VENMIL", "GUYMIL"),
    ("Guyanese soldiers came under fire near the Cuyuni River.", "190", None, "GUYMIL"),
    ("The European Union stepped up sanctions against Belarus.", "163", "IGOEUR", "BLR"),
    ("China announced the suspension of imports from Japan.", "163", "CHN", "JPN"),
])
def test_downing_aircraft_is_military_force_and_halting_trade_an_embargo(coded, text, code, source, target) -> None:
    assert (code, source, target) in coded(text), coded(text)


@pytest.mark.parametrize("text, code", [
    ("Protesters attacked the embassies of Rwanda, France and the United States in Kinshasa.", "145"),
    ("Angry students set fire to the rector's office in Dhaka.", "145"),
    ("There were reports of a house being torched by irate residents in Durban.", "145"),
    # armed men's violence stays what it is
    ("Rebels attacked a military base in northern Mali.", "190"),
    ("Militiamen torched 30 homes in the village.", "1712"),
    ("Serb forces blew up the mosque in 1993.", "1712"),
])
def test_violence_of_a_crowd_is_a_riot(coded, text, code) -> None:
    assert [c for c, _, _ in coded(text)][:1] == [code], coded(text)


@pytest.mark.parametrize("text, source, target", [
    ("North Korea threatened retaliation against South Korea.", "PRK", "KOR"),
    ("China warned of a crushing response if Taiwan declared independence.", "CHN", "TWN"),
    ("Russia promised revenge for the attack on its base.", "RUS", None),
])
def test_a_threat_named_by_its_noun_is_a_threat_of_force(coded, text, source, target) -> None:
    assert ("138", source, target) in coded(text), coded(text)


@pytest.mark.parametrize("text, source, target", [
    ("China announced anti-dumping duties on brandy from the European Union.", "CHN", None),
    ("The United States imposed duties on Canadian lumber.", "USA", "CAN"),
])
def test_duties_imposed_are_an_embargo(coded, text, source, target) -> None:
    assert ("163", source, target) in coded(text)


@pytest.mark.parametrize("text, code, target", [
    ("Germany approved 1.5 billion euros in military aid for Ukraine.", "072", "UKR"),
    ("Japan approved 200 million dollars in humanitarian aid for Sudan.", "073", "SDN"),
])
def test_money_in_aid_is_coded_by_what_the_aid_is_and_whom_it_is_for(coded, text, code, target) -> None:
    assert any(c == code and t == target for c, _, t in coded(text)), coded(text)


@pytest.mark.parametrize("text, expected", [
    ("Israeli forces carried out raids in the West Bank.", ("190", "ISRMIL", "PSE")),
    ("Israel carried out air raids on Gaza.", ("195", "ISR", "PSE")),
])
def test_raids_are_on_the_ground_unless_from_the_air(coded, text, expected) -> None:
    assert expected in coded(text)


def test_explosives_thrown_are_a_bombing_aimed_at_whom_they_were_thrown(coded) -> None:
    events = coded("The Israeli military said the soldiers opened fire after militants threw explosives at them.")
    assert any(c == "183" and t and t.endswith("MIL") for c, _, t in events), events


@pytest.mark.parametrize("text, expected", [
    ("Peruvian lawmakers voted to impeach President Pedro Castillo.", ("172", "PERLEG", "PERGOV")),
    ("The Israeli cabinet decided to impose sanctions on the Palestinian Authority.", ("163", "ISRGOV", "PSEGOV")),
])
def test_a_bodys_decision_is_coded_as_the_act_it_decides(coded, text, expected) -> None:
    events = coded(text)
    assert expected in events and not any(c.startswith("03") for c, _, _ in events), events


@pytest.mark.parametrize("text, expected", [
    ("Pakistani authorities suspended mobile internet in the capital.", ("1721", "PAKGOV", "PAKCVL")),
    ("Iranian authorities restricted access to Instagram and WhatsApp.", ("1721", "IRNGOV", "IRNCVL")),
    ("Thailand's army chief imposed a nationwide curfew.", ("1723", "THAMIL", "THACVL")),
])
def test_a_shutdown_or_curfew_restricts_the_people_the_state_governs(coded, text, expected) -> None:
    assert expected in coded(text), coded(text)


def test_a_company_cutting_its_network_restricts_no_one(coded) -> None:
    assert not any(c.startswith("17") for c, _, _ in coded("The company cut its network of suppliers."))


@pytest.mark.parametrize("text, expected", [
    ("Washington halved fentanyl-related tariffs on Chinese goods.", ("085", "USAGOV", "CHN")),
    ("The United States scrapped duties on Canadian lumber.", ("085", "USA", "CAN")),
])
def test_tariffs_halved_or_duties_scrapped_ease_an_economic_sanction(coded, text, expected) -> None:
    assert expected in coded(text), coded(text)
