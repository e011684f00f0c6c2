"""The grammar of news: voice, nominalisations, light verbs, reported speech,
stated futures, coordination, modality and discards. Sentences written for the
tests, each an instance of a phenomenon."""

from __future__ import annotations

from typing import Callable

import pytest

Coded = Callable[[str], list]



def test_active_and_passive_voice_give_the_same_dyad(coded: Coded) -> None:
    assert ("173", "TURCOP", "TURCVL") in coded("Turkish police arrested dozens of protesters.")
    passive = coded("Dozens of protesters were arrested by Turkish police.")
    assert any(c == "173" and s == "TURCOP" for c, s, _ in passive), passive


def test_light_verbs_code_their_noun(coded: Coded) -> None:
    assert [c for c, _, _ in coded("The European Union imposed sanctions on Russia.")] == ["163"]
    events = coded("Russia and China held talks in Beijing.")
    assert {(s, t) for c, s, t in events if c.startswith("04")} == {("RUS", "CHN"), ("CHN", "RUS")}


def test_future_cooperation_is_an_intent(coded: Coded) -> None:
    events = coded("Portugal will support Turkey, the Portuguese president said.")
    assert ("032", "PRT", "TUR") in events, events
    events = coded("Norway is willing to send aid to Jordan.")
    assert events and all(c.startswith("03") for c, _, _ in events), events


def test_future_conflict_is_a_threat_and_pronouns_refer_to_the_speaker(coded: Coded) -> None:
    events = coded("Iran said it would attack Israel.")
    assert any(c.startswith("138") and s == "IRN" for c, s, _ in events), events


def test_negated_future_cooperation_is_a_rejection(coded: Coded) -> None:
    events = coded("Syria says it will not accept any more refugees.")
    assert [c[:2] for c, _, _ in events] == ["12"], events


def test_negated_and_hypothetical_actions_are_not_emitted(coded: Coded) -> None:
    assert coded("Israel did not attack Lebanon.") == []
    assert coded("Israel could attack Lebanon if talks fail.") == []


def test_what_a_deal_would_bring_about_is_a_prospect_not_an_event(coded: Coded) -> None:
    text = ("Egyptian and Qatari mediators presented both sides with a final draft of the agreement, "
            "which would see the release of 33 hostages in exchange for hundreds of Palestinian prisoners.")
    assert not [c for c, _, _ in coded(text) if c.startswith("08")]


def test_reported_speech_codes_the_reported_event(coded: Coded) -> None:
    events = coded("Kenya said Somali militants attacked a police station in Garissa.")
    assert any(c == "190" for c, _, _ in events), events
    assert all(c != "010" for c, _, _ in events), events


def test_coordinated_sources_give_one_event_each(coded: Coded) -> None:
    events = coded("France and Germany condemned the coup in Niger.")
    assert {s for c, s, _ in events if c == "111"} >= {"FRA", "DEU"}, events


def test_unstated_agent_of_violence_is_coded_without_source(coded: Coded) -> None:
    events = coded("At least nine civilians were killed in the attack.")
    assert any(c.startswith("18") and s is None for c, s, _ in events), events
    # Protesters no one names are the people of the place, implied (see test_happenings.py).
    events = coded("Tens of thousands protested against the government in Brasilia.")
    assert any(c.startswith("14") and s == "BRACVL" for c, s, _ in events), events


def test_stated_non_political_agents_produce_no_event(coded: Coded) -> None:
    assert coded("Arsenal's attack was blunted by a stubborn Chelsea defence.") == []
    assert coded("The dollar fell sharply against the yen as investors sold shares.") == []


def test_official_protest_is_a_complaint_not_a_demonstration(coded: Coded) -> None:
    assert [c for c, _, _ in coded("Britain protested to China about the arrests.")] == ["114"]


def test_stone_throwing_and_strikes_are_protest_events(coded: Coded) -> None:
    events = coded("Protesters threw stones at police in Nairobi on Monday.")
    assert any(c == "145" for c, _, _ in events), events
    events = coded("Dockworkers went on strike in Durban on Monday.")
    assert any(c.startswith("14") for c, _, _ in events), events


def test_a_date_is_not_the_preposition_of_a_pattern(coded: Coded) -> None:
    assert [c for c, _, _ in coded("France called Germany on Tuesday.")] == ["041"]


def test_trailing_attribution_is_not_a_statement_event(coded: Coded) -> None:
    events = coded("The talks collapsed late on Friday, the Kenyan government said.")
    assert all(c != "010" for c, _, _ in events), events
    events = coded("The Kenyan government said the talks had collapsed.")
    assert [c for c, _, _ in events] == ["010"], events


