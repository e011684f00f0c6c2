"""`thucydides eval`: run the coder on gold files and score it."""

from __future__ import annotations

import json
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Callable, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from thucydides.evaluate import HALVES, LEVELS, GoldRecord, GoldSet, Scores, read_gold, score
from thucydides.evaluate.report import error_entries, markdown_report, print_errors, print_report, scores_json
from thucydides.model import Event

from .app import JSON_ALIAS_OPTION, MODEL_OPTION, app, format_or_alias
from .app import DICTIONARIES_OPTION, ONLY_DICTIONARIES_OPTION, dictionary_settings, report_dictionary_issues

# Codes a list of gold records; returns the predicted events by record id.
Coder = Callable[[list[GoldRecord]], dict[str, list[Event]]]

CASES = ("lower", "upper")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


# Tables are wider than the 80 columns Rich assumes when output is not a terminal.
_PIPED_WIDTH = 120


def make_coder(model: str | None, dictionaries: list[Path] | None = None, only_dictionaries: bool = False,
               case: str | None = None) -> Coder:
    """The pipeline as a `Coder`; imported here so scoring works without the coder. With
    `case` ("lower" or "upper") it codes the texts in that case (offsets do not move)."""
    from thucydides.pipeline import Pipeline
    from thucydides.settings import load_settings

    pipeline = Pipeline(load_settings(model=model, **dictionary_settings(dictionaries or [], only_dictionaries)))
    report_dictionary_issues(pipeline.dictionary_issues)

    def code(records: list[GoldRecord]) -> dict[str, list[Event]]:
        predictions: dict[str, list[Event]] = {}
        articles = (r.to_article() for r in records)
        if case is not None:
            articles = (replace(a, text=_in_case(a.text, case)) for a in articles)
        for article, events in pipeline.code_articles(articles):
            predictions.setdefault(article.id, []).extend(events)
        return predictions

    return code


@app.command("eval")
def eval_command(
    gold_files: list[Path] = typer.Argument(
        ..., metavar="GOLD.jsonl", exists=True, dir_okay=False, readable=True,
        help="Gold files (format: GOLD-FORMAT.md).",
    ),
    fmt: EvalFormat = typer.Option(
        EvalFormat.table, "--format", "-f",
        help="table (Rich), json (one object {file: scores}) or markdown (one table, for BENCHMARKS.md).",
    ),
    as_json: bool = JSON_ALIAS_OPTION,
    markdown: bool = typer.Option(False, "--markdown", hidden=True, help="Same as --format markdown."),
    errors: bool = typer.Option(False, "--errors", help="List the misses and extras of each record."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score the first N records of each file."),
    model: str | None = MODEL_OPTION,
    level: str = typer.Option("code", "--level", help=f"Level for --errors: {', '.join(LEVELS)}."),
    half: str | None = typer.Option(
        None, "--half", help="Score only half 'a' or 'b' of each file (split by a hash of the record id): "
        "work from one half and keep the other unseen."),
    dictionaries: list[Path] = DICTIONARIES_OPTION,
    only_dictionaries: bool = ONLY_DICTIONARIES_OPTION,
    case: str | None = typer.Option(
        None, "--case", help="Code the texts all 'lower' case or all 'upper' case, as some archives "
        "and transcripts are: how much is lost without capitals."),
) -> None:
    """Code the gold records and report found/missed/extra, precision, recall and F1 per level."""
    if level not in LEVELS:
        raise typer.BadParameter(f"must be one of {', '.join(LEVELS)}", param_hint="--level")
    if half is not None and half not in HALVES:
        raise typer.BadParameter(f"must be one of {', '.join(HALVES)}", param_hint="--half")
    if case is not None and case not in CASES:
        raise typer.BadParameter(f"must be one of {', '.join(CASES)}", param_hint="--case")
    gold_sets = [_read(path, limit, half) for path in gold_files]
    coder = _load_coder(model, dictionaries, only_dictionaries, case)
    results = {str(g.path): score(g.records, coder(g.records)) for g in gold_sets}
    fmt = format_or_alias(format_or_alias(fmt, markdown, EvalFormat.markdown), as_json, EvalFormat.json)
    if fmt is EvalFormat.json:
        typer.echo(json.dumps(scores_json(results, level if errors else None), indent=2, ensure_ascii=False))
    elif fmt is EvalFormat.markdown:
        typer.echo(markdown_report(results), nl=False)
    else:
        _print_tables(results, level if errors else None)


def _read(path: Path, limit: int | None, half: str | None = None) -> GoldSet:
    gold = read_gold(path, limit, half)
    stderr = Console(stderr=True)
    for message in gold.errors:
        stderr.print(Text(f"skipped malformed gold record: {message}", style="yellow"))
    return gold


def _in_case(text: str, case: str) -> str:
    """`text` in lower or upper case, letter by letter where that keeps its length."""
    change = str.lower if case == "lower" else str.upper
    return "".join(new if len(new := change(c)) == 1 else c for c in text)


def _load_coder(model: str | None, dictionaries: list[Path], only_dictionaries: bool,
                case: str | None = None) -> Coder:
    from thucydides.nlp import ModelNotInstalled  # imports spaCy: only when coding

    try:
        return make_coder(model, dictionaries, only_dictionaries, case)
    except ModuleNotFoundError as err:
        if err.name != "thucydides.pipeline":
            raise
        _fail("the coder (thucydides.pipeline) is not available in this installation")
    except ModelNotInstalled as err:  # its message says how to install the model
        _fail(str(err))


def _fail(message: str) -> NoReturn:
    Console(stderr=True).print(Text(f"error: {message}", style="red"))
    raise typer.Exit(1)


def _print_tables(results: dict[str, Scores], errors_level: str | None) -> None:
    console = Console()
    if not console.is_terminal:
        console.width = _PIPED_WIDTH
    for name, scores in results.items():
        print_report(console, name, scores)
        if errors_level:
            print_errors(console, name, errors_level, error_entries(scores, errors_level))
