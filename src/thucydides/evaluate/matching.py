"""Field agreement between a gold event and a predicted `Event`, and the pairing.

Levels (`LEVELS`), from lenient to strict:

- `root`: code at root level (same first two digits);
- `root+dyad`: `root` plus source/target at country level (first three letters);
- `code`: code at code level (the predicted code equals or extends the gold code);
- `code+dyad`: `code` plus source/target at full level (predicted code starts with gold code);
- `full`: every field the gold event has, with the strict rules (code level, full
  actors, spans, plover, quad, penta, date, location).

At every level `penta`, `quad` and `plover` are compared whenever the gold event has
them, so penta-only gold (ConfliBERT) is scored on penta at every level. Spans, date
and location are compared only at `full`. A gold event with none of a level's fields
(for example event_text + location gold at `root`) agrees with any prediction there:
it only says "an event is reported here".

`plover` agrees with either the predicted event's PLOVER type or the PLOVER 2016
(v0.5b1) type of its code, because the dev gold (CAMEO manual x PLOVER GSR) uses the
2016 categories while the coder emits the 2021 ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable

from thucydides import names
from thucydides.model import Actor, Event, Location
from thucydides.ontology import CameoCode, Ontology, default_ontology

from .gold import GoldEvent


@dataclass(frozen=True)
class Level:
    name: str
    code: str  # "root" or "code"
    actors: str | None  # None (ignored), "country" or "full"
    strict: bool  # compare spans, date and location too


LEVELS: dict[str, Level] = {
    level.name: level
    for level in (
        Level("root", "root", None, False),
        Level("root+dyad", "root", "country", False),
        Level("code", "code", None, False),
        Level("code+dyad", "code", "full", False),
        Level("full", "code", "full", True),
    )
}

STOPWORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "s", "for", "by", "with"})
LOCATION_RADIUS_KM = 50.0
_EARTH_RADIUS_KM = 6371.0088
_ALWAYS = ("penta", "quad", "plover")
_STRICT = ("source_text", "target_text", "event_text", "date", "location")


# --- text helpers ----------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents (the one name fold, `names.py`): "Bogotá" is "bogota"."""
    return names.fold(text).casefold()


def content_tokens(text: str) -> set[str]:
    """Alphanumeric tokens without stopwords; a span of stopwords only keeps them all."""
    tokens = set(re.findall(r"[^\W_]+", fold(text)))
    return (tokens - STOPWORDS) or tokens


def spans_overlap(gold: str | list[str], predicted: str | None) -> bool:
    """True when the predicted text shares a content token with the gold (or any one gold) text."""
    if not predicted:
        return False
    candidates = [gold] if isinstance(gold, str) else gold
    tokens = content_tokens(predicted)
    return any(tokens & content_tokens(text) for text in candidates)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(a))


# --- single-field rules ------------------------------------------------------------


def code_agrees(gold: str | list[str], predicted: str, level: str) -> bool:
    """`level` "root": same first two digits; "code": predicted equals or extends gold,
    where a code's trailing "not specified" 0 extends to its siblings (GOLD-FORMAT:
    gold "190" accepts "193", "1410" accepts "1411")."""
    codes = [gold] if isinstance(gold, str) else gold
    if level == "root":
        return any(predicted[:2] == code[:2] for code in codes)
    return any(predicted.startswith(_unspecified_stem(code)) for code in codes)


def _unspecified_stem(code: str) -> str:
    return code[:-1] if len(code) > 2 and code.endswith("0") else code


def actor_agrees(gold: str | list[str], actor: Actor | None, level: str) -> bool:
    """`level` "country": same first three letters; "full": predicted starts with gold.

    A gold code "" means "no actor": the prediction must have none (or an empty code).
    """
    codes = [gold] if isinstance(gold, str) else gold
    predicted = (actor.code if actor else "").strip().upper()
    for code in (c.strip().upper() for c in codes):
        if not code:
            if not predicted:
                return True
        elif predicted and (predicted[:3] == code[:3] if level == "country" else predicted.startswith(code)):
            return True
    return False


def location_agrees(gold: dict[str, Any], predicted: Location | None) -> bool:
    """Every part the gold location has must agree (country, name, lat/lon, text)."""
    if not predicted:
        return False
    checks = {
        "country": lambda: (predicted.country or "").upper() == gold["country"].upper(),
        "name": lambda: fold(predicted.name or "").strip() == fold(gold["name"]).strip(),
        "lat": lambda: _within_radius(gold, predicted),
        "text": lambda: spans_overlap(gold["text"], predicted.text),
    }
    return all(check() for name, check in checks.items() if name in gold)


def _within_radius(gold: dict[str, Any], predicted: Location) -> bool:
    if predicted.lat is None or predicted.lon is None:
        return False
    return haversine_km(gold["lat"], gold["lon"], predicted.lat, predicted.lon) <= LOCATION_RADIUS_KM