def test_a_role_does_not_borrow_the_country_that_makes_it_its_target(coded: Coded) -> None:
    events = coded("The president gave a warm welcome to South African leader Nelson Mandela.")
    assert events and not any(s == t for _, s, t in events), events


def test_names_coordinated_with_an_apposition_are_coordinated_with_its_head(pipeline) -> None:
    from thucydides.events.grammar import with_conjuncts

    doc = pipeline.nlp("Mordor, the Shire, Fornost and Bree welcomed the talks.")
    assert doc[3].dep_ == "appos"  # the parser's reading: "Mordor" with "the Shire" in apposition
    assert [t.text for t in with_conjuncts(doc[0])] == ["Mordor", "Fornost", "Bree"]
    # nouns coordinated in an apposition describe the head itself
    doc = pipeline.nlp("Police arrested Beyers Naude, an activist and member of the African National Congress.")
    assert [t.text for t in with_conjuncts(doc[3])] == ["Naude"]


def test_an_action_absorbed_by_a_governor_that_codes_nothing_is_coded_on_its_own(coded) -> None:
    # "said" has no actor to code ("He" refers to no one named), so the riot it reports
    # is an event of its own, not lost inside a statement that is never coded
    assert any(code.startswith("145") for code, _, _ in coded("He said some 200 protesters became violent."))
    # a governor that codes keeps absorbing: "urged X to release" is the appeal alone
    events = coded("Germany urged Iran to release the detained journalists.")
    assert [c[:3] for c, _, _ in events] == ["025"]


def test_a_clause_of_time_or_cause_is_no_content_of_the_governing_act(coded) -> None:
    # the police warned motorists; the stone-throwing is when, not what they warned of
    events = coded("Police warned motorists to stay away from the area as protesters were throwing stones "
                   "at passing vehicles.")
    assert {c[:2] for c, _, _ in events} == {"13", "14"}


def test_a_coordinated_verb_shares_the_subject_of_a_verb_mis_tagged_as_a_noun(coded: Coded) -> None:
    # the parser tags "rejects" a plural noun, yet it heads the clause with its subject
    events = coded("The Lebanese cabinet, therefore, rejects and condemns the Israeli raids, said a spokesman.")
    assert ("111", "LBNGOV", "ISR") in events, events


def test_a_verb_coordinated_with_nothing_between_shares_no_subject(coded: Coded) -> None:
    # the parser makes "killed" a conjunct of "marched": no "and", no comma joins them
    text = ("Tens of thousands of Serbians marched through Novi Sad on Saturday to mark one year since "
            "the collapse of a railway station canopy killed 16 people.")
    assert "180" not in {code for code, _, _ in coded(text)}, coded(text)
    assert ("112", "COP", "CVL") in coded("Police arrested 12 people and charged them with rioting.")


def test_protesters_clash_in_a_riot_armed_forces_clash_in_a_fight(coded: Coded) -> None:
    assert ("145", "KENCVL", "KENCOP") in coded("Protesters clashed with police in Nairobi.")
    battle = coded("Vietnamese and Cambodian forces were battling for control of a base near the border.")
    assert {(s, t) for c, s, t in battle if c == "190"} == {("VNMMIL", "KHMMIL"), ("KHMMIL", "VNMMIL")}, battle
    fight = coded("Indian and Chinese troops clashed on the border.")
    assert {(c, s, t) for c, s, t in fight} == {("190", "INDMIL", "CHNMIL"), ("190", "CHNMIL", "INDMIL")}


def test_an_event_noun_naming_a_kind_of_people_is_no_event(coded: Coded) -> None:
    events = coded("Kenyan riot police fired tear gas at students in Nairobi.")
    assert [c for c, _, _ in events] == ["175"], events


def test_forces_that_exchange_fire_fire_at_each_other_and_what_is_fired_is_no_one(coded: Coded) -> None:
    events = coded("Thai and Cambodian troops exchanged artillery and rocket fire along their border.")
    assert sorted(events) == [("194", "KHMMIL", "THAMIL"), ("194", "THAMIL", "KHMMIL")], events


def test_parties_that_trade_accusations_accuse_each_other(coded: Coded) -> None:
    events = coded("Israel and Hezbollah traded accusations on Wednesday of violating a ceasefire.")
    assert {(c, s, t) for c, s, t in events} == {("112", "ISR", "LBNREB"), ("112", "LBNREB", "ISR")}, events


