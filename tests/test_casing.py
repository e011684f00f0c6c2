"""Re-casing caseless text: names, sentence starts and dates get their capitals back,
offsets never move, and a lower-cased or all-capitals article codes like the original."""

from __future__ import annotations

import pytest

from thucydides.casing import caseless
from thucydides.model import Article
from thucydides.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline()


ARTICLE = (
    "ISTANBUL, March 24 (Reuters) - Turkish police detained 1,133 people in protests over the arrest "
    "of Istanbul's opposition mayor, Interior Minister Kemal Aydin said on Monday.\n\n"
    "The U.S. State Department condemned the arrests. Russian President Vladimir Putin met "
    "Recep Tayyip Erdogan in Ankara on May 5."
)


@pytest.mark.parametrize(("text", "kind"), [
    ("turkish police detained protesters in istanbul.", "lower"),
    ("TURKISH POLICE DETAINED PROTESTERS IN ISTANBUL.", "upper"),
    ("Turkish police detained protesters in Istanbul.", None),
    ("a b c", None),  # too short to tell
    ("the iphone went on sale in istanbul", "lower"),
])
def test_caseless_texts_are_told_apart(text: str, kind: str | None) -> None:
    assert caseless(text) == kind


def test_lower_case_text_gets_names_dates_and_sentence_starts_back(pipeline: Pipeline) -> None:
    recased = pipeline.recaser(ARTICLE.lower())
    assert len(recased) == len(ARTICLE)
    for expected in ("ISTANBUL, March 24 (Reuters)", "Turkish police", "Istanbul's opposition",
                     "Kemal Aydin said on Monday", "The U.S. State Department", "Russian",
                     "Vladimir Putin", "Recep Tayyip Erdogan in Ankara on May 5"):
        assert expected in recased, expected


def test_all_capitals_are_re_cased_too(pipeline: Pipeline) -> None:
    recased = pipeline.recaser(ARTICLE.upper())
    assert recased.startswith("ISTANBUL, March 24 (Reuters) - Turkish police")
    assert "Turkish police detained 1,133 people" in recased
    assert "Vladimir Putin" in recased


def test_common_words_stay_lower_case(pipeline: Pipeline) -> None:
    text = "the march on may day was nice. a male voter hid in the straw near the split in the road."
    recased = pipeline.recaser(text)
    assert recased == "The march on may day was nice. A male voter hid in the straw near the split in the road."


def test_cased_text_is_left_as_it_is(pipeline: Pipeline) -> None:
    assert pipeline.recaser(ARTICLE) == ARTICLE


@pytest.mark.parametrize("transform", [str.lower, str.upper])
def test_caseless_article_codes_like_the_original(pipeline: Pipeline, transform) -> None:  # noqa: ANN001
    text = "Turkish police detained 1,879 protesters in Istanbul on Sunday. Russia and China held talks in Beijing."
    original = pipeline.code_article(Article(text=text, date="2025-03-23"))
    caseless_events = pipeline.code_article(Article(text=transform(text), date="2025-03-23"))
    assert [(e.code, e.source.code, e.target.code) for e in caseless_events] == \
        [(e.code, e.source.code, e.target.code) for e in original]
    # Offsets are the original text's: the spans still cut the evidence out of it.
    for event in caseless_events:
        span = event.event_text
        assert transform(text)[span.start:span.end].lower() == span.text.lower() == text[span.start:span.end].lower()
