"""The store summary as Rich tables: shared by `thucydides stats` and the demo."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .store import Store


def render_summary(store: Store, console: Console, *, top: int = 10, examples: int = 3) -> dict[str, Any]:
    """Print the summary of `store` on `console`; returns the summary data."""
    data = store.summary(top=top, examples=examples)
    render_summary_data(data, console)
    return data


def render_summary_data(data: dict[str, Any], console: Console) -> None:
    span = f"; events dated {data['first_date']} to {data['last_date']}" if data.get("first_date") else ""
    if data.get("undated_events"):
        span += f"; {data['undated_events']:,} undated (no date of their own nor of their article)"
    console.print(Text.assemble(("Event store ", "bold"), (str(data["db"]), "dim")), soft_wrap=True)
    console.print(
        Text.assemble(
            (f"{data['articles']:,}", "bold"), " articles, ",
            (f"{data['events']:,}", "bold"), " events, ",
            f"{data['actor_mentions']:,} actor mentions, {data['errors']:,} ingest errors{span}",
        ),  # fmt: skip
        soft_wrap=True,
    )
    if not data["events"]:
        return
    total = data["events"]

    roots = _table("Events by CAMEO root", "root", "event type", "events", "share")
    for row in data["by_root"]:
        roots.add_row(row["root"], row["name"] or "?", f"{row['events']:,}", f"{row['events'] / total:.0%}")
    quads = _table("Events by QuadClass", "quad", "class", "events", "share")
    for row in data["by_quad"]:
        quads.add_row("–" if row["quad"] is None else str(row["quad"]), row["name"] or "outside CAMEO", f"{row['events']:,}", f"{row['events'] / total:.0%}")
    dyads = _table("Top directed dyads", "source", "target", "events")
    for row in data["top_dyads"]:
        dyads.add_row(row["source"], row["target"], f"{row['events']:,}")
    for table in (roots, quads, dyads):
        console.print(table)

    if data["examples"]:
        console.print(Text("Example events", style="italic"))
    for ex in data["examples"]:
        who = f"{ex['source'] or '?'} → {ex['target'] or '—'}"
        console.print(Text.assemble((f"{ex['code']} {ex['name'] or ''}", "bold"), f"  {who}  ", (f"rule {ex['rule']}", "dim")))
        console.print(_highlight(ex["sentence"] or "", ex["event_text"] or ""))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in columns:
        table.add_column(name, justify="right" if name in ("events", "share") else "left")
    return table


def _highlight(sentence: str, trigger: str) -> Text:
    """The sentence, indented, with the event's trigger text underlined."""
    text = Text("    " + sentence)
    if trigger:
        text.highlight_words([trigger], style="underline", case_sensitive=True)
    return text
