"""Fixtures shared across test folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator

import pytest

from thucydides.compiled import CACHE_ENV
from thucydides.model import Article, Event
from thucydides.pipeline import Pipeline


def pytest_configure(config: pytest.Config) -> None:
    # Compiled language data goes to a folder of this run, shared by the whole suite (and
    # the CLI subprocesses it starts) so it is built once, and never to the user's cache.
    folder = tempfile.mkdtemp(prefix="thucydides-cache-")
    os.environ[CACHE_ENV] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


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
