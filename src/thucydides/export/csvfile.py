"""CSV: the flat columns, one physical line per event, and the types to read it back with.

The columns are `schema.CSV_COLUMNS`: the store's flat columns with the location as
`location_*` columns; the quote and the figures stay compact JSON. Text has its line
breaks replaced by spaces (`one_line`) and formula starts quoted (`csv_cell`). Reading
a CSV back without types loses information (the code `030` becomes the number 30), so
`CSV_DTYPES` gives every column its pandas type and `read_csv` uses it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..model import Event
from ..schema import CSV_COLUMNS, CSV_TYPES, flatten_csv
from .text import csv_cell, one_line

if TYPE_CHECKING:
    import pandas as pd

# DuckDB type -> pandas dtype. Codes, ids, dates (which may be partial: 2024-03) and JSON
# are text; integers are nullable, so an event with no target keeps integer offsets.
_PANDAS = {
    "VARCHAR": "string",
    "JSON": "string",
    "DATE": "string",
    "INTEGER": "Int64",
    "TINYINT": "Int64",
    "DOUBLE": "float64",
    "BOOLEAN": "boolean",
}

# Column -> the pandas dtype to read it with: `pd.read_csv(path, dtype=CSV_DTYPES)`.
CSV_DTYPES: dict[str, str] = {column: _PANDAS[sql] for column, sql in CSV_TYPES.items()}


def csv_row(event: Event) -> list[Any]:
    """`event` as CSV cells, in `CSV_COLUMNS` order."""
    return [_cell(v) for v in flatten_csv(event).values()]


def _cell(value: Any) -> Any:
    return csv_cell(one_line(value)) if isinstance(value, str) else value


def write_csv(events: Iterable[Event], out: IO[str], *, header: bool = True) -> int:
    writer = csv.writer(out)  # RFC 4180: CRLF line ends, quoted where needed
    if header:
        writer.writerow(CSV_COLUMNS)
    n = 0
    for event in events:
        writer.writerow(csv_row(event))
        n += 1
    return n


def read_csv(path: str | Path | IO[str], **kwargs: Any) -> "pd.DataFrame":
    """A CSV export read back into pandas with `CSV_DTYPES` (codes stay strings: `030`).
    Other keyword arguments go to `pandas.read_csv`."""
    try:
        import pandas as pd
    except ImportError as err:  # an optional dependency: the package itself never needs pandas
        raise ImportError("read_csv needs pandas: pip install 'thucydides[dataframes]'") from err
    # No NA strings other than the empty cell: a country or code is never "NA" by accident.
    options: dict[str, Any] = {"dtype": CSV_DTYPES, "keep_default_na": False, "na_values": [""]}
    return pd.read_csv(path, **{**options, **kwargs})
