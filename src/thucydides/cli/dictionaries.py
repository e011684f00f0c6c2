"""`thucydides dictionaries check DIR`: validate a folder of PETRARCH-format dictionaries."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..petrarch.folder import Dictionaries, load_dictionaries
from ..petrarch.reading import ERROR
from .app import app

dictionaries_app = typer.Typer(help="PETRARCH-format dictionaries (verbs, actors, agents, discards).",
                               no_args_is_help=True)
app.add_typer(dictionaries_app, name="dictionaries")


@dictionaries_app.command("check")
def check(
    path: Path = typer.Argument(..., exists=True, help="A folder of dictionary files, or one file."),
    warnings: bool = typer.Option(False, "--warnings", help="List every warning, not only their number."),
) -> None:
    """Read every dictionary file, print what it holds and its problems (FILE:LINE).

    Exits non-zero when a line is malformed; what PETRARCH itself accepts (an odd
    code it would copy to its output, a stray bracket) is a warning."""
    found = load_dictionaries(path)
    console = Console()
    console.print(_contents(found))
    for name, why in found.ignored:
        console.print(Text(f"left out: {name} ({why})", style="dim"))
    errors = found.errors
    shown = found.issues if warnings else errors
    for issue in shown:
        console.print(Text(str(issue), style="red" if issue.severity == ERROR else "yellow"), soft_wrap=True)
    hidden = len(found.issues) - len(shown)
    if hidden:
        console.print(Text(f"{hidden} warning(s); --warnings lists them", style="yellow"))
    if not (found.verbs or found.actors or found.agents or found.discards):
        console.print(Text(f"error: no dictionary files in {path}", style="red"))
        raise typer.Exit(1)
    if errors:
        console.print(Text(f"{len(errors)} malformed line(s)", style="red"))
        raise typer.Exit(1)


def _contents(found: Dictionaries) -> Table:
    table = Table("file", "kind", "holds", title="dictionaries")
    for verbs in found.verbs:
        table.add_row(verbs.file, "verbs", f"{verbs.verb_count:,} verbs in {len(verbs.blocks):,} blocks, "
                      f"{verbs.pattern_count:,} patterns, {len(verbs.synsets):,} synonym sets, "
                      f"{len(verbs.transformations):,} transformations")
    for actors in found.actors:
        dated = sum(len(r.dated) for r in actors.records)
        names = sum(len(r.names) for r in actors.records)
        table.add_row(actors.file, "actors", f"{len(actors.records):,} actors, {names:,} names, "
                      f"{dated:,} dated codes")
    for agents in found.agents:
        table.add_row(agents.file, "agents", f"{sum(not a.plural for a in agents.agents):,} agents "
                      f"(+{sum(a.plural for a in agents.agents):,} plurals)")
    for discards in found.discards:
        story = sum(d.story for d in discards.discards)
        table.add_row(discards.file, "discards", f"{len(discards.discards):,} phrases ({story:,} discard the story)")
    return table
