"""Plain text: one file is one article, its first line the title when it looks like one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Article
from .common import decode_bytes, read_limited
from .errors import IngestError

# A headline is short and is not a sentence: longer lines or lines ending in
# a period are the first sentence of the body.
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= MAX_TITLE_CHARS and len(line.split()) <= MAX_TITLE_WORDS and not line.endswith(".")


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is the title when it looks like one and
    a blank line follows it; a lone short line is both title and body."""
    lines = text.strip().split("\n")
    first = lines[0].strip()
    if not looks_like_title(first):
        return None, text.strip()
    if len(lines) == 1:
        return first, first
    if not lines[1].strip():
        return first, "\n".join(lines[2:]).strip()
    return None, text.strip()


def article_from_text(text: str, origin: str) -> Article | IngestError:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return IngestError(origin, "no text (input is blank)")
    title, body = split_title(text)
    return Article(text=body, title=title, origin=origin)


def read_text(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    yield article_from_text(decode_bytes(read_limited(path, max_bytes)), str(path))
