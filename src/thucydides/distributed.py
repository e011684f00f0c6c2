"""Coding on a Dask cluster: workers parse and code, one process writes the store.

DuckDB allows one writer, and spaCy is the slow part, so the work splits as:

* the driver (the `ingest` process) reads articles as a stream; its ingest
  service (`ingest.service`) drops the ones already stored and the
  near-duplicates (it holds the only LSH index, so dedup decisions are the same
  as in a single-process run), and `DaskIngestCoder` cuts the rest into chunks;
* each worker codes a chunk with its own Pipeline (loaded once per worker
  process and cached at module level) and writes the rows the store would
  write as Parquet partitions, one file per table;
* the driver's ingest service merges each finished partition into the store in
  one transaction (`Store.merge_parquet`), then the partition is deleted; the
  service clusters the events at the end, as in a single-process run.

At most `max_in_flight` chunks are submitted and not yet merged, so memory is
bounded by chunk size x in-flight chunks whatever the corpus size. With an
existing cluster (`scheduler`), `parts_dir` must be on a filesystem the
workers and the driver share.

A chunk whose task fails (a worker killed, an article that cannot be written)
is coded again one article per task, so the failure costs only the article
that causes it, which becomes an error of its partition.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from contextlib import suppress
from collections.abc import Iterable, Iterator
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest.errors import IngestError, coding_error
from .model import Article, Event
from .settings import Settings
from .store import TABLE_TYPES, arrow_table, build_rows

if TYPE_CHECKING:
    from .ingest.service import CodingSink
    from .pipeline import Pipeline

# The worker's pipeline, keyed by the settings it was built with: loading spaCy
# takes seconds, coding a chunk less, so it must happen once per worker process.
_WORKER_PIPELINE: dict[str, "Pipeline"] = {}


def worker_pipeline(settings: Settings) -> "Pipeline":
    key = repr(settings)
    pipeline = _WORKER_PIPELINE.get(key)
    if pipeline is None:
        from .pipeline import Pipeline

        _WORKER_PIPELINE.clear()  # one pipeline per worker: a new setting replaces it
        pipeline = _WORKER_PIPELINE[key] = Pipeline(settings)
    return pipeline


@dataclass
class Chunk:
    """A unit of work: articles to code, with their MinHash signatures to store."""

    number: int
    articles: list[Article]
    signatures: dict[str, bytes] = field(default_factory=dict)
    piece: int = 0  # 1, 2, ...: one article of chunk `number`, coded alone after the chunk failed

    def pieces(self) -> list["Chunk"]:
        """The chunk as one chunk per article."""
        return [
            Chunk(self.number, [a], {a.id: self.signatures[a.id]} if a.id in self.signatures else {}, k)
            for k, a in enumerate(self.articles, start=1)
        ]


@dataclass(frozen=True)
class Partition:
    """What a worker wrote for one chunk: table -> Parquet file."""

    number: int
    paths: dict[str, str]
    articles: int
    events: int
    errors: list[IngestError] = field(default_factory=list)  # articles the coder failed on
    undated: int = 0  # events with no date


def code_chunk(chunk: Chunk, settings: Settings, parts_dir: str, coder_version: str) -> Partition:
    """Worker task: code a chunk and write its store rows as Parquet partitions."""
    pipeline = worker_pipeline(settings)
    errors: list[IngestError] = []
    items = list(pipeline.code_articles(chunk.articles, on_error=lambda a, err: errors.append(coding_error(a, err))))
    return write_partition(chunk, items, parts_dir, coder_version, errors)


def write_partition(
    chunk: Chunk,
    items: list[tuple[Article, list[Event]]],
    parts_dir: str,
    coder_version: str,
    errors: list[IngestError] | None = None,
) -> Partition:
    """Write the rows the store would write for the coded `items` of `chunk`, one
    Parquet file per table, for the driver to merge (`Store.merge_parquet`)."""
    import pyarrow.parquet as pq

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = build_rows(items, coder_version, now, None, chunk.signatures)
    paths: dict[str, str] = {}
    for table in TABLE_TYPES:
        path = Path(parts_dir) / f"part-{chunk.number:08d}-{chunk.piece:04d}-{table}.parquet"
        pq.write_table(arrow_table(table, rows[table]), path)
        paths[table] = str(path)
    undated = sum(e.date is None for _, events in items for e in events)
    return Partition(chunk.number, paths, len(items), len(rows["events"]), errors or [], undated)


class DaskCoder:
    """A Dask client (on a LocalCluster of `workers` processes, or `scheduler`)
    that codes chunks and yields their partitions as they finish."""

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        parts_dir: str | Path | None = None,
        max_in_flight: int | None = None,
        coder_version: str | None = None,
    ) -> None:
        if not workers and not scheduler:
            raise ValueError("give workers or a scheduler address")
        from . import __version__

        self.settings = settings
        self.workers = workers
        self.scheduler = scheduler
        self.coder_version = coder_version or __version__
        self._own_dir = parts_dir is None
        self.parts_dir = Path(parts_dir or tempfile.mkdtemp(prefix="thucydides-parts-"))
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        # Left by a run that stopped before merging them: their articles are not
        # stored, so this run codes them again. (The store's lock means one writer.)
        for stale in self.parts_dir.glob("part-*.parquet"):
            stale.unlink(missing_ok=True)
        self._max_in_flight = max_in_flight
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> "DaskCoder":
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler)
        else:
            import dask

            # One single-threaded process per worker: spaCy holds the GIL.
            with dask.config.set({"distributed.nanny.pre-spawn-environ": _worker_environ()}):
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,  # the nanny's shutdown chatter is not the user's business
                )
            self._client = Client(self._cluster)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        if self._own_dir:
            shutil.rmtree(self.parts_dir, ignore_errors=True)
        else:
            with suppress(OSError):  # only if empty: every partition merged
                self.parts_dir.rmdir()

    @property
    def n_workers(self) -> int:
        return max(1, len(self._client.scheduler_info().get("workers", {}))) if self._client else 1

    def code(self, chunks: Iterable[Chunk]) -> Iterator[Partition]:
        """Partitions of `chunks`, in completion order, with a bounded number in flight."""
        from dask.distributed import as_completed

        # Two per worker: one running, one queued, so no worker waits on the driver.
        limit = self._max_in_flight or 2 * self.n_workers
        source = iter(chunks)
        retries: list[Chunk] = []  # the articles of failed chunks, one per chunk, before new chunks
        pending = as_completed()
        running: dict[Any, Chunk] = {}

        def submit() -> bool:
            chunk = retries.pop() if retries else next(source, None)
            if chunk is None:
                return False
            future = self._client.submit(
                code_chunk, chunk, self.settings, str(self.parts_dir), self.coder_version, pure=False
            )
            running[future] = chunk
            pending.add(future)
            return True

        try:
            for _ in range(limit):
                if not submit():
                    break
            for future in pending:
                chunk = running.pop(future)
                partition = self._result(future, chunk, retries)
                submit()  # refill before the driver merges, keeping workers busy
                if partition is not None:
                    yield partition
        finally:
            for future in running:
                future.cancel()

    @staticmethod
    def _result(future: Any, chunk: Chunk, retries: list[Chunk]) -> Partition | None:
        """The chunk's partition; if its task failed, None with its articles queued
        to be coded one by one, or for a lone article a partition naming the error."""
        try:
            return future.result()
        except Exception as err:  # noqa: BLE001 - a failed task costs only the article that fails
            if len(chunk.articles) > 1:
                retries.extend(reversed(chunk.pieces()))
                return None
            errors = [coding_error(a, err, stage="the worker's task") for a in chunk.articles]
            return Partition(chunk.number, {}, 0, 0, errors)


def _worker_environ() -> dict[str, Any]:
    """Dask's environment for worker processes, less MALLOC_TRIM_THRESHOLD_=65536:
    with it glibc hands freed memory back to the system at once, and spaCy, which
    allocates and frees its arrays batch after batch, then spends ~15 % more time
    parsing (page faults on memory it just gave back). Memory stays bounded without it
    (peak RSS per worker in BENCHMARKS.md)."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def remove_partition(partition: Partition) -> None:
    for path in partition.paths.values():
        Path(path).unlink(missing_ok=True)


