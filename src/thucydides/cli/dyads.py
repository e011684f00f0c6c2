"""`thucydides dyads`: per-period counts per quad class and summed Goldstein per directed dyad."""

from __future__ import annotations

from typing import Optional

import typer

from ..analytics import dyads
from ._table import FORMAT_OPTION, FROM_OPTION, TO_OPTION, UNIT_OPTION, OutputFormat, PeriodChoice, UnitChoice, emit, open_store
from .app import DB_OPTION, app


@app.command("dyads")
def dyads_command(
    db: Optional[str] = DB_OPTION,
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    by: PeriodChoice = typer.Option(PeriodChoice.month, "--by", help="Period: day, week, month or year."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this source actor code."),
    target: Optional[str] = typer.Option(None, "--target", help="Only this target actor code."),
    count: UnitChoice = UNIT_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Directed dyad series: events per quad class and summed Goldstein, per period."""
    with open_store(db) as store:
        table = dyads(store.con, date_from=date_from, date_to=date_to, by=by.value, unit=count.value,
                      source=source, target=target)  # fmt: skip
    emit(table, fmt, f"Dyads by {by.value}")
