"""Thucydides: news text in, political event data out, with evidence for every claim."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .model import Actor, Article, Event, Span

if TYPE_CHECKING:
    from .dataset import Dataset

__version__ = "0.1.0"


def code(text: str, date: str | None = None) -> list[Event]:
    """Code one text into events with the default pipeline."""
    from .pipeline import default_pipeline

    return default_pipeline().code_text(text, date=date)


def open(path: str | Path) -> "Dataset":  # noqa: A001 - thucydides.open, as the data API reads
    """An event store opened read-only for analysis: `.events(**criteria)` selects events,
    lazily, as data frames (`.to_pandas()`, `.to_arrow()`, `.to_polars()`) or Events."""
    from .dataset import Dataset  # DuckDB only when a store is opened: `code` never needs it

    return Dataset(path)


__all__ = ["Actor", "Article", "Event", "Span", "code", "open", "__version__"]
