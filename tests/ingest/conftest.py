"""Shared helpers for the ingest tests: run a read and keep its errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thucydides.ingest import IngestError, read_articles
from thucydides.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


class Reader:
    def __call__(self, *paths: Any, **options: Any) -> tuple[list[Article], list[IngestError]]:
        errors: list[IngestError] = []
        articles = list(read_articles(paths, on_error=errors.append, **options))
        return articles, errors


@pytest.fixture
def read() -> Reader:
    return Reader()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
