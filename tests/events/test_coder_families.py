"""Embedding families: an appeal, intent, demand, refusal or threat is coded by
the action it embeds, and the embedded action itself is not coded."""

from __future__ import annotations

import pytest

from thucydides.events.lexicon import load_families
from typing import Callable

Coded = Callable[[str], list]



@pytest.mark.parametrize("text, code, source, target", [
    ("The United States called on Israel to withdraw.", "0256", "USA", "ISR"),
    ("Russia urged Ukraine to release the prisoners.", "0253", "RUS", "UKR"),
    ("Iran threatened to attack Israel.", "1384", "IRN", "ISR"),
    ("Japan threatened to impose sanctions on Iran.", "1312", "JPN", None),
    ("Israel refused to meet the Palestinian delegation.", "125", "ISR", None),
    ("Egypt demanded the withdrawal of Israeli troops from Gaza.", "1056", "EGY", None),
    ("Kenya asked Uganda to provide intelligence on the rebels.", "0214", "KEN", "UGA"),
    ("Jordan and Britain agreed to hold joint military exercises.", "0312", "JOR", "GBR"),
])
def test_governing_pattern_takes_its_code_from_the_embedded_action(
    coded: Coded, text: str, code: str, source: str, target: str | None
) -> None:
    events = coded(text)
    assert (code, source) in {(c, s) for c, s, _ in events}, events
    if target:
        assert any(t == target for c, s, t in events if c == code and s == source), events
    # The embedded action is subsumed: one predication, one event per dyad.
    assert all(c[:2] == code[:2] for c, _, _ in events), events


def test_call_on_is_an_appeal_not_a_phone_call(coded: Coded) -> None:
    # elections are a change of institutions: 0244 refines 024
    assert [c[:3] for c, _, _ in coded("France called on Mali to hold elections.")] == ["024"]
    assert [c for c, _, _ in coded("France called Germany on Tuesday.")] == ["041"]


def test_family_table_maps_each_embedded_root() -> None:
    families = load_families()
    appeal = families.get("appeal")
    assert appeal is not None
    assert appeal.refine("0841") == "0253"
    assert appeal.refine("085") == "0254"
    assert appeal.refine("046") == "026"
    assert families.get("reject").refine("0871") == "1246"
    assert families.get("threaten").refine("192") == "1382"
    assert families.get("threaten").refine("163") == "1312"
    assert families.recode(families.future, "071") == "0331"
    assert families.recode(families.future, "190") == "1384"
    assert families.recode(families.future, "111") is None


@pytest.mark.parametrize("text, code, source, target", [
    ("The EU told Belarus to release the prisoners.", "1053", "IGOEUR", "BLR"),
    ("Biden told Netanyahu to halt the offensive.", "1056", "USAGOV", "ISRGOV"),
])
def test_telling_someone_to_act_is_an_order(coded: Coded, text: str, code: str, source: str, target: str) -> None:
    # a demand coded by what is ordered, not the ordered act as the speaker's own
    assert [(c, s, t) for c, s, t in coded(text)] == [(code, source, target)]


def test_telling_reporters_is_no_order(coded: Coded) -> None:
    assert not [c for c, _, _ in coded("He told reporters the talks would resume.") if c.startswith("10")]


@pytest.mark.parametrize("text, code", [
    ("The EU told Belarus to release the prisoners or face new sanctions.", "1312"),
    ("Israel told Hamas to free the hostages or face an offensive.", "1384"),
    ('Washington said Iran must give up its nuclear programme "or face consequences".', "130"),
])
def test_a_demand_to_yield_with_a_threat_attached_is_the_threat(coded: Coded, text: str, code: str) -> None:
    assert code in [c for c, _, _ in coded(text)]


def test_a_demand_for_cooperation_with_a_threat_attached_stays_a_demand(coded: Coded) -> None:
    # the codebook's own example of 1011
    events = coded("The Bush administration declared that China must drop barriers to U.S. exports "
                   "or face tariff penalties.")
    assert [c[:2] for c, _, _ in events] == ["10"]


@pytest.mark.parametrize("text, code", [
    ("The UN Security Council called on foreign forces to leave Congolese territory.", "0256"),
    ("The Philippine foreign ministry demanded that Chinese vessels leave the area.", "1056"),
    ("Police told residents to leave their homes.", "100"),
])
def test_leaving_a_place_is_no_journey_and_leaving_ground_a_retreat(coded: Coded, text: str, code: str) -> None:
    # a demand or appeal to leave was coded as one to meet (026, 106): "leave" as travel
    assert [c for c, _, _ in coded(text)] == [code]


def test_agreeing_to_a_two_sided_act_is_aimed_at_the_other_party(coded: Coded) -> None:
    # the prisoners are what the exchange is done to, not whom the intent is aimed at
    assert sorted(coded("Armenia and Azerbaijan agreed on Friday to exchange prisoners of war.")) == [
        ("0353", "ARM", "AZE"), ("0353", "AZE", "ARM")]


def test_urging_a_halt_to_an_advance_is_an_appeal_to_de_escalate(coded: Coded) -> None:
    assert ("0256", "IGOUNO", "CODREB") in coded("The U.N. Security Council urged M23 to halt its advance.")


def test_talks_after_which_a_ceasefire_was_agreed_are_no_intent_to_meet(coded: Coded) -> None:
    events = coded("India and Pakistan agreed to a full and immediate ceasefire after talks mediated by Washington.")
    assert ("0356", "IND", "PAK") in events and not [c for c, _, _ in events if c == "036"], events


def test_agreeing_to_a_cessation_of_hostilities_is_agreeing_to_a_ceasefire(coded: Coded) -> None:
    assert sorted(coded("Ethiopia's government and Tigrayan forces agreed on Wednesday to a permanent "
                        "cessation of hostilities.")) == [("0356", "ETHGOV", "ETHREB"), ("0356", "ETHREB", "ETHGOV")]
