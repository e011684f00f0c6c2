"""Factories for real `Event`s and gold records, shared by the evaluation tests."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from thucydides.evaluate import GoldRecord, parse_record
from thucydides.model import Actor, Event, Span
from thucydides.ontology import default_ontology


def build_event(
    code: str,
    source: str | None = None,
    target: str | None = None,
    *,
    source_text: str = "source actor",
    target_text: str = "target actor",
    event_text: str = "did something",
    article_id: str = "r1",
    date: str | None = None,
    location: dict[str, Any] | None = None,
    sentence: str = "A sentence.",
    rule: str = "test-rule",
) -> Event:
    entry = default_ontology().codes.get(code)
    return Event(
        article_id=article_id,
        sentence_index=0,
        sentence_text=sentence,
        sentence_start=0,
        code=code,
        root=code[:2],
        quad=entry.quad if entry else 1,
        goldstein=entry.goldstein if entry else 0.0,
        plover_type=entry.plover_type if entry else None,
        plover_mode=entry.plover_mode if entry else None,
        source=Actor(source, source_text, 0, len(source_text)) if source is not None else None,
        target=Actor(target, target_text, 20, 20 + len(target_text)) if target is not None else None,
        event_text=Span(event_text, 10, 10 + len(event_text)),
        rule=rule,
        date=date,
        location=location,
    )


def build_record(
    events: list[dict[str, Any]],
    *,
    id: str = "r1",
    text: str = "A sentence.",
    complete: bool = False,
    absent: list[str] | None = None,
) -> GoldRecord:
    data: dict[str, Any] = {"id": id, "text": text, "events": events, "complete": complete}
    if absent is not None:
        data["absent"] = absent
    return parse_record(data, f"test:{id}")


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


@pytest.fixture
def make_record() -> Callable[..., GoldRecord]:
    return build_record
