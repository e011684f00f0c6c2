"""Questions asked of the event store, each answered once, for the CLI, the API and export.

One `EventFilter` says which events count; each question (count, dyads, timeline,
top, summary, quotes) is parameterised DuckDB SQL over it and returns a `Table`
(or a dict), which the CLI prints, the API shapes into JSON and export streams.
So the same question gives the same number everywhere.

Filter semantics, the same in every interface:

* an event counts on its *day*: its own date, else its article's; an event with
  neither is *undated*: it counts in no period, and the questions asked per period
  (dyads, timeline) give it a row of its own whose period is NULL (`dated` selects
  either kind);
* an actor code (`actor`, `source`, `target`) matches by `match`: "prefix" (the
  default: CAMEO codes nest, so USA covers USAGOV and USAMIL), "exact" (that code
  only) or "country" (the actor's ISO country is the code: USA covers every
  actor placed in the United States, whatever its code);
* `codes` are CAMEO event code prefixes, `roots` and `quads` exact values;
* `place` is words in the event location's name or text, `text` words in the
  sentence (case-insensitive).

SQL text is fixed or assembled from whitelisted fragments; every user value is a
bound parameter.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from .actor_labels import actor_label
from .ontology import default_ontology

if TYPE_CHECKING:  # `code` imports this (export's filter) and must start without DuckDB
    import duckdb

    Cursor = duckdb.DuckDBPyConnection
Period = Literal["day", "week", "month", "year"]
Match = Literal["prefix", "exact", "country"]
TopBy = Literal["actors", "codes", "places"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
MATCHES: tuple[str, ...] = ("prefix", "exact", "country")
TOP_BY: tuple[str, ...] = ("actors", "codes", "places")
MODALITIES = ("asserted", "reported", "future", "hypothetical", "generic", "negated", "question")
QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}

# The day an event counts on: its own date, else its article's.
DAY = "coalesce(e.date, a.date)"
LAT = "TRY_CAST(e.location->>'lat' AS DOUBLE)"
LON = "TRY_CAST(e.location->>'lon' AS DOUBLE)"
FROM_EVENTS = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
# Also each event's cluster (alias c): the real-world event it is a mention of.
FROM_EVENTS_CLUSTERS = (
    f"{FROM_EVENTS} LEFT JOIN event_mentions m ON m.event_id = e.id "
    "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
)
# A repeated mention: clustered, and not its cluster's representative event.
REPEATED_MENTION = (
    "EXISTS (SELECT 1 FROM event_mentions rm JOIN event_clusters rc ON rc.cluster_id = rm.cluster_id "
    "WHERE rm.event_id = e.id AND rc.event_id <> e.id)"
)
PLACE_WORDS = "concat_ws(' ', e.location->>'name', e.location->>'text', e.location->>'admin1', e.location->>'country')"


def _actor_match(side: str, match: Match) -> str:
    if match == "exact":
        return f"e.{side}_code = ?"
    if match == "country":
        return f"e.{side}_country = ?"
    if match == "prefix":
        return f"starts_with(e.{side}_code, ?)"
    raise ValueError(f"unknown actor match {match!r}; choose from {', '.join(MATCHES)}")


@dataclass(frozen=True)
class EventFilter:
    """Which events a question counts (see the module docstring for the semantics)."""

    date_from: date | str | None = None
    date_to: date | str | None = None
    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    match: Match = "prefix"
    directed: bool = True  # False: source/target also match the other way round
    country: str | None = None  # ISO alpha-3 of either actor
    role: str | None = None  # CAMEO role of either actor
    codes: tuple[str, ...] = ()  # CAMEO event code prefixes
    roots: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    modality: str | None = None
    place: str | None = None
    text: str | None = None
    article: str | None = None
    located: bool | None = None  # with (True) / without (False) coordinates
    dated: bool | None = None  # with (True) / without (False) a day
    unique: bool = False  # one event per real-world event: repeated mentions left out

    def actor_clause(self, side: str, code: str | None) -> tuple[str, list[Any]]:
        """SQL matching `code` on one side ("source"/"target"); TRUE when no code."""
        return (_actor_match(side, self.match), [code]) if code else ("TRUE", [])

    def where(self) -> tuple[str, list[Any]]:
        """` WHERE ...` over `FROM_EVENTS` (aliases e, a) and its parameters ('' for none)."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.date_from:
            add(f"{DAY} >= ?::DATE", str(self.date_from))
        if self.date_to:
            add(f"{DAY} <= ?::DATE", str(self.date_to))
        if self.actor:
            (s, sp), (t, tp) = self.actor_clause("source", self.actor), self.actor_clause("target", self.actor)
            add(f"(({s}) OR ({t}))", *sp, *tp)
        if self.source or self.target:
            (s, sp), (t, tp) = self.actor_clause("source", self.source), self.actor_clause("target", self.target)
            if self.directed:
                add(f"({s} AND {t})", *sp, *tp)
            else:
                (rs, rsp), (rt, rtp) = self.actor_clause("source", self.target), self.actor_clause("target", self.source)
                add(f"(({s} AND {t}) OR ({rs} AND {rt}))", *sp, *tp, *rsp, *rtp)
        if self.country:
            add("(e.source_country = ? OR e.target_country = ?)", self.country, self.country)
        if self.role:
            add("(e.source_role = ? OR e.target_role = ?)", self.role, self.role)
        if self.codes:
            add("list_bool_or([starts_with(e.code, c) FOR c IN ?::VARCHAR[]])", list(self.codes))
        if self.roots:
            add("e.root IN (SELECT unnest(?::VARCHAR[]))", list(self.roots))
        if self.quads:
            add("e.quad IN (SELECT unnest(?::INTEGER[]))", list(self.quads))
        if self.modality:
            add("e.modality = ?", self.modality)
        if self.place:
            add(f"contains(lower({PLACE_WORDS}), lower(?))", self.place)
        if self.text:
            add("contains(lower(e.sentence_text), lower(?))", self.text)
        if self.article:
            add("e.article_id = ?", self.article)
        if self.located is True:
            add(f"{LAT} IS NOT NULL AND {LON} IS NOT NULL")
        elif self.located is False:
            add(f"({LAT} IS NULL OR {LON} IS NULL)")
        if self.dated is not None:
            add(f"{DAY} IS {'NOT ' if self.dated else ''}NULL")
        if self.unique:
            add(f"NOT {REPEATED_MENTION}")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def where_and(self, condition: str) -> tuple[str, list[Any]]:
        """`where()` with one more fixed condition."""
        where, params = self.where()
        return (f"{where} AND {condition}" if where else f" WHERE {condition}"), params


