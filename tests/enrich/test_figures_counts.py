"""Figures: counts of people and sums of money, with their kind; not years, ages, times."""

from __future__ import annotations

import pytest

from thucydides.enrich.figures import FigureAttacher, parse_amount


def _figures(nlp, make_event, text: str, word: str):
    doc = nlp(text)
    event = make_event(doc, word)
    FigureAttacher(doc).attach(event, doc)
    return [f.to_dict() for f in event.figures]  # the records' dict form


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,879", 1879), ("twelve", 12), ("twenty-five", 25), ("1.2 million", 1_200_000),
     ("two dozen", 24), ("a dozen", 12), ("300", 300), ("two hundred", 200)],
)
def test_parse_amount(text: str, value: int) -> None:
    assert parse_amount(text).value == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("thousands", 1000, 9999), ("dozens", 24, 99), ("hundreds", 100, 999), ("scores", 40, 99),
     ("tens of thousands", 10000, 99999)],
)
def test_vague(text: str, low: int, high: int) -> None:
    amount = parse_amount(text)
    assert (amount.value, amount.low, amount.high) == (None, low, high)


def test_detained(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "Turkish police detained 1,879 protesters in Istanbul on Sunday.", "detained")
    assert figs == [{"kind": "detained", "value": 1879, "text": "1,879 protesters", "start": 24, "end": 40}]


def test_passive_killed_and_qualifier(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "At least 12 people were killed in the attack.", "killed")
    assert len(figs) == 1
    assert (figs[0]["kind"], figs[0]["value"], figs[0]["min"]) == ("killed", 12, 12)
    assert figs[0]["text"] == "At least 12 people"


def test_more_than(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "Police arrested more than 300 people.", "arrested")
    assert (figs[0]["kind"], figs[0]["min"]) == ("arrested", 301)


def test_bare_number_object(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "The militants attacked the village, killing 12.", "attacked")
    assert [(f["kind"], f["value"]) for f in figs] == [("killed", 12)]


def test_word_number_and_injured(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "The bomb killed twelve soldiers and injured 30 civilians.", "killed")
    assert {(f["kind"], f["value"]) for f in figs} == {("killed", 12), ("injured", 30)}


def test_vague_protesters(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "Thousands of protesters marched in Paris.", "marched")
    assert [(f["kind"], f["min"], f["max"]) for f in figs] == [("protesters", 1000, 9999)]


def test_charged_and_displaced(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "Prosecutors charged 45 people with terrorism.", "charged")
    assert [(f["kind"], f["value"]) for f in figs] == [("charged", 45)]
    figs = _figures(nlp, make_event, "The fighting displaced 1.2 million people.", "displaced")
    assert [(f["kind"], f["value"]) for f in figs] == [("displaced", 1_200_000)]


def test_money(nlp, make_event) -> None:
    figs = _figures(nlp, make_event, "The United States pledged $500 million in aid to Ukraine.", "pledged")
    assert [(f["kind"], f["value"], f["currency"]) for f in figs] == [("money", 500_000_000, "USD")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police arrested a man aged 17 in 2019.", "arrested"),  # age and year
        ("Police detained the 17-year-old at 10 p.m.", "detained"),  # age and time
        ("Turnout fell 12 percent as police arrested the mayor.", "arrested"),  # percentage
        ("Police arrested the first suspect.", "arrested"),  # ordinal
        ("The army destroyed 12 houses.", "destroyed"),  # not people
        ("Police arrested the mayor on March 23.", "arrested"),  # a date
    ],
)
def test_not_people_counts(nlp, make_event, text: str, word: str) -> None:
    assert _figures(nlp, make_event, text, word) == []


def test_other_clause_does_not_leak(nlp, make_event) -> None:
    text = "The minister, whose party won 120 seats, said police had arrested the protesters."
    assert _figures(nlp, make_event, text, "arrested") == []


def _coded_figures(pipeline, text: str) -> dict[str, list[tuple]]:
    """Each coded event's code with its figures as (kind, value, min, max)."""
    out: dict[str, list[tuple]] = {}
    for event in pipeline.code_text(text, date="2025-03-24"):
        out.setdefault(event.code, []).extend((f.kind, f.value, f.min, f.max) for f in event.figures or ())
    return out


@pytest.mark.parametrize(("text", "code", "figure"), [
    ("Thousands took to the streets of Istanbul on Sunday.", "141", ("protesters", None, 1000, 9999)),
    ("Tens of thousands marched through Tbilisi on Friday.", "141", ("protesters", None, 10000, 99999)),
])
def test_a_crowd_that_does_a_protest_counts_protesters(pipeline, text: str, code: str, figure: tuple) -> None:
    assert _coded_figures(pipeline, text)[code] == [figure]


def test_facing_charges_is_a_charged_figure_of_the_arrest(pipeline) -> None:
    figures = _coded_figures(pipeline, "Kenyan police detained 300 people in Nairobi, with 260 facing charges.")
    assert figures["173"] == [("detained", 300, None, None), ("charged", 260, None, None)]


def test_a_count_of_things_gets_no_kind_from_the_event(pipeline) -> None:
    figures = _coded_figures(pipeline, "Russian forces destroyed 12 houses in Kharkiv.")
    assert all(not found for found in figures.values())
