"""`thucydides code`: code text or files and print one event per line."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import typer

from ..export import write_csv, write_jsonl
from ..ingest import DEFAULT_MAX_BYTES, IngestError, coding_error, read_articles
from ..model import Actor, Event
from ..settings import load_settings
from ._inputs import ReadTally, article_defaults, fail_if_nothing_read, warn_undated
from .app import ARTICLE_DATE_OPTION, ARTICLE_SOURCE_OPTION, ARTICLE_TITLE_OPTION, ARTICLE_URL_OPTION, MODEL_OPTION, app
from .app import DICTIONARIES_OPTION, ONLY_DICTIONARIES_OPTION, dictionary_settings, report_dictionary_issues

if TYPE_CHECKING:
    from rich.text import Text


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _report(err: IngestError) -> None:
    print(err if err.warning else f"skipped {err}", file=sys.stderr)


@app.command()
def code(
    paths: list[str] = typer.Argument(None, help="Files or folders to code; '-' or nothing reads stdin."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    model: Optional[str] = MODEL_OPTION,
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra lexicon YAML file(s)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary YAML file(s)."),
    dictionaries: list[Path] = DICTIONARIES_OPTION,
    only_dictionaries: bool = ONLY_DICTIONARIES_OPTION,
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Also emit negated, hypothetical, generic and question events."),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Largest file (or JSONL/WARC record, or page once inflated) to read."
    ),
    date: Optional[str] = ARTICLE_DATE_OPTION,
    source: Optional[str] = ARTICLE_SOURCE_OPTION,
    url: Optional[str] = ARTICLE_URL_OPTION,
    title: Optional[str] = ARTICLE_TITLE_OPTION,
) -> None:
    """Code news text into events: one JSON object (or CSV row) per event.

    Exits 1 when no article could be read; warns when events have no date."""
    from ..pipeline import Pipeline  # spaCy: imported only by the commands that code

    overrides = dict(model=model, lexicon=tuple(map(str, lexicon)) or None, actors=tuple(map(str, actors)) or None,
                     **dictionary_settings(dictionaries, only_dictionaries))
    if all_modalities:
        overrides["keep_modalities"] = ("asserted", "reported", "future", "negated", "hypothetical", "generic", "question")
    pipeline = Pipeline(load_settings(**overrides))
    report_dictionary_issues(pipeline.dictionary_issues)
    tally = ReadTally()
    read = read_articles(paths or ["-"], max_bytes=max_bytes, on_error=_report)  # stdin as bytes, like a file
    articles = tally.read(article_defaults(date, source, url, title).apply(read))
    coded = pipeline.code_articles(articles, on_error=lambda article, err: _report(coding_error(article, err)))
    WRITERS[fmt](tally.written(e for _, evs in coded for e in evs))
    fail_if_nothing_read(tally)
    warn_undated(tally.undated)


def _write_jsonl(events: Iterable[Event]) -> None:
    write_jsonl(events, sys.stdout)


def _write_csv(events: Iterable[Event]) -> None:
    write_csv(events, sys.stdout)


def _write_table(events: Iterable[Event]) -> None:
    # Rich is imported on first use: JSON Lines and CSV never need it. The rule and the
    # trigger's own column leave room for the sentence at 80 columns: the trigger is
    # marked in the sentence, and `explain` shows the rule.
    from ._render import print_table, rich_table

    columns = ("code", "source", "target", "date", "modality", "sentence")
    rows = ((e.code, _actor_code(e.source), _actor_code(e.target), e.date, e.modality, _evidence(e)) for e in events)
    print_table(rich_table(columns, rows))


def _actor_code(actor: Actor | None) -> str:
    return actor.code if actor else ""


def _evidence(event: Event) -> "Text":
    """The sentence on one line (its paragraph breaks are spaces), the trigger in bold."""
    from rich.text import Text

    sentence = Text(event.sentence_text.replace("\n", " ").rstrip())  # same length: offsets hold
    start = event.event_text.start - event.sentence_start
    sentence.stylize("bold underline", start, start + len(event.event_text.text))
    return sentence


WRITERS = {OutputFormat.jsonl: _write_jsonl, OutputFormat.csv: _write_csv, OutputFormat.table: _write_table}
