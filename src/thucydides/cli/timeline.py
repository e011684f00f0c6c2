"""`thucydides timeline ACTOR`: an actor's events per period, as source and as target."""

from __future__ import annotations

from typing import Optional

import typer

from ..query import timeline
from ._table import FORMAT_OPTION, MATCH_OPTION, UNIT_OPTION, MatchChoice, OutputFormat
from ._table import PeriodChoice, UnitChoice, emit, open_store, unit_filter
from .app import DB_OPTION, FROM_OPTION, TO_OPTION, app


@app.command("timeline")
def timeline_command(
    actor: str = typer.Argument(..., help="CAMEO actor code, e.g. TUR or TURGOV (see --match)."),
    db: Optional[str] = DB_OPTION,
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    by: PeriodChoice = typer.Option(PeriodChoice.month, "--by", help="Period: day, week, month or year."),
    match: MatchChoice = MATCH_OPTION,
    count: UnitChoice = UNIT_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Timeline of one actor: events per period, as source and target, per quad class."""
    where = unit_filter(count, actor=actor.upper(), date_from=date_from, date_to=date_to, match=match.value)
    with open_store(db) as store:
        table = timeline(store.con, where, by=by.value)
    emit(table, fmt, f"{actor.upper()} by {by.value}")
