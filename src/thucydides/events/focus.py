"""The country an article is about, sentence by sentence.

An unqualified "the government", "police", "demonstrators" or an implied agent ("150
people were arrested") belongs to the country the story is about at that point, not to
the first place a sentence happens to name ("Rubio, who met Fidan *in Washington*, raised
concerns over the detention of protesters" is about Turkish protesters). The focus is a
weighted vote of the countries the article mentions: its dateline, its places, its
demonyms ("Turkish") and the actors it names ("Erdogan"), each mention counting less
the further its sentence is from the one being coded, and later sentences less than
earlier ones. The weights are data (`country_focus` in data/grammar.yaml).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..dateline import PLACE as DATELINE_PLACE
from ..dateline import doc_dateline_end
from ..model import Actor
from ..nlp import PLACE_LABELS, doc_ents, doc_sents, doc_text, sentence_of

ACTOR_LABELS = frozenset({"NORP", "PERSON", "ORG"})
_KEY = "thucydides.focus"


class CountryNames(Protocol):
    """What the focus needs from the actor resolver."""

    def country_of_place(self, name: str) -> str | None: ...

    def country_of_name(self, name: str) -> str | None: ...

    def country_of_text(self, text: str, date: str | None = None) -> str | None: ...

    def resolve_text(self, text: str, date: str | None = None) -> Actor | None: ...


@dataclass(frozen=True)
class FocusWeights:
    dateline: float = 3.0  # the dateline names where the story is told from
    hub: float = 1.0  # a dateline city where stories about other countries are told (an IGO seat)
    hubs: tuple[str, ...] = ()
    wire_services: tuple[str, ...] = ()  # agencies quoted anywhere, which place nothing
    place: float = 1.0
    actor: float = 1.0  # a demonym, person or organisation with a country
    decay: float = 0.6  # per sentence of distance
    ahead: float = 0.5  # a later sentence counts this much less than an earlier one

    @classmethod
    def from_data(cls, data: dict[str, object] | None) -> FocusWeights:
        def value(v: object) -> float | tuple[str, ...]:
            return tuple(str(x).lower() for x in v) if isinstance(v, list) else float(str(v))
        return cls(**{k: value(v) for k, v in (data or {}).items()})  # type: ignore[arg-type]


class CountryFocus:
    """Country mentions of one document and the country in focus at each sentence."""

    def __init__(self, mentions: list[list[tuple[str, float]]], dateline: tuple[str, float] | None,
                 weights: FocusWeights, frames: dict[int, str] | None = None) -> None:
        self._mentions = mentions  # per sentence: (country, weight)
        self._dateline = dateline  # (country, weight)
        self._frames = frames or {}  # sentence -> the country its opening "In <place>," sets
        self._weights = weights
        self._ranked: dict[int, tuple[str, ...]] = {}
        self._named: dict[int, frozenset[str]] = {}

    @classmethod
    def of(cls, doc: Doc, names: CountryNames, date: str | None, weights: FocusWeights) -> CountryFocus:
        """The focus of a parsed document, worked out once per Doc."""
        key = (id(names), date, weights)  # one vote per resolver and publication date, as coreference
        memo = doc.user_data.get(_KEY)
        if memo is None or memo[0] != key:
            memo = doc.user_data[_KEY] = (key, cls(_mentions(doc, names, date, weights),
                                                   _dateline(doc, names, weights), weights,
                                                   _frames(doc, names)))
        return memo[1]

    def at(self, sentence: int) -> str | None:
        """The country in focus at a sentence: the one its opening place sets ("*In
        Moscow*, the Defence Ministry said"), else the article's vote; None where the
        article names none."""
        if sentence in self._frames:
            return self._frames[sentence]
        ranked = self.ranking(sentence)
        return ranked[0] if ranked else None

    def ranking(self, sentence: int) -> tuple[str, ...]:
        """The article's countries, the one in focus at a sentence first."""
        if sentence not in self._ranked:
            self._ranked[sentence] = self._vote(sentence)
        return self._ranked[sentence]

    def named_by(self, sentence: int) -> frozenset[str]:
        """The countries the article has named up to and in a sentence (its dateline too)."""
        if sentence not in self._named:
            named = {c for mentions in self._mentions[: sentence + 1] for c, _ in mentions}
            self._named[sentence] = frozenset(named | ({self._dateline[0]} if self._dateline else set()))
        return self._named[sentence]

    def _vote(self, sentence: int) -> tuple[str, ...]:
        w = self._weights
        score: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        if self._dateline:
            country, weight = self._dateline
            score[country] += weight
            first[country] = -1
        for j, mentions in enumerate(self._mentions):
            distance = abs(sentence - j)
            factor = w.decay**distance * (w.ahead if j > sentence else 1.0)
            for country, weight in mentions:
                score[country] += weight * factor
                first.setdefault(country, j)
        # Ties go to the country named first: a story opens on its subject.
        return tuple(sorted(score, key=lambda c: (-round(score[c], 9), first[c])))


def _dateline(doc: Doc, names: CountryNames, weights: FocusWeights) -> tuple[str, float] | None:
    """The dateline's country and weight: less where the city is a hub from which
    stories about other countries are filed ("BRUSSELS - The EU imposed sanctions on
    Iranian officials")."""
    match = DATELINE_PLACE.match(doc_text(doc)[:80])
    if not match:
        return None
    place = match.group("place").title()
    country = names.country_of_place(place)
    if country is None:
        return None
    return country, weights.hub if place.lower() in weights.hubs else weights.dateline


def _frames(doc: Doc, names: CountryNames) -> dict[int, str]:
    """Sentences that open on a place, wire style: "*In Moscow,* the Defence Ministry
    said its troops had captured the village" (in a story from Kyiv) is told of Russia."""
    frames: dict[int, str] = {}
    dateline_end = doc_dateline_end(doc)
    text = doc_text(doc)
    for index, sent in enumerate(doc_sents(doc)):
        first = next((t for t in sent if t.idx >= dateline_end and not t.is_punct), None)
        ent = _place_after(first) if first is not None and first.lower_ == "in" else None
        if ent is not None:
            country = names.country_of_name(text[ent.start_char:ent.end_char])
            if country:
                frames[index] = country
    return frames


def _place_after(word: Token) -> Span | None:
    """The place named right after a word and closed by a comma ("In *Moscow*,")."""
    doc = word.doc
    ent = next((e for e in doc_ents(doc) if e.start == word.i + 1), None)
    if ent is None or ent.label_ not in PLACE_LABELS or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return ent


def _mentions(doc: Doc, names: CountryNames, date: str | None, weights: FocusWeights) -> list[list[tuple[str, float]]]:
    per_sentence: list[list[tuple[str, float]]] = [[] for _ in doc_sents(doc)]
    dateline_end = doc_dateline_end(doc)
    text = doc_text(doc)
    for ent in doc_ents(doc):
        name = text[ent.start_char:ent.end_char]  # `ent.text`, without joining its tokens
        if ent.start_char < dateline_end or name.lower() in weights.wire_services:
            continue  # counted as the dateline; a wire service tells where nothing is
        country, weight = _country_of(name, ent.label_, names, date, weights)
        if country:
            per_sentence[sentence_of(doc, ent.start)[0]].append((country, weight))
    return per_sentence


def _country_of(text: str, label: str, names: CountryNames, date: str | None,
                weights: FocusWeights) -> tuple[str | None, float]:
    if label in PLACE_LABELS:
        # An IGO seat named in the story is often its venue or the IGO itself ("Brussels
        # was interfering", "talks in Geneva"): it counts as little as a dateline hub.
        return names.country_of_name(text), weights.hub if text.lower() in weights.hubs else weights.place
    if label in ACTOR_LABELS:
        return names.country_of_text(text, date), weights.actor
    return None, 0.0
