"""`thucydides quotes`: who said what — the direct quotes of the stored articles."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from ..query import QuoteFilter, quotes
from ._table import FORMAT_OPTION, OutputFormat, emit, open_store
from .app import DB_OPTION, FROM_OPTION, TO_OPTION, app, check_span


@app.command("quotes")
def quotes_command(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Speaker's actor code prefix, e.g. USAGOV or TUR."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Words in the quote."),
    db: Optional[str] = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Rows to show."),
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Direct quotes, newest first, with their speakers."""
    check_span(date_from, date_to)
    with open_store(db) as store:
        if not store.has_table("quotes"):
            Console(stderr=True).print(
                "[red]error:[/red] this store predates the quotes table; any write "
                "(e.g. 'thucydides aggregate --db FILE') upgrades it"
            )
            raise typer.Exit(1)
        where = QuoteFilter(speaker=speaker, text=search, date_from=date_from, date_to=date_to)
        # The columns a terminal has room for (and csv/json too: one shape per command).
        table = quotes(store.con, where, limit=limit).select("date", "speaker_code", "speaker", "text", "article_id", "title")
    emit(table, fmt, "Quotes" + (f" by {speaker.upper()}" if speaker else ""))