def test_military_exercises_are_held_carried_out_or_undertaken(coded: Coded) -> None:
    assert ("152", "CHN", "TWN") in coded("China carried out military drills near Taiwan.")
    events = coded("Egypt and Greece have agreed to undertake joint naval exercises.")
    assert {c for c, _, _ in events} == {"0312"}, events


def test_a_patrol_is_a_show_of_force(coded: Coded) -> None:
    events = coded("The area around Kut is patrolled by U.S. and British jets.")
    assert {(c, s) for c, s, _ in events} == {("150", "USAMIL"), ("150", "GBRMIL")}, events


def test_taking_a_named_place_is_occupying_territory(coded: Coded) -> None:
    assert any(c == "192" and s == "RUSMIL" for c, s, _ in coded("Russian troops took Bakhmut in May."))
    # a name the gazetteer does not know as a place is no territory taken
    assert all(c != "192" for c, _, _ in coded("Special army forces captured Beltran on Monday."))
    # a large town the tagger takes for a person or a people, or a portion of it
    assert any(c == "192" and s == "SYRREB" for c, s, _ in coded("Syrian rebels captured Aleppo."))
    assert any(c == "192" and s == "CODREB" for c, s, _ in coded("M23 rebels seized most of Goma on Tuesday."))


def test_the_place_taken_is_where_it_was_taken(pipeline) -> None:
    events = pipeline.code_text("M23 rebels seized most of Goma on Tuesday.", "2025-01-28")
    assert [(e.code, e.location.text if e.location else None) for e in events] == [("192", "Goma")], events
    events = pipeline.code_text("Gibraltar was captured from Spain in 1704 by a British-led naval force.", "2003-06-11")
    assert [(e.code, e.location.text if e.location else None) for e in events] == [("192", "Gibraltar")], events


def test_a_bomb_that_detonates_is_a_bombing_whoever_set_it_off(coded: Coded) -> None:
    assert [c for c, _, _ in coded("The first bomb was detonated on the Saipatae-Yaha Road on Monday.")] == ["183"]
    assert ("183", "AFGUAF", "AFGCOP") in coded("Militants exploded a car bomb outside a police station in Kandahar.")
    assert coded("Prices exploded last year.") == []


def test_staying_away_from_work_is_a_strike(coded: Coded) -> None:
    assert ("143", "NGAHLH", "NGAGOV") in coded("Nigerian doctors downed tools on Monday over unpaid salaries.")


def test_a_hyphenated_act_noun_split_by_the_tokenizer_is_still_that_act(coded: Coded) -> None:
    assert ("141", "THAEDU", "THAGOV") in coded("Students staged a sit-in outside the parliament in Bangkok.")


def test_a_light_verb_with_an_act_for_object_is_not_coded_on_its_own(coded: Coded) -> None:
    # "held a sit-in" is no arrest; "held 40 protesters" is
    assert [c for c, _, _ in coded("Workers held a sit-in at the factory in Lagos.")] == ["141"]
    assert ("173", "NGACOP", "NGACVL") in coded("Police held 40 protesters overnight in Lagos.")


def test_a_participle_that_modifies_a_noun_is_a_passive(coded: Coded) -> None:
    # the noun is the patient; only a "by" phrase names the agent
    events = coded("Police found the body of a Mexican journalist kidnapped by cartel gunmen.")
    assert any(c == "181" and t == "MEXMED" for c, _, t in events), events
    assert all(s != "MEXMED" for _, s, _ in events), events
    events = coded("Trump said all hostages held in Gaza would be released soon.")
    assert all(not (c == "173" and s.startswith("PSE")) for c, s, _ in events), events
    # the noun of a governing participle still does what it governs
    events = coded("Palestinian youths forced to leave their homes threw stones at Israeli soldiers.")
    assert any(c.startswith("145") and s.startswith("PSE") for c, s, _ in events), events


