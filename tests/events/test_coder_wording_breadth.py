"""Wordings a journalist uses for codebook events, beyond the codebook's own verbs:
a mandative subjunctive as a demand, an infinitive the parser hangs as a clause,
verbs the small model lemmatizes wrongly, and light-verb phrases of several roots.
Sentences written for the tests."""

from __future__ import annotations

from typing import Callable

import pytest

Coded = Callable[[str], list]


def codes(events: list) -> list[str]:
    return [code for code, _, _ in events]


@pytest.mark.parametrize("text", [
    "Kenya insisted on Friday that Uganda withdraw its troops from the island.",
    "Egypt insisted that Sudan hand over the suspects.",
    "The minister insisted that the detainees be released.",
])
def test_insisting_that_someone_do_something_is_a_demand(coded: Coded, text: str) -> None:
    assert [code[:2] for code in codes(coded(text))] == ["10"], coded(text)


def test_insisting_that_something_is_so_stays_a_statement(coded: Coded) -> None:
    assert codes(coded("Kenya insisted on Friday that the election was fair.")) == ["010"]


@pytest.mark.parametrize(("text", "dyad"), [
    # parsed as "ordered [the aid group ... to leave]" (a clause) and as a relative clause
    # of the object ("immigrants, most of them Ghanaians, to leave")
    ("Niger ordered the aid group Medecins Sans Frontieres to leave the country on Tuesday.", ("NER", "NGO")),
    ("Uganda ordered more than a million illegal West African immigrants, most of them Ghanaians, to leave the "
     "country within two weeks.", ("UGA", "GHA")),
])
def test_an_order_to_leave_the_country_is_an_expulsion_however_the_infinitive_is_parsed(
        coded: Coded, text: str, dyad: tuple[str, str]) -> None:
    events = coded(text)
    assert [code[:2] for code in codes(events)] in (["16"], ["17"]), events
    assert (events[0][1], events[0][2][:len(dyad[1])]) == dyad, events


@pytest.mark.parametrize(("text", "code"), [
    ("Militiamen raped dozens of women in the village, the report said.", "1821"),  # "raped" -> "rap"
    ("The army is waging war on the rebels in the north.", "190"),  # "waging" -> "wag"
])
def test_verbs_the_model_lemmatizes_wrongly_are_still_coded(coded: Coded, text: str, code: str) -> None:
    assert code in codes(coded(text)), coded(text)


def test_a_charge_laid_by_investigators_is_legal_action_by_anyone_else_an_accusation(coded: Coded) -> None:
    assert ("173", "RUSCOP", "RUSOPP") in coded(
        "Russian investigators charged the opposition leader with fraud on Friday.")
    assert codes(coded("The opposition charged the Kenyan minister with corruption.")) == ["1121"]


@pytest.mark.parametrize(("text", "code"), [
    ("President Ershad placed Bangladesh under emergency rule on Tuesday.", "1724"),
    ("The general put the country under martial law early on Friday.", "1724"),
    ("Egypt's highest court disbanded the Freedom and Justice Party on Saturday.", "1722"),
    ("Militants set off a bomb outside a police station in Peshawar.", "183"),
    ("Iraqi jets bombarded the village with mustard gas in 1988.", "2041"),
    ("The Ugandan delegation walked out of the peace talks with the rebels on Monday.", "164"),
    ("The Philippines suspended military cooperation with Washington on Friday.", "160"),
    ("The World Food Programme halved rations for refugees in Chad.", "1623"),
])
def test_light_verb_phrases_of_the_codebook(coded: Coded, text: str, code: str) -> None:
    assert code in codes(coded(text)), coded(text)


def test_walking_out_of_talks_is_no_labour_strike(coded: Coded) -> None:
    assert "143" not in codes(coded("The Ugandan delegation walked out of the peace talks with the rebels on Monday."))


@pytest.mark.parametrize(("text", "event"), [
    ("The Palestinian president turned to the European Union for money to pay salaries.", ("023", "PSEGOV", "IGOEUR")),
    ("The U.S. envoy nudged Serbia's leaders to accept the plan.", ("020", "USAGOV", "SRBGOV")),
    ("Indian Prime Minister Narendra Modi sat down with Chinese President Xi Jinping in Kazan.",
     ("040", "INDGOV", "CHNGOV")),
    ("Ethiopia and Eritrea resumed trade across their border.", ("061", "ETH", "ERI")),
    ("Kenya legalised the opposition Forum for the Restoration of Democracy.", ("0812", "KEN", "KENOPP")),
    ("Putin sent a message of condolence to the Turkish president.", ("018", "RUSGOV", "TURGOV")),
])
def test_cooperative_wordings_of_the_codebook(coded: Coded, text: str, event: tuple[str, str, str]) -> None:
    assert event in coded(text), coded(text)


@pytest.mark.parametrize(("text", "code"), [
    ("The Burmese junta has relaxed its censorship of newspapers.", "081"),
    ("The African Union set up a commission of inquiry into the killings in Tigray.", "090"),
    ("Kenyan police looked into reports of a shooting in Nairobi.", "090"),
    ("Iranian negotiators haggled with European diplomats over the text.", "046"),
])
def test_cooperative_wordings_by_code(coded: Coded, text: str, code: str) -> None:
    assert any(found.startswith(code) for found in codes(coded(text))), coded(text)


@pytest.mark.parametrize(("text", "event"), [
    ("Norway shared satellite data with Russia.", ("064", "NOR", "RUS")),  # "data" -> "datum"
    ("Iraq returned the remains of Kuwaiti prisoners to Kuwait.", ("0842", "IRQ", "KWT")),  # "remains" -> "remain"
])
def test_an_object_is_known_by_its_word_when_the_model_lemmatizes_it_wrongly(
        coded: Coded, text: str, event: tuple[str, str, str]) -> None:
    assert event in coded(text), coded(text)


def test_a_letter_sent_is_no_meeting(coded: Coded) -> None:
    assert coded("France sent a letter to the UN Security Council on Monday.") == []


@pytest.mark.parametrize(("text", "event"), [
    ("Russia laid the blame on Ukraine for the attack.", ("112", "RUS", "UKR")),
    ("Uganda pointed the finger at Sudan for arming the rebels.", ("112", "UGA", "SDN")),
    ("Israel ruled out talks with Hamas.", ("125", "ISR", "PSEREB")),
    ("Saudi King Fahd brushed aside calls from dissident clerics for political reform.", ("1232", "SAUGOV", "SAUREL")),
])
def test_blame_and_refusal_in_their_idioms(coded: Coded, text: str, event: tuple[str, str, str]) -> None:
    assert event in coded(text), coded(text)


@pytest.mark.parametrize(("text", "code"), [
    ("Iran let United Nations inspectors into the plant on Friday.", "086"),
    ("Myanmar's government opened the Rakhine region to World Food Programme convoys on Monday.", "0863"),
    ("The U.N. Security Council renewed the mandate of its peacekeeping force in Lebanon on Thursday.", "074"),
])
def test_letting_others_in_and_keeping_peacekeepers(coded: Coded, text: str, code: str) -> None:
    assert any(found.startswith(code) for found in codes(coded(text))), coded(text)
