"""Enrichment through the real Pipeline."""

from __future__ import annotations

import pytest

from thucydides.model import Article


def test_detained_in_istanbul_on_sunday(pipeline) -> None:
    events = pipeline.code_text("Turkish police detained 1,879 protesters in Istanbul on Sunday.", date="2025-03-24")
    [event] = [e for e in events if e.code.startswith("17")]
    assert (event.date, event.date_precision, event.date_text) == ("2025-03-23", "day", "Sunday")
    loc = event.location
    assert (loc.name, loc.country, loc.precision) == ("Istanbul", "TUR", "city")
    assert loc.lat == pytest.approx(41.01, abs=0.1) and loc.lon == pytest.approx(28.95, abs=0.1)
    assert [(f.kind, f.value) for f in event.figures] == [("detained", 1879)]
    data = event.to_dict()
    assert data["location"]["text"] == "Istanbul" and data["figures"][0]["text"] == "1,879 protesters"


def test_no_date_expression_keeps_article_date(pipeline) -> None:
    events = pipeline.code_text("Turkish police detained the mayor of Istanbul.", date="2025-03-24")
    assert events and all((e.date, e.date_precision) == ("2025-03-24", "article") for e in events)


def test_quotes_are_kept_per_article(pipeline) -> None:
    article = Article(text='"We will not bow to pressure," Turkish President Erdogan said on Sunday.',
                      date="2025-03-24")
    pipeline.code_article(article)
    quotes = article.meta.get("quotes")
    assert quotes and quotes[0]["text"] == "We will not bow to pressure,"
    assert quotes[0]["speaker"] is not None
