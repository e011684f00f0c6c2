"""Which reader handles a file: by extension, else by sniffing its first bytes."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Literal

from .common import JSONTooDeep, load_json

Format = Literal["text", "html", "jsonl", "json", "feed", "warc"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}

# Streamed formats are read record by record, so their size is not limited,
# only the size of each record; the others are read whole.
STREAMED: frozenset[Format] = frozenset({"jsonl", "warc"})

SNIFF_BYTES = 65_536


def detect_format(path: Path, head: bytes) -> Format:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return EXTENSIONS.get(path.suffix.lower()) or sniff_format(head)


def sniff_format(head: bytes) -> Format:
    if head.startswith(b"\x1f\x8b"):
        # gzip: a compressed WARC, or something binary that fails later as text
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return "text"
        return "warc" if inner.startswith(b"WARC/1.") else "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/1."):
        return "warc"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        return "jsonl" if _is_json(start.split(b"\n", 1)[0]) else "json"
    low = start[:2048].lower()
    if low.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if low.startswith(b"<?xml"):
        return "html" if b"<html" in low and b"<rss" not in low and b"<feed" not in low else "feed"
    if low.startswith((b"<!doctype html", b"<html")) or (low.startswith(b"<!--") and b"<html" in low):
        return "html"
    return "text"


def holds_records(head: bytes) -> bool:
    """Whether some whole line of `head` is a JSON object."""
    lines = head.split(b"\n")[:-1]  # the last may be cut short
    return any(line.lstrip().startswith(b"{") and is_record(line) for line in lines)


def is_record(line: bytes) -> bool:
    """Whether `line` is a JSON object (malformed JSON and undecodable bytes are not)."""
    try:
        return isinstance(load_json(line), dict)
    except ValueError:
        return False


def _is_json(line: bytes) -> bool:
    try:
        load_json(line)
    except JSONTooDeep:
        return True  # a JSON line, if one the reader will report as unreadable
    except ValueError:
        return False
    return True
