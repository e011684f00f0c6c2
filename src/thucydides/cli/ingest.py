"""`thucydides ingest`: code files into the DuckDB event store, resumably.

Resume works because the store writes each article with its events in one
transaction: on a re-run, articles already stored are dropped before parsing.
Near-duplicates of stored articles (see `dedup`) are stored as links to their
original and not coded. Memory is bounded: articles stream from the readers
through a window of one parse batch (or, with `--workers`, a few chunks in
flight), and only ids and dedup signatures accumulate. Event clusters
(`aggregate`) are brought up to date at the end of the run whenever some event
is in none, so a run killed before it clusters is caught up by the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from .. import dedup
from ..aggregate import aggregate, clusters_behind
from ..ingest import DEFAULT_MAX_BYTES, IngestError, coding_error, read_articles
from ..model import Article, Event
from ..settings import Settings, load_settings
from ..store import Store, StoreError
from .app import DB_OPTION, MODEL_OPTION, app
from .app import DICTIONARIES_OPTION, ONLY_DICTIONARIES_OPTION, dictionary_settings, report_dictionary_issues


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed or 0.0
        return Text(f"{speed:.1f} articles/s")


class IngestRun:
    """One ingest: counts, error reporting and batched writes to the store."""

    def __init__(self, store: Store, settings: Settings, console: Console, *, dedup_articles: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.console = console
        self.coded = self.skipped = self.errors = self.warnings = self.events = self.duplicates = 0
        self._dedup = dedup_articles
        self._index: dedup.DuplicateIndex | None = None
        # Written with their article in the same transaction (see Store.add_many).
        self._duplicate_of: dict[str, str] = {}
        self._signatures: dict[str, bytes] = {}
        # Ids handed to the coder in this run: duplicates in the input are not
        # stored yet when the second copy is read. Grows with the run (ids only).
        self._seen: set[str] = set()
        self._buffer: list[tuple[Article, list[Event]]] = []  # coded, written per batch
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("coding"),
            TextColumn("{task.completed} articles"),
            _RateColumn(),
            TextColumn("{task.fields[events]} events, {task.fields[skipped]} skipped, {task.fields[errors]} errors"),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,  # no bar (nor its escape codes) in logs and pipes
        )
        self._task = self._progress.add_task("ingest", total=None, events=0, skipped=0, errors=0)

    def report(self, err: IngestError) -> None:
        if err.warning:
            self.warnings += 1
        else:
            self.errors += 1
        self.store.add_error(err)
        line = Text(str(err), style="yellow") if err.warning else Text(f"error: {err}", style="red")
        self._progress.console.print(line, soft_wrap=True)
        self._update()

    def report_coding(self, article: Article, err: Exception) -> None:
        self.report(coding_error(article, err))

    def _update(self) -> None:
        # Coded-but-unwritten articles count on the bar, so the rate is live between commits.
        self._progress.update(
            self._task,
            completed=self.coded + len(self._buffer),
            events=self.events + sum(len(events) for _, events in self._buffer),
            skipped=self.skipped,
            errors=self.errors,
        )

    def _new_articles(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles not stored yet, checked against the store a batch at a time."""
        it = iter(articles)
        while chunk := list(islice(it, self.settings.batch_size)):
            known = self.store.known_article_ids(a.id for a in chunk)
            for article in chunk:
                if article.id in known or article.id in self._seen:
                    self.skipped += 1
                    continue
                self._seen.add(article.id)
                if self._is_duplicate(article):
                    continue
                yield article
            self._update()

    def _is_duplicate(self, article: Article) -> bool:
        """Link a near-duplicate to its original (buffered for writing, not coded);
        otherwise index the article as a possible original."""
        if not self._dedup:
            return False
        if self._index is None:
            self._index = dedup.load_index(self.store.con)  # stored originals: resume sees them
        mh = dedup.signature(article.text)
        if mh is None:
            return False
        original = self._index.original_of(mh)
        if original is None:
            self._index.add(article.id, mh)
            self._signatures[article.id] = dedup.to_bytes(mh)
            return False
        self._duplicate_of[article.id] = original
        self._buffer.append((article, []))
        if len(self._buffer) >= self.settings.batch_size:
            self._flush()
        return True

    def _flush(self) -> None:
        if self._buffer:
            ids = [a.id for a, _ in self._buffer]
            failed: set[str] = set()

            def report(article: Article, err: Exception) -> None:
                failed.add(article.id)
                self.report(coding_error(article, err, stage="storing"))

            added = self.store.add_many(
                self._buffer,
                batch_size=len(self._buffer),
                duplicate_of=self._duplicate_of,
                signatures=self._signatures,
                on_error=report,
            )
            dups = sum(1 for i in ids if i in self._duplicate_of and i not in failed)
            self.duplicates += dups
            self.coded += added - dups
            self.events += sum(len(events) for a, events in self._buffer if a.id not in failed)
            self._buffer.clear()
            for i in ids:
                self._duplicate_of.pop(i, None)
                self._signatures.pop(i, None)
            self._update()

    def run_distributed(
        self, paths: list[str], max_bytes: int, *, workers: int | None, scheduler: str | None, chunk_size: int
    ) -> None:
        """Code on Dask workers; this process reads, dedups and merges (the single writer)."""
        from ..distributed import Chunk, DaskCoder, remove_partition

        new = self._new_articles(read_articles(paths, max_bytes=max_bytes, on_error=self.report))

        def chunks() -> Iterator[Chunk]:
            for number, start in enumerate(iter(lambda: list(islice(new, chunk_size)), [])):
                sigs = {a.id: self._signatures.pop(a.id) for a in start if a.id in self._signatures}
                yield Chunk(number, start, sigs)
            self._flush()  # duplicates read after the last chunk

        with self._progress:
            source = chunks()
            first = next(source, None)
            if first is None:
                self._flush()
                return  # nothing new: no cluster to start
            parts_dir = None if self.store.path == ":memory:" else f"{self.store.path}.parts"
            with DaskCoder(self.settings, workers=workers, scheduler=scheduler, parts_dir=parts_dir) as coder:
                try:
                    for partition in coder.code(chain([first], source)):
                        for err in partition.errors:
                            self.report(err)
                        self._flush()  # duplicates first: their originals may be in this partition
                        articles, events = self.store.merge_parquet(partition.paths)
                        remove_partition(partition)
                        self.coded += articles
                        self.events += events
                        self._update()
                finally:
                    self._flush()

    def run(self, paths: list[str], max_bytes: int) -> None:
        new = self._new_articles(read_articles(paths, max_bytes=max_bytes, on_error=self.report))
        with self._progress:
            first = next(new, None)
            if first is None:
                self._flush()  # near-duplicates only
                return  # everything stored already (or unreadable): don't load spaCy
            pipeline = _load_pipeline(self.settings)
            try:
                for article, events in pipeline.code_articles(chain([first], new), on_error=self.report_coding):
                    self._buffer.append((article, events))
                    if len(self._buffer) >= self.settings.batch_size:
                        self._flush()
                    else:
                        self._update()
            finally:
                self._flush()  # articles coded before an interruption are kept


