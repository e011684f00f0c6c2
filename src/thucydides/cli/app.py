"""The Typer application that every command module registers on."""

from __future__ import annotations

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


@app.callback()
def _group() -> None:
    # With a callback `app` stays a group of subcommands when `main` registered only the
    # invoked command (Typer runs a lone command without its name otherwise).
    pass
