"""ICEWS-style event rows: the tab-separated columns of the ICEWS coded event data.

Event Text is the CAMEO name of the event code (as in ICEWS, not the trigger words);
Intensity the CAMEO (Goldstein) scale value; names, sectors and countries are written
out (`actors`); Sentence Number counts from 1 as ICEWS does. District (ICEWS's
second-level division) is left empty: the gazetteer has none.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from ..model import Actor, Event, Location
from ..ontology import default_ontology
from .actors import display_name, sectors
from .geo import Geography, default_geography
from .text import csv_cell, one_line

if TYPE_CHECKING:
    from ..store import ArticleRef

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip


def icews_row(event: Event, article: "ArticleRef | None", geography: Geography) -> list[Any]:
    """One ICEWS row, in `ICEWS_COLUMNS` order ('' for unknowns)."""
    onto = default_ontology()
    day = event.date or (article.date.isoformat() if article and article.date else "")
    return [
        event.id, day, *_actor(event.source, geography),
        onto.codes[event.code].name if event.code in onto else "", event.code, event.goldstein,
        *_actor(event.target, geography), event.article_id, event.sentence_index + 1,
        article.source if article and article.source else "", *_place(event.location, geography),
    ]  # fmt: skip


def _actor(actor: Actor | None, geography: Geography) -> list[str]:
    if actor is None:
        return ["", "", ""]
    country = geography.country(actor.country)
    return [display_name(actor, geography), ",".join(sectors(actor)), country.name if country else ""]


def _place(location: Location | None, geography: Geography) -> list[Any]:
    if location is None:
        return ["", "", "", "", None, None]
    country = geography.country(location.country)
    city = location.name if location.precision == "city" else ""
    province = location.admin1 or (location.name if location.precision == "admin1" else "")
    return [city or "", "", province or "", country.name if country else "", location.lat, location.lon]


def write_icews(records: Iterable[tuple[Event, "ArticleRef | None"]], out: IO[str], *, header: bool = True) -> int:
    """ICEWS rows, tab-separated, for (event, article) records; a header line unless told not."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    if header:
        writer.writerow(ICEWS_COLUMNS)
    geography = default_geography()
    n = 0
    for event, article in records:
        writer.writerow([_cell(v) for v in icews_row(event, article, geography)])
        n += 1
    return n


def _cell(value: Any) -> Any:
    return csv_cell(one_line(value).replace("\t", " ")) if isinstance(value, str) else ("" if value is None else value)
