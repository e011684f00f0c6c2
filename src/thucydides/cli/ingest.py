"""`thucydides ingest`: code files into the DuckDB event store, resumably.

The command reads its options and shows progress; what happens to the articles
(resume, near-duplicates, batched writes, errors, clusters) is the ingest
service's (`ingest.service.IngestService`), shared with the Dask driver and the
API. With `--workers`/`--scheduler`, coding happens on a Dask cluster
(`distributed.DaskIngestCoder`) and this process stays the single writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..ingest import DEFAULT_MAX_BYTES, IngestError, read_articles
from ..ingest.service import Coder, IngestCounts, IngestObserver, IngestService, PipelineCoder
from ..settings import Settings, load_settings
from ..store import Store, StoreError
from ._inputs import ReadTally, article_defaults, fail_if_nothing_read, warn_undated
from .app import ARTICLE_DATE_OPTION, ARTICLE_SOURCE_OPTION, ARTICLE_TITLE_OPTION, ARTICLE_URL_OPTION, DB_OPTION
from .app import MODEL_OPTION, app
from .app import DICTIONARIES_OPTION, ONLY_DICTIONARIES_OPTION, dictionary_settings, report_dictionary_issues


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed or 0.0
        return Text(f"{speed:.1f} articles/s")


class ProgressDisplay(IngestObserver):
    """The run on the terminal: a Rich progress bar, problems printed above it."""

    def __init__(self, console: Console) -> None:
        self.console = console
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

    def __enter__(self) -> "ProgressDisplay":
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def progress(self, counts: IngestCounts) -> None:
        # Coded-but-unwritten articles count on the bar, so the rate is live between commits.
        self._progress.update(
            self._task,
            completed=counts.coded + counts.pending,
            events=counts.events + counts.pending_events,
            skipped=counts.skipped,
            errors=counts.errors,
        )

    def problem(self, error: IngestError) -> None:
        line = Text(str(error), style="yellow") if error.warning else Text(f"error: {error}", style="red")
        self.console.print(line, soft_wrap=True)

    def clustering(self) -> None:
        self.console.print("updating event clusters")


def _coder(settings: Settings, store: Store, workers: int | None, scheduler: str | None, chunk_size: int) -> Coder:
    if not (workers or scheduler):
        # Looked up when needed, not bound now, so that tests can swap the pipeline in.
        return PipelineCoder(lambda: _load_pipeline(settings))
    from ..distributed import DaskIngestCoder, parts_dir_for

    return DaskIngestCoder(
        settings, workers=workers, scheduler=scheduler, chunk_size=chunk_size, parts_dir=parts_dir_for(store.path)
    )


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
    date: Optional[str] = ARTICLE_DATE_OPTION,
    source: Optional[str] = ARTICLE_SOURCE_OPTION,
    url: Optional[str] = ARTICLE_URL_OPTION,
    title: Optional[str] = ARTICLE_TITLE_OPTION,
) -> None:
    """Code articles into the event store; re-running skips articles already stored.

    Exits 1 when no article could be read; warns when events have no date."""
    settings = load_settings(model=model, db=db, batch_size=batch_size,
                             lexicon=tuple(map(str, lexicon)) or None, actors=tuple(map(str, actors)) or None,
                             **dictionary_settings(dictionaries, only_dictionaries))
    console = Console(stderr=True)
    try:
        store = Store.open(settings.db)
    except StoreError as err:
        console.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    display = ProgressDisplay(console)
    service = IngestService(
        store, batch_size=settings.batch_size, dedup_articles=dedup_articles, cluster=aggregate_events, observer=display
    )
    interrupted = False
    tally = ReadTally()
    with store:
        try:
            with display:
                read = read_articles(paths, max_bytes=max_bytes, on_error=service.report)
                articles = tally.read(article_defaults(date, source, url, title).apply(read))
                service.ingest(articles, _coder(settings, store, workers, scheduler, chunk_size))
        except KeyboardInterrupt:
            interrupted = True
    _summarise(service.counts, tally, settings.db, console, interrupted)


def _summarise(counts: IngestCounts, tally: ReadTally, db: str, console: Console, interrupted: bool) -> None:
    typer.echo(
        f"{counts.coded} articles coded ({counts.skipped} skipped as already stored, {counts.errors} errors), "
        f"{counts.events} events → {db}"
    )
    if counts.duplicates:
        console.print(f"{counts.duplicates} near-duplicate articles linked to their original (not coded)")
    if counts.warnings:
        console.print(f"{counts.warnings} warnings (above, and in the store's ingest_errors)")
    warn_undated(counts.undated)
    if interrupted:
        console.print("interrupted: run the same command again to resume")
        raise typer.Exit(130)
    fail_if_nothing_read(tally)
    if counts.errors and not (counts.coded or counts.skipped or counts.duplicates):
        raise typer.Exit(1)  # whatever was read, none of it could be coded or stored
