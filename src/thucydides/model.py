"""The records that flow through the pipeline: articles in, events out.

Each record serialises to a JSON-ready dict with `to_dict()`; the event record is
declared once below and the store, the exporters and the CLI derive their
schemas from it (see `schema`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import MISSING, asdict, dataclass as plain_dataclass, field, fields, is_dataclass
from typing import Any, Literal, TypeVar

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass


# What an article or event id may be: the API serves ids of this form only, so a
# reader refuses any other (see ingest.jsonl).
ID_PATTERN = r"^[\w.:-]{1,128}$"


def normalise_text(text: str) -> str:
    """Text normalised for hashing: NFC, whitespace folded, lower case."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


def stable_hash(value: str, length: int = 16) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:length]


@plain_dataclass
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


# --- the event record ----------------------------------------------------------
#
# Declared once, here. Everything else is derived from these declarations: the
# dict (JSONL) form below, and in `schema` the flat columns, the DuckDB types,
# the Arrow schema and the export mappings. Records are pydantic dataclasses, so
# `dataclasses.replace`, positional construction and `fields()` keep working and
# a dict assigned to a typed field (`event.location = {...}`) is validated into
# its record. Unknown keys (an older store's extras, the derived `implied`) are
# ignored when reading.

_CONFIG = ConfigDict(validate_assignment=True, extra="ignore")
R = TypeVar("R")
Number = int | float  # a union, so 12 stays 12 and 1.5 stays 1.5 (JSON output is unchanged)


def trusted(cls: type[R], **values: Any) -> R:
    """A record of `cls` from values already of its fields' declared types (every field
    given), without pydantic's validation: it costs an Actor ~5 µs, and the
    resolver makes one for every phrase it reads. Only for values the caller builds
    itself from typed parts: one of another type would stay unconverted."""
    if values.keys() != cls.__dataclass_fields__.keys():  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} needs exactly its fields")
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record


def trusted_replace(record: R, **changes: Any) -> R:
    """`dataclasses.replace` for a record whose `changes` are of the declared types
    (see `trusted`)."""
    return trusted(type(record), **{**record.__dict__, **changes})


def _dump(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict, in declaration order. A field declared with
    `omit_default` is left out while it has its default (a figure's optional `min`)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.metadata.get("omit_default") and value == f.default:
            continue
        out[f.name] = plain(value)
    return out


def plain(value: Any) -> Any:
    """A record (or list of records) as JSON-ready values."""
    if is_dataclass(value):
        return value.to_dict()  # type: ignore[union-attr]
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _optional(default: Any = None) -> Any:
    return field(default=default, metadata={"omit_default": True})


@dataclass(config=_CONFIG)
class Span:
    """Words of the article: `start`/`end` are character offsets into its text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _dump(self)


@dataclass(config=_CONFIG)
class Actor:
    """An actor as mentioned in the text and resolved to a CAMEO actor code.

    `start`/`end` are character offsets into the article text.
    """

    code: str
    text: str
    start: int
    end: int
    country: str | None = None  # ISO 3166-1 alpha-3
    role: str | None = None  # CAMEO role: GOV, MIL, COP...
    name: str | None = None
    wikidata: str | None = None

    @property
    def implied(self) -> bool:
        """An actor the text does not name but CAMEO practice supplies ("X was
        arrested": the police of the country in context): no words, a zero-length span
        at the predicate."""
        return not self.text and self.start == self.end

    def to_dict(self) -> dict[str, Any]:
        return {**_dump(self), **({"implied": True} if self.implied else {})}


@dataclass(config=_CONFIG)
class Speaker(Actor):
    """Who a quote is attributed to: an actor, or a named person no code fits (code None)."""

    code: str | None  # type: ignore[assignment]


@dataclass(config=_CONFIG)
class Location:
    """Where an event took place: the place's words in the article and the gazetteer
    entry they resolve to (None throughout when unresolved)."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # first-level division, by name
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: Literal["country", "admin1", "city"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return _dump(self)


@dataclass(config=_CONFIG)
class Quote:
    """A direct quote: the quoted words (without their marks) and who said them."""

    text: str
    start: int | None = None
    end: int | None = None
    speaker: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        return _dump(self)


@dataclass(config=_CONFIG)
class Figure:
    """A count the event reports: "killed *12 people*", "*$5 million* in aid"."""

    kind: str  # killed, injured, arrested, ..., money
    value: Number | None  # None: a range only ("dozens": min 24, max 99)
    text: str
    start: int
    end: int
    min: Number | None = _optional()  # a range: "between 10 and 20"
    max: Number | None = _optional()
    approximate: bool = _optional(False)  # "about 300"
    currency: str | None = _optional()

    def to_dict(self) -> dict[str, Any]:
        return _dump(self)


def nested(group: str, key: str, **kwargs: Any) -> Any:
    """A field the dict form nests: `sentence_index` is `{"sentence": {"index": ...}}`."""
    return field(metadata={"group": group, "key": key}, **kwargs)


# The nested objects of the dict form and their keys, in order.
GROUPS: dict[str, tuple[str, ...]] = {"sentence": ("index", "text", "start"), "plover": ("type", "mode")}


@dataclass(config=_CONFIG, kw_only=True)
class Event:
    """One coded event with its evidence.

    Fields are declared in the order of the flat (CSV, Parquet, DuckDB) columns;
    the dict form nests the `nested` ones (see `GROUPS`).
    """

    id: str = ""
    article_id: str
    sentence_index: int = nested("sentence", "index")
    sentence_start: int = nested("sentence", "start", default=0)
    sentence_text: str = nested("sentence", "text")
    code: str
    root: str
    quad: int | None = field(metadata={"sql": "TINYINT"})  # None: a code outside CAMEO, no class of its own
    goldstein: float | None
    plover_type: str | None = nested("plover", "type")
    plover_mode: str | None = nested("plover", "mode")
    source: Actor | None = field(metadata={"flat": "source"})  # flat: source_code, source_text...
    target: Actor | None = field(metadata={"flat": "target"})
    event_text: Span = field(metadata={"flat": "event"})  # flat: event_text, event_start, event_end
    date: str | None = field(default=None, metadata={"sql": "DATE"})  # YYYY-MM-DD, or partial: 2024-03
    date_precision: str = "article"
    date_text: str | None = None
    location: Location | None = None
    modality: str = "asserted"
    quote: Quote | None = None
    figures: list[Figure] = field(default_factory=list)
    # Further mentions of the same happening in the article ("the protests ... the
    # rallies"), merged into this event (`events/happenings.py`); `event_text` is one.
    mentions: list[Span] = field(default_factory=list)
    rule: str
    confidence: float = 1.0

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
        """The dict (JSONL) form: `fields` in order, the `nested` ones grouped."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = plain(getattr(self, f.name))
            group = f.metadata.get("group")
            if group is None:
                out[f.name] = value
            else:
                out.setdefault(group, dict.fromkeys(GROUPS[group]))[f.metadata["key"]] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Event":
        """Inverse of `to_dict`; a missing (or null) value takes the field's default."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            group = f.metadata.get("group")
            value = (data.get(group) or {}).get(f.metadata["key"]) if group else data.get(f.name)
            if value is not None or not has_default(f):
                values[f.name] = value
        return cls(**values)


def has_default(f: Any) -> bool:
    """Whether a dataclass field has a default (or default factory)."""
    return f.default is not MISSING or f.default_factory is not MISSING
