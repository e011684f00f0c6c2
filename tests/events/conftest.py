"""One pipeline for all event-coding tests: loading spaCy is the slow part."""

from __future__ import annotations

from typing import Callable

import pytest

from thucydides.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


Coded = Callable[[str], list[tuple[str, "str | None", "str | None"]]]


@pytest.fixture(scope="session")
def coded(pipeline: Pipeline) -> Coded:
    """(code, source code, target code) for each event of a text."""
    def code(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
                for e in pipeline.code_text(text)]
    return code
