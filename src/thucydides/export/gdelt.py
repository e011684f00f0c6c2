"""GDELT 2.0 event rows: the 61 tab-separated columns of the GDELT 2.0 Event Codebook.

Columns, their codebook and BigQuery names and their types are data
(`data/export/gdelt_columns.tsv`). A row is one coded event (a mention: NumMentions 1)
or, with `rows="event"`, one event cluster (see `aggregate`) with its counts. Places are
GDELT's (`geo`): type 1-5, FIPS 10-4 codes, ADM1 codes, centroids; an actor's place is
the one its own words name, else blank (type 0). Unknown values are empty cells; GDELT
never quotes a field, so tabs and line breaks inside text become spaces.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from ..model import Event
from .geo import Geography, actor_place, default_geography
from .tables import read_table
from .text import one_line

if TYPE_CHECKING:
    import pandas as pd

    from ..store import ArticleRef, ClusterCounts

HeaderStyle = Literal["gdelt", "bigquery"]
HEADER_STYLES: tuple[str, ...] = ("gdelt", "bigquery")
_COLUMNS = read_table("gdelt_columns")

# The 61 columns in file order, by their codebook names (GlobalEventID, Day, ...) and
# their BigQuery names (GLOBALEVENTID, SQLDATE, ...).
GDELT_COLUMNS: tuple[str, ...] = tuple(c["codebook"] for c in _COLUMNS)
BIGQUERY_COLUMNS: tuple[str, ...] = tuple(c["bigquery"] for c in _COLUMNS)
assert len(GDELT_COLUMNS) == len(BIGQUERY_COLUMNS) == 61

# The eight columns of each of the three places, after their prefix (Actor1Geo_Type...).
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# Codebook type -> pandas dtype (nullable integers: a blank QuadClass stays blank).
_PANDAS = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}
# Column (codebook name) -> pandas dtype: codes are strings, so 030 stays 030.
GDELT_DTYPES: dict[str, str] = {c["codebook"]: _PANDAS[c["type"]] for c in _COLUMNS}


def header_names(style: HeaderStyle = "gdelt") -> tuple[str, ...]:
    if style not in HEADER_STYLES:
        raise ValueError(f"unknown GDELT header {style!r}; choose from {', '.join(HEADER_STYLES)}")
    return GDELT_COLUMNS if style == "gdelt" else BIGQUERY_COLUMNS


def gdelt_event_id(event_id: str) -> int:
    """A stable positive integer (< 2**60, fits BIGINT) from our string event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_row(
    event: Event,
    article: "ArticleRef | None" = None,
    cluster: "ClusterCounts | None" = None,
    geography: Geography | None = None,
) -> list[Any]:
    """One GDELT 2.0 event row (61 values, in `GDELT_COLUMNS` order); unknowns are ''.

    With `cluster`, the row stands for the whole cluster `event` is the first
    mention of: its counts and first-seen time, and a GlobalEventID from the cluster id.
    """
    geo = geography or default_geography()
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    row["GlobalEventID"] = gdelt_event_id(cluster.cluster_id if cluster else event.id)
    row.update(_dates(_day(event.date) or _day(article.date if article else None)))
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
    counts = (cluster.num_mentions, cluster.num_sources, cluster.num_articles) if cluster else (1, 1, 1)
    row.update(zip(("NumMentions", "NumSources", "NumArticles"), counts))
    for prefix, place in (
        ("Actor1Geo_", geo.gdelt(actor_place(event.source))),
        ("Actor2Geo_", geo.gdelt(actor_place(event.target))),
        ("ActionGeo_", geo.gdelt(event.location)),
    ):
        row.update(zip((prefix + f for f in _GEO_FIELDS), place.values(), strict=True))
    if article:
        added = cluster.first_seen if cluster and cluster.first_seen else article.ingested_at
        if added:
            row["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
        row["SOURCEURL"] = article.url or article.source or ""
    return [row[c] for c in GDELT_COLUMNS]


def _dates(day: date | None) -> dict[str, Any]:
    if day is None:
        return {}
    # GDELT's own approximation: 30-day months over a 365-day year.
    fraction = f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"
    return {"Day": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": day.year, "FractionDate": fraction}


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _cell(value: Any) -> str:
    # None (the QuadClass of a code outside CAMEO, a place without coordinates) is unknown: ''.
    if value is None:
        return ""
    return one_line(str(value)).replace("\t", " ")


def write_gdelt(
    records: Iterable[tuple[Event, "ArticleRef | None"] | tuple[Event, "ArticleRef | None", "ClusterCounts | None"]],
    out: IO[str],
    *,
    header: HeaderStyle | None = None,
) -> int:
    """GDELT rows for (event, article) or (event, article, cluster) records; a header
    line of the codebook's or BigQuery's names when `header` says which."""
    if header:
        out.write("\t".join(header_names(header)) + "\n")
    geography = default_geography()
    n = 0
    for record in records:
        event, article, cluster = (*record, None)[:3]
        out.write("\t".join(_cell(v) for v in gdelt_row(event, article, cluster, geography=geography)) + "\n")
        n += 1
    return n


def read_gdelt(path: str | Path | IO[str], **kwargs: Any) -> "pd.DataFrame":
    """A GDELT export read into pandas with the codebook's types (`GDELT_DTYPES`), its
    columns named as the codebook names them, with or without a header line."""
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError("read_gdelt needs pandas: pip install 'thucydides[dataframes]'") from err
    first = _first_line(path)
    header = 0 if first.split("\t", 1)[0] in (GDELT_COLUMNS[0], BIGQUERY_COLUMNS[0]) else None
    options: dict[str, Any] = {"sep": "\t", "header": header, "names": list(GDELT_COLUMNS), "dtype": GDELT_DTYPES,
                               "keep_default_na": False, "na_values": [""], "quoting": 3}  # 3: csv.QUOTE_NONE
    return pd.read_csv(path, **{**options, **kwargs})


def _first_line(path: str | Path | IO[str]) -> str:
    if isinstance(path, (str, Path)):
        with open(path, encoding="utf-8") as f:
            return f.readline()
    position = path.tell()
    line = path.readline()
    path.seek(position)
    return line