def _load_pipeline(settings: Settings):  # noqa: ANN202 - Pipeline imports spaCy, so only when needed
    from ..nlp import ModelNotInstalled
    from ..pipeline import Pipeline

    try:
        pipeline = Pipeline(settings)
        report_dictionary_issues(pipeline.dictionary_issues)
        return pipeline
    except ModelNotInstalled as err:
        Console(stderr=True).print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(2) from err


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursively) or '-' for standard input."),
    db: Optional[str] = DB_OPTION,
    model: Optional[str] = MODEL_OPTION,
    batch_size: Optional[int] = typer.Option(
        None, "--batch-size", min=1, help="Articles per parse batch and per store transaction (default: 32)."
    ),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Largest file (or JSONL/WARC record, or page once inflated) to read, in bytes."
    ),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra lexicon YAML file(s)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary YAML file(s)."),
    dictionaries: list[Path] = DICTIONARIES_OPTION,
    only_dictionaries: bool = ONLY_DICTIONARIES_OPTION,
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, help="Code on a local Dask cluster of N worker processes."
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Code on an existing Dask cluster (tcp://HOST:PORT); needs a shared filesystem."
    ),
    chunk_size: int = typer.Option(64, "--chunk-size", min=1, help="Articles per Dask task (with --workers)."),
    dedup_articles: bool = typer.Option(
        True, "--dedup/--no-dedup", help="Link near-duplicate articles to their original instead of coding them."
    ),
    aggregate_events: bool = typer.Option(
        True, "--aggregate/--no-aggregate", help="Update event clusters (thucydides aggregate) at the end."
    ),
) -> None:
    """Code articles into the event store; re-running skips articles already stored."""
    settings = load_settings(model=model, db=db, batch_size=batch_size,
                             lexicon=tuple(map(str, lexicon)) or None, actors=tuple(map(str, actors)) or None,
                             **dictionary_settings(dictionaries, only_dictionaries))
    console = Console(stderr=True)
    try:
        store = Store.open(settings.db)
    except StoreError as err:
        console.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    run = IngestRun(store, settings, console, dedup_articles=dedup_articles)
    interrupted = False
    with store:
        try:
            if workers or scheduler:
                run.run_distributed(paths, max_bytes, workers=workers, scheduler=scheduler, chunk_size=chunk_size)
            else:
                run.run(paths, max_bytes)
            if aggregate_events and clusters_behind(store):  # also after a run killed before it
                console.print("updating event clusters")
                aggregate(store)
        except KeyboardInterrupt:
            interrupted = True
    typer.echo(
        f"{run.coded} articles coded ({run.skipped} skipped as already stored, {run.errors} errors), "
        f"{run.events} events → {settings.db}"
    )
    if run.duplicates:
        console.print(f"{run.duplicates} near-duplicate articles linked to their original (not coded)")
    if run.warnings:
        console.print(f"{run.warnings} warnings (above, and in the store's ingest_errors)")
    if interrupted:
        console.print("interrupted: run the same command again to resume")
        raise typer.Exit(130)
    if run.errors and not (run.coded or run.skipped):
        raise typer.Exit(1)  # nothing readable at all
