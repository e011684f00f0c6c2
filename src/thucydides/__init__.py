"""Thucydides: news text in, political event data out, with evidence for every claim."""

from __future__ import annotations

from .model import Actor, Article, Event, Span

__version__ = "0.1.0"


def code(text: str, date: str | None = None) -> list[Event]:
    """Code one text into events with the default pipeline."""
    from .pipeline import default_pipeline

    return default_pipeline().code_text(text, date=date)


__all__ = ["Actor", "Article", "Event", "Span", "code", "__version__"]
