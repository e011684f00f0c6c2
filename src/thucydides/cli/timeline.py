"""`thucydides timeline ACTOR`: an actor's events per period, as source and as target."""

from __future__ import annotations

from typing import Optional

import typer

from ..analytics import timeline
from ._table import FORMAT_OPTION, FROM_OPTION, TO_OPTION, UNIT_OPTION, OutputFormat, PeriodChoice, UnitChoice, emit, open_store
from .app import DB_OPTION, app


@app.command("timeline")
def timeline_command(
    actor: str = typer.Argument(..., help="CAMEO actor code, e.g. TURGOV."),
    db: Optional[str] = DB_OPTION,
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    by: PeriodChoice = typer.Option(PeriodChoice.month, "--by", help="Period: day, week, month or year."),
    prefix: bool = typer.Option(False, "--prefix", help="Match every code ACTOR starts (TUR: TURGOV, TURCOP...)."),
    count: UnitChoice = UNIT_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Timeline of one actor: events per period, as source and target, per quad class."""
    with open_store(db) as store:
        table = timeline(store.con, actor, date_from=date_from, date_to=date_to, by=by.value, unit=count.value,
                         prefix=prefix)  # fmt: skip
    emit(table, fmt, f"{actor} by {by.value}")