def plover_types(event: Event, entry: CameoCode | None) -> set[str]:
    """The PLOVER types a prediction may be credited with (2021 and 2016 names)."""
    names = {event.plover_type}
    if entry is not None:
        names |= {entry.plover_type, entry.plover_2016_type}
    return {name.upper() for name in names if name}


def penta_of(event: Event, entry: CameoCode | None) -> int | None:
    if entry is not None:
        return entry.penta
    # Codes outside the table: roots 01-02 are statements, the rest follow the quad class (if any).
    return 0 if event.code[:2] in ("01", "02") else event.quad


# --- an event against a gold event ---------------------------------------------------


class Matcher:
    """Field agreement with a given ontology (the one the predicted codes come from)."""

    def __init__(self, ontology: Ontology | None = None) -> None:
        self.ontology = ontology or default_ontology()

    def entry(self, code: str) -> CameoCode | None:
        return self.ontology.codes.get(code)

    def compared_fields(self, gold: GoldEvent, level: Level) -> list[str]:
        """The fields of `gold` that `level` checks, in a fixed order."""
        names = ["code"] if "code" in gold else []
        if level.actors:
            names += [n for n in ("source", "target") if n in gold]
        if level.strict or "code" not in gold:
            # A gold code already fixes the class; quad/penta/plover labels are
            # compared on their own only when the gold has no code, or at `full`.
            names += [n for n in _ALWAYS if n in gold]
        if level.strict:
            names += [n for n in _STRICT if n in gold]
        return names

    def field_agrees(self, name: str, gold: GoldEvent, event: Event, level: Level) -> bool:
        return self._rules[name](self, gold[name], event, level)

    def agreement(self, gold: GoldEvent, event: Event, level: Level) -> tuple[int, int]:
        """(agreeing fields, compared fields) of `event` against `gold` at `level`."""
        names = self.compared_fields(gold, level)
        return sum(self.field_agrees(n, gold, event, level) for n in names), len(names)

    def matches(self, gold: GoldEvent, event: Event, level: Level) -> bool:
        agreed, compared = self.agreement(gold, event, level)
        return agreed == compared

    def _code(self, value: Any, event: Event, level: Level) -> bool:
        return code_agrees(value, event.code, level.code)

    def _source(self, value: Any, event: Event, level: Level) -> bool:
        return actor_agrees(value, event.source, level.actors or "full")

    def _target(self, value: Any, event: Event, level: Level) -> bool:
        return actor_agrees(value, event.target, level.actors or "full")

    def _quad(self, value: Any, event: Event, level: Level) -> bool:
        entry = self.entry(event.code)
        return (entry.quad if entry else event.quad) == value

    def _penta(self, value: Any, event: Event, level: Level) -> bool:
        return penta_of(event, self.entry(event.code)) == value

    def _plover(self, value: Any, event: Event, level: Level) -> bool:
        return value.upper() in plover_types(event, self.entry(event.code))

    _rules: dict[str, Callable[["Matcher", Any, Event, Level], bool]] = {
        "code": _code,
        "source": _source,
        "target": _target,
        "quad": _quad,
        "penta": _penta,
        "plover": _plover,
        "source_text": lambda self, v, e, lv: spans_overlap(v, e.source.text if e.source else None),
        "target_text": lambda self, v, e, lv: spans_overlap(v, e.target.text if e.target else None),
        "event_text": lambda self, v, e, lv: spans_overlap(v, e.event_text.text),
        "date": lambda self, v, e, lv: e.date == v,
        "location": lambda self, v, e, lv: location_agrees(v, e.location),
    }


# --- pairing ---------------------------------------------------------------------------


@dataclass
class Pairing:
    """One record's one-to-one pairing at one level (indices into gold and predictions)."""

    pairs: list[tuple[int, int]]
    missed: list[int]
    unpaired: list[int]


def pair(
    gold_events: list[GoldEvent],
    predictions: list[Event],
    level: Level,
    matcher: Matcher,
    eligible: set[int] | None = None,
) -> Pairing:
    """Pair gold events with predictions one-to-one, greedily, best agreement first.

    Only predictions that match a gold event at `level` can pair with it. Candidates
    are taken in order of agreement at `level`, then of agreement at `full` over all
    the gold fields (so at `root` the prediction with the right actors and span wins
    over an arbitrary one with the same root), then gold order, then prediction order.
    `eligible` restricts the predictions that may pair at all.
    """
    strict = LEVELS["full"]
    candidates = []
    for g, gold in enumerate(gold_events):
        for p, event in enumerate(predictions):
            if eligible is not None and p not in eligible:
                continue
            agreed, compared = matcher.agreement(gold, event, level)
            if agreed == compared:
                candidates.append((-agreed, -matcher.agreement(gold, event, strict)[0], g, p))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            pairs.append((g, p))
            used_gold.add(g)
            used_pred.add(p)
    missed = [g for g in range(len(gold_events)) if g not in used_gold]
    unpaired = [p for p in range(len(predictions)) if p not in used_pred]
    return Pairing(sorted(pairs), missed, unpaired)
