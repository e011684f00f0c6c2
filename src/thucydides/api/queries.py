"""Read queries over a store snapshot, returning JSON-ready values.

SQL text here is fixed or assembled from whitelisted fragments (sort orders,
intervals, `EventFilter.where`); every user value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from ..analytics import QUOTES_FROM, QUOTES_ORDER, quote_filter
from ..schema import COLUMNS, unflatten
from ..ontology import default_ontology
from ..store import QUAD_NAMES
from .filters import DAY, FROM_EVENTS, FROM_EVENTS_CLUSTERS, LAT, LON, EventFilter

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


def count_events(cur: Cursor, f: EventFilter) -> int:
    where, params = f.where()
    return int(cur.execute(f"SELECT count(*) {FROM_EVENTS}{where}", params).fetchone()[0])  # type: ignore[index]


def list_events(cur: Cursor, f: EventFilter, limit: int, offset: int, sort: str) -> list[dict[str, Any]]:
    where, params = f.where()
    sql = f"SELECT {_EVENT_COLS} {FROM_EVENTS_CLUSTERS}{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?"
    return [_event(r) for r in cur.execute(sql, [*params, limit, offset]).fetchall()]


def csv_rows(cur: Cursor, f: EventFilter, limit: int, offset: int, sort: str) -> Iterator[list[Any]]:
    """Flat export rows (the columns of `thucydides export --format csv`), in batches."""
    where, params = f.where()
    cols = ", ".join(f'e."{c}"' if c != "date" else f"strftime({DAY}, '%Y-%m-%d')" for c in COLUMNS)
    cur.execute(f"SELECT {cols} {FROM_EVENTS}{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    while rows := cur.fetchmany(1024):
        yield from (list(r) for r in rows)


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


def _quads(counts: list[int]) -> dict[str, int]:
    return {str(k): int(n) for k, n in zip(range(1, 5), counts)}


_QUAD_COUNTS = ", ".join(f"count(*) FILTER (WHERE e.quad = {k})" for k in range(1, 5))


def dyads(cur: Cursor, f: EventFilter, interval: str | None, limit: int, min_events: int) -> list[dict[str, Any]]:
    """Events per directed dyad (and period): counts per QuadClass, Goldstein sum and mean."""
    where, params = f.where()
    both = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    where = f"{where} AND {both}" if where else f" WHERE {both}"
    period = f"strftime(date_trunc(?, {DAY}), '%Y-%m-%d')" if interval else "NULL"
    head = [interval] if interval else []
    # By period a chart wants chronological order; overall, the busiest dyads first.
    order = "period, e.source_code, e.target_code" if interval else "n DESC, e.source_code, e.target_code"
    sql = (
        f"SELECT e.source_code, e.target_code, {period} AS period, count(*) AS n, {_QUAD_COUNTS}, "
        f"sum(e.goldstein), avg(e.goldstein) {FROM_EVENTS}{where} "
        f"GROUP BY ALL HAVING count(*) >= ? ORDER BY {order} LIMIT ?"
    )
    out = []
    for s, t, p, n, q1, q2, q3, q4, gsum, gmean in cur.execute(sql, [*head, *params, min_events, limit]).fetchall():
        item = {"source": s, "target": t, "events": int(n), "quad": _quads([q1, q2, q3, q4])}
        item.update(goldstein_sum=round(gsum or 0.0, 3), goldstein_mean=round(gmean or 0.0, 3))
        if interval:
            item["period"] = p
        out.append(item)
    return out


def timeline(cur: Cursor, f: EventFilter, interval: str) -> list[dict[str, Any]]:
    """Events per period by QuadClass, with Goldstein, and articles published per period."""
    where, params = f.where()
    ev = cur.execute(
        f"SELECT strftime(date_trunc(?, {DAY}), '%Y-%m-%d') AS p, count(*), {_QUAD_COUNTS}, "
        f"sum(e.goldstein), avg(e.goldstein) {FROM_EVENTS}{where} GROUP BY p HAVING p IS NOT NULL",
        [interval, *params],
    ).fetchall()
    # Articles count by publication date, with the date filters only: an article
    # with no (matching) events still was published.
    art_where, art_params = [], []
    if f.date_from:
        art_where.append("date >= ?")
        art_params.append(f.date_from)
    if f.date_to:
        art_where.append("date <= ?")
        art_params.append(f.date_to)
    art_sql = " WHERE " + " AND ".join(art_where) if art_where else ""
    arts = dict(
        cur.execute(
            f"SELECT strftime(date_trunc(?, date), '%Y-%m-%d') AS p, count(*) FROM articles{art_sql} "
            "GROUP BY p HAVING p IS NOT NULL",
            [interval, *art_params],
        ).fetchall()
    )
    periods: dict[str, dict[str, Any]] = {}
    for p, n, q1, q2, q3, q4, gsum, gmean in ev:
        periods[p] = {
            "period": p,
            "events": int(n),
            "quad": _quads([q1, q2, q3, q4]),
            "goldstein_sum": round(gsum or 0.0, 3),
            "goldstein_mean": round(gmean or 0.0, 3),
        }
    empty = {"events": 0, "quad": _quads([0, 0, 0, 0]), "goldstein_sum": 0.0, "goldstein_mean": None}
    for p in arts:
        periods.setdefault(p, {"period": p, **empty})
    for p, item in periods.items():
        item["articles"] = int(arts.get(p, 0))
    return [periods[p] for p in sorted(periods)]


def actors(cur: Cursor, f: EventFilter, search: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Actor codes with their events as source and as target, most active first."""
    where, params = f.where()
    sides = " UNION ALL ".join(
        f"SELECT e.{side}_code AS code, e.{side}_name AS name, e.{side}_country AS country, "
        f"e.{side}_role AS role, '{side}' AS side, e.goldstein {FROM_EVENTS}{where}"
        + (f" AND e.{side}_code IS NOT NULL" if where else f" WHERE e.{side}_code IS NOT NULL")
        for side in ("source", "target")
    )
    having, extra = "", []
    if search:
        having = " HAVING starts_with(code, upper(?)) OR contains(lower(any_value(name)), lower(?))"
        extra = [search, search]
    sql = (
        f"SELECT code, any_value(name), any_value(country), any_value(role), count(*) AS n, "
        "count(*) FILTER (WHERE side = 'source'), count(*) FILTER (WHERE side = 'target'), avg(goldstein) "
        f"FROM ({sides}) GROUP BY code{having} ORDER BY n DESC, code LIMIT ? OFFSET ?"
    )
    rows = cur.execute(sql, [*params, *params, *extra, limit, offset]).fetchall()
    keys = ("code", "name", "country", "role", "events", "as_source", "as_target", "goldstein_mean")
    out = [dict(zip(keys, r)) for r in rows]
    for item in out:
        item["goldstein_mean"] = round(item["goldstein_mean"] or 0.0, 3)
    return out