ALL = EventFilter()

# Keyword criteria by the names the CLI and the API give them, for `event_filter`.
_ALIASES = {"since": "date_from", "until": "date_to", "from_": "date_from", "to": "date_to", "q": "text",
            "root": "roots", "code": "codes", "quad": "quads"}  # fmt: skip
_UPPER = ("actor", "source", "target", "country", "role")


def event_filter(**criteria: Any) -> EventFilter:
    """An `EventFilter` from keyword criteria, named as the CLI and the API name them
    (`since`/`until`, `root`, `code`, `quad`, `q`) or as the filter's own fields; a
    criterion that takes several values (roots, codes, quads) takes one or a list.
    Actor, country and role codes are upper-cased, as the API does; None is no criterion."""
    names = {f for f in EventFilter.__dataclass_fields__}
    values: dict[str, Any] = {}
    for name, value in criteria.items():
        field = _ALIASES.get(name, name)
        if field not in names:
            raise TypeError(f"unknown event filter {name!r}; choose from {', '.join(sorted({*names, *_ALIASES}))}")
        if value is None:
            continue
        if field in ("roots", "codes", "quads"):
            many = value if isinstance(value, (list, tuple, set, frozenset)) else (value,)
            value = tuple(int(v) for v in many) if field == "quads" else tuple(_code(v, field) for v in many)
        elif field in ("date_from", "date_to"):
            value = value if isinstance(value, date) else date.fromisoformat(str(value))
        elif field in _UPPER:
            value = str(value).upper()
        values[field] = value
    return EventFilter(**values)


def _code(value: Any, field: str) -> str:
    """A CAMEO code as text: 17 -> "17", and a root 4 -> "04" (codes are strings: 030 is not 30)."""
    return f"{value:02d}" if isinstance(value, int) and field == "roots" else str(value)


@dataclass(frozen=True)
class Table:
    """An answer: column names and rows."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, (_jsonable(v) for v in row))) for row in self.rows]

    def select(self, *columns: str) -> "Table":
        """These columns only, in this order."""
        at = [self.columns.index(c) for c in columns]
        return Table(list(columns), [tuple(row[i] for i in at) for row in self.rows])

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([[_jsonable(v) for v in row] for row in self.rows])
        return out.getvalue()

    def to_json(self) -> str:
        return json.dumps(self.records(), ensure_ascii=False, indent=1)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def _run(cur: Cursor, sql: str, params: list[Any]) -> Table:
    result = cur.execute(sql, params)
    return Table([d[0] for d in result.description], result.fetchall())


def _period(by: str, day: str = DAY) -> str:
    """The first day (YYYY-MM-DD) of the period of `day`; NULL when `day` is."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose from {', '.join(PERIODS)}")
    return f"strftime(date_trunc('{by}', {day}), '%Y-%m-%d')"