def test_the_killing_an_attack_causes_is_its_toll_not_another_event(coded: Coded) -> None:
    events = coded("Sudanese rebels shelled the town of Juba on Sunday, killing about 20 people.")
    assert [c for c, _, _ in events] == ["194"], events
    # forces that exchange fire still fight each other
    events = coded("Thai and Cambodian troops exchanged artillery fire on Friday, killing at least 16 people.")
    assert sorted(events) == [("194", "KHMMIL", "THAMIL"), ("194", "THAMIL", "KHMMIL")], events
    # a plain attack that kills civilians is an assault; one that kills soldiers, a fight
    events = coded("A refugee camp was attacked by Burundian militiamen, killing at least 156 refugees.")
    assert [c[:2] for c, _, _ in events] == ["18"], events
    events = coded("The ELN attacked a military base in Colombia on Sunday, killing four soldiers.")
    assert [c[:2] for c, _, _ in events] == ["19"], events
    # so is the toll of violent repression
    events = coded("Kenyan police fired tear gas and live rounds at protesters in Nairobi, killing at least five people.")
    assert [c for c, _, _ in events] == ["175"], events
    # a toll told after the report of the attack is still its toll
    events = coded("Turkish warplanes struck PKK targets in northern Iraq on Wednesday, the defence ministry said, "
                   "killing 12 militants.")
    assert [c[:2] for c, _, _ in events] == ["19"], events
    # an attack noun carried out by a light verb takes its toll the same way
    events = coded("Militants carried out an attack on a police post in Quetta, killing three officers.")
    assert [c[:2] for c, _, _ in events] == ["19"], events


def test_an_appeal_to_a_higher_court_is_no_cameo_appeal(coded: Coded) -> None:
    assert not any(c.startswith("02") for c, _, _ in coded("The Kenyan activist appealed against the verdict.")), \
        coded("The Kenyan activist appealed against the verdict.")
    assert not any(c.startswith("02") for c, _, _ in coded("Her lawyer said the Russian journalist would appeal."))
    assert any(c.startswith("02") for c, _, _ in coded("Kenya appealed to the United Nations for food aid."))


def test_parties_that_fail_to_agree_fail_each_other(coded: Coded) -> None:
    events = coded("The United States and South Korea failed to reach agreement on a free-trade deal.")
    assert {(s, t) for c, s, t in events if c.startswith("12")} == {("USA", "KOR"), ("KOR", "USA")}, events


def test_parties_that_urge_others_to_talk_do_not_urge_each_other(coded: Coded) -> None:
    events = coded("Colombia's government suspended talks with the ELN rebels on Monday. Cuba and Norway urged "
                   "both sides to return to the negotiating table.")
    appeals = {(s, t) for c, s, t in events if c.startswith("02")}
    assert appeals == {("CUB", "COLGOV"), ("CUB", "COLREB"), ("NOR", "COLGOV"), ("NOR", "COLREB")}, events


def test_a_meeting_that_acts_is_its_parties_acting(coded: Coded) -> None:
    events = coded("The summit between the EU and Turkey failed to reach agreement on migration.")
    assert {(s, t) for c, s, t in events if c.startswith("12")} == {("IGOEUR", "TUR"), ("TUR", "IGOEUR")}, events


def test_an_active_verb_shares_the_subject_of_its_passive_head_not_its_agent(coded: Coded) -> None:
    events = coded('ECOWAS said it was "deeply concerned" by the decision and urged the authorities in Mali '
                   "to respect political freedoms.")
    assert ("0243", "IGOECW", "MLIGOV") in events, events


def test_going_ahead_is_no_journey(coded: Coded) -> None:
    events = coded("Kenya's opposition vowed to go ahead with the march to Nairobi.")
    assert not any(c.startswith("04") for c, _, _ in events), events


def test_what_someone_is_prevented_from_doing_did_not_happen(coded: Coded) -> None:
    assert not any(c.startswith("04") for c, _, _ in coded("The EU banned Iranian officials from travelling to Europe.")), \
        coded("The EU banned Iranian officials from travelling to Europe.")
    assert not any(c.startswith("14") for c, _, _ in coded("Kenyan police prevented protesters from marching "
                                                              "to parliament."))


def test_a_verb_coordinated_with_a_denial_is_not_denied(coded: Coded) -> None:
    events = coded("Moscow denied the accusation and accused Kyiv of staging the attack.")
    assert any(c.startswith("112") and t == "UKRGOV" for c, _, t in events), events
    # a shared negation still counts
    assert not any(c.startswith("19") for c, _, _ in coded("The Sudanese army did not attack or shell the town."))


def test_a_coordinated_verb_with_its_own_tense_shares_no_auxiliary(coded: Coded) -> None:
    # "urged" is past, whatever "would" says of "respond"
    events = coded("BEIJING, Feb 11 (Reuters) - China imposed export controls on Tuesday.\n\nThe U.S. Trade "
                   "Representative said Washington would respond to any Chinese measures and urged Beijing to "
                   "return to negotiations.")
    assert any(c.startswith("02") and t.startswith("CHN") for c, _, t in events if t), events


