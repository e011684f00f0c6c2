"""The API's read queries over a store snapshot, as JSON-ready values.

Counting questions (dyads, timeline, actors, summary, quotes) are asked of
`query`, as the CLI and export ask them; here they are only shaped into the
API's JSON. What is API-only (pages of events with their evidence and cluster,
one article) is read here, with `query.EventFilter`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from .. import query
from ..export.csvfile import csv_row
from ..ontology import default_ontology
from ..query import DAY, FROM_EVENTS, FROM_EVENTS_CLUSTERS, LAT, LON, EventFilter, QuoteFilter
from ..schema import COLUMNS, unflatten

Cursor = duckdb.DuckDBPyConnection

INTERVALS = ("day", "week", "month", "year")
SORTS = {
    "date": f"{DAY}, e.article_id, e.sentence_index, e.event_start, e.id",
    "-date": f"{DAY} DESC, e.article_id, e.sentence_index, e.event_start, e.id",
    "goldstein": "e.goldstein, e.id",
    "-goldstein": "e.goldstein DESC, e.id",
    "confidence": "e.confidence, e.id",
    "-confidence": "e.confidence DESC, e.id",
}

_FLAT = [c for c in COLUMNS if c != "date"]
_CLUSTER_KEYS = ("id", "num_mentions", "num_sources", "num_articles")
_EVENT_COLS = (
    ", ".join(f'e."{c}"' for c in _FLAT)
    + f", strftime({DAY}, '%Y-%m-%d') AS date, a.title, a.url, {LAT} AS lat, {LON} AS lon, "
    + "c.cluster_id, c.num_mentions, c.num_sources, c.num_articles"
)  # over FROM_EVENTS_CLUSTERS


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    flat = dict(zip([*_FLAT, "date"], row))
    event = unflatten(flat).to_dict()
    title, url, lat, lon, *cluster = row[len(_FLAT) + 1 :]
    onto = default_ontology()
    event["code_name"] = onto.codes[event["code"]].name if event["code"] in onto else None
    event["article"] = {"title": title, "url": url}
    event["point"] = {"lat": lat, "lon": lon} if lat is not None and lon is not None else None
    # The real-world event this row is a mention of (null until `thucydides aggregate` ran).
    event["cluster"] = dict(zip(_CLUSTER_KEYS, cluster)) if cluster[0] is not None else None
    return event


def list_events(cur: Cursor, f: EventFilter, limit: int, offset: int, sort: str) -> list[dict[str, Any]]:
    where, params = f.where()
    sql = f"SELECT {_EVENT_COLS} {FROM_EVENTS_CLUSTERS}{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?"
    return [_event(r) for r in cur.execute(sql, [*params, limit, offset]).fetchall()]


def csv_rows(cur: Cursor, f: EventFilter, limit: int, offset: int, sort: str) -> Iterator[list[Any]]:
    """Export CSV rows (`export.csv_row`: the columns of `thucydides export --format csv`),
    in batches; an event's date is its day (its own date, else its article's)."""
    where, params = f.where()
    cols = ", ".join(f'e."{c}"' for c in _FLAT) + f", strftime({DAY}, '%Y-%m-%d')"
    cur.execute(f"SELECT {cols} {FROM_EVENTS}{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    while rows := cur.fetchmany(1024):
        yield from (csv_row(unflatten(dict(zip([*_FLAT, "date"], r)))) for r in rows)


def get_event(cur: Cursor, event_id: str) -> dict[str, Any] | None:
    row = cur.execute(f"SELECT {_EVENT_COLS} {FROM_EVENTS_CLUSTERS} WHERE e.id = ?", [event_id]).fetchone()
    if not row:
        return None
    event = _event(row)
    if event["cluster"]:
        event["cluster"].update(_cluster_detail(cur, event["cluster"]["id"]))
    return event


MAX_MENTIONS = 200  # listed per cluster; num_mentions has the full count


def _cluster_detail(cur: Cursor, cluster_id: str) -> dict[str, Any]:
    """A cluster's dates and its mentions, each with the article and sentence that report it."""
    first, last, seen_first, seen_last, rep = cur.execute(
        "SELECT strftime(first_date, '%Y-%m-%d'), strftime(last_date, '%Y-%m-%d'), "
        "strftime(first_seen, '%Y-%m-%dT%H:%M:%S'), strftime(last_seen, '%Y-%m-%dT%H:%M:%S'), event_id "
        "FROM event_clusters WHERE cluster_id = ?",
        [cluster_id],
    ).fetchone()  # type: ignore[misc]
    rows = cur.execute(
        f"SELECT e.id, e.article_id, a.title, a.url, a.source, strftime({DAY}, '%Y-%m-%d'), e.sentence_text "
        "FROM event_mentions m JOIN events e ON e.id = m.event_id LEFT JOIN articles a ON a.id = e.article_id "
        "WHERE m.cluster_id = ? ORDER BY m.mention_rank, e.id LIMIT ?",
        [cluster_id, MAX_MENTIONS],
    ).fetchall()
    keys = ("event_id", "article_id", "title", "url", "source", "date", "sentence")
    return {
        "representative": rep,
        "first_date": first,
        "last_date": last,
        "first_seen": seen_first,
        "last_seen": seen_last,
        "mentions": [dict(zip(keys, r)) for r in rows],
    }


