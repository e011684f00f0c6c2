"""The Python API: `thucydides.code` and a reusable `Pipeline`."""

from __future__ import annotations

import gc
import weakref

import pytest

import thucydides
from thucydides.model import Article
from thucydides.nlp import ModelNotInstalled, load_model
from thucydides.pipeline import Pipeline
from thucydides.settings import load_settings


def test_code_returns_events_with_provenance() -> None:
    (event,) = thucydides.code("Turkish police detained 1,879 protesters in Istanbul.", date="2025-03-23")
    assert event.code == "173" and event.date == "2025-03-23"
    assert event.source.code == "TURCOP" and event.rule == "coerce.arrest.v"


def test_pipeline_codes_batches_in_input_order() -> None:
    pipeline = Pipeline(load_settings(batch_size=2))
    texts = [
        "The European Union imposed sanctions on Iran.",
        "The dollar fell against the yen.",
        "Russia and China held talks in Beijing.",
        "Kenyan police arrested dozens of protesters in Nairobi.",
    ]
    articles = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts)]
    results = list(pipeline.code_articles(articles))
    assert [a.id for a, _ in results] == ["a0", "a1", "a2", "a3"]
    assert [e.root for e in results[0][1]] == ["16"]
    assert results[1][1] == []  # markets are not political events
    assert {(e.source.code, e.target.code) for e in results[2][1]} == {("RUS", "CHN"), ("CHN", "RUS")}
    assert results[3][1][0].source.code == "KENCOP"


def test_a_missing_model_is_a_clear_error_not_a_download() -> None:
    with pytest.raises(ModelNotInstalled, match="not_a_real_model.*pip install"):
        load_model("not_a_real_model")


def test_an_article_the_coder_fails_on_is_reported_and_the_batch_goes_on(monkeypatch) -> None:
    pipeline = Pipeline()
    real = pipeline.code_doc

    def flaky(doc, article):  # noqa: ANN001
        if article.id == "bad":
            raise ValueError("day is out of range for month")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "code_doc", flaky)
    failed: list[tuple[str, str]] = []
    articles = [Article(text="Police arrested the mayor.", id=i) for i in ("ok1", "bad", "ok2")]
    coded = list(pipeline.code_articles(articles, on_error=lambda a, e: failed.append((a.id, str(e)))))
    assert [a.id for a, _ in coded] == ["ok1", "ok2"]
    assert failed == [("bad", "day is out of range for month")]
    with pytest.raises(ValueError):
        list(pipeline.code_articles(articles))


def test_a_coded_doc_is_freed_by_reference_counting_alone() -> None:
    # Per-document memos point back at the Doc; left on it, every article of a
    # stream would wait for the cyclic garbage collector (slow, and memory grows).
    pipeline = Pipeline()
    text = "Rubio met Turkish Foreign Minister Hakan Fidan. He said the talks went well."
    doc = pipeline.nlp(text)
    events = pipeline.code_doc(doc, Article(text=text, date="2025-03-25"))
    assert events  # the coreference and phrase memos were built and used
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        gc.enable()
