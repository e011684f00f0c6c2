"""The read-only REST endpoints under /api."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..export import csv_cell
from ..model import ID_PATTERN
from ..schema import COLUMNS
from . import queries
from .filters import EventFilter, event_filter

MAX_PAGE = 500  # events per JSON page
MAX_CSV = 10_000  # rows per CSV export request (page through with offset for more)
MAX_OFFSET = 10_000_000

router = APIRouter(prefix="/api")

Filters = Annotated[EventFilter, Depends(event_filter)]
Interval = Literal["day", "week", "month", "year"]


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
        writer.writerow(COLUMNS)
        writer.writerows([csv_cell(v) for v in row] for row in queries.csv_rows(cur, f, limit, offset, sort))
        headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if limit > MAX_PAGE:
        raise HTTPException(422, f"query parameter 'limit' must be at most {MAX_PAGE} for JSON (up to {MAX_CSV} with format=csv)")
    total = queries.count_events(cur, f)
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


@router.get("/dyads", summary="Events per directed dyad: counts per QuadClass and Goldstein")
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


@router.get("/timeline", summary="Events per period by QuadClass (and articles per period)")
def get_timeline(cur: Cur, f: Filters, interval: Annotated[Interval, Query()] = "month") -> dict[str, Any]:
    return {"interval": interval, "periods": queries.timeline(cur, f, interval)}


@router.get("/quotes", summary="Direct quotes with their speakers: who said what, newest first")
def get_quotes(
    cur: Cur,
    speaker: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9]{1,40}$", description="Speaker's actor code prefix.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words in the quote.")] = None,
    article: Annotated[str | None, Query(pattern=ID_PATTERN, description="Article id.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    found = queries.list_quotes(cur, speaker, q, article, limit, offset)
    return {"limit": limit, "offset": offset, **found}
