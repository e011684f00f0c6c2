"""`thucydides export`: write the stored events as JSONL, CSV, Parquet, GDELT, PLOVER or ICEWS rows."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..export import FORMATS
from ..export import export as export_events
from ..query import EventFilter
from ..settings import load_settings
from ..store import Store, StoreError
from .app import DB_OPTION, FROM_OPTION, TO_OPTION, app, check_span, day_option


# The choices are the export package's one list of formats.
ExportFormat = Enum("ExportFormat", [(name, name) for name in FORMATS], type=str)  # type: ignore[misc]


class HeaderNames(str, Enum):
    gdelt = "gdelt"
    bigquery = "bigquery"


class RowsChoice(str, Enum):
    mention = "mention"
    event = "event"


@app.command("export")
def export_command(
    db: Optional[str] = DB_OPTION,
    fmt: ExportFormat = typer.Option(FORMATS[0], "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    header: Optional[HeaderNames] = typer.Option(
        None, "--header", help="GDELT: write a header line of the codebook's (gdelt) or BigQuery's column names."
    ),
    no_header: bool = typer.Option(False, "--no-header", help="csv, icews: leave out the header line."),
    rows: RowsChoice = typer.Option(
        RowsChoice.mention, "--rows",
        help="mention: one row per coded event; event: one per real-world event (GDELT: with its NumMentions).",
    ),  # fmt: skip
    root: list[str] = typer.Option([], "--root", help="Only these CAMEO root codes (repeatable)."),
    date_from: Optional[str] = FROM_OPTION,
    date_to: Optional[str] = TO_OPTION,
    since: Optional[str] = day_option("--since", "Old spelling of --from.", hidden=True),
    until: Optional[str] = day_option("--until", "Old spelling of --to.", hidden=True),
) -> None:
    """Export the events in the store (GDELT: the 61 GDELT 2.0 event columns, tab-separated)."""
    stderr = Console(stderr=True)
    date_from, date_to = date_from or since, date_to or until
    check_span(date_from, date_to)
    if header is not None and fmt.value != "gdelt":
        raise typer.BadParameter("names the GDELT header; for other formats use --no-header", param_hint="--header")
    to_stdout = output in (None, "-")
    if fmt.value == "parquet" and to_stdout and sys.stdout.isatty():
        stderr.print(Text("error: parquet is binary; give --output FILE or redirect stdout", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    settings = load_settings(db=db)
    try:
        with Store.open(settings.db, read_only=True) as store:
            n = export_events(
                store, fmt.value, None if to_stdout else output, header=False if no_header else _header(header),
                rows=rows.value, where=EventFilter(date_from=date_from, date_to=date_to, roots=tuple(root)),
            )  # type: ignore[arg-type]  # fmt: skip
    except StoreError as err:
        stderr.print(Text(f"error: {err}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from err
    sys.stdout.flush()
    unit = "events" if rows is RowsChoice.mention else "real-world events"
    stderr.print(f"{n} {unit} exported ({fmt.value}) → {'stdout' if to_stdout else output}", highlight=False,
                 markup=False, soft_wrap=True)  # fmt: skip


def _header(names: HeaderNames | None) -> str | None:
    return names.value if names else None
