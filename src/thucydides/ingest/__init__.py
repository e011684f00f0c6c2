"""Read news articles from files, directories and standard input.

`read_articles` streams `Article`s from plain text, HTML, JSON, JSON Lines
(gold-format records included), RSS/Atom feeds and WARC archives. Bad input
never stops a batch: every problem becomes an `IngestError` passed to
`on_error` (or logged), and reading goes on with the next record or file.
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..model import Article
from .common import binary_reason, check_size
from .detect import SNIFF_BYTES, STREAMED, Format, detect_format, holds_records
from .errors import IngestError, Problem, coding_error
from .stdin import LABEL as STDIN_LABEL
from .stdin import read_stdin

logger = logging.getLogger("thucydides.ingest")

DEFAULT_MAX_BYTES = 50_000_000

Reader = Callable[[Path, int], Iterator[Article | IngestError]]
# Module and function per format, imported on first use: trafilatura and
# feedparser take half a second to import, which a CLI run over JSON Lines
# should not pay.
READERS: dict[Format, tuple[str, str]] = {
    "text": ("text", "read_text"),
    "html": ("html", "read_html"),
    "jsonl": ("jsonl", "read_jsonl"),
    "json": ("jsonfile", "read_json"),
    "feed": ("feed", "read_feed"),
    "warc": ("warc", "read_warc"),
}


def _reader(fmt: Format) -> Reader:
    module, function = READERS[fmt]
    reader: Reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return reader


def read_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[IngestError], None] | None = None,
    stdin: IO[Any] | None = None,
) -> Iterator[Article]:
    """Articles from files, directories (recursively) and `-` (standard input).

    `max_bytes` bounds a file read whole, and each record (line, WARC record)
    of a streamed file. Problems go to `on_error`, or to the
    "thucydides.ingest" logger when it is None.
    """
    report = on_error or (lambda error: logger.warning("%s", error))
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of characters
    for path in paths:
        for item in _items(str(path), max_bytes, stdin):
            if isinstance(item, IngestError):
                report(item)
            elif not item.text.strip():  # every reader checks; this guards the contract
                report(IngestError(item.origin or str(path), "empty text"))
            else:
                for warning in item.warnings:
                    report(IngestError.warn(item.origin or str(path), warning))
                yield item


def read_path(path: str | Path, **options: Any) -> Iterator[Article]:
    """Articles from one file, directory or `-`; options as for `read_articles`."""
    return read_articles([path], **options)


def _items(name: str, max_bytes: int, stdin: IO[Any] | None) -> Iterator[Article | IngestError]:
    if name == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
        yield from _guarded(STDIN_LABEL, read_stdin(stream, max_bytes, _read_file))
        return
    path = Path(name)
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError as err:
        yield IngestError(name, _stat_problem(err))
        return
    if is_dir:
        for file in _walk(path):
            if isinstance(file, IngestError):
                yield file
            else:
                yield from _guarded(str(file), _read_file(file, max_bytes))
    else:
        yield from _guarded(name, _read_file(path, max_bytes))


def _stat_problem(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read: {err.strerror or err}"  # e.g. a link to itself: too many levels of symbolic links


def _guarded(name: str, items: Iterator[Article | IngestError]) -> Iterator[Article | IngestError]:
    """Run one reader, turning whatever stops it into an error for that input."""
    try:
        yield from items
    except Problem as problem:
        yield IngestError(name, problem.reason, problem.line)
    except UnicodeDecodeError as err:  # a text stream (stdin) that is not in its encoding
        yield IngestError(name, f"cannot decode text: {err.reason}")
    except OSError as err:
        yield IngestError(name, f"cannot read: {err.strerror or err}")
    except Exception as err:  # a library failing on odd input must not end the batch
        logger.debug("unexpected failure reading %s", name, exc_info=True)
        yield IngestError(name, f"unexpected error: {type(err).__name__}: {err}")


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device could block or never end
        raise Problem("not a regular file")
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if not head:
        raise Problem("empty file")
    fmt = detect_format(path, head)
    if fmt not in STREAMED:
        check_size(path, max_bytes)  # before anything else, so a huge file is never read
    if fmt != "warc" and not (fmt == "jsonl" and holds_records(head)) and (reason := binary_reason(head)):
        # JSON Lines that hold records are checked line by line: a binary line
        # is an error of its own, not of the file.
        raise Problem(reason)
    yield from _reader(fmt)(path, max_bytes)


def _walk(directory: Path, seen: frozenset[str] = frozenset()) -> Iterator[Path | IngestError]:
    """Files under `directory` in sorted order; hidden files and folders are
    passed over with a warning, an entry that cannot be looked at (a link to
    itself, to nothing) is an error of its own.

    Linked folders are followed, but never back into a folder being walked.
    """
    real = os.path.realpath(directory)
    if real in seen:
        yield IngestError(str(directory), "link back to a folder already being read, skipped")
        return
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        yield IngestError(str(directory), f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        try:
            is_dir = stat.S_ISDIR(entry.stat().st_mode)  # follows links
        except OSError as err:
            yield IngestError(entry.path, _stat_problem(err))
            continue
        if entry.name.startswith("."):
            # Version control, editor and OS files; named, so nothing is skipped unseen.
            yield IngestError.warn(entry.path, f"hidden {'folder' if is_dir else 'file'}, skipped")
        elif is_dir:
            yield from _walk(Path(entry.path), seen | {real})
        else:
            yield Path(entry.path)


__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "coding_error", "read_articles", "read_path"]
