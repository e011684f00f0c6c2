"""Field rules and the one-to-one pairing."""

from __future__ import annotations

import pytest

from thucydides.evaluate import LEVELS, Matcher, pair
from thucydides.evaluate.matching import (
    actor_agrees,
    code_agrees,
    haversine_km,
    location_agrees,
    spans_overlap,
)
from thucydides.model import Actor, Location

ALEPPO = {"lat": 36.2021, "lon": 37.1343}


def actor(code: str) -> Actor:
    return Actor(code=code, text="someone", start=0, end=7)


@pytest.mark.parametrize(
    ("gold", "predicted", "level", "expected"),
    [
        ("19", "193", "code", True),  # extension accepted
        ("190", "193", "code", True),  # "not specified" accepts its specific codes (GOLD-FORMAT)
        ("1410", "1411", "code", True),
        ("191", "193", "code", False),  # a sibling is rejected at code level
        ("010", "0", "code", False),
        ("190", "193", "root", True),  # same root
        ("0254", "025", "code", False),  # a less specific prediction does not reach the gold code
        (["14", "18", "19", "20"], "183", "code", True),  # any acceptable code
        (["14", "18", "19", "20"], "112", "root", False),
    ],
)
def test_code_rule(gold, predicted, level, expected):
    assert code_agrees(gold, predicted, level) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "level", "expected"),
    [
        ("TUR", "TURGOV", "full", True),
        ("TURGOV", "TUROPP", "full", False),
        ("TURGOV", "TUROPP", "country", True),
        ("TURGOV", "GRCGOV", "country", False),
        (["USA", "IGONAT"], "IGONATMIL", "full", True),
        ("turgov", "TURGOV", "full", True),  # codes compare upper case
        ("USA", None, "country", False),
    ],
)
def test_actor_rule(gold, predicted, level, expected):
    assert actor_agrees(gold, actor(predicted) if predicted else None, level) is expected


def test_empty_actor_means_no_actor():
    assert actor_agrees("", None, "full")
    assert actor_agrees("", actor(""), "country")
    assert not actor_agrees("", actor("USA"), "country")
    assert actor_agrees(["", "USA"], None, "full")  # "no actor" as one acceptable choice


def test_span_overlap_ignores_case_and_stopwords():
    assert spans_overlap("U.S. military chief General Colin Powell", "powell")
    assert not spans_overlap("the Ministry of Defence", "the army of")
    assert spans_overlap("Turkey's government", "TURKEY")
    assert spans_overlap(["Aleppo", "Idlib"], "eastern Idlib")
    assert not spans_overlap("Aleppo", None)
    assert spans_overlap("the", "The")  # a stopword-only gold span still compares


def test_location_within_50_km():
    near = Location(lat=36.2021 + 0.3, lon=37.1343)  # about 33 km north
    far = Location(lat=36.2021 + 0.6, lon=37.1343)  # about 67 km north
    assert haversine_km(36.2021, 37.1343, near.lat, near.lon) == pytest.approx(33.4, abs=0.5)
    assert location_agrees(ALEPPO, near)
    assert not location_agrees(ALEPPO, far)
    assert not location_agrees(ALEPPO, Location(name="Aleppo"))  # no coordinates to compare
    assert not location_agrees(ALEPPO, None)


def test_location_text_list_name_and_country():
    gold = {"text": ["Palmyra", "Quaryatayn"]}
    assert location_agrees(gold, Location(text="Quaryatayn"))
    assert not location_agrees(gold, Location(text="Homs province"))
    assert location_agrees({"name": "Bogotá", "country": "COL"}, Location(name="BOGOTA", country="col"))
    assert not location_agrees({"name": "Bogotá", "country": "COL"}, Location(name="Bogota", country="VEN"))


def test_plover_accepts_the_2016_type(make_event):
    matcher, level = Matcher(), LEVELS["root"]
    fight = make_event("193")  # PLOVER 2021 ASSAULT, 2016 FIGHT
    assert matcher.matches({"plover": "FIGHT"}, fight, level)
    assert matcher.matches({"plover": "assault"}, fight, level)
    assert not matcher.matches({"plover": "PROTEST"}, fight, level)


def test_penta_and_quad_from_the_ontology(make_event):
    matcher = Matcher()
    for name in LEVELS:
        assert matcher.matches({"penta": 0}, make_event("0254"), LEVELS[name])
        assert not matcher.matches({"penta": 1}, make_event("0254"), LEVELS[name])
    assert matcher.matches({"quad": 4}, make_event("190"), LEVELS["root"])
    assert not matcher.matches({"quad": 3}, make_event("190"), LEVELS["root"])


def test_reduced_relations_are_a_verbal_conflict_in_penta(make_event):
    # Phoenix's class, which ConfliBERT's labels follow: a suspension of aid is
    # verbal conflict (3); GDELT's QuadClass keeps it material (4).
    matcher = Matcher()
    assert matcher.matches({"penta": 3}, make_event("1622"), LEVELS["root"])
    assert not matcher.matches({"penta": 4}, make_event("166"), LEVELS["root"])
    assert matcher.matches({"quad": 4}, make_event("1622"), LEVELS["root"])
    assert matcher.matches({"penta": 4}, make_event("173"), LEVELS["root"])


def test_compared_fields_per_level():
    matcher = Matcher()
    gold = {"code": "19", "source": "TUR", "event_text": "attacked", "penta": 4}
    # A gold code fixes the class: its penta/quad/plover labels count only at `full`.
    assert matcher.compared_fields(gold, LEVELS["root"]) == ["code"]
    assert matcher.compared_fields(gold, LEVELS["code+dyad"]) == ["code", "source"]
    assert matcher.compared_fields({"penta": 4}, LEVELS["root"]) == ["penta"]
    assert matcher.compared_fields(gold, LEVELS["full"]) == ["code", "source", "penta", "event_text"]


def test_greedy_pairing_is_one_to_one(make_event):
    gold = [{"code": "19", "source": "TUR"}]
    predictions = [make_event("190", "USA"), make_event("193", "TURMIL")]
    result = pair(gold, predictions, LEVELS["root"], Matcher())
    # Both match at root; the one that also agrees on the actor is paired.
    assert result.pairs == [(0, 1)]
    assert result.missed == []
    assert result.unpaired == [0]


def test_pairing_prefers_the_more_specific_gold(make_event):
    gold = [{"code": "19"}, {"code": "19", "source": "TUR"}]
    result = pair(gold, [make_event("190", "TURGOV")], LEVELS["code+dyad"], Matcher())
    assert result.pairs == [(1, 0)]
    assert result.missed == [0]


def test_pairing_respects_eligible(make_event):
    result = pair([{"code": "14"}], [make_event("141")], LEVELS["root"], Matcher(), eligible=set())
    assert result.pairs == [] and result.missed == [0] and result.unpaired == [0]
