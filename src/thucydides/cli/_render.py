"""Rich tables that stay readable in a terminal of 80 columns (and in a pipe, where Rich
assumes 80): no side borders, headers broken at their underscores instead of cut
("goldstein_mean" over two lines, never "golds…"), codes, dates and numbers kept whole
on one line, and free text (sentences, quotes, titles, names) wrapped in the room left.

Shared by every command that prints a table of rows (`code -f table`, the analytics
commands, `quotes`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Union

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

Cell = Union[str, int, float, Text, None]

# Free-text columns: they wrap, and share the width the other columns leave in these
# proportions (a quote or a sentence gets more room than a speaker's name).
WRAPPED = {"sentence": 4, "text": 4, "title": 2, "label": 2, "name": 2, "speaker": 2, "place": 2}
UNBOUNDED = 10_000
MIN_WRAPPED = 8  # a wrapped column narrower than this is a column of single syllables


def rich_table(columns: Sequence[str], rows: Iterable[Sequence[Cell]], title: str | None = None) -> Table:
    rows = [tuple(row) for row in rows]
    wraps = any(name in WRAPPED for name in columns)
    # With free text the table takes the whole width, shared out by WRAPPED's weights.
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                  expand=wraps)
    for i, name in enumerate(columns):
        numeric = _numeric(row[i] for row in rows)
        if name in WRAPPED:
            table.add_column(_header(name), ratio=WRAPPED[name], min_width=MIN_WRAPPED, overflow="fold")
        else:
            table.add_column(_header(name), justify="right" if numeric else "left", no_wrap=True)
    for row in rows:
        table.add_row(*(_cell(name, value) for name, value in zip(columns, row)))
    return table


def print_table(table: Table) -> None:
    console = Console()
    unbounded = console.options.update_width(UNBOUNDED)  # measured within the console, a table never exceeds it
    if console.measure(table, options=unbounded).maximum > console.width:
        table.padding = (0, 0)  # one space between columns rather than a number cut short
    console.print(table)


def _header(name: str) -> str:
    # Broken at underscores, a header is as narrow as its longest word.
    return name.replace("_", "\n")


def _numeric(values: Iterable[Cell]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)


def _cell(column: str, value: Cell) -> str | Text:
    if value is None:
        # A NULL period is the row of the undated events (see `query.timeline`).
        return Text("undated", style="italic") if column == "period" else ""
    return value if isinstance(value, Text) else str(value)
