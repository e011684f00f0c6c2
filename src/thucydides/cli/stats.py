"""`thucydides stats`: what is in the event store."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..settings import load_settings
from ..store import Store, StoreError
from ..summary import render_summary
from .app import DB_OPTION, JSON_ALIAS_OPTION, TABLE_OR_JSON_OPTION, TableOrJson, app, format_or_alias


@app.command()
def stats(
    db: Optional[str] = DB_OPTION,
    fmt: TableOrJson = TABLE_OR_JSON_OPTION,
    as_json: bool = JSON_ALIAS_OPTION,
    top: int = typer.Option(10, "--top", min=1, help="Rows in the top-dyads and top-actors tables."),
    examples: int = typer.Option(3, "--examples", min=0, help="Example events to show with their evidence."),
) -> None:
    """Counts of articles and events, events by CAMEO root and QuadClass, top dyads, examples."""
    settings = load_settings(db=db)
    try:
        with Store.open(settings.db, read_only=True) as store:
            if format_or_alias(fmt, as_json, TableOrJson.json) is TableOrJson.json:
                typer.echo(json.dumps(store.summary(top, examples), ensure_ascii=False, indent=2, default=str))
            else:
                render_summary(store, Console(), top=top, examples=examples)
    except StoreError as err:
        Console(stderr=True).print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
