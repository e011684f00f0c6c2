"""`thucydides aggregate`: (re)build event clusters; `ingest` runs it incrementally at the end."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..aggregate import DEFAULT_WINDOW_DAYS, aggregate
from ..settings import load_settings
from ..store import Store, StoreError
from .app import DB_OPTION, app


@app.command("aggregate")
def aggregate_command(
    db: Optional[str] = DB_OPTION,
    window: int = typer.Option(DEFAULT_WINDOW_DAYS, "--window", min=0, help="Days between mentions of one event."),
    family: str = typer.Option("base", "--family", help="Code family: base (3-digit) or root."),
    full: bool = typer.Option(False, "--full", help="Rebuild every cluster, not only groups with new events."),
) -> None:
    """Cluster mentions of the same event (dyad, code family, place, date window)."""
    console = Console(stderr=True)
    try:
        with Store.open(load_settings(db=db).db) as store:
            result = aggregate(store, window_days=window, family=family, full=full)  # type: ignore[arg-type]
    except (StoreError, ValueError) as err:
        console.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    typer.echo(f"{result.clusters} clusters from {result.mentions} events in {result.groups} groups"
               f"{' (full rebuild)' if result.full else ''}")  # fmt: skip