def parts_dir_for(store_path: str) -> str | None:
    """Where partitions wait to be merged into the store at `store_path`: beside it,
    where the next run finds (and deletes) those of a run killed before its merge;
    for an in-memory store, a temporary folder."""
    return None if store_path == ":memory:" else f"{store_path}.parts"


@dataclass(frozen=True)
class DaskIngestCoder:
    """The ingest service's `Coder` on Dask: chunks of new articles are coded on
    workers, and each finished partition goes back to the service to be merged."""

    settings: Settings
    _: KW_ONLY
    workers: int | None = None
    scheduler: str | None = None
    chunk_size: int = 64
    parts_dir: str | Path | None = None

    def code(self, articles: Iterator[Article], sink: "CodingSink") -> None:
        with DaskCoder(self.settings, workers=self.workers, scheduler=self.scheduler, parts_dir=self.parts_dir) as coder:
            for partition in coder.code(self._chunks(articles, sink)):
                sink.merge(partition)
                remove_partition(partition)

    def _chunks(self, articles: Iterator[Article], sink: "CodingSink") -> Iterator[Chunk]:
        # The signatures travel with their articles: the worker writes them in the same partition.
        for number, start in enumerate(iter(lambda: list(islice(articles, self.chunk_size)), [])):
            yield Chunk(number, start, sink.take_signatures(start))