def summary(cur: Cursor) -> dict[str, Any]:
    tables = ("articles", "events", "actors", "ingest_errors", "event_clusters")
    n = {t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]
    first, last = cur.execute(f"SELECT strftime(min({DAY}), '%Y-%m-%d'), strftime(max({DAY}), '%Y-%m-%d') {FROM_EVENTS}").fetchone()  # type: ignore[misc]
    located = cur.execute(f"SELECT count(*) {FROM_EVENTS} WHERE {LAT} IS NOT NULL AND {LON} IS NOT NULL").fetchone()[0]  # type: ignore[index]
    return {
        "articles": n["articles"],
        "events": n["events"],
        "actor_mentions": n["actors"],
        "clusters": n["event_clusters"],
        "errors": n["ingest_errors"],
        "located_events": int(located),
        "first_date": first,
        "last_date": last,
        "quad_names": {str(k): v for k, v in QUAD_NAMES.items()},
    }


_QUOTE_KEYS = ("article_id", "start", "end", "text", "speaker_code", "speaker_name", "speaker_text",
               "speaker_country", "speaker_role", "speaker_wikidata", "date", "title", "url")  # fmt: skip
_QUOTE_COLS = ", ".join(f'q."{k}"' for k in _QUOTE_KEYS[:-3])


def list_quotes(cur: Cursor, speaker: str | None, q: str | None, article: str | None,
                limit: int, offset: int) -> dict[str, Any]:  # fmt: skip
    """Direct quotes, newest first, with their speaker and article."""
    where, params = quote_filter(speaker, q, article)
    total = int(cur.execute(f"SELECT count(*) FROM {QUOTES_FROM} WHERE {where}", params).fetchone()[0])  # type: ignore[index]
    rows = cur.execute(
        f"SELECT {_QUOTE_COLS}, strftime(d, '%Y-%m-%d'), title, url FROM {QUOTES_FROM} "
        f"WHERE {where} ORDER BY {QUOTES_ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return {"total": total, "quotes": [dict(zip(_QUOTE_KEYS, r)) for r in rows]}
