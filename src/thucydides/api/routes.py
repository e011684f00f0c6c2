"""The read-only REST endpoints under /api."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..schema import CSV_COLUMNS
from ..model import ID_PATTERN
from .. import query
from ..query import MATCHES, MODALITIES, EventFilter, QuoteFilter
from . import queries

MAX_PAGE = 500  # events per JSON page
MAX_CSV = 10_000  # rows per CSV export request (page through with offset for more)
MAX_OFFSET = 10_000_000

router = APIRouter(prefix="/api")

Interval = Literal["day", "week", "month", "year"]
ACTOR_PATTERN = r"^[A-Za-z0-9]{1,40}$"
MatchParam = Annotated[
    Literal[MATCHES],  # type: ignore[valid-type]
    Query(description="How actor codes match: prefix (USA: USAGOV...), exact, or country (the actor's ISO country)."),
]


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


def event_filter(
    date_from: Annotated[date | None, Query(alias="from", description="First day (YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last day (YYYY-MM-DD), inclusive.")] = None,
    actor: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Actor code, as source or target.")] = None,
    source: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Source actor code.")] = None,
    target: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Target actor code.")] = None,
    match: MatchParam = "prefix",
    directed: Annotated[bool, Query(description="false: source/target match either way round.")] = True,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 country of either actor.")] = None,
    role: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="CAMEO role of either actor (GOV, MIL, ...).")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO event code prefix.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code (01-20).")] = None,
    quad: Annotated[list[int] | None, Query(description="QuadClass 1-4; repeat for several.")] = None,
    modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")$")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=100, description="Words in the event location.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words in the event sentence.")] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN, description="Article id.")] = None,
    located: Annotated[bool | None, Query(description="Only events with (true) / without (false) coordinates.")] = None,
    unique: Annotated[
        bool, Query(description="One row per real-world event: leave out repeated mentions (see thucydides aggregate).")
    ] = False,
) -> EventFilter:
    """The query parameters as a `query.EventFilter`, checked (a bad value is a 422)."""
    quads = tuple(dict.fromkeys(quad or ()))
    if any(not 1 <= k <= 4 for k in quads):
        raise HTTPException(422, "query parameter 'quad' must be 1, 2, 3 or 4")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"'from' ({date_from}) is after 'to' ({date_to})")
    if root and not 1 <= int(root) <= 20:
        raise HTTPException(422, "query parameter 'root' must be a CAMEO root, 01 to 20")
    return EventFilter(
        date_from=date_from, date_to=date_to, actor=_upper(actor), source=_upper(source), target=_upper(target),
        match=match, directed=directed, country=_upper(country), role=_upper(role), codes=(code,) if code else (),
        roots=(root,) if root else (), quads=quads, modality=modality, place=place, text=q, article=article,
        located=located, unique=unique,
    )  # fmt: skip


Filters = Annotated[EventFilter, Depends(event_filter)]


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with request.app.state.snapshots.cursor() as cur:
        yield cur


Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


@router.get("/summary", summary="Counts, date range and snapshot time")
def get_summary(request: Request, cur: Cur) -> dict[str, Any]:
    taken = request.app.state.snapshots.taken_at
    return {**queries.summary(cur), "snapshot_at": taken.isoformat() if taken else None}


@router.get("/events", summary="Events matching the filters, a page at a time (JSON or CSV)", response_model=None)
def list_events(
    cur: Cur,
    f: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_CSV, description=f"Page size: at most {MAX_PAGE} (JSON), {MAX_CSV} (CSV).")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[Literal[tuple(queries.SORTS)], Query(description="Order; '-' for descending.")] = "-date",  # type: ignore[valid-type]
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> dict[str, Any] | Response:
    if format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(queries.csv_rows(cur, f, limit, offset, sort))
        headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if limit > MAX_PAGE:
        raise HTTPException(422, f"query parameter 'limit' must be at most {MAX_PAGE} for JSON (up to {MAX_CSV} with format=csv)")
    total = query.count(cur, f)
    return {"total": total, "limit": limit, "offset": offset, "events": queries.list_events(cur, f, limit, offset, sort)}


@router.get("/events/{event_id}", summary="One event with its evidence")
def get_event(cur: Cur, event_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> dict[str, Any]:
    event = queries.get_event(cur, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    sentence = event["sentence"]
    spans = [
        {"role": role, "text": span["text"], "start": span["start"], "end": span["end"],
         "sentence_start": span["start"] - sentence["start"], "sentence_end": span["end"] - sentence["start"]}
        for role, span in (("source", event["source"]), ("event", event["event_text"]), ("target", event["target"]))
        if span and span.get("start") is not None
    ]  # fmt: skip
    event["evidence"] = {
        "sentence": sentence["text"],
        "spans": spans,
        "rule": event["rule"],
        "modality": event["modality"],
        "confidence": event["confidence"],
        "quote": event["quote"],
        "figures": event["figures"],
        "article_id": event["article_id"],
        "article_url": event["article"]["url"],
        "article_title": event["article"]["title"],
    }
    return event


@router.get("/articles/{article_id}", summary="An article's text with every actor and event span")
def get_article(cur: Cur, article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> dict[str, Any]:
    article = queries.get_article(cur, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article


@router.get(
    "/dyads", summary="Events per directed dyad: counts per QuadClass and Goldstein",
    description="With `interval`, per period too; a dyad's undated events in a row whose period is null.",
)
def get_dyads(
    cur: Cur,
    f: Filters,
    interval: Annotated[Interval | None, Query(description="Also split by period.")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> dict[str, Any]:
    return {"interval": interval, "dyads": queries.dyads(cur, f, interval, limit, min_events)}


@router.get("/actors", summary="Actors by number of events, as source and as target")
def get_actors(
    cur: Cur,
    f: Filters,
    search: Annotated[str | None, Query(min_length=1, max_length=100, description="Code prefix or text in the name.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    return {"actors": queries.actors(cur, f, search, limit, offset)}


@router.get(
    "/timeline", summary="Events per period by QuadClass (and articles per period)",
    description="Every period from the first to the last, with zeros where nothing happened; "
    "undated events and articles in a last row whose period is null.",
)
def get_timeline(cur: Cur, f: Filters, interval: Annotated[Interval, Query()] = "month") -> dict[str, Any]:
    return {"interval": interval, "periods": queries.timeline(cur, f, interval)}


@router.get("/quotes", summary="Direct quotes with their speakers: who said what, newest first")
def get_quotes(
    cur: Cur,
    speaker: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Speaker's actor code (see match).")] = None,
    match: MatchParam = "prefix",
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words in the quote.")] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN, description="Article id.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    found = queries.list_quotes(cur, QuoteFilter(speaker=speaker, match=match, text=q, article=article), limit, offset)
    return {"limit": limit, "offset": offset, **found}
