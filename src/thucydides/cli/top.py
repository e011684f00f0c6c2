"""`thucydides top --by actors|codes|places`: the most frequent actors, event codes or places."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from ..query import top
from ._table import FORMAT_OPTION, UNIT_OPTION, OutputFormat, UnitChoice, emit, open_store
from ._table import unit_filter
from .app import DB_OPTION, FROM_OPTION, TO_OPTION, app


class TopChoice(str, Enum):
    actors = "actors"
    codes = "codes"
    places = "places"


@app.command("top")
def top_command(
    by: TopChoice = typer.Option(TopChoice.actors, "--by", help="Rank actors, codes or places."),
    db: Optional[str] = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Rows to show."),
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    count: UnitChoice = UNIT_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """The most frequent actors, event codes or event places."""
    with open_store(db) as store:
        table = top(store.con, unit_filter(count, date_from=date_from, date_to=date_to), by=by.value, limit=limit)
    if by is TopChoice.actors:
        # Actors by what their code stands for; `name` (one office-holder, say) would mislead.
        table = table.select("code", "label", "country", "role", "events", "as_source", "as_target", "goldstein_mean")
    emit(table, fmt, f"Top {by.value}")
