"""Standard input: JSON Lines when the first line is a JSON object, else one plain-text article."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import IO, Any

from ..model import Article
from .common import decode_bytes, load_json
from .errors import IngestError, Problem
from .jsonl import limited_lines, parse_line
from .text import article_from_text

LABEL = "<stdin>"


def _is_record(line: str | bytes) -> bool:
    try:
        return isinstance(load_json(line), dict)
    except ValueError:  # malformed JSON and undecodable bytes alike
        return False


def read_stdin(stream: IO[Any], max_bytes: int) -> Iterator[Article | IngestError]:
    """Read `stream` (text or binary) without holding more than one record,
    or `max_bytes` of plain text, in memory."""
    lines = limited_lines(stream, max_bytes)
    head: list[tuple[int, Any]] = []
    for number, line in lines:  # up to the first line with something on it
        head.append((number, line))
        if line is None or line.strip():
            break
    if not head:
        raise Problem("no input")
    first = head[-1][1]
    if first is not None and _is_record(first):
        for number, line in chain(head, lines):
            if (item := parse_line(line, LABEL, number, max_bytes)) is not None:
                yield item
        return
    too_large = Problem(f"input larger than the limit of {max_bytes:,} bytes")
    if first is None:
        raise too_large
    start = first[:0].join(line for _, line in head)
    data = start + stream.read(max(1, max_bytes + 1 - len(start)))
    if len(data) > max_bytes:
        raise too_large
    yield article_from_text(decode_bytes(data) if isinstance(data, bytes) else data, LABEL)
