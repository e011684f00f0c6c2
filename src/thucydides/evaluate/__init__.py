"""Scoring the coder against gold event data (format: `shared/GOLD-FORMAT.md`).

`read_gold` reads a gold file, `score` compares predicted `Event`s (by record id) with
it, and `report` renders the result. The `thucydides eval` command ties them to the
pipeline.
"""

from __future__ import annotations

from .gold import HALVES, GoldEvent, GoldFormatError, GoldRecord, GoldSet, half_of, parse_record, read_gold
from .matching import LEVELS, Level, Matcher, Pairing, pair
from .scoring import AGREEMENT_LEVEL, Agreement, Counts, RecordResult, Scores, score

__all__ = [
    "AGREEMENT_LEVEL",
    "HALVES",
    "LEVELS",
    "Agreement",
    "Counts",
    "GoldEvent",
    "GoldFormatError",
    "GoldRecord",
    "GoldSet",
    "Level",
    "Matcher",
    "Pairing",
    "half_of",
    "RecordResult",
    "Scores",
    "pair",
    "parse_record",
    "read_gold",
    "score",
]
