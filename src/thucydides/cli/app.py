"""The Typer application that every command module registers on, and the options and
checks that several commands share (one definition each, so every command spells and
validates them alike)."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer

from .. import __version__

app = typer.Typer(
    name="thucydides",
    help="Turn news text into political event data (CAMEO + PLOVER) with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline to parse with (package name or path).")
DB_OPTION = typer.Option(None, "--db", help="DuckDB store file (default: thucydides.duckdb).")
DICTIONARIES_OPTION = typer.Option(
    [], "--dictionaries", help="Folder of PETRARCH-format dictionaries (verbs, actors, agents, discards), "
    "used on top of the bundled data; repeatable.")
ONLY_DICTIONARIES_OPTION = typer.Option(
    False, "--only-dictionaries", help="Code with the --dictionaries alone, without the bundled lexicon and actors.")


# --- dates ------------------------------------------------------------------------


def _check_day(param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """A date option's value, checked here so that a bad date is a one-line usage error
    rather than a failed query (DuckDB would reject '2024-13-01' with a traceback)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD",
                                 param_hint=f"'{'/'.join(param.opts)}'") from None


def day_option(name: str, help: str, hidden: bool = False) -> Any:
    """A date option (YYYY-MM-DD), validated before the command runs; `hidden`: an old
    spelling kept working but no longer shown."""
    return typer.Option(None, name, callback=_check_day, metavar="YYYY-MM-DD", help=help, hidden=hidden)


FROM_OPTION = day_option("--from", "First day (YYYY-MM-DD), inclusive.")
TO_OPTION = day_option("--to", "Last day (YYYY-MM-DD), inclusive.")


def check_span(date_from: Optional[str], date_to: Optional[str]) -> None:
    """--from after --to selects nothing: say so rather than print an empty table."""
    if date_from and date_to and date_from > date_to:  # ISO dates order as text
        raise typer.BadParameter(f"{date_from} is after --to {date_to}", param_hint="'--from'")


# --- output formats -------------------------------------------------------------------


class TableOrJson(str, Enum):
    table = "table"
    json = "json"


TABLE_OR_JSON_OPTION = typer.Option(TableOrJson.table, "--format", "-f", help="table (Rich) or json.")
# `--json` came before `--format json`; scripts that use it keep working, unlisted.
JSON_ALIAS_OPTION = typer.Option(False, "--json", hidden=True, help="Same as --format json.")

F = TypeVar("F", bound=Enum)


def format_or_alias(fmt: F, alias: bool, aliased: F) -> F:
    """The output format: `aliased` when its old flag (`--json`) was given, else --format."""
    return aliased if alias else fmt


# --- articles without metadata (plain text) ---------------------------------------------

# For `code` and `ingest`. A value the input record carries wins over these: they fill
# what plain text cannot say (a .txt file has no date), and never rewrite a feed's or a
# JSON record's own metadata.
ARTICLE_DATE_OPTION = day_option(
    "--date", "Publication date for articles that have none (plain text); a date in the record wins.")
ARTICLE_SOURCE_OPTION = typer.Option(
    None, "--source", help="Source (outlet) for articles that name none; the record's own wins.")
ARTICLE_URL_OPTION = typer.Option(None, "--url", help="URL for articles that have none; the record's own wins.")
ARTICLE_TITLE_OPTION = typer.Option(None, "--title", help="Title for articles that have none; the record's own wins.")


# --- dictionaries -------------------------------------------------------------------------


def dictionary_settings(dictionaries: list[Path], only: bool) -> dict[str, Any]:
    """The settings overrides of --dictionaries and --only-dictionaries."""
    return {"dictionaries": tuple(map(str, dictionaries)) or None, "only_dictionaries": only or None}


def report_dictionary_issues(issues: list[Any]) -> None:
    """A user's dictionary problems on stderr: each malformed line (skipped), and the
    number of warnings (`thucydides dictionaries check DIR --warnings` lists them)."""
    errors = [i for i in issues if i.severity == "error"]
    for issue in errors:
        print(f"dictionaries: {issue}", file=sys.stderr)
    warnings = len(issues) - len(errors)
    if warnings:
        print(f"dictionaries: {warnings} warning(s); 'thucydides dictionaries check DIR --warnings' lists them",
              file=sys.stderr)


# --- the group ------------------------------------------------------------------------------


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"thucydides {__version__}")
        raise typer.Exit()


@app.callback()
def _group(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
) -> None:
    # With a callback `app` stays a group of subcommands when `main` registered only the
    # invoked command (Typer runs a lone command without its name otherwise).
    pass
