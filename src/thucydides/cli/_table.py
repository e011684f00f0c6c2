"""Shared output of the analytics commands (dyads, timeline, top): Rich table, CSV or JSON."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..query import MATCHES, PERIODS, EventFilter, Table
from ..settings import load_settings
from ..store import Store, StoreError
from ._render import print_table, rich_table
from .app import check_span


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class PeriodChoice(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class UnitChoice(str, Enum):
    events = "events"
    clusters = "clusters"


class MatchChoice(str, Enum):
    prefix = "prefix"
    exact = "exact"
    country = "country"


assert tuple(p.value for p in PeriodChoice) == PERIODS
assert tuple(m.value for m in MatchChoice) == MATCHES

FORMAT_OPTION = typer.Option(OutputFormat.table, "--format", "-f", help="table (Rich), csv or json.")
MATCH_OPTION = typer.Option(
    MatchChoice.prefix, "--match",
    help="How actor codes match: prefix (USA: USAGOV, USAMIL...), exact, or country (the actor's ISO country).",
)  # fmt: skip
UNIT_OPTION = typer.Option(
    UnitChoice.events, "--count", help="Count coded events (mentions) or event clusters (see 'aggregate')."
)


def unit_filter(unit: UnitChoice, **values: object) -> EventFilter:
    """The filter of an analytics command: counting clusters counts one event per
    real-world event (repeated mentions left out, see 'aggregate')."""
    check_span(values.get("date_from"), values.get("date_to"))  # type: ignore[arg-type]
    return EventFilter(unique=unit is UnitChoice.clusters, **values)  # type: ignore[arg-type]


def open_store(db: Optional[str]) -> Store:
    try:
        return Store.open(load_settings(db=db).db, read_only=True)
    except StoreError as err:
        Console(stderr=True).print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err


def emit(table: Table, fmt: OutputFormat, title: str) -> None:
    if fmt is OutputFormat.csv:
        typer.echo(table.to_csv(), nl=False)
    elif fmt is OutputFormat.json:
        typer.echo(table.to_json())
    else:
        print_table(rich_table(table.columns, (tuple(r.values()) for r in table.records()), title))
