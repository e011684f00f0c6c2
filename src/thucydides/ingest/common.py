"""Helpers shared by the format readers: bounded reads, decoding, dates, HTML to text."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any

from .errors import Problem

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
# A guessed charset must give mostly real characters: a wrong guess over
# binary or garbage shows up as unassigned, private-use or format code points.
_BAD_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs"}
_MIN_PLAUSIBLE = 0.9


def check_size(path: Path, max_bytes: int) -> int:
    """The file's size, checked from its metadata so a huge file is never read."""
    size = path.stat().st_size
    if size > max_bytes:
        raise Problem(f"file too large: {size:,} bytes, limit is {max_bytes:,} bytes")
    if size == 0:
        raise Problem("empty file")
    return size


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The whole file, if it is within the size limit."""
    check_size(path, max_bytes)
    return path.read_bytes()


def binary_reason(head: bytes) -> str | None:
    """Why a file starting with `head` is binary, or None if it may be text."""
    if head.startswith(_BOMS):
        return None  # UTF-16 text is full of NUL bytes, legitimately
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > 0.3 * len(head):
        return "binary file (mostly control bytes, not text)"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text: UTF-8 (with or without BOM), a declared charset, then a guess.

    UTF-8 goes first because bytes that decode as UTF-8 almost surely are, while
    pages often declare a legacy charset and are served in UTF-8 all the same.
    """
    for encoding in ("utf-8-sig", declared):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    if len(data) <= SHORT_TEXT and (western := _western(data)) is not None:
        return western
    import charset_normalizer  # imported on first use: only undeclared, non-UTF-8 bytes need it

    best = charset_normalizer.from_bytes(data).best()
    text = str(best) if best is not None else ""
    if best is None or not _plausible(text):
        raise Problem("cannot decode text: not UTF-8 and no plausible character set")
    return text


# charset_normalizer guesses from statistics, which a few dozen bytes do not have:
# it read "Café in Zürich" in Latin-1 as Baltic (cp775: "Cafķ in Z³rich"). Up to
# this size, text that reads as Western European in windows-1252 (the web's
# default legacy charset) is taken as such.
SHORT_TEXT = 512
# Letters and marks of windows-1252 text in French, German, Spanish, Portuguese,
# Italian, Dutch, the Nordic languages... Left out on purpose: the letters other
# charsets put at the same bytes in Turkish (ÐÝÞðýþ), Czech and Slovak (Šš Žž),
# and the symbols that are Polish letters in windows-1250 (³ ¹ ¥ ...).
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŸ"
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac«»°·¿¡\xa0"
)
# Accented letters are a few in a hundred in those languages; Cyrillic or Greek
# bytes read as windows-1252 are accented letters nearly throughout.
_MAX_ACCENTED = 0.25


def _western(data: bytes) -> str | None:
    """`data` as windows-1252 when it reads as Western European text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    other = [ch for ch in text if ord(ch) > 127]
    letters = sum(1 for ch in text if ch.isalpha())
    if not other or any(ch not in _WESTERN for ch in other) or len(other) > _MAX_ACCENTED * letters:
        return None
    return text


def _plausible(text: str) -> bool:
    sample = text[:10_000]
    good = sum(1 for ch in sample if ch in "\t\n\r" or unicodedata.category(ch) not in _BAD_CATEGORIES)
    return bool(sample) and good >= _MIN_PLAUSIBLE * len(sample)


class JSONTooDeep(ValueError):
    """JSON nested too deeply for Python's recursion limit."""


def load_json(text: str | bytes) -> Any:
    """`json.loads`, with a value nested too deeply for Python's recursion a
    ValueError like any other malformed JSON, not a RecursionError that ends the file."""
    try:
        return json.loads(text)
    except RecursionError:
        raise JSONTooDeep("malformed JSON: nested too deeply to read") from None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalise_date(value: Any) -> str | None:
    """`YYYY-MM-DD` for anything that reads as a calendar date, else None.

    ISO 8601 and RFC 822 (feeds, mail) are parsed exactly and keep the date
    as written in its own time zone; anything else goes to dateparser, which
    must find a day, a month and a year: "yesterday" or "Monday" is a day
    relative to when it is read, not a publication date.
    """
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d")
    except ValueError:
        pass
    if _ISO_DATE.match(value):  # ISO date with a time part fromisoformat rejects
        try:
            return datetime.strptime(value[:10], "%Y-%m-%d").strftime("%Y-%m-%d")
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    parsed = _dateparser()(value, settings=_DATEPARSER_SETTINGS)
    return parsed.strftime("%Y-%m-%d") if parsed else None


_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    # No relative dates ("yesterday", "2 days ago"), nor the digit-run parser,
    # which read "2024" as 2020-02-04 and "noon" as a day in 2000.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


def article_date(value: Any) -> tuple[str | None, str | None]:
    """(`YYYY-MM-DD` or None, a warning or None) for a record's date field: a
    date given but not readable as a calendar date is said, not dropped unseen."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    day = normalise_date(value)
    if day is None:
        return None, f"date {value!r} is not a calendar date (day, month and year); stored without a date"
    return day, None


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> tuple[str, int]:
    """`text` with each unpaired surrogate (a JSON escape such as \\ud800, which
    is no character and cannot be written as UTF-8) replaced by U+FFFD, so
    offsets into the text stay the same; and how many there were."""
    return _SURROGATE.subn("\ufffd", text)


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    # dateparser is slow to load its language data; ISO and RFC 822 dates never need it.
    import dateparser

    return dateparser.parse


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre",
    "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in markup:
        return unescape(markup).strip()  # plain text, perhaps with entities
    import lxml.html  # imported on first use: plain text and JSON never need it

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # nothing parseable, or an XML declaration
        return ""
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        # Break lines around blocks so paragraphs stay apart in the text.
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def clean_field(value: Any) -> str | None:
    """An optional metadata field as a stripped string, None when absent or blank."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None
