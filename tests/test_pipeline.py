"""The Python API: `thucydides.code` and a reusable `Pipeline`."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

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


def test_an_actor_span_never_reaches_into_the_dateline() -> None:
    text = "KINSHASA, Feb 3 (Reuters) - M23 rebels seized the airport in Goma on Sunday, the United Nations said."
    events = [e for e in thucydides.code(text, date="2025-02-03") if e.source and e.source.code == "CODREB"]
    assert [(e.source.text, text[e.source.start:e.source.end]) for e in events] == [("M23 rebels", "M23 rebels")]


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


# --- long and unparseable articles (issue #14) ----------------------------------


def _spans(event) -> list[tuple[str, int, int]]:  # noqa: ANN001 - every offset an event carries
    spans = [(event.sentence_text, event.sentence_start, event.sentence_start + len(event.sentence_text)),
             (event.event_text.text, event.event_text.start, event.event_text.end)]
    spans += [(a.text, a.start, a.end) for a in (event.source, event.target) if a]
    spans += [(x.text, x.start, x.end) for x in [event.location, event.quote, *event.figures]
              if x and x.start is not None]
    return spans


def test_split_text_cuts_at_paragraphs_then_sentences_and_joins_up() -> None:
    from thucydides.nlp import split_text

    text = "First paragraph. It has two sentences.\n\nSecond one is here. And more.\n\nThird."
    assert split_text(text, 1000) == [text]
    assert split_text(text, 50) == ["First paragraph. It has two sentences.\n\n", "Second one is here. And more.\n\nThird."]
    assert split_text(text, 25) == ["First paragraph. ", "It has two sentences.\n\n", "Second one is here. ",
                                    "And more.\n\nThird."]
    # A run without whitespace (spaCy's tokenizer is quadratic in its affixes) is cut too.
    word = "(" * 2500
    assert [len(p) for p in split_text(f"A {word} B", 10_000, max_run=1000)] == [1002, 1000, 502]
    for whole, limit in [(text, 7), ("x" * 10_001, 3000), ("a\n" * 5000, 999)]:
        pieces = split_text(whole, limit)
        assert "".join(pieces) == whole and max(map(len, pieces)) <= limit


def test_a_long_article_is_coded_whole_with_offsets_into_its_text() -> None:
    sample = Path(__file__).parents[1] / "src/thucydides/data/sample/articles.jsonl"
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()[:30]]
    text = "\n\n".join(r["text"] for r in records)  # ~19,000 characters of real news
    whole = Pipeline(load_settings(max_doc_chars=100_000)).code_text(text, date="2024-01-01")
    pieces = Pipeline(load_settings(max_doc_chars=2000)).code_text(text, date="2024-01-01")
    assert len(pieces) > 150
    for event in pieces:
        for span_text, start, end in _spans(event):
            assert text[start:end] == span_text
    # Parsed in ~10 pieces cut at paragraph breaks, the article gives the same events
    # but for a parse difference or two near a cut.
    found = {(e.code, e.event_text.start) for e in pieces}
    assert sum((e.code, e.event_text.start) in found for e in whole) >= 0.97 * len(whole)


def test_an_article_spacy_cannot_parse_costs_only_itself() -> None:
    pipeline = Pipeline(load_settings(batch_size=8))
    texts = ["Police arrested the mayor.", "Rebels attacked \ud800 the town.", "Iran threatened Israel."]
    articles = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts)]
    failed: list[tuple[str, str]] = []
    coded = list(pipeline.code_articles(articles, on_error=lambda a, e: failed.append((a.id, type(e).__name__))))
    assert [a.id for a, _ in coded] == ["a0", "a2"] and all(events for _, events in coded)
    assert failed == [("a1", "UnicodeEncodeError")]


def test_bare_statements_can_be_left_out() -> None:
    text = "U.S. military chief General Colin Powell said on Wednesday NATO would need to remain strong."
    kept = Pipeline(load_settings()).code_text(text, date="1999-03-24")
    dropped = Pipeline(load_settings(bare_statements=False)).code_text(text, date="1999-03-24")
    assert [e.code for e in kept] == ["010"]
    assert dropped == []


def test_a_bare_statement_in_a_story_is_its_attribution_not_an_event() -> None:
    story = ("BELGRADE, March 24 (Reuters) - NATO warplanes struck targets across Yugoslavia on Wednesday. "
             "U.S. military chief General Colin Powell said NATO would need to remain strong.")
    by_default = Pipeline(load_settings()).code_text(story, date="1999-03-24")
    everywhere = Pipeline(load_settings(bare_statements="always")).code_text(story, date="1999-03-24")
    assert "010" not in [e.code for e in by_default] and [e.code[:2] for e in by_default] == ["19"]
    assert [e.source.code for e in everywhere if e.code == "010"] == ["USAMIL"]
    # a one-sentence wire item is the whole text, its dateline aside
    flash = "PORT-AU-PRINCE, Jan 5 (Reuters) - The main opposition Democratic Party said it expected calm."
    assert [e.code for e in Pipeline(load_settings()).code_text(flash, date="2024-01-05")] == ["010"]


def test_the_dateline_is_a_sentence_of_its_own_so_the_lead_keeps_its_subject() -> None:
    # parsed with the dateline, "KYIV" was the subject and "Russia and Ukraine" an apposition of "Reuters"
    text = ("KYIV, May 22 (Reuters) - Russia and Ukraine each handed over 75 prisoners of war on Wednesday in an "
            "exchange mediated by the United Arab Emirates.")
    events = thucydides.code(text, date="2024-05-22")
    assert {e.source.code for e in events if e.code == "0841" and e.source} == {"RUS", "UKR"}, [e.to_dict() for e in events]
    assert all(e.sentence_text.startswith("Russia and Ukraine") for e in events)


def test_a_country_split_off_before_its_own_actor_is_no_second_source() -> None:
    text = ("PORT SUDAN, Feb 14 (Reuters) - Sudan's paramilitary Rapid Support Forces shelled a displacement camp "
            "near El Fasher on Thursday, local activists said.")
    events = [e for e in thucydides.code(text, date="2025-02-14") if e.code == "194"]
    assert [e.source.code for e in events if e.source] == ["SDNREB"], [e.to_dict() for e in events]
