"""Event aggregation: mentions of one real-world event become one cluster.

The coder emits one event per mention: the same arrest reported in the lead,
again in paragraph four, and by three other outlets is five rows. GDELT-style
counts (NumMentions, NumSources, NumArticles) need them grouped. Two mentions
belong to one cluster when they share source, target, code family (the
3-digit base code, or the root) and place, and their dates are within
`window_days` of each other (chained: a cluster grows while the gap between
consecutive mentions stays within the window). A mention without a source, such
as a later "the attack" or "condemned the strike", joins the event of its
article it refers to (see `_mentions_sql`); it never represents a cluster that
has a mention with a source.

All in DuckDB SQL, and a pure function of the events and articles tables, so
a distributed run and a single-process run get identical clusters (cluster ids
hash the first mention's event id, ordered by date then event id - never by
ingest time). Recomputation is incremental: only the groups (source, target,
family, place) that received new events are deleted and rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .store import Store

Family = Literal["base", "root"]

DEFAULT_WINDOW_DAYS = 1

_FAMILY_SQL = {
    # GDELT's EventBaseCode: a bare root ("14") is its own "140" family.
    "base": "CASE WHEN length(e.code) = 2 THEN e.code || '0' ELSE left(e.code, 3) END",
    "root": "e.root",
}

# The grouping keys of one mention ('' for missing, so keys compare with `=`).
_KEYS = ("source_code", "target_code", "family", "place")


def _mentions_sql(family: Family) -> str:
    """One row per event with its grouping keys. A mention with no source ("Leaders
    condemned *the attack*", "*the strike* killed five") adopts the keys of the event
    it refers to: the nearest mention of the same root in its article that has a
    source (and the same target, if it names one), preferring earlier sentences."""
    return f"""
        WITH raw AS (
            SELECT e.id AS event_id, e.article_id, e.sentence_index AS si,
                coalesce(e.source_code, '') AS source_code, coalesce(e.target_code, '') AS target_code,
                {_FAMILY_SQL[family]} AS family,
                coalesce(e.location->>'feature_id', e.location->>'name', e.location->>'country', '') AS place,
                coalesce(e.date, a.date) AS d, a.ingested_at AS seen,
                coalesce(a.source, regexp_extract(a.url, '^[A-Za-z]+://([^/]+)', 1), e.article_id) AS outlet,
                e.code, e.root, e.quad, e.goldstein
            FROM events e LEFT JOIN articles a ON a.id = e.article_id
        ), referent AS (
            SELECT r.event_id, x.source_code, x.target_code, x.family, x.place,
                row_number() OVER (PARTITION BY r.event_id
                                   ORDER BY x.si > r.si, abs(x.si - r.si), x.event_id) AS nearest
            FROM raw r JOIN raw x ON x.article_id = r.article_id AND x.root = r.root AND x.source_code <> ''
                AND (r.target_code = '' OR x.target_code = r.target_code)
            WHERE r.source_code = ''
        )
        SELECT raw.* EXCLUDE (si) REPLACE (
            coalesce(f.source_code, raw.source_code) AS source_code,
            coalesce(f.target_code, raw.target_code) AS target_code,
            coalesce(f.family, raw.family) AS family,
            coalesce(f.place, raw.place) AS place), raw.source_code = '' AS partial
        FROM raw LEFT JOIN referent f ON f.event_id = raw.event_id AND f.nearest = 1"""


@dataclass(frozen=True)
class AggregateResult:
    groups: int  # (source, target, family, place) groups rebuilt
    clusters: int  # clusters written
    mentions: int  # events assigned to them
    full: bool


def clusters_behind(store: Store) -> bool:
    """Whether some stored event is in no cluster yet: new events, or a run that
    stopped between storing its last batch and aggregating."""
    row = store.con.execute(
        "SELECT EXISTS (SELECT 1 FROM events e ANTI JOIN event_mentions m ON m.event_id = e.id)"
    ).fetchone()
    return bool(row and row[0])


def aggregate(
    store: Store, *, window_days: int = DEFAULT_WINDOW_DAYS, family: Family = "base", full: bool = False
) -> AggregateResult:
    """Bring `event_clusters` / `event_mentions` up to date with the events table."""
    if family not in _FAMILY_SQL:
        raise ValueError(f"unknown code family {family!r}; choose base or root")
    con = store.con
    params = f"window_days={int(window_days)};family={family}"
    row = con.execute("SELECT value FROM meta WHERE key = 'aggregate_params'").fetchone()
    # Other parameters than the last run's: every cluster may change.
    full = full or row is None or row[0] != params
    keys = ", ".join(_KEYS)
    con.begin()
    try:
        if full:
            con.execute("DELETE FROM event_mentions")
            con.execute("DELETE FROM event_clusters")
            con.execute(f"CREATE OR REPLACE TEMP TABLE _agg_m AS {_mentions_sql(family)}")
        else:
            # Groups touched by events not clustered yet; only those are rebuilt.
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE _agg_dirty AS SELECT DISTINCT {keys} FROM ({_mentions_sql(family)}) m "
                "WHERE m.event_id NOT IN (SELECT event_id FROM event_mentions)"
            )
            con.execute(
                "DELETE FROM event_mentions WHERE cluster_id IN (SELECT cluster_id FROM event_clusters "
                f"SEMI JOIN _agg_dirty USING ({keys}))"
            )
            con.execute(f"DELETE FROM event_clusters WHERE ({keys}) IN (SELECT ({keys}) FROM _agg_dirty)")
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE _agg_m AS SELECT * FROM ({_mentions_sql(family)}) "
                f"SEMI JOIN _agg_dirty USING ({keys})"
            )
        groups = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {keys} FROM _agg_m)").fetchone()[0]  # type: ignore[index]
        _cluster(con, int(window_days))
        n_clusters = con.execute("SELECT count(DISTINCT rep) FROM _agg_c").fetchone()[0]  # type: ignore[index]
        n_mentions = con.execute("SELECT count(*) FROM _agg_c").fetchone()[0]  # type: ignore[index]
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('aggregate_params', ?)", [params]
        )
        for table in ("_agg_m", "_agg_c", "_agg_dirty"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return AggregateResult(groups=int(groups), clusters=int(n_clusters), mentions=int(n_mentions), full=full)


def _cluster(con: Any, window_days: int) -> None:
    """Cluster the mentions in `_agg_m` and insert the clusters and their links."""
    part = "PARTITION BY source_code, target_code, family, place, (d IS NULL)"
    # Gaps-and-islands: a mention more than the window after the previous one starts
    # a new cluster; undated mentions of a group form one cluster of their own.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _agg_c AS
        WITH g AS (
            SELECT *, CASE WHEN d IS NULL THEN 0
                           WHEN lag(d) OVER w IS NULL OR d - lag(d) OVER w > {window_days} THEN 1
                           ELSE 0 END AS brk
            FROM _agg_m WINDOW w AS ({part} ORDER BY d, event_id)
        ), s AS (
            SELECT *, sum(brk) OVER ({part} ORDER BY d, event_id ROWS UNBOUNDED PRECEDING) AS seq FROM g
        )
        SELECT *, first_value(event_id) OVER c AS rep, row_number() OVER c AS mention_rank
        FROM s WINDOW c AS ({part}, seq ORDER BY d, partial, event_id)"""
    )
    con.execute(
        """INSERT INTO event_clusters
        SELECT 'cl-' || left(md5(rep), 16) AS cluster_id, rep AS event_id,
            any_value(source_code), any_value(target_code), any_value(family), any_value(place),
            max(code) FILTER (WHERE mention_rank = 1), max(root) FILTER (WHERE mention_rank = 1),
            max(quad) FILTER (WHERE mention_rank = 1), max(goldstein) FILTER (WHERE mention_rank = 1),
            min(d), max(d), min(seen), max(seen),
            count(*), count(DISTINCT outlet), count(DISTINCT article_id)
        FROM _agg_c GROUP BY rep"""
    )
    con.execute(
        "INSERT INTO event_mentions SELECT event_id, 'cl-' || left(md5(rep), 16), article_id, mention_rank FROM _agg_c"
    )


def cluster_mentions(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """The mentions of one cluster with their evidence (sentence, predicate, article)."""
    cursor = store.con.execute(
        """SELECT m.mention_rank, e.id, e.article_id, a.source, a.url, coalesce(e.date, a.date)::VARCHAR,
               e.code, e.sentence_index, e.sentence_text, e.event_text, e.event_start, e.event_end
        FROM event_mentions m JOIN events e ON e.id = m.event_id LEFT JOIN articles a ON a.id = e.article_id
        WHERE m.cluster_id = ? ORDER BY m.mention_rank""",
        [cluster_id],
    )
    names = ("rank", "event_id", "article_id", "outlet", "url", "date", "code", "sentence_index",
             "sentence_text", "event_text", "event_start", "event_end")  # fmt: skip
    return [dict(zip(names, row)) for row in cursor.fetchall()]
