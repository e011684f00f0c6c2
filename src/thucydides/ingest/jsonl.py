"""JSON Lines: one article per line, read line by line (gold-format records included)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, AnyStr

from ..model import ID_PATTERN, Article
from .common import article_date, clean_field, decode_bytes, load_json, valid_unicode
from .errors import IngestError, Problem

FIELDS = ("id", "text", "date", "title", "url", "source")  # all others are ignored


def article_from_record(record: Any, origin: str) -> Article:
    """An article from one JSON object; raises ValueError saying what is wrong.

    The text is kept exactly as given (gold spans are offsets into it), but for
    unpaired surrogates, replaced one for one and noted in `Article.warnings`,
    as is a date that is not a calendar date.
    """
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        raise ValueError("record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise ValueError(f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise ValueError("record has empty text")
    warnings: list[str] = []
    fields: dict[str, Any] = {"text": text, **{key: clean_field(record.get(key)) for key in ("title", "source", "url")}}
    for key, value in fields.items():
        if value is not None:
            fields[key], replaced = valid_unicode(value)
            if replaced:
                warnings.append(f"'{key}' has {replaced} unpaired surrogate escapes (not characters), replaced by U+FFFD")
    date, problem = article_date(record.get("date"))
    warnings += [problem] if problem else []
    return Article(id=_record_id(record.get("id")), date=date, origin=origin, warnings=warnings, **fields)


def _record_id(value: Any) -> str:
    """The record's own id ('' for none): a string or integer of the form the API serves."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"'id' is {type(value).__name__}, not a string or integer")
    given = str(value).strip()
    if given and not re.match(ID_PATTERN, given):
        shown = given if len(given) <= 60 else given[:57] + "..."
        raise ValueError(f"'id' {shown!r} is not 1 to 128 letters, digits, '_', '.', ':' or '-'")
    return given


def limited_lines(stream: IO[AnyStr], max_len: int, *, skip_overlong: bool = True) -> Iterator[tuple[int, AnyStr | None]]:
    """(line number, line) pairs; None for a line longer than `max_len`, which
    is skipped without ever holding more than `max_len` of it in memory, or,
    without `skip_overlong`, ends the lines (a stream may have no next line)."""
    number = 0
    while line := stream.readline(max_len + 1):
        number += 1
        if len(line) <= max_len:
            yield number, line
            continue
        if not skip_overlong:
            yield number, None
            return
        newline = "\n" if isinstance(line, str) else b"\n"
        while line and not line.endswith(newline):  # type: ignore[arg-type]
            line = stream.readline(max_len + 1)
        yield number, None


def parse_line(line: str | bytes | None, label: str, number: int, max_len: int) -> Article | IngestError | None:
    """The article on one line, an error, or None for a blank line."""
    if line is None:
        return IngestError(label, f"line longer than the limit of {max_len:,} bytes, skipped", number)
    try:
        text = decode_bytes(line) if isinstance(line, bytes) else line
    except Problem as problem:
        return IngestError(label, problem.reason, number)
    if not text.strip():
        return None
    try:
        return article_from_record(load_json(text), f"{label}:{number}")
    except json.JSONDecodeError as err:
        return IngestError(label, f"malformed JSON: {err}", number)
    except ValueError as err:
        return IngestError(label, str(err), number)


def read_lines(stream: IO[AnyStr], label: str, max_len: int) -> Iterator[Article | IngestError]:
    for number, line in limited_lines(stream, max_len):
        item = parse_line(line, label, number, max_len)
        if item is not None:
            yield item


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    with path.open("rb") as stream:
        yield from read_lines(stream, str(path), max_bytes)
