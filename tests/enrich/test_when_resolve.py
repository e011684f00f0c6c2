"""Date expressions resolved against the article date (2025-03-24, a Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.enrich.when import resolve_date

BASE = date(2025, 3, 24)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("March 25, 2019", "2019-03-25", "day"),
        ("March 23", "2025-03-23", "day"),
        ("23 March", "2025-03-23", "day"),
        ("Sunday", "2025-03-23", "day"),  # the most recent Sunday before Monday 24
        ("Friday", "2025-03-21", "day"),
        ("Monday", "2025-03-24", "day"),  # the article's own day: on or before
        ("last Sunday", "2025-03-23", "day"),
        ("Sunday night", "2025-03-23", "day"),
        ("Sunday, March 23", "2025-03-23", "day"),
        ("yesterday", "2025-03-23", "day"),
        ("today", "2025-03-24", "day"),
        ("last night", "2025-03-23", "day"),
        ("last week", "2025-03-17", "week"),
        ("earlier this month", "2025-03-01", "month"),
        ("last month", "2025-02-01", "month"),
        ("2019", "2019-01-01", "year"),
        ("early 2019", "2019-01-01", "year"),
        ("last year", "2024-01-01", "year"),
        ("March", "2025-03-01", "month"),
        ("two days ago", "2025-03-22", "day"),
        ("the past three days", "2025-03-21", "day"),  # a span gives its start
        ("Dec. 3, 2024", "2024-12-03", "day"),
        ("Sunday at 10 a.m.", "2025-03-23", "day"),
    ],
)
def test_resolves(text: str, expected: str, precision: str) -> None:
    resolved = resolve_date(text, BASE)
    assert resolved is not None
    assert (resolved.date.isoformat(), resolved.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 25", "2024-03-25"),  # without a year, never after the article: last year's
        ("April", "2024-04-01"),
    ],
)
def test_never_in_the_future(text: str, expected: str) -> None:
    resolved = resolve_date(text, BASE)
    assert resolved is not None and resolved.date.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "next week",  # future: no event date
        "2026",  # after the article
        "three days",  # a duration
        "17-year-old",  # an age
        "the 1990s",  # too coarse
        "10 a.m.",  # a clock time only
        "decades",
        "a three-day visit",
    ],
)
def test_not_an_event_date(text: str) -> None:
    assert resolve_date(text, BASE) is None


def test_relative_needs_a_base() -> None:
    assert resolve_date("Sunday", None) is None
    assert resolve_date("March 25, 2019", None) is not None  # absolute dates still resolve