def get_article(cur: Cursor, article_id: str) -> dict[str, Any] | None:
    row = cur.execute(
        "SELECT id, title, strftime(date, '%Y-%m-%d'), source, url, text, n_events, "
        "strftime(ingested_at, '%Y-%m-%dT%H:%M:%S') FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if not row:
        return None
    keys = ("id", "title", "date", "source", "url", "text", "n_events", "ingested_at")
    article: dict[str, Any] = dict(zip(keys, row))
    actors = cur.execute(
        'SELECT code, text, "start", "end", country, role, name, wikidata, n_events FROM actors '
        'WHERE article_id = ? ORDER BY "start", "end", code',
        [article_id],
    ).fetchall()
    article["actors"] = [
        dict(zip(("code", "text", "start", "end", "country", "role", "name", "wikidata", "n_events"), r))
        for r in actors
    ]
    events = cur.execute(
        f"SELECT {_EVENT_COLS} {FROM_EVENTS_CLUSTERS} WHERE e.article_id = ? "
        "ORDER BY e.sentence_index, e.event_start, e.id",
        [article_id],
    ).fetchall()
    article["events"] = [_event(r) for r in events]
    return article


def _quads(row: dict[str, Any]) -> dict[str, int]:
    return {str(k): int(row[f"q{k}"]) for k in range(1, 5)}


def dyads(cur: Cursor, f: EventFilter, interval: str | None, limit: int, min_events: int) -> list[dict[str, Any]]:
    """Events per directed dyad (and period): counts per QuadClass, Goldstein sum and mean."""
    out = []
    for row in query.dyads(cur, f, by=interval, limit=limit, min_events=min_events).records():
        item = {"source": row["source"], "target": row["target"], "events": row["events"], "quad": _quads(row),
                "goldstein_sum": row["goldstein_sum"], "goldstein_mean": row["goldstein_mean"]}  # fmt: skip
        if interval:
            item["period"] = row["period"]
        out.append(item)
    return out


def timeline(cur: Cursor, f: EventFilter, interval: str) -> list[dict[str, Any]]:
    """Events per period by QuadClass, with Goldstein, and articles published per period."""
    keys = ("period", "events", "as_source", "as_target", "goldstein_sum", "goldstein_mean", "articles")
    return [{**{k: row[k] for k in keys}, "quad": _quads(row)} for row in query.timeline(cur, f, by=interval).records()]


def actors(cur: Cursor, f: EventFilter, search: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Actor codes with their events as source and as target, most active first."""
    return query.top(cur, f, by="actors", limit=limit, offset=offset, search=search).records()


def summary(cur: Cursor) -> dict[str, Any]:
    return query.summary(cur)


_QUOTE_KEYS = ("article_id", "start", "end", "text", "speaker_code", "speaker_name", "speaker_text",
               "speaker_country", "speaker_role", "speaker_wikidata", "date", "title", "url")  # fmt: skip


def list_quotes(cur: Cursor, f: QuoteFilter, limit: int, offset: int) -> dict[str, Any]:
    """Direct quotes, newest first, with their speaker and article."""
    found = query.quotes(cur, f, limit=limit, offset=offset).select(*_QUOTE_KEYS)
    return {"total": query.count_quotes(cur, f), "quotes": found.records()}
