"""Standard input: JSON Lines, read line by line as they arrive, when the first
line is a JSON object; anything else is read whole, up to the size limit, by
the reader that would read a file of the same bytes (text in any encoding,
HTML, JSON, feeds, WARC)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import IO, Any

from ..model import Article
from .detect import is_record
from .errors import IngestError, Problem
from .jsonl import limited_lines, parse_line

LABEL = "<stdin>"

FileReader = Callable[[Path, int], Iterator[Article | IngestError]]


def _binary_stream(stream: IO[Any]) -> IO[bytes]:
    """`stream` as bytes: its buffer, or for an in-memory text stream its text as UTF-8."""
    if not isinstance(stream, io.TextIOBase):
        return stream
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))


def read_stdin(stream: IO[Any], max_bytes: int, read_file: FileReader) -> Iterator[Article | IngestError]:
    """Read `stream` without holding more than one line, or `max_bytes`, in memory.

    Standard input may never end, so a line longer than `max_bytes` ends it (a
    file's reader skips to the next line instead).
    """
    data = _binary_stream(stream)
    lines = limited_lines(data, max_bytes, skip_overlong=False)
    head: list[tuple[int, bytes | None]] = []
    for number, line in lines:  # up to the first line with something on it
        head.append((number, line))
        if line is None or line.strip():
            break
    if not head:
        raise Problem("no input")
    first = head[-1][1]
    if first is not None and is_record(first):
        for number, line in chain(head, lines):
            if line is None:
                yield IngestError(LABEL, f"line longer than the limit of {max_bytes:,} bytes: reading stopped", number)
                return
            if (item := parse_line(line, LABEL, number, max_bytes)) is not None:
                yield item
        return
    if first is None:
        raise Problem(f"input larger than the limit of {max_bytes:,} bytes")
    start = b"".join(line for _, line in head if line is not None)
    yield from _read_whole(start, data, max_bytes, read_file)


def _read_whole(start: bytes, rest: IO[bytes], max_bytes: int, read_file: FileReader) -> Iterator[Article | IngestError]:
    """Everything on `rest` after `start`, through `read_file` from a temporary copy."""
    with tempfile.TemporaryDirectory(prefix="thucydides-stdin-") as folder:
        path = Path(folder) / "stdin"  # no extension: the format is sniffed from the bytes
        with path.open("wb") as copy:
            copy.write(start)
            size = len(start)
            while size <= max_bytes and (block := rest.read(min(1 << 20, max_bytes + 1 - size))):
                copy.write(block)
                size += len(block)
        if size > max_bytes:
            raise Problem(f"input larger than the limit of {max_bytes:,} bytes")
        for item in read_file(path, max_bytes):
            yield _relabel(item, str(path))


def _relabel(item: Article | IngestError, name: str) -> Article | IngestError:
    """`item` named after standard input instead of its temporary copy."""
    if isinstance(item, IngestError):
        return replace(item, path=item.path.replace(name, LABEL, 1))
    if item.origin:
        item.origin = item.origin.replace(name, LABEL, 1)
    return item
