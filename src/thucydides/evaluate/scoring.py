"""Counts and metrics over a gold file: found, missed, extra, precision, recall, F1.

Rules (GOLD-FORMAT.md, "Scoring"), per record and per level:

- a prediction whose code starts with an `absent` prefix (any code when the prefix is
  `"*"`) is always extra and never pairs with a gold event: the gold says it is wrong;
- the remaining predictions pair one-to-one with gold events (`matching.pair`);
- found = paired gold events, missed = unpaired gold events;
- extra = the absent violations plus, in records with `complete: true`, the unpaired
  predictions. In incomplete records an unpaired prediction may be a correct event
  the gold does not list, so it is not counted against the coder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thucydides.model import Event
from thucydides.ontology import Ontology

from .gold import GoldRecord
from .matching import LEVELS, Matcher, Pairing, pair

# The level whose found events the field agreement is computed over.
AGREEMENT_LEVEL = "root+dyad"

# label -> (gold field, level whose rule is applied)
AGREEMENT_FIELDS: dict[str, tuple[str, str]] = {
    "code": ("code", "code"),
    "source (country)": ("source", "root+dyad"),
    "source (full)": ("source", "code+dyad"),
    "target (country)": ("target", "root+dyad"),
    "target (full)": ("target", "code+dyad"),
    "source_text": ("source_text", "full"),
    "target_text": ("target_text", "full"),
    "event_text": ("event_text", "full"),
    "date": ("date", "full"),
    "location": ("location", "full"),
    "plover": ("plover", "full"),
}


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    missed: int = 0
    extra: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.found, self.found + self.extra)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.found + self.missed)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "missed": self.missed,
            "extra": self.extra,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Agreement:
    agreed: int = 0
    compared: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.agreed, self.compared)

    def to_dict(self) -> dict[str, Any]:
        return {"agreed": self.agreed, "compared": self.compared, "rate": self.rate}


@dataclass
class RecordResult:
    """One record's predictions and pairings, kept for the error listing."""

    record: GoldRecord
    predictions: list[Event]
    violations: list[int]  # predictions that carry an `absent` code
    pairings: dict[str, Pairing]

    def extras(self, level: str) -> list[int]:
        unpaired = self.pairings[level].unpaired if self.record.complete else []
        return sorted(set(unpaired) | set(self.violations))


@dataclass
class Scores:
    levels: dict[str, Counts]
    agreement: dict[str, Agreement]
    records: list[RecordResult] = field(default_factory=list)

    @property
    def predicted_per_gold(self) -> float | None:
        """Predictions beyond the matched ones per gold event, at root level.

        The coder's target is at most 0.4; a coder that over-generates shows it here
        even on gold that is not `complete`.
        """
        root = self.levels["root"]
        return ratio(root.predicted - root.found, root.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": len(self.records),
            "levels": {name: counts.to_dict() for name, counts in self.levels.items()},
            "predicted_per_gold": self.predicted_per_gold,
            "agreement_level": AGREEMENT_LEVEL,
            "agreement": {name: a.to_dict() for name, a in self.agreement.items()},
        }


def violates_absent(code: str, absent: tuple[str, ...]) -> bool:
    return any(prefix == "*" or code.startswith(prefix) for prefix in absent)


def score_record(record: GoldRecord, predictions: list[Event], matcher: Matcher) -> RecordResult:
    violations = [i for i, event in enumerate(predictions) if violates_absent(event.code, record.absent)]
    eligible = set(range(len(predictions))) - set(violations)
    pairings = {
        name: pair(record.events, predictions, level, matcher, eligible) for name, level in LEVELS.items()
    }
    return RecordResult(record, predictions, violations, pairings)


def score(
    gold_records: list[GoldRecord],
    predictions: dict[str, list[Event]],
    ontology: Ontology | None = None,
) -> Scores:
    """Score predictions (by record id; a missing id means no predictions) against gold."""
    matcher = Matcher(ontology)
    results = [score_record(r, predictions.get(r.id, []), matcher) for r in gold_records]
    levels = {name: _level_counts(results, name) for name in LEVELS}
    return Scores(levels, _field_agreement(results, matcher), results)


def _level_counts(results: list[RecordResult], level: str) -> Counts:
    counts = Counts()
    for result in results:
        pairing = result.pairings[level]
        counts.gold += len(result.record.events)
        counts.found += len(pairing.pairs)
        counts.missed += len(pairing.missed)
        counts.extra += len(result.extras(level))
        counts.predicted += len(result.predictions)
    return counts


def _field_agreement(results: list[RecordResult], matcher: Matcher) -> dict[str, Agreement]:
    table = {label: Agreement() for label in AGREEMENT_FIELDS}
    for result in results:
        for g, p in result.pairings[AGREEMENT_LEVEL].pairs:
            gold, event = result.record.events[g], result.predictions[p]
            for label, (name, level) in AGREEMENT_FIELDS.items():
                if name in gold:
                    table[label].compared += 1
                    table[label].agreed += int(matcher.field_agrees(name, gold, event, LEVELS[level]))
    return table
