"""The whole-article gold set (`tests/data/gold/articles.jsonl`, see its README): it must
stay readable by the project's own gold reader and hold only codes the project knows,
or scores on it would silently measure typing mistakes instead of the coder."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.actors.dictionary import default_dictionary
from thucydides.datafiles import load_yaml, read_data
from thucydides.evaluate import read_gold
from thucydides.evaluate.gold import gold_codes
from thucydides.ontology import default_ontology

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "articles.jsonl"


@pytest.fixture(scope="module")
def gold():
    return read_gold(GOLD)


@pytest.fixture(scope="module")
def records(gold):
    return gold.records


@pytest.fixture(scope="module")
def known_heads():
    """Three-letter heads an actor code may start with: the countries of the actor data
    and the blocks of its organisation codes (IGO, NGO, IMG, ...)."""
    actors = default_dictionary()
    organisation_heads = {org.code[:3] for org in actors.organisations.values() if org.code[:3] not in actors.countries}
    return set(actors.countries), organisation_heads, {org.code for org in actors.organisations.values()}


@pytest.fixture(scope="module")
def known_roles():
    roles = load_yaml(read_data("actors/roles.yaml"))
    return set(roles["roles"]) | set(roles["weak"])


def actor_codes(event):
    for field in ("source", "target"):
        value = event.get(field)
        if value is None:
            continue
        yield from ([value] if isinstance(value, str) else value)


def test_file_reads_without_errors_and_ids_are_unique(gold, records):
    assert gold.errors == []
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids))
    assert len(records) >= 30


def test_every_record_is_a_complete_dated_article(records):
    for record in records:
        assert record.complete, record.id
        assert record.date, record.id
        assert record.title and record.source, record.id
        paragraphs = [p for p in record.text.split("\n\n") if p.strip()]
        assert 3 <= len(paragraphs) <= 8, record.id
        assert 150 <= len(record.text.split()) <= 400, record.id
        assert record.meta.get("dataset") == "whole-articles", record.id
        assert "CC0" in record.meta.get("licence", ""), record.id
        assert record.events, record.id


def test_every_event_code_is_a_known_cameo_code():
    ontology = default_ontology()
    for record in read_gold(GOLD).records:
        for event in record.events:
            codes = gold_codes(event)
            assert codes, (record.id, event)
            for code in codes:
                assert code in ontology.codes, (record.id, code)


def test_every_event_names_its_source(records):
    for record in records:
        for event in record.events:
            assert "source" in event, (record.id, event)


def test_actor_codes_start_with_a_known_country_or_organisation(records, known_heads, known_roles):
    countries, organisation_heads, organisation_codes = known_heads
    for record in records:
        for event in record.events:
            for code in actor_codes(event):
                if code == "":
                    continue  # "no actor"
                head = code[:3]
                assert head in countries or head in organisation_heads, (record.id, code)
                if head in countries:
                    # country + CAMEO role ("TURCOP"), or the country alone ("RUS")
                    rest = code[3:]
                    assert len(rest) % 3 == 0, (record.id, code)
                    for i in range(0, len(rest), 3):
                        assert rest[i:i + 3] in known_roles, (record.id, code)
                elif len(code) > 3:
                    # an organisation code the actor data uses ("IGOUNO" accepts "IGOUNOREF")
                    assert any(known.startswith(code) or code.startswith(known) for known in organisation_codes), (
                        record.id, code)


def test_spans_and_places_are_words_of_the_text(records, known_heads):
    countries = known_heads[0]
    for record in records:
        text = record.text.lower()
        for event in record.events:
            for field in ("source_text", "target_text", "event_text"):
                if field in event:
                    assert event[field].lower() in text, (record.id, field, event[field])
            location = event.get("location")
            if location:
                if "country" in location:
                    assert location["country"] in countries, (record.id, location)
                mentions = location.get("text", [])
                for mention in [mentions] if isinstance(mentions, str) else mentions:
                    assert mention.lower() in text, (record.id, mention)


def test_event_dates_do_not_follow_publication(records):
    for record in records:
        for event in record.events:
            if "date" in event:
                assert event["date"] <= record.date, (record.id, event["date"])
