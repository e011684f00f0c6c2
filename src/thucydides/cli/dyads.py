"""`thucydides dyads`: per-period counts per quad class and Goldstein per directed dyad."""

from __future__ import annotations

from typing import Optional

import typer

from ..query import dyads
from ._table import FORMAT_OPTION, MATCH_OPTION, UNIT_OPTION, MatchChoice, OutputFormat
from ._table import PeriodChoice, UnitChoice, emit, open_store, unit_filter
from .app import DB_OPTION, FROM_OPTION, TO_OPTION, app


@app.command("dyads")
def dyads_command(
    db: Optional[str] = DB_OPTION,
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    by: PeriodChoice = typer.Option(PeriodChoice.month, "--by", help="Period: day, week, month or year."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this source actor code (see --match)."),
    target: Optional[str] = typer.Option(None, "--target", help="Only this target actor code (see --match)."),
    match: MatchChoice = MATCH_OPTION,
    count: UnitChoice = UNIT_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Directed dyad series: events per quad class and Goldstein, per period."""
    where = unit_filter(count, date_from=date_from, date_to=date_to, source=_upper(source), target=_upper(target),
                        match=match.value)  # fmt: skip
    with open_store(db) as store:
        table = dyads(store.con, where, by=by.value)
    emit(table, fmt, f"Dyads by {by.value}")


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None
