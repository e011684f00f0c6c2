from __future__ import annotations

import pytest

from thucydides.model import Actor, Article, Event, Span, trusted, trusted_replace


def test_article_ids_are_stable() -> None:
    assert Article(text="Hello  World").id == Article(text="hello world").id
    assert Article(text="a", url="https://x.example/1").id == Article(text="b", url="https://x.example/1").id
    assert Article(text="a", id="given").id == "given"


def test_event_round_trips_through_its_dict() -> None:
    event = Event(
        article_id="a1", sentence_index=0, sentence_text="Police detained protesters.", sentence_start=0,
        code="173", root="17", quad=4, goldstein=-5.0, plover_type="COERCE", plover_mode=None,
        source=Actor(code="TURCOP", text="Police", start=0, end=6, country="TUR", role="COP"),
        target=Actor(code="TURCVL", text="protesters", start=16, end=26, country="TUR", role="CVL"),
        event_text=Span("detained", 7, 15), rule="coerce.arrest.v", date="2025-03-23",
    )
    again = Event.from_dict(event.to_dict())
    assert again == event
    assert again.id == event.id and event.id.startswith("ev-")


def test_trusted_records_equal_validated_ones() -> None:
    values = {"code": "TURCOP", "text": "Police", "start": 0, "end": 6, "country": "TUR", "role": "COP",
              "name": None, "wikidata": None}
    actor = trusted(Actor, **values)
    assert actor == Actor(**values) and actor.to_dict() == Actor(**values).to_dict()
    assert trusted_replace(actor, text="police", start=1) == Actor(**{**values, "text": "police", "start": 1})
    with pytest.raises(TypeError):
        trusted(Actor, code="TUR", text="Turkey", start=0, end=6)  # fields left out