# Counts per QuadClass (GDELT's 1-4) and the Goldstein sum and mean of a group of events.
_MEASURES = (
    "count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2, "
    "count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4, "
    "round(coalesce(sum(e.goldstein), 0), 3) AS goldstein_sum, round(avg(e.goldstein), 3) AS goldstein_mean"
)


def count(cur: Cursor, f: EventFilter = ALL) -> int:
    """The events that match."""
    where, params = f.where()
    return int(cur.execute(f"SELECT count(*) {FROM_EVENTS}{where}", params).fetchone()[0])  # type: ignore[index]


def dyads(cur: Cursor, f: EventFilter = ALL, *, by: str | None = None, limit: int | None = None,
          min_events: int = 1) -> Table:  # fmt: skip
    """Events per directed dyad (source -> target), and per period with `by`: counts per
    QuadClass, Goldstein sum and mean. Busiest first (by period: in date order, the
    undated events of each dyad last, with a NULL period)."""
    where, params = f.where_and("e.source_code IS NOT NULL AND e.target_code IS NOT NULL")
    head = f"{_period(by)} AS period, " if by else ""
    order = "period NULLS LAST, events DESC, source, target" if by else "events DESC, source, target"
    sql = (
        f"SELECT {head}e.source_code AS source, e.target_code AS target, count(*) AS events, {_MEASURES} "
        f"{FROM_EVENTS}{where} GROUP BY ALL HAVING count(*) >= ? ORDER BY {order}"
    )
    params.append(min_events)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _run(cur, sql, params)


def timeline(cur: Cursor, f: EventFilter = ALL, *, by: str = "month") -> Table:
    """Per period: the events that match (with `f.actor`, also as source and as target),
    per QuadClass, with Goldstein, and the articles published (date filters only:
    an article with no matching event was still published).

    Every period from the first to the last is listed, with zeros where nothing
    happened, so that a series is continuous (a gap is a period, not a missing row).
    Undated events and articles come last, in a row whose period is NULL."""
    where, params = f.where()
    sides, side_params, side_cols = "NULL::BIGINT AS as_source, NULL::BIGINT AS as_target", [], "as_source, as_target"
    if f.actor:
        (s, sp), (t, tp) = f.actor_clause("source", f.actor), f.actor_clause("target", f.actor)
        sides = f"count(*) FILTER (WHERE {s}) AS as_source, count(*) FILTER (WHERE {t}) AS as_target"
        side_params = [*sp, *tp]
        side_cols = "coalesce(as_source, 0) AS as_source, coalesce(as_target, 0) AS as_target"
    art_where, art_params = _article_dates(f)
    sql = (
        f"WITH ev AS (SELECT {_period(by)} AS period, count(*) AS events, {sides}, {_MEASURES} "
        f"{FROM_EVENTS}{where} GROUP BY period), "
        f"art AS (SELECT {_period(by, 'a.date')} AS period, count(*) AS articles FROM articles a{art_where} "
        "GROUP BY period), "
        "found AS (SELECT coalesce(ev.period, art.period) AS period, ev.* EXCLUDE (period), art.articles "
        "FROM ev FULL JOIN art ON ev.period IS NOT DISTINCT FROM art.period), "
        # Every period between the first and the last, whether or not something happened in it.
        f"periods AS (SELECT strftime(p, '%Y-%m-%d') AS period FROM (SELECT min(period)::DATE AS lo, "
        f"max(period)::DATE AS hi FROM found) span, generate_series(lo, hi, INTERVAL 1 {by}) t(p) "
        "UNION SELECT period FROM found) "
        f"SELECT p.period, coalesce(events, 0) AS events, {side_cols}, coalesce(q1, 0) AS q1, "
        "coalesce(q2, 0) AS q2, coalesce(q3, 0) AS q3, coalesce(q4, 0) AS q4, coalesce(goldstein_sum, 0) AS "
        "goldstein_sum, goldstein_mean, coalesce(articles, 0) AS articles "
        "FROM periods p LEFT JOIN found ON p.period IS NOT DISTINCT FROM found.period ORDER BY p.period NULLS LAST"
    )
    return _run(cur, sql, [*side_params, *params, *art_params])


