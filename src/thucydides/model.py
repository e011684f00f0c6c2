"""The records that flow through the pipeline: articles in, events out.

Everything here is a plain dataclass that serialises to JSON-ready dicts with
`to_dict()`, so the store, the exporters and the CLI share one schema.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any


# What an article or event id may be: the API serves ids of this form only, so a
# reader refuses any other (see ingest.jsonl).
ID_PATTERN = r"^[\w.:-]{1,128}$"


def normalise_text(text: str) -> str:
    """Text normalised for hashing: NFC, whitespace folded, lower case."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


def stable_hash(value: str, length: int = 16) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:length]


@dataclass
class Article:
    """One unit of news text, as ingested.

    `id` is stable: the explicit id of the input record, else a hash of the URL,
    else a hash of the normalised text, so re-ingesting the same story gives the
    same id.
    """

    text: str
    id: str = ""
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and position) the article came from
    meta: dict[str, Any] = field(default_factory=dict)
    # What reading changed or left out of the record (an unreadable date, say),
    # reported as warnings with the article's origin; never stored.
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_article_id(self.text, self.url)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def make_article_id(text: str, url: str | None = None) -> str:
    if url:
        return "url-" + stable_hash(url.strip())
    return "txt-" + stable_hash(normalise_text(text))


@dataclass
class Actor:
    """An actor as mentioned in the text and resolved to a CAMEO actor code.

    `start`/`end` are character offsets into the article text.
    """

    code: str
    text: str
    start: int
    end: int
    country: str | None = None
    role: str | None = None
    name: str | None = None
    wikidata: str | None = None

    @property
    def implied(self) -> bool:
        """An actor the text does not name but CAMEO practice supplies ("X was
        arrested": the police of the country in context): no words, a zero-length span
        at the predicate."""
        return not self.text and self.start == self.end

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), **({"implied": True} if self.implied else {})}


@dataclass
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event with its evidence."""

    article_id: str
    sentence_index: int
    sentence_text: str
    sentence_start: int
    code: str
    root: str
    quad: int | None  # None: a code outside CAMEO (a user's dictionaries), no class of its own
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    source: Actor | None
    target: Actor | None
    event_text: Span
    rule: str
    date: str | None = None
    date_precision: str = "article"
    date_text: str | None = None
    location: dict[str, Any] | None = None
    modality: str = "asserted"
    confidence: float = 1.0
    quote: dict[str, Any] | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.make_id()

    def make_id(self) -> str:
        key = "|".join(
            [
                self.article_id,
                str(self.sentence_index),
                self.code,
                str(self.event_text.start),
                self.source.code if self.source else "",
                str(self.source.start) if self.source else "",
                self.target.code if self.target else "",
                str(self.target.start) if self.target else "",
            ]
        )
        return "ev-" + stable_hash(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence": {
                "index": self.sentence_index,
                "text": self.sentence_text,
                "start": self.sentence_start,
            },
            "code": self.code,
            "root": self.root,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "event_text": self.event_text.to_dict(),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location,
            "modality": self.modality,
            "quote": self.quote,
            "figures": self.figures,
            "rule": self.rule,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        sentence = data["sentence"]
        plover = data.get("plover") or {}
        return cls(
            id=data["id"],
            article_id=data["article_id"],
            sentence_index=sentence["index"],
            sentence_text=sentence["text"],
            sentence_start=sentence.get("start", 0),
            code=data["code"],
            root=data["root"],
            quad=data["quad"],
            goldstein=data["goldstein"],
            plover_type=plover.get("type"),
            plover_mode=plover.get("mode"),
            source=Actor(**data["source"]) if data.get("source") else None,
            target=Actor(**data["target"]) if data.get("target") else None,
            event_text=Span(**data["event_text"]),
            rule=data["rule"],
            date=data.get("date"),
            date_precision=data.get("date_precision", "article"),
            date_text=data.get("date_text"),
            location=data.get("location"),
            modality=data.get("modality", "asserted"),
            confidence=data.get("confidence", 1.0),
            quote=data.get("quote"),
            figures=data.get("figures") or [],
        )
