"""The Typer application that every command module registers on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

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


@app.callback()
def _group() -> None:
    # With a callback `app` stays a group of subcommands when `main` registered only the
    # invoked command (Typer runs a lone command without its name otherwise).
    pass
