"""What every text export shares: JSON Lines, and cells that stay on one line and out of
a spreadsheet's formula engine."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any

from ..model import Event

# A spreadsheet runs a cell that starts with one of these as a formula
# ("=HYPERLINK(...)" in a quoted sentence, say): such text gets a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Everything Python's str.splitlines() breaks a line at: CR, LF, VT, FF, the file, group
# and record separators, NEL and the Unicode line and paragraph separators.
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with each line break replaced by a space, so a row is one physical line
    whatever reads it. One character for one: evidence offsets into the text still hold."""
    return _LINE_BREAKS.sub(" ", text)


def csv_cell(value: Any) -> Any:
    """`value` as safe to open in a spreadsheet: text that would start a formula
    is prefixed with an apostrophe; numbers and other values are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """One `Event.to_dict()` JSON object per line (the `code` command's format)."""
    return write_json_lines((event.to_dict() for event in events), out)


def write_json_lines(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per line (json.dumps escapes line breaks inside strings)."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
