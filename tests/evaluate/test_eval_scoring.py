"""Counting rules: found, missed, extra, metrics, field agreement."""

from __future__ import annotations

import pytest

from thucydides.evaluate import LEVELS, score


def counts(scores, level="code"):
    c = scores.levels[level]
    return c.gold, c.found, c.missed, c.extra, c.predicted


def test_one_match(make_event, make_record):
    record = make_record([{"code": "064", "source": "ARN", "target": "GON"}], complete=True)
    scores = score([record], {"r1": [make_event("064", "ARN", "GON")]})
    for level in LEVELS:
        assert counts(scores, level) == (1, 1, 0, 0, 1)
    c = scores.levels["full"]
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_a_miss(make_event, make_record):
    record = make_record([{"code": "064"}, {"code": "112"}])
    scores = score([record], {"r1": [make_event("064")]})
    assert counts(scores) == (2, 1, 1, 0, 1)
    c = scores.levels["code"]
    assert c.precision == 1.0 and c.recall == 0.5 and c.f1 == pytest.approx(2 / 3)


def test_no_predictions_for_a_record(make_record):
    scores = score([make_record([{"code": "064"}])], {})
    assert counts(scores) == (1, 0, 1, 0, 0)
    assert scores.levels["code"].precision is None
    assert scores.levels["code"].f1 is None


def test_extra_in_complete_record_counts(make_event, make_record):
    record = make_record([{"code": "064"}], complete=True)
    scores = score([record], {"r1": [make_event("064"), make_event("112")]})
    assert counts(scores) == (1, 1, 0, 1, 2)
    assert scores.levels["code"].precision == 0.5


def test_extra_in_incomplete_record_not_counted(make_event, make_record):
    record = make_record([{"code": "064"}], complete=False)
    scores = score([record], {"r1": [make_event("064"), make_event("112")]})
    assert counts(scores) == (1, 1, 0, 0, 2)
    # ...but it still shows in predicted-per-gold.
    assert scores.predicted_per_gold == 1.0


def test_absent_prefix_violation_is_extra(make_event, make_record):
    record = make_record([], absent=["14"])
    scores = score([record], {"r1": [make_event("141"), make_event("042")]})
    assert counts(scores, "root") == (0, 0, 0, 1, 2)
    assert scores.levels["root"].precision == 0.0
    assert scores.levels["root"].recall is None


def test_absent_star_forbids_everything(make_event, make_record):
    record = make_record([], absent=["*"], complete=True)
    scores = score([record], {"r1": [make_event("042"), make_event("190")]})
    assert counts(scores, "full") == (0, 0, 0, 2, 2)


def test_absent_violation_never_pairs(make_event, make_record):
    # Penta-only gold would accept a 141 (penta 4), but the record forbids 14.
    record = make_record([{"penta": 4}], absent=["14"])
    scores = score([record], {"r1": [make_event("141")]})
    assert counts(scores, "root") == (1, 0, 1, 1, 1)


def test_list_of_codes_gold(make_event, make_record):
    record = make_record([{"code": ["14", "18", "19", "20"]}])
    assert counts(score([record], {"r1": [make_event("183")]})) == (1, 1, 0, 0, 1)
    assert counts(score([record], {"r1": [make_event("112")]})) == (1, 0, 1, 0, 1)


def test_code_extension_and_root_level(make_event, make_record):
    record = make_record([{"code": "191"}])
    scores = score([record], {"r1": [make_event("193")]})
    assert scores.levels["root"].found == 1
    assert scores.levels["code"].found == 0  # a sibling code
    scores = score([make_record([{"code": "190"}])], {"r1": [make_event("193")]})
    assert scores.levels["code"].found == 1  # "not specified" accepts a specific code (GOLD-FORMAT)
    scores = score([make_record([{"code": "19"}])], {"r1": [make_event("193")]})
    assert scores.levels["code"].found == 1


def test_country_vs_full_actor_levels(make_event, make_record):
    record = make_record([{"code": "111", "source": "TURGOV", "target": "TUR"}])
    scores = score([record], {"r1": [make_event("111", "TUROPP", "TURGOV")]})
    assert scores.levels["root+dyad"].found == 1  # same countries
    assert scores.levels["code"].found == 1  # actors not compared
    assert scores.levels["code+dyad"].found == 0  # TURGOV does not accept TUROPP
    agreement = scores.agreement
    assert (agreement["source (country)"].agreed, agreement["source (country)"].compared) == (1, 1)
    assert (agreement["source (full)"].agreed, agreement["source (full)"].compared) == (0, 1)
    assert agreement["target (full)"].rate == 1.0  # TUR accepts TURGOV


