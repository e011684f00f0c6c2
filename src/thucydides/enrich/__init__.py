"""Event enrichment: when, where, how many, and who said it.

    from thucydides.enrich import Enricher, extract_quotes

    enricher = Enricher(resolver)               # once per process (gazetteer loads lazily)
    events = enricher(doc, article, events)     # dates, places, figures, quotes on each event
    quotes = extract_quotes(doc, resolver, article.date)

Each part works per document: it collects its mentions (dates, places, numbers, quotes)
in one pass over the parse, then attaches them to events by the predicate's clause
(`parse.py`), so the cost does not grow with events x document length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Event
from ..nlp import doc_text
from .figures import FigureAttacher
from ..places import Gazetteer, Place, default_gazetteer
from .quotes import Quote, Resolver, attach_quotes, extract_quotes
from .parse import Sentences
from .when import DateAttacher, resolve_date
from .where import PlaceAttacher

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Enricher", "Gazetteer", "Place", "Quote", "default_gazetteer", "extract_quotes", "resolve_date",
]


class Enricher:
    """Fills `date`, `date_precision`, `date_text`, `location`, `figures` and `quote` on the
    events of one parsed document. Quotes are also kept per article in
    `article.meta["quotes"]` (stored with the article)."""

    def __init__(self, resolver: Resolver | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.resolver = resolver
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        # Built on first use: a process that never codes an event never pays for it.
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc, article: Article, events: list[Event]) -> list[Event]:
        sentences = Sentences(doc) if events or '"' in doc_text(doc) or "“" in doc_text(doc) else None
        quotes = extract_quotes(doc, self.resolver, article.date, sentences)
        if quotes:
            article.meta["quotes"] = [q.to_dict() for q in quotes]
        if not events:
            return events
        dates = DateAttacher(doc, article)
        places = PlaceAttacher(doc, self.gazetteer, events, sentences)
        figures = FigureAttacher(doc)
        for event in events:
            dates.attach(event, doc)
            places.attach(event, doc)
            figures.attach(event, doc)
        attach_quotes(events, quotes, doc)
        return events