def _article_dates(f: EventFilter) -> tuple[str, list[Any]]:
    """` WHERE ...` over `articles a` for the date filters of `f` alone ('' for none)."""
    clauses, params = [], []
    for sql, value in (("a.date >= ?::DATE", f.date_from), ("a.date <= ?::DATE", f.date_to)):
        if value:
            clauses.append(sql)
            params.append(str(value))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def top(cur: Cursor, f: EventFilter = ALL, *, by: str = "actors", limit: int = 20, offset: int = 0,
        search: str | None = None) -> Table:  # fmt: skip
    """The most frequent actors (as source or target), event codes or event places.
    Actors come with their `label` (what the code stands for: "Government of Russia")
    beside `name` (one name an event gave it: "Vladimir Putin").
    `search` (actors only): a code prefix or words in the actor's name."""
    where, params = f.where()
    if by == "actors":
        sides = " UNION ALL ".join(
            f"SELECT e.{side}_code AS code, e.{side}_name AS name, e.{side}_country AS country, "
            f"e.{side}_role AS role, '{side}' AS side, e.goldstein {FROM_EVENTS}"
            + (f"{where} AND e.{side}_code IS NOT NULL" if where else f" WHERE e.{side}_code IS NOT NULL")
            for side in ("source", "target")
        )
        having, extra = "", []
        if search:
            having = " HAVING starts_with(code, upper(?)) OR contains(lower(any_value(name)), lower(?))"
            extra = [search, search]
        sql = (
            "SELECT code, any_value(name) AS name, any_value(country) AS country, any_value(role) AS role, "
            "count(*) AS events, count(*) FILTER (WHERE side = 'source') AS as_source, "
            "count(*) FILTER (WHERE side = 'target') AS as_target, round(avg(goldstein), 3) AS goldstein_mean "
            f"FROM ({sides}) GROUP BY code{having} ORDER BY events DESC, code LIMIT ? OFFSET ?"
        )
        return _with_actor_labels(_run(cur, sql, [*params, *params, *extra, int(limit), int(offset)]))
    if by == "codes":
        sql = (
            "SELECT e.code, any_value(e.root) AS root, count(*) AS events, round(avg(e.goldstein), 3) AS goldstein_mean "
            f"{FROM_EVENTS}{where} GROUP BY e.code ORDER BY events DESC, e.code LIMIT ? OFFSET ?"
        )
        return _with_code_names(_run(cur, sql, [*params, int(limit), int(offset)]))
    if by == "places":
        place = "coalesce(e.location->>'name', e.location->>'text')"
        where, params = f.where_and(f"{place} IS NOT NULL")
        sql = (
            f"SELECT {place} AS place, any_value(e.location->>'country') AS country, count(*) AS events, "
            f"round(avg(e.goldstein), 3) AS goldstein_mean {FROM_EVENTS}{where} "
            "GROUP BY place ORDER BY events DESC, place LIMIT ? OFFSET ?"
        )
        return _run(cur, sql, [*params, int(limit), int(offset)])
    raise ValueError(f"unknown ranking {by!r}; choose from {', '.join(TOP_BY)}")


def _with_actor_labels(table: Table) -> Table:
    """A `label` column after the code: its role and country in words (see `actor_labels`)."""
    code, country, role = (table.columns.index(c) for c in ("code", "country", "role"))
    rows = [(row[code], actor_label(row[code], row[country], row[role]), *row[code + 1 :]) for row in table.rows]
    return Table([table.columns[code], "label", *table.columns[code + 1 :]], rows)


def _with_code_names(table: Table) -> Table:
    onto = default_ontology()
    rows = [(row[0], onto.codes[row[0]].name if row[0] in onto else None, *row[1:]) for row in table.rows]
    return Table([table.columns[0], "name", *table.columns[1:]], rows)


