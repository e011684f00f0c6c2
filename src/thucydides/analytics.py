"""Analytics over the store: dyad series, actor timelines, top-N tables.

Each query is parameterised DuckDB SQL returning a `Table` (column names and
rows), which the CLI prints with Rich or writes as CSV/JSON. Periods bucket the
event date (`events.date`: partial dates such as "2024-03" have none and are
left out of series). Counting `events` counts coded mentions; `clusters`
counts aggregated real-world events (see `aggregate`), as GDELT rows would.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb

Period = Literal["day", "week", "month", "year"]
Unit = Literal["events", "clusters"]
TopBy = Literal["actors", "codes", "places"]
PERIODS = ("day", "week", "month", "year")

# Source of rows per unit, with the same column names so one query serves both.
_UNITS = {
    "events": "SELECT source_code, target_code, code, root, quad, goldstein, date AS d, location, 1 AS n FROM events",
    "clusters": (
        "SELECT source_code, target_code, code, root, quad, goldstein, first_date AS d, NULL::JSON AS location, "
        "1 AS n FROM event_clusters"
    ),
}


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, (_jsonable(v) for v in row))) for row in self.rows]

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


def _range(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if date_from:
        clauses.append("d >= ?::DATE")
        params.append(date_from)
    if date_to:
        clauses.append("d <= ?::DATE")
        params.append(date_to)
    return " AND ".join(clauses) or "TRUE", params


def _source(unit: Unit) -> str:
    if unit not in _UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose events or clusters")
    # Cluster keys store '' for a missing actor; events store NULL.
    return f"(SELECT * REPLACE (nullif(source_code, '') AS source_code, nullif(target_code, '') AS target_code) FROM ({_UNITS[unit]}))"


def _period(by: Period) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose from {', '.join(PERIODS)}")
    return f"date_trunc('{by}', d)::DATE"


_QUAD_COLS = (
    # q1..q4: GDELT QuadClass (verbal coop, material coop, verbal conflict, material conflict).
    "count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2, "
    "count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4, "
    "round(sum(goldstein), 2) AS goldstein"
)


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Table:
    cursor = con.execute(sql, params)
    return Table([d[0] for d in cursor.description], cursor.fetchall())


def dyads(
    con: duckdb.DuckDBPyConnection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    by: Period = "month",
    unit: Unit = "events",
    source: str | None = None,
    target: str | None = None,
) -> Table:
    """Per period and directed dyad (source -> target): counts per quad class and summed Goldstein."""
    where, params = _range(date_from, date_to)
    for col, value in (("source_code", source), ("target_code", target)):
        if value:
            where += f" AND {col} = ?"
            params.append(value)
    sql = (
        f"SELECT {_period(by)} AS period, source_code AS source, target_code AS target, count(*) AS events, "
        f"{_QUAD_COLS} FROM {_source(unit)} WHERE d IS NOT NULL AND source_code IS NOT NULL "
        f"AND target_code IS NOT NULL AND {where} GROUP BY ALL ORDER BY period, events DESC, source, target"
    )
    return _run(con, sql, params)


def timeline(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    by: Period = "month",
    unit: Unit = "events",
    prefix: bool = False,
) -> Table:
    """Per period: events with `actor` as source and as target, per quad class, summed Goldstein.

    With `prefix`, `actor` matches every code it starts (CAMEO codes nest: "TUR" covers "TURGOV").
    """
    where, params = _range(date_from, date_to)
    match = "starts_with({col}, ?)" if prefix else "{col} = ?"
    src, tgt = match.format(col="source_code"), match.format(col="target_code")
    sql = (
        f"SELECT {_period(by)} AS period, count(*) AS events, count(*) FILTER (WHERE {src}) AS as_source, "
        f"count(*) FILTER (WHERE {tgt}) AS as_target, {_QUAD_COLS} FROM {_source(unit)} "
        f"WHERE d IS NOT NULL AND ({src} OR {tgt}) AND {where} GROUP BY ALL ORDER BY period"
    )
    return _run(con, sql, [actor, actor, actor, actor, *params])


def top(
    con: duckdb.DuckDBPyConnection,
    by: TopBy = "actors",
    *,
    limit: int = 20,
    date_from: str | None = None,
    date_to: str | None = None,
    unit: Unit = "events",
) -> Table:
    """The most frequent actors (as source or target), event codes or event places."""
    where, params = _range(date_from, date_to)
    base = _source(unit)
    if by == "actors":
        sql = (
            f"SELECT actor, count(*) AS events, count(*) FILTER (WHERE side = 'source') AS as_source, "
            f"count(*) FILTER (WHERE side = 'target') AS as_target, round(avg(goldstein), 2) AS goldstein_avg FROM ("
            f"SELECT source_code AS actor, 'source' AS side, goldstein, d FROM {base} WHERE source_code IS NOT NULL "
            f"UNION ALL SELECT target_code, 'target', goldstein, d FROM {base} WHERE target_code IS NOT NULL) "
            f"WHERE {where} GROUP BY actor ORDER BY events DESC, actor LIMIT ?"
        )
        return _run(con, sql, [*params, int(limit)])
    if by == "codes":
        sql = (
            f"SELECT code, any_value(root) AS root, count(*) AS events, round(avg(goldstein), 2) AS goldstein_avg "
            f"FROM {base} WHERE {where} GROUP BY code ORDER BY events DESC, code LIMIT ?"
        )
        table = _run(con, sql, [*params, int(limit)])
        return _with_code_names(table)
    if by == "places":
        if unit == "clusters":
            base = "(SELECT nullif(place, '') AS place, NULL AS country, goldstein, first_date AS d FROM event_clusters)"
        else:
            base = (
                "(SELECT coalesce(location->>'name', location->>'text') AS place, "
                "coalesce(location->>'country_code', location->>'country') AS country, goldstein, date AS d FROM events)"
            )
        sql = (
            f"SELECT place, any_value(country) AS country, count(*) AS events, round(avg(goldstein), 2) AS goldstein_avg "
            f"FROM {base} WHERE place IS NOT NULL AND {where} GROUP BY place ORDER BY events DESC, place LIMIT ?"
        )
        return _run(con, sql, [*params, int(limit)])
    raise ValueError(f"unknown ranking {by!r}; choose actors, codes or places")


def _with_code_names(table: Table) -> Table:
    from .ontology import default_ontology

    onto = default_ontology()
    rows = [(*row[:1], onto.codes[row[0]].name if row[0] in onto else None, *row[1:]) for row in table.rows]
    return Table([table.columns[0], "name", *table.columns[1:]], rows)


# Quotes with their article's date (`d`), title and url, and the order they are listed in.
QUOTES_FROM = "(SELECT q.*, a.date AS d, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id) q"
QUOTES_ORDER = 'd DESC NULLS LAST, article_id, "start"'


def quote_filter(
    speaker: str | None = None,
    search: str | None = None,
    article: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> tuple[str, list[Any]]:
    """Conditions over `QUOTES_FROM`: speaker code prefix, words in the quote, article, dates."""
    where, params = _range(date_from, date_to)
    for sql, value in (
        ("starts_with(speaker_code, ?)", speaker.upper() if speaker else None),
        ("contains(lower(text), lower(?))", search),
        ("article_id = ?", article),
    ):
        if value:
            where += f" AND {sql}"
            params.append(value)
    return where, params


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    search: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
) -> Table:
    """Direct quotes, newest first: who said what, where (speaker code prefix, words in the quote)."""
    where, params = quote_filter(speaker, search, date_from=date_from, date_to=date_to)
    sql = (
        "SELECT d AS date, speaker_code, coalesce(speaker_name, speaker_text) AS speaker, text, article_id, title "
        f"FROM {QUOTES_FROM} WHERE {where} ORDER BY {QUOTES_ORDER} LIMIT ?"
    )
    return _run(con, sql, [*params, int(limit)])
