"""The event store: articles, coded events and actor mentions in one DuckDB file.

Resume and idempotence rest on one rule: an article and everything coded from
it are written in a single transaction, and articles already stored are never
written again. So an interrupted `ingest` leaves whole articles only, and
re-running it skips what is there.

The `events` table has exactly the flat columns of `schema.COLUMNS` (plus
`date_raw`), so exports are a plain SELECT. `actors` holds one row per distinct
actor mention (article, span, code), with the number of events citing it: the
mention keeps its evidence offsets; per-code totals are a GROUP BY away.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import duckdb

from . import __version__
from .model import Actor, Article, Event, normalise_text, stable_hash
from . import query
from .query import ALL, EventFilter
from .schema import COLUMN_TYPES, COLUMNS, arrow_schema, flatten, json_structures, record_columns, unflatten

if TYPE_CHECKING:
    import pyarrow as pa

SCHEMA_VERSION = 4
# Older stores are migrated in place when opened for writing (additive only: v2 added
# articles.duplicate_of and the dedup/cluster tables, v3 the quotes table, v4
# events.mentions), and read as they are when read-only.
_READABLE_VERSIONS = (1, 2, 3, SCHEMA_VERSION)


# The events table: the event's flat columns, and the event date when it is not a
# full ISO date (the `date` column is a DATE).
_EVENT_TYPES: dict[str, str] = {**COLUMN_TYPES, "date_raw": "VARCHAR"}

_ARTICLE_TYPES: dict[str, str] = {
    "id": "VARCHAR",
    "title": "VARCHAR",
    "date": "DATE",
    "source": "VARCHAR",
    "url": "VARCHAR",
    "origin": "VARCHAR",
    "text": "VARCHAR",
    "text_hash": "VARCHAR",
    "meta": "JSON",
    "ingested_at": "TIMESTAMP",
    "n_events": "INTEGER",
    "coder_version": "VARCHAR",
    "duplicate_of": "VARCHAR",  # v2: id of the stored article this one near-duplicates (not coded)
}

# v2: one MinHash signature per original article (duplicates are not indexed), so a
# re-run rebuilds the LSH index from the store and still links copies of old articles.
_SIGNATURE_TYPES: dict[str, str] = {"article_id": "VARCHAR", "minhash": "BLOB"}

# One row per actor mention: the actor record, with the number of events citing it.
_ACTOR_TYPES: dict[str, str] = {"article_id": "VARCHAR", **record_columns(Actor), "n_events": "INTEGER"}

# v3: every direct quote of a coded article, with its speaker (also in articles.meta).
_QUOTE_TYPES: dict[str, str] = {
    "article_id": "VARCHAR",
    "start": "INTEGER",  # character offsets of the quoted words in the article text
    "end": "INTEGER",
    "text": "VARCHAR",
    "speaker_code": "VARCHAR",
    "speaker_name": "VARCHAR",
    "speaker_text": "VARCHAR",
    "speaker_country": "VARCHAR",
    "speaker_role": "VARCHAR",
    "speaker_wikidata": "VARCHAR",
}



def _q(name: str) -> str:
    return f'"{name}"'  # "start"/"end" are SQL keywords


def _ddl(table: str, types: dict[str, str], key: str) -> str:
    cols = ", ".join(f"{_q(c)} {t}" for c, t in types.items())
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols}, PRIMARY KEY ({key}))"


# Event clusters (see `aggregate`): one row per real-world event, with the keys it was
# grouped on ('' for a missing actor/place, so keys compare with `=`), and one
# `event_mentions` row per coded event linking it to its cluster. No primary keys:
# `aggregate` deletes and re-inserts whole groups inside one transaction.
_CLUSTER_DDL = [
    "CREATE TABLE IF NOT EXISTS event_clusters (cluster_id VARCHAR, event_id VARCHAR, source_code VARCHAR, "
    "target_code VARCHAR, family VARCHAR, place VARCHAR, code VARCHAR, root VARCHAR, quad TINYINT, "
    "goldstein DOUBLE, first_date DATE, last_date DATE, first_seen TIMESTAMP, last_seen TIMESTAMP, "
    "num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER)",
    "CREATE TABLE IF NOT EXISTS event_mentions (event_id VARCHAR, cluster_id VARCHAR, article_id VARCHAR, "
    "mention_rank INTEGER)",
]

_V2_TABLES = [_ddl("article_signatures", _SIGNATURE_TYPES, "article_id"), *_CLUSTER_DDL]

_V3_TABLES = [_ddl("quotes", _QUOTE_TYPES, 'article_id, "start"')]

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    _ddl("articles", _ARTICLE_TYPES, "id"),
    _ddl("events", _EVENT_TYPES, "id"),
    _ddl("actors", _ACTOR_TYPES, 'article_id, "start", "end", code'),
    "CREATE TABLE IF NOT EXISTS ingest_errors (path VARCHAR, line INTEGER, reason VARCHAR, \"at\" TIMESTAMP)",
    *_V2_TABLES,
    *_V3_TABLES,
]

# Quotes of articles stored before v3 live in articles.meta: copy them over.
_BACKFILL_QUOTES = """
    INSERT OR IGNORE INTO quotes
    SELECT a.id, CAST(q->>'start' AS INTEGER), CAST(q->>'end' AS INTEGER), q->>'text',
        q->'speaker'->>'code', q->'speaker'->>'name', q->'speaker'->>'text', q->'speaker'->>'country',
        q->'speaker'->>'role', q->'speaker'->>'wikidata'
    FROM articles a, unnest(CAST(json_extract(a.meta, '$.quotes') AS JSON[])) AS t(q)
    WHERE json_extract(a.meta, '$.quotes') IS NOT NULL"""

# Additive migrations from each version to the next, so readers of older columns see no change.
_MIGRATIONS: dict[int, list[str]] = {
    1: ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR", *_V2_TABLES],
    2: [*_V3_TABLES, _BACKFILL_QUOTES],
    3: ["ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions JSON"],
}
# Tables a store has only from the version given.
_TABLE_SINCE = {"article_signatures": 2, "quotes": 3}

# Tables written per article, in write order (articles first: merges key on them).
TABLE_TYPES: dict[str, dict[str, str]] = {
    "articles": _ARTICLE_TYPES,
    "events": _EVENT_TYPES,
    "actors": _ACTOR_TYPES,
    "article_signatures": _SIGNATURE_TYPES,
    "quotes": _QUOTE_TYPES,
}

class StoreError(RuntimeError):
    pass


class ErrorLike(Protocol):
    path: Any
    reason: str
    line: int | None


@dataclass(frozen=True)
class ArticleRef:
    """What exports need to know about an event's article."""

    id: str
    url: str | None
    source: str | None
    date: date | None
    ingested_at: datetime | None


