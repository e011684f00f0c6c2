"""PLOVER (POLECAT-style) event records: one JSON object per line.

Field names follow the PLOVER specification's JSON records (the OEDA gold standard
records: `id`, `date`, `actor` and `recipient` as lists of actors with `actorText`,
`code` and `sector`, `event`, `eventText`, `mode`, `context`, `text`, `language`,
`publication`, `coder`, `version`, `dateCoded`), with what POLECAT adds: each actor's
`country`, the `location`, the story and sentence the event is read from (`storyId`,
`sentenceNum`, counting from 1 as POLECAT and ICEWS do) and the magnitude fields PLOVER
defines (`dead`, `injured`, `size`). The CAMEO coding rides along under `cameo`.

PLOVER has no place for CAMEO's public statements (01): events with no PLOVER type are
not written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..model import Actor, Event, Figure, Location
from ..ontology import default_ontology
from .actors import sectors
from .text import write_json_lines

if TYPE_CHECKING:
    from ..store import ArticleRef

# The PLOVER version of the CAMEO -> PLOVER mapping the ontology carries (CAMEO2PLOVER-2021).
PLOVER_VERSION = "0.8"
# PLOVER's magnitude fields and the figure kinds that fill them.
_MAGNITUDES = {"dead": ("killed",), "injured": ("injured",), "size": ("protesters",)}


def plover_record(event: Event, article: "ArticleRef | None" = None, coded: date | None = None) -> dict[str, Any]:
    """One event as a PLOVER record (see the module docstring for the fields)."""
    day = event.date or (article.date.isoformat() if article and article.date else None)
    record: dict[str, Any] = {
        "id": event.id,
        "date": day,
        "actor": _actors(event.source),
        "recipient": _actors(event.target),
        "event": event.plover_type,
        "eventText": event.event_text.text,
        "mode": event.plover_mode or "",
        "context": _contexts(event.code),
        "location": _locations(event.location),
        **_magnitudes(event.figures),
        "text": event.sentence_text,
        "storyId": event.article_id,
        "sentenceNum": event.sentence_index + 1,
        "modality": event.modality,
        "cameo": {"code": event.code, "root": event.root, "quad": event.quad, "goldstein": event.goldstein},
        "language": "en",
        "publication": article.source if article else None,
        "url": article.url if article else None,
        "coder": f"thucydides {__version__}",
        "version": PLOVER_VERSION,
        "dateCoded": (coded or (article.ingested_at.date() if article and article.ingested_at else None)),
    }
    if isinstance(record["dateCoded"], date):
        record["dateCoded"] = record["dateCoded"].isoformat()
    return record


def _actors(actor: Actor | None) -> list[dict[str, Any]]:
    """An actor as PLOVER's list of actors (a compound actor would be several)."""
    if actor is None:
        return []
    sector = sectors(actor)
    return [{
        "actorText": actor.text, "code": actor.code, "country": actor.country, "sector": sector[0] if sector else None,
        "sectors": sector, "role": actor.role, "name": actor.name, "wikidata": actor.wikidata,
    }]  # fmt: skip


def _contexts(code: str) -> list[str]:
    onto = default_ontology()
    context = onto.codes[code].plover_context if code in onto else None
    return [c.strip() for c in (context or "").split(";") if c.strip()]


def _locations(location: Location | None) -> list[dict[str, Any]]:
    if location is None:
        return []
    return [{
        "placeName": location.name or location.text, "placeText": location.text, "country": location.country,
        "admin1": location.admin1, "lat": location.lat, "lon": location.lon, "geonamesId": location.geonameid,
        "featureType": location.precision,
    }]  # fmt: skip


def _magnitudes(figures: list[Figure]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field, kinds in _MAGNITUDES.items():
        values = [v for f in figures if f.kind in kinds
                  if (v := f.value if f.value is not None else f.min) is not None]
        if values:
            out[field] = max(values)  # the largest count the sentence reports
    return out


def plover_records(records: Iterable[tuple[Event, "ArticleRef | None"]]) -> Iterator[dict[str, Any]]:
    """PLOVER records for the (event, article) records that have a PLOVER type."""
    for event, article in records:
        if event.plover_type:
            yield plover_record(event, article)


def write_plover(records: Iterable[tuple[Event, "ArticleRef | None"]], out: IO[str]) -> int:
    return write_json_lines(plover_records(records), out)
