"""Fixtures shared across test folders."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from thucydides.model import Article, Event
from thucydides.pipeline import Pipeline


class RecordingPipeline(Pipeline):
    """The real pipeline, noting which articles it is asked to parse."""

    parsed: list[str] = []

    def code_articles(self, articles: Iterable[Article], on_error=None) -> Iterator[tuple[Article, list[Event]]]:  # noqa: ANN001
        def noted(items: Iterable[Article]) -> Iterator[Article]:
            for article in items:
                RecordingPipeline.parsed.append(article.id)
                yield article

        yield from super().code_articles(noted(articles), on_error=on_error)


@pytest.fixture
def recording_pipeline(monkeypatch: pytest.MonkeyPatch) -> type[RecordingPipeline]:
    """Make `thucydides ingest` use a `RecordingPipeline`; returns the class (its `parsed` list)."""
    import thucydides.cli.ingest as ingest_cli

    RecordingPipeline.parsed = []
    monkeypatch.setattr(ingest_cli, "_load_pipeline", RecordingPipeline)
    return RecordingPipeline