def summary(cur: Cursor, *, top_n: int = 10, examples: int = 3) -> dict[str, Any]:
    """What is in the store: counts, date range (and the events outside it: undated),
    events by root and QuadClass, top dyads and actor mentions, and the most confident
    example of the commonest roots."""
    onto = default_ontology()
    q = cur.execute
    tables = {"articles": "articles", "events": "events", "actor_mentions": "actors", "errors": "ingest_errors"}
    counts = {k: int(q(f"SELECT count(*) FROM {t}").fetchone()[0]) for k, t in tables.items()}  # type: ignore[index]
    has_clusters = q("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'event_clusters' "
                     "AND database_name = current_database()").fetchone()[0]  # type: ignore[index]  # fmt: skip
    clusters = int(q("SELECT count(*) FROM event_clusters").fetchone()[0]) if has_clusters else 0  # type: ignore[index]
    first, last = q(f"SELECT min({DAY}), max({DAY}) {FROM_EVENTS}").fetchone()  # type: ignore[misc]
    by_root = [
        {"root": r, "name": onto.codes[r].name if r in onto else None, "events": n}
        for r, n in q("SELECT root, count(*) n FROM events GROUP BY root ORDER BY n DESC, root").fetchall()
    ]
    by_quad = [
        {"quad": k, "name": QUAD_NAMES.get(k), "events": n}
        for k, n in q("SELECT quad, count(*) FROM events GROUP BY quad ORDER BY quad").fetchall()
    ]
    top_dyads = [{"source": r["source"], "target": r["target"], "events": r["events"]}
                 for r in dyads(cur, limit=top_n).records()]  # fmt: skip
    actors = [
        {"code": c, "mentions": n}
        for c, n in q(
            "SELECT code, sum(n_events)::BIGINT n FROM actors GROUP BY code ORDER BY n DESC, code LIMIT ?", [top_n]
        ).fetchall()
    ]
    return {
        **counts,
        "clusters": clusters,
        "located_events": count(cur, EventFilter(located=True)),
        "undated_events": count(cur, EventFilter(dated=False)),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "by_root": by_root,
        "by_quad": by_quad,
        "top_dyads": top_dyads,
        "top_actors": actors,
        "examples": _examples(cur, examples),
        "quad_names": {str(k): v for k, v in QUAD_NAMES.items()},
    }


def _examples(cur: Cursor, n: int) -> list[dict[str, Any]]:
    """One example per most frequent root: the most confident, ties broken by id."""
    onto = default_ontology()
    rows = cur.execute(
        "WITH ranked AS (SELECT e.*, count(*) OVER (PARTITION BY root) AS root_n, row_number() OVER "
        "(PARTITION BY root ORDER BY confidence DESC, id) AS rk FROM events e) "
        "SELECT id, code, root, source_code, target_code, event_text, sentence_text, rule, confidence, "
        "article_id FROM ranked WHERE rk = 1 ORDER BY root_n DESC, root LIMIT ?",
        [n],
    ).fetchall()
    keys = ("id", "code", "root", "source", "target", "event_text", "sentence", "rule", "confidence", "article_id")
    out = []
    for row in rows:
        item = dict(zip(keys, row))
        item["name"] = onto.codes[item["code"]].name if item["code"] in onto else None
        out.append(item)
    return out


# Quotes with their article's date (`d`), title and url, newest first.
_QUOTES_FROM = "(SELECT q.*, a.date AS d, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id) q"


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes: speaker code (matched like an actor, see `Match`), words in the
    quote, article, article dates."""

    speaker: str | None = None
    match: Match = "prefix"
    text: str | None = None
    article: str | None = None
    date_from: date | str | None = None
    date_to: date | str | None = None

    def where(self) -> tuple[str, list[Any]]:
        speaker = {"exact": "speaker_code = ?", "country": "speaker_country = ?"}.get(
            self.match, "starts_with(speaker_code, ?)"
        )
        clauses, params = [], []
        for sql, value in (
            (speaker, self.speaker.upper() if self.speaker else None),
            ("contains(lower(text), lower(?))", self.text),
            ("article_id = ?", self.article),
            ("d >= ?::DATE", str(self.date_from) if self.date_from else None),
            ("d <= ?::DATE", str(self.date_to) if self.date_to else None),
        ):
            if value:
                clauses.append(sql)
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_quotes(cur: Cursor, f: QuoteFilter = QuoteFilter()) -> int:
    where, params = f.where()
    return int(cur.execute(f"SELECT count(*) FROM {_QUOTES_FROM}{where}", params).fetchone()[0])  # type: ignore[index]


def quotes(cur: Cursor, f: QuoteFilter = QuoteFilter(), *, limit: int = 20, offset: int = 0) -> Table:
    """Direct quotes, newest first, with their speaker and article."""
    where, params = f.where()
    sql = (
        'SELECT strftime(d, \'%Y-%m-%d\') AS date, speaker_code, coalesce(speaker_name, speaker_text) AS speaker, '
        'text, article_id, title, url, "start", "end", speaker_name, speaker_text, speaker_country, speaker_role, '
        f'speaker_wikidata FROM {_QUOTES_FROM}{where} ORDER BY d DESC NULLS LAST, article_id, "start" LIMIT ? OFFSET ?'
    )
    return _run(cur, sql, [*params, int(limit), int(offset)])