@dataclass(frozen=True)
class ClusterCounts:
    """What GDELT export needs from an event's cluster (see `aggregate`)."""

    cluster_id: str
    num_mentions: int
    num_sources: int
    num_articles: int
    first_seen: datetime | None


def _iso_day(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def build_rows(
    items: list[tuple[Article, list[Event]]],
    coder_version: str,
    now: datetime,
    duplicate_of: Mapping[str, str] | None = None,
    signatures: Mapping[str, bytes] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The rows (table -> list of column dicts) that storing `items` writes.

    A pure function, so distributed workers build exactly the rows the
    single-process store would and only the merge touches the database.
    """
    duplicate_of = duplicate_of or {}
    signatures = signatures or {}
    articles, events, sigs = [], [], []
    actors: dict[tuple[Any, ...], dict[str, Any]] = {}
    for article, article_events in items:
        first_by_id: dict[str, Event] = {}  # a repeated event id is stored once (first wins)
        for event in article_events:
            first_by_id.setdefault(event.id, event)
        unique = list(first_by_id.values())
        articles.append(
            {
                "id": article.id,
                "title": article.title,
                "date": _iso_day(article.date),
                "source": article.source,
                "url": article.url,
                "origin": article.origin,
                "text": article.text,
                "text_hash": stable_hash(normalise_text(article.text)),
                "meta": json.dumps(article.meta, ensure_ascii=False, default=str) if article.meta else None,
                "ingested_at": now,
                "n_events": len(unique),
                "coder_version": coder_version,
                "duplicate_of": duplicate_of.get(article.id),
            }
        )
        if article.id in signatures:
            sigs.append({"article_id": article.id, "minhash": signatures[article.id]})
        for event in unique:
            row = flatten(event)
            row["date"] = _iso_day(event.date)
            row["date_raw"] = event.date if row["date"] is None else None
            events.append(row)
            for actor in (event.source, event.target):
                if actor:
                    key = (article.id, actor.start, actor.end, actor.code)
                    if key in actors:
                        actors[key]["n_events"] += 1
                    else:
                        actors[key] = {"article_id": article.id, **actor.to_dict(), "n_events": 1}
    quotes = [_quote_row(article.id, q) for article, _ in items for q in (article.meta or {}).get("quotes", [])]
    return {"articles": articles, "events": events, "actors": list(actors.values()), "article_signatures": sigs,
            "quotes": quotes}  # fmt: skip


def _quote_row(article_id: str, quote: Mapping[str, Any]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    return {
        "article_id": article_id, "start": quote["start"], "end": quote["end"], "text": quote["text"],
        **{f"speaker_{k}": speaker.get(k) for k in ("code", "name", "text", "country", "role", "wikidata")},
    }  # fmt: skip


def arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """`rows` of `table` as Arrow, typed as the store's columns (for Parquet partitions)."""
    return _arrow_rows(TABLE_TYPES[table], rows)


def _arrow_rows(types: Mapping[str, str], rows: list[dict[str, Any]]) -> pa.Table:
    import pyarrow as pa  # only writing needs Arrow (see `schema.arrow_schema`)

    return pa.Table.from_pylist(rows, schema=arrow_schema(types))


class Store:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self._con = con
        self.path = path
        self.schema_version = SCHEMA_VERSION

    # --- lifecycle -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        path = str(path)
        if path != ":memory:":
            if read_only and not Path(path).is_file():
                raise StoreError(f"no event store at {path} (run 'thucydides ingest' first)")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise StoreError(f"{path} is in use by another process (one writer at a time)") from err
            raise StoreError(f"cannot open {path}: {err}") from err
        except duckdb.Error as err:
            raise StoreError(f"cannot open {path}: {err}") from err
        store = cls(con, path)
        try:
            store._check_schema(read_only)
        except BaseException:
            con.close()
            raise
        return store

    def _check_schema(self, read_only: bool) -> None:
        tables = {r[0] for r in self._con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        if "meta" not in tables:
            if read_only or tables:
                raise StoreError(f"{self.path} is not a Thucydides event store")
            self._con.begin()
            for statement in _SCHEMA:
                self._con.execute(statement)
            self._con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self._con.commit()
            return
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version not in _READABLE_VERSIONS:
            raise StoreError(
                f"{self.path} has store schema version {version}; this Thucydides reads version "
                f"{SCHEMA_VERSION}. Re-ingest into a new file."
            )
        if version < SCHEMA_VERSION and not read_only:
            self._con.begin()
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    self._con.execute(statement)
            self._con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self._con.commit()
            version = SCHEMA_VERSION
        self.schema_version = version

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for the SQL modules (aggregate, query, dedup)."""
        return self._con

    def has_table(self, name: str) -> bool:
        return (
            self._con.execute(
                "SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?", [name]
            ).fetchone()
            is not None
        )

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def add(self, article: Article, events: list[Event], *, coder_version: str | None = None) -> bool:
        """Store one article with its events and actors, atomically.

        Returns False (and writes nothing) when the article is already stored.
        """
        return self._add_batch([(article, events)], coder_version) == 1

    def add_many(
        self,
        items: Iterable[tuple[Article, list[Event]]],
        *,
        batch_size: int = 256,
        coder_version: str | None = None,
        duplicate_of: Mapping[str, str] | None = None,
        signatures: Mapping[str, bytes] | None = None,
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> int:
        """Store many articles, one transaction per `batch_size` articles; returns the number added.

        `duplicate_of` maps an article id to the original it near-duplicates;
        `signatures` maps an article id to its MinHash signature (see `dedup`). Both
        are written in the same transaction as their article, so resume never
        sees an article without them. With `on_error`, a batch that fails is
        written again one article per transaction, and an article that still fails
        is reported there and left out (a later run tries it again).
        """
        added = 0
        for chunk in _batched(items, batch_size):
            try:
                added += self._add_batch(chunk, coder_version, duplicate_of, signatures)
            except Exception as err:  # noqa: BLE001 - find the article that fails; the others are stored
                if on_error is None:
                    raise
                if len(chunk) == 1:
                    on_error(chunk[0][0], err)
                    continue
                added += self.add_many(
                    chunk, batch_size=1, coder_version=coder_version, duplicate_of=duplicate_of,
                    signatures=signatures, on_error=on_error,
                )
        return added

    def _add_batch(
        self,
        items: list[tuple[Article, list[Event]]],
        coder_version: str | None,
        duplicate_of: Mapping[str, str] | None = None,
        signatures: Mapping[str, bytes] | None = None,
    ) -> int:
        self._con.begin()
        try:
            known = self.known_article_ids(a.id for a, _ in items)
            fresh: dict[str, tuple[Article, list[Event]]] = {}
            for article, events in items:
                if article.id not in known and article.id not in fresh:
                    fresh[article.id] = (article, events)
            if fresh:
                rows = build_rows(list(fresh.values()), coder_version or __version__, _utcnow(), duplicate_of, signatures)
                self._insert_rows(rows)
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise
        return len(fresh)

    def _insert_rows(self, rows: Mapping[str, list[dict[str, Any]]]) -> None:
        for table, types in TABLE_TYPES.items():
            if self.schema_version < _TABLE_SINCE.get(table, 1):
                continue
            self._insert(table, types, rows.get(table, []))

    def merge_parquet(self, parts: Mapping[str, str | Path]) -> tuple[int, int]:
        """Merge one partition written by `write_partition` (table -> Parquet file).

        The single-writer half of a distributed run: articles already stored are
        left alone (with their events), all in one transaction. Returns the
        articles and events added.
        """
        if "articles" not in parts:
            return 0, 0
        self._con.begin()
        try:
            self._con.execute(
                "CREATE OR REPLACE TEMP TABLE _thuc_fresh AS SELECT DISTINCT p.id FROM read_parquet(?) p "
                "ANTI JOIN articles a ON a.id = p.id",
                [str(parts["articles"])],
            )
            added = {}
            for table, types in TABLE_TYPES.items():
                path = parts.get(table)
                if path is None or self.schema_version < _TABLE_SINCE.get(table, 1):
                    continue
                key = "id" if table == "articles" else "article_id"
                cols = ", ".join(_q(c) for c in types)
                row = self._con.execute(
                    f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?) "
                    f"WHERE {_q(key)} IN (SELECT id FROM _thuc_fresh)",
                    [str(path)],
                ).fetchone()
                added[table] = int(row[0]) if row else 0
            self._con.execute("DROP TABLE _thuc_fresh")
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise
        return added.get("articles", 0), added.get("events", 0)

    def _insert(self, table: str, types: dict[str, str], rows: list[dict[str, Any]]) -> None:
        # One Arrow table per batch: far faster than row-by-row executemany in DuckDB.
        if not rows:
            return
        batch = _arrow_rows(types, rows)
        cols = ", ".join(_q(c) for c in types)
        self._con.register("_thuc_batch", batch)
        try:
            self._con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _thuc_batch")
        except BaseException:
            # The transaction is aborted and the caller rolls back; don't mask the error.
            with suppress(duckdb.Error):
                self._con.unregister("_thuc_batch")
            raise
        self._con.unregister("_thuc_batch")

    def add_error(self, err: ErrorLike) -> None:
        """Record an ingest error once (same path, line and reason are not repeated)."""
        params = [str(err.path), err.line, str(err.reason)]
        self._con.execute(
            "INSERT INTO ingest_errors SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ingest_errors "
            "WHERE path = ? AND line IS NOT DISTINCT FROM ? AND reason = ?)",
            [*params, _utcnow(), *params],
        )

    # --- reading -------------------------------------------------------------

    def _select(
        self, where_: EventFilter, limit: int | None, *, clusters: bool = False
    ) -> Iterator[tuple[Event, ArticleRef, ClusterCounts | None]]:
        cols = [c for c in COLUMNS if c != "date"]
        where, params = where_.where()
        joins, extra = "", ""
        if clusters:
            # One row per cluster (its first mention) plus every event not clustered
            # yet, so a store that was never aggregated still exports every event.
            joins = (
                " LEFT JOIN event_mentions m ON m.event_id = e.id"
                " LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
            )
            extra = ", c.cluster_id, c.num_mentions, c.num_sources, c.num_articles, c.first_seen"
            rep = "(m.event_id IS NULL OR c.event_id = e.id)"
            where = f"{where} AND {rep}" if where else f" WHERE {rep}"
        present = self._stored_event_columns()
        # A store of an older version read as it is lacks the newer columns: empty.
        selected = [f"e.{_q(c)}" if c in present else f"NULL AS {_q(c)}" for c in cols]
        sql = (
            f"SELECT {', '.join(selected)}, "
            "coalesce(e.date_raw, strftime(e.date, '%Y-%m-%d')) AS date, "
            f"a.id, a.url, a.source, a.date, a.ingested_at{extra} "
            f"FROM events e LEFT JOIN articles a ON a.id = e.article_id{joins}{where} "
            "ORDER BY e.article_id, e.sentence_index, e.event_start, e.id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        # A cursor of its own, so other queries on the store don't cut the stream short.
        cursor = self._con.cursor()
        try:
            cursor.execute(sql, params)
            names = [*cols, "date"]
            n = len(names)
            while rows := cursor.fetchmany(2048):
                for row in rows:
                    flat = dict(zip(names, row[:n]))
                    ref = ArticleRef(*row[n : n + 5])
                    counts = ClusterCounts(*row[n + 5 :]) if clusters and row[n + 5] is not None else None
                    yield unflatten(flat), ref, counts
        finally:
            cursor.close()

    def _stored_event_columns(self) -> frozenset[str]:
        rows = self._con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()
        return frozenset(name for (name,) in rows)

    def events(self, where: EventFilter = ALL, limit: int | None = None) -> Iterator[Event]:
        """Stored events matching `where` (see `query.EventFilter`), in a stable order
        (article, sentence, position)."""
        return (event for event, _, _ in self._select(where, limit))

    def event_records(self, where: EventFilter = ALL, limit: int | None = None) -> Iterator[tuple[Event, ArticleRef]]:
        """Like `events`, with each event's `ArticleRef` (for GDELT export)."""
        return ((event, ref) for event, ref, _ in self._select(where, limit))

    def cluster_records(
        self, where: EventFilter = ALL, limit: int | None = None
    ) -> Iterator[tuple[Event, ArticleRef, ClusterCounts | None]]:
        """One record per event cluster (its first mention, with the cluster's counts),
        plus unclustered events with None counts. The filter applies to the first mention.
        A store without cluster tables (read-only v1) gives every event."""
        return self._select(where, limit, clusters=self.has_table("event_clusters"))

    def _typed_select(self, where_: EventFilter) -> tuple[str, list[Any]]:
        """SQL for the matching events with typed columns: the flat columns in order, the
        JSON ones as structs and lists (`schema.json_structures`), then `date_raw` (the
        `date` column is a DATE, so a partial date rides there)."""
        structures = json_structures()
        cols = ", ".join(
            f"from_json(e.{_q(c)}, '{structures[c]}') AS {_q(c)}" if c in structures else "e." + _q(c)
            for c in [*COLUMNS, "date_raw"]
        )
        where, params = where_.where()
        sql = (
            f"SELECT {cols} FROM events e LEFT JOIN articles a ON a.id = e.article_id{where} "
            "ORDER BY e.article_id, e.sentence_index, e.event_start, e.id"
        )
        return sql, params

    def arrow_reader(self, where: EventFilter = ALL, batch_rows: int = 65_536) -> "pa.RecordBatchReader":
        """The matching events as Arrow record batches with typed columns (see
        `_typed_select`): what Parquet export writes and the data API reads."""
        sql, params = self._typed_select(where)
        # A cursor of its own: a pending result on the store's connection would block
        # every other query until the batches are read.
        return self._con.cursor().sql(sql, params=params).to_arrow_reader(batch_rows)

    def write_parquet(self, out: str | Path | IO[bytes], where: EventFilter = ALL) -> int:
        """Events as Parquet with typed columns (location a struct, figures a list of
        structs, codes strings); returns the row count."""
        if isinstance(out, (str, Path)):
            sql, params = self._typed_select(where)
            row = self._con.execute(f"COPY ({sql}) TO ? (FORMAT PARQUET)", [*params, str(out)]).fetchone()
            return int(row[0]) if row else 0
        import pyarrow.parquet as pq

        # Streams must be written by pyarrow; batch by batch so memory stays flat.
        reader = self.arrow_reader(where)
        n = 0
        with pq.ParquetWriter(out, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
        return n

    def counts(self) -> dict[str, int]:
        return {
            t: self._con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("articles", "events", "actors", "ingest_errors")
        }

    def errors(self) -> list[dict[str, Any]]:
        rows = self._con.execute('SELECT path, line, reason, "at" FROM ingest_errors ORDER BY "at", path, line')
        return [dict(zip(("path", "line", "reason", "at"), r)) for r in rows.fetchall()]

    def summary(self, top: int = 10, examples: int = 3) -> dict[str, Any]:
        """The numbers `thucydides stats` shows, JSON-ready (see `query.summary`)."""
        return {"db": self.path, **query.summary(self._con, top_n=top, examples=examples)}