def test_empty_actor_gold(make_event, make_record):
    record = make_record([{"code": "190", "target": ""}])
    assert score([record], {"r1": [make_event("190", "USA")]}).levels["code+dyad"].found == 1
    assert score([record], {"r1": [make_event("190", "USA", "IRQ")]}).levels["code+dyad"].found == 0


def test_span_fields_only_at_full_level(make_event, make_record):
    record = make_record([{"code": "010", "source_text": "General Colin Powell", "target_text": "NATO"}])
    good = make_event("010", "USAMIL", "IGONAT", source_text="Colin Powell", target_text="NATO")
    bad = make_event("010", "USAMIL", "IGONAT", source_text="Wednesday", target_text="NATO")
    assert score([record], {"r1": [good]}).levels["full"].found == 1
    scores = score([record], {"r1": [bad]})
    assert scores.levels["code"].found == 1
    assert scores.levels["full"].found == 0
    assert scores.agreement["source_text"].rate == 0.0
    assert scores.agreement["target_text"].rate == 1.0


def test_location_gold(make_event, make_record):
    record = make_record([{"event_text": "liberated", "location": {"text": ["Palmyra", "Quaryatayn"]}}])
    right = make_event("190", event_text="liberated", location={"text": "Palmyra", "name": "Palmyra"})
    wrong = make_event("190", event_text="liberated", location={"text": "Homs province"})
    assert score([record], {"r1": [right]}).levels["full"].found == 1
    scores = score([record], {"r1": [wrong]})
    # No code in the gold: at root any prediction reports "an event here".
    assert scores.levels["root"].found == 1
    assert scores.levels["full"].found == 0
    assert scores.agreement["location"].rate == 0.0
    assert scores.agreement["event_text"].rate == 1.0


def test_location_coordinates_and_date(make_event, make_record):
    record = make_record([{"code": "19", "date": "2016-05-01", "location": {"lat": 36.2, "lon": 37.13}}])
    near = make_event("190", date="2016-05-01", location={"lat": 36.4, "lon": 37.2})
    late = make_event("190", date="2016-05-02", location={"lat": 36.4, "lon": 37.2})
    assert score([record], {"r1": [near]}).levels["full"].found == 1
    assert score([record], {"r1": [late]}).levels["full"].found == 0


def test_penta_only_gold_at_every_level(make_event, make_record):
    record = make_record([{"penta": 0}])
    statement = score([record], {"r1": [make_event("010")]})
    assault = score([record], {"r1": [make_event("190")]})
    for level in LEVELS:
        assert statement.levels[level].found == 1
        assert assault.levels[level].found == 0


def test_two_predictions_one_gold(make_event, make_record):
    record = make_record([{"code": "19"}], complete=True)
    scores = score([record], {"r1": [make_event("190"), make_event("193")]})
    assert counts(scores) == (1, 1, 0, 1, 2)


def test_plover_2016_equivalence(make_event, make_record):
    record = make_record([{"code": "112", "plover": "DISAPPROVE"}])
    scores = score([record], {"r1": [make_event("112")]})  # PLOVER 2021 type ACCUSE
    assert scores.levels["root"].found == 1
    assert scores.agreement["plover"].rate == 1.0


def test_counts_sum_over_records(make_event, make_record):
    records = [
        make_record([{"code": "064"}], id="a", complete=True),
        make_record([{"code": "112"}], id="b"),
        make_record([], id="c", absent=["*"]),
    ]
    predictions = {
        "a": [make_event("064", article_id="a"), make_event("042", article_id="a")],
        "b": [make_event("111", article_id="b")],
        "c": [make_event("010", article_id="c")],
    }
    scores = score(records, predictions)
    assert counts(scores) == (2, 1, 1, 2, 4)
    assert scores.predicted_per_gold == pytest.approx((4 - 2) / 2)  # root level: 111 matches the 112 gold
    data = scores.to_dict()
    assert data["records"] == 3
    assert data["levels"]["code"]["extra"] == 2
    assert set(data["levels"]) == set(LEVELS)


def test_unknown_predicted_code_does_not_crash(make_event, make_record):
    record = make_record([{"penta": 4, "plover": "FIGHT", "quad": 4}])
    scores = score([record], {"r1": [make_event("1999")]})  # not in the table: fallbacks apply
    assert scores.levels["root"].found == 0
