"""Writing stored events out, in the formats event data users load.

* `jsonl`: `Event.to_dict()` per line (the `code` command's format);
* `csv`: the flat columns with the location as columns, one line per event (`csvfile`);
* `parquet`: the flat columns, the location, quote and figures as typed structs and lists;
* `gdelt`: the 61 columns of the GDELT 2.0 Event table (`gdelt`, `geo`);
* `plover`: PLOVER/POLECAT JSON records (`plover`);
* `icews`: ICEWS-style tab-separated rows (`icews`).

Every format writes to a file or a stream (stdout by default). Rows are coded events
(mentions); `rows="event"` gives one row per real-world event (event cluster, see
`aggregate`): GDELT rows then carry the cluster's NumMentions, NumSources, NumArticles.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator, Literal

from ..query import ALL, EventFilter
from .csvfile import CSV_COLUMNS, CSV_DTYPES, csv_row, read_csv, write_csv
from .gdelt import (
    BIGQUERY_COLUMNS, GDELT_COLUMNS, GDELT_DTYPES, HEADER_STYLES, gdelt_event_id, gdelt_row, read_gdelt, write_gdelt,
)  # fmt: skip
from .icews import ICEWS_COLUMNS, write_icews
from .plover import plover_record, write_plover
from .text import csv_cell, one_line, write_jsonl

if TYPE_CHECKING:  # only for annotations: export reads a store, the store never needs export
    from ..store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover", "icews")
ROWS = ("mention", "event")
Rows = Literal["mention", "event"]
# Formats that write a header line unless told not to.
_HEADED = ("csv", "icews")


def export(
    store: "Store",
    fmt: str,
    out: str | Path | IO[Any] | None = None,
    *,
    header: bool | str | None = None,
    rows: Rows = "mention",
    where: EventFilter = ALL,
) -> int:
    """Write the store's events that match `where` (see `query.EventFilter`) to `out`.

    `out` is a path, a stream (text for the text formats; binary, or text with a
    `.buffer`, for parquet) or None/"-" for stdout. `header`: None for the format's
    default (csv and icews have one, GDELT files have none), True/False, or for GDELT
    the names to write, "gdelt" (the codebook's) or "bigquery". `rows`: "mention" (every
    coded event) or "event" (one per event cluster). Returns the rows written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if rows not in ROWS:
        raise ValueError(f"unknown rows {rows!r}; choose from {', '.join(ROWS)}")
    style = _header(fmt, header)
    if out is None or out == "-":
        out = sys.stdout
    if isinstance(out, (str, Path)):
        with _replacing(Path(out)) as part:
            if fmt == "parquet":
                return _write(store, fmt, part, style, rows, where)
            with open(part, "w", encoding="utf-8", newline="") as stream:
                return _write(store, fmt, stream, style, rows, where)
    return _write(store, fmt, _binary(out) if fmt == "parquet" else out, style, rows, where)


def _header(fmt: str, header: bool | str | None) -> str | None:
    """The header to write: None for none, "on" for the format's own, or a GDELT style."""
    if isinstance(header, str):
        if fmt != "gdelt" or header not in HEADER_STYLES:
            raise ValueError(f"header {header!r} is for gdelt only, as {' or '.join(HEADER_STYLES)}")
        return header
    if header is None:
        header = fmt in _HEADED
    if not header:
        return None
    return "gdelt" if fmt == "gdelt" else "on"


def _write(store: "Store", fmt: str, out: Any, header: str | None, rows: Rows, where: EventFilter) -> int:
    if fmt == "gdelt":
        records = store.cluster_records(where) if rows == "event" else store.event_records(where)
        return write_gdelt(records, out, header=header)  # type: ignore[arg-type]
    if rows == "event":
        where = replace(where, unique=True)  # one mention per event cluster: its first
    if fmt == "parquet":
        return store.write_parquet(out, where)
    if fmt == "jsonl":
        return write_jsonl(store.events(where), out)
    if fmt == "csv":
        return write_csv(store.events(where), out, header=header is not None)
    if fmt == "plover":
        return write_plover(store.event_records(where), out)
    return write_icews(store.event_records(where), out, header=header is not None)


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A file written next to `path` that replaces it only once complete: a failed
    export leaves no empty or half-written file (and an earlier export intact)."""
    part = path.with_name(f".{path.name}.part")
    try:
        yield part
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _binary(stream: IO[Any]) -> IO[bytes]:
    """The binary stream under a text one (stdout), flushed first so bytes keep their order."""
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise ValueError("parquet needs a binary stream or a file path")
        stream.flush()
        return buffer
    return stream


__all__ = [
    "BIGQUERY_COLUMNS",
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "FORMATS",
    "GDELT_COLUMNS",
    "GDELT_DTYPES",
    "ICEWS_COLUMNS",
    "ROWS",
    "csv_cell",
    "csv_row",
    "export",
    "gdelt_event_id",
    "gdelt_row",
    "one_line",
    "plover_record",
    "read_csv",
    "read_gdelt",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_jsonl",
    "write_plover",
]