def test_clashes_between_two_sides_are_done_by_each(coded: Coded) -> None:
    events = coded("The clashes between Israeli forces and Hezbollah continued on Friday.")
    assert sorted((c[:2], s, t) for c, s, t in events) == [("19", "ISRMIL", "LBNREB"), ("19", "LBNREB", "ISRMIL")], events
    # protesters who clash with police riot; the police are their target
    events = coded("Clashes between police and protesters in La Paz left three officers dead on Wednesday.")
    assert ("145", "BOLCVL", "BOLCOP") in events, events
    events = coded("A gunbattle between police and gunmen in Karachi left two dead on Monday.")
    assert sorted((s, t) for c, s, t in events if c == "193") == [("PAKCOP", "PAKUAF"), ("PAKUAF", "PAKCOP")], events


def test_a_killing_in_clashes_with_someone_is_that_fight_done_by_them(coded: Coded) -> None:
    events = coded("Three police officers were killed in clashes with protesters in La Paz on Wednesday.")
    assert [(c[:2], s, t) for c, s, t in events] == [("19", "BOLCVL", "BOLCOP")], events
    events = coded("Four people were killed in a gunbattle with police in Karachi.")
    assert [(c, s) for c, s, _ in events] == [("193", "PAKCOP")], events


def test_a_verb_coordinated_with_a_passive_is_passive_unless_intransitive(coded: Coded) -> None:
    events = coded("The blogger was arrested by Egyptian police in Cairo and deported to Sudan.")
    assert ("174", "EGYCOP", "SDN") not in events  # the blogger is deported, not Sudan
    assert any(c == "174" and s.startswith("EGY") for c, s, _ in events), events
    events = coded("The Bolivian minister was criticised by unions and resigned.")
    assert any(c.startswith("08") and s == "BOLGOV" for c, s, _ in events), events


def test_verbs_coordinated_before_an_object_share_it(coded: Coded) -> None:
    events = coded("Kenyan police detained and beat dozens of students in Nairobi.")
    assert {c for c, _, _ in events} >= {"173", "182"}, events
    assert ("173", "KENCOP", "KENEDU") in events, events
    events = coded("Kenyan police arrived and arrested dozens of students in Nairobi.")
    assert [t for c, _, t in events if c != "173"] != ["KENEDU"], events  # no one arrived at the students


def test_a_light_verb_carries_the_act_its_container_object_holds(coded: Coded) -> None:
    events = coded("Sudanese and South Sudanese officials held a new round of negotiations in Juba.")
    assert "173" not in {c for c, _, _ in events}, events  # no one was held
    assert any(c == "046" and s.startswith("SDN") for c, s, _ in events), events


def test_an_absolute_with_clause_names_no_partner(coded: Coded) -> None:
    events = coded("Ethiopian and Eritrean envoys held talks on Monday, with Kenya's foreign minister "
                   "carrying messages between the two delegations.")
    assert {(s[:3], t[:3]) for c, s, t in events if c.startswith("04")} == {("ETH", "ERI"), ("ERI", "ETH")}, events


def test_where_envoys_meet_does_not_say_whose_they_are(pipeline) -> None:
    from thucydides.model import Article
    text = ("ADDIS ABABA, May 2 (Reuters) - Ethiopia wants talks with Eritrea to resume, the government said. "
            "Foreign Minister Abebe Tadesse met the Eritrean envoy in Nairobi on Thursday.")
    events = pipeline.code_article(Article(id="t", text=text, date="2025-05-02"))
    meetings = [(e.source.code, e.target.code) for e in events if e.code == "040" and e.source and e.target]
    assert meetings and all(s.startswith("ETH") for s, _ in meetings), meetings


def test_a_clause_of_contrast_is_not_under_the_appeal_it_follows(coded: Coded) -> None:
    events = coded("The European Union urged Georgia to respect media freedom, while Russia praised the Georgian government.")
    assert ("051", "RUS", "GEOGOV") in events, events
    # a purpose or content clause stays under it
    events = coded("The European Union urged Georgia to free the protesters.")
    assert all(c.startswith("02") for c, _, _ in events), events


@pytest.mark.parametrize("text", [
    "The EU said it would continue to pressure Minsk until all political prisoners were freed.",
    "The rebels vowed to fight until government troops withdrew from the region.",
])
def test_what_a_future_act_waits_for_has_not_happened(pipeline, text: str) -> None:
    awaited = [e for e in pipeline.code_text(text) if e.code.startswith("08")]
    assert awaited and all(e.modality == "future" for e in awaited), [(e.code, e.modality) for e in awaited]


def test_what_a_past_act_lasted_until_happened(pipeline) -> None:
    events = pipeline.code_text("Protesters stayed in the square until police dispersed them.")
    assert [(e.code[:2], e.modality) for e in events] == [("17", "asserted")]
