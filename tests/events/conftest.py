"""One pipeline for all event-coding tests: loading spaCy is the slow part."""

from __future__ import annotations

from typing import Callable

import pytest

from thucydides.model import Article, Event
from thucydides.pipeline import Pipeline
from thucydides.settings import load_settings


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def every_statement_pipeline() -> Pipeline:
    """Bare statements kept in stories too (`bare_statements = "always"`): what the
    attribution of a saying to the event it tells leaves."""
    return Pipeline(load_settings(bare_statements="always"))


Coded = Callable[[str], list[tuple[str, "str | None", "str | None"]]]


@pytest.fixture(scope="session")
def coded(pipeline: Pipeline) -> Coded:
    """(code, source code, target code) for each event of a text."""
    def code(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
                for e in pipeline.code_text(text)]
    return code


@pytest.fixture(scope="session")
def story(pipeline: Pipeline) -> Callable[[str, str], list[Event]]:
    """The events of a whole story published on a date."""
    def code(text: str, date: str) -> list[Event]:
        return pipeline.code_article(Article(text=text, date=date))
    return code
