"""`thucydides ingest`: code files into the DuckDB event store, resumably.

Resume works because the store writes each article with its events in one
transaction: on a re-run, articles already stored are dropped before parsing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..ingest import DEFAULT_MAX_BYTES, IngestError, read_articles
from ..model import Article, Event
from ..settings import Settings, load_settings
from ..store import Store, StoreError
from .app import DB_OPTION, MODEL_OPTION, app


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed or 0.0
        return Text(f"{speed:.1f} articles/s")


class IngestRun:
    """One ingest: counts, error reporting and batched writes to the store."""

    def __init__(self, store: Store, settings: Settings, console: Console) -> None:
        self.store = store
        self.settings = settings
        self.console = console
        self.coded = self.skipped = self.errors = self.events = 0
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
        self.errors += 1
        self.store.add_error(err)
        self._progress.console.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        self._update()

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
                else:
                    self._seen.add(article.id)
                    yield article
            self._update()

    def _flush(self) -> None:
        if self._buffer:
            self.coded += self.store.add_many(self._buffer, batch_size=len(self._buffer))
            self.events += sum(len(events) for _, events in self._buffer)
            self._buffer.clear()
            self._update()

    def run(self, paths: list[str], max_bytes: int) -> None:
        new = self._new_articles(read_articles(paths, max_bytes=max_bytes, on_error=self.report))
        with self._progress:
            first = next(new, None)
            if first is None:
                return  # everything stored already (or unreadable): don't load spaCy
            pipeline = _load_pipeline(self.settings)
            try:
                for article, events in pipeline.code_articles(chain([first], new)):
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
        return Pipeline(settings)
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
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Largest file (or JSONL/WARC record) to read, in bytes."
    ),
) -> None:
    """Code articles into the event store; re-running skips articles already stored."""
    settings = load_settings(model=model, db=db, batch_size=batch_size)
    console = Console(stderr=True)
    try:
        store = Store.open(settings.db)
    except StoreError as err:
        console.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    run = IngestRun(store, settings, console)
    interrupted = False
    with store:
        try:
            run.run(paths, max_bytes)
        except KeyboardInterrupt:
            interrupted = True
    typer.echo(
        f"{run.coded} articles coded ({run.skipped} skipped as already stored, {run.errors} errors), "
        f"{run.events} events → {settings.db}"
    )
    if interrupted:
        console.print("interrupted: run the same command again to resume")
        raise typer.Exit(130)
    if run.errors and not (run.coded or run.skipped):
        raise typer.Exit(1)  # nothing readable at all
