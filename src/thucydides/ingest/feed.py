"""RSS and Atom feeds through feedparser: one article per entry."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from feedparser.exceptions import ThingsNobodyCaresAboutButMe

from ..model import Article
from .common import article_date, clean_field, html_to_text, normalise_date, read_limited
from .errors import IngestError, Problem


def _as_text(detail: Any) -> str:
    """The text of a feedparser text construct, markup stripped only from HTML."""
    value = detail.get("value") or ""
    return html_to_text(value) if "html" in (detail.get("type") or "text/html") else value.strip()


def _entry_text(entry: Any) -> str:
    # Full content when the feed carries it, else the summary; whichever is longest.
    details = [*entry.get("content", []), entry.get("summary_detail") or {}]
    return max((_as_text(detail) for detail in details), key=len, default="")


def _entry_date(entry: Any) -> tuple[str | None, str | None]:
    """(`YYYY-MM-DD` or None, a warning when the entry gives a date none can read)."""
    # Keys looked up only if present: feedparser answers a missing 'updated' with
    # 'published' and a DeprecationWarning.
    given = [entry[key] for key in ("published", "updated", "created") if key in entry and entry[key]]
    # The date as written keeps its own time zone; feedparser's parsed tuple is UTC.
    for value in given:
        if found := normalise_date(value):
            return found, None
    for key in ("published_parsed", "updated_parsed"):
        if key in entry and entry[key]:
            return time.strftime("%Y-%m-%d", entry[key]), None
    return article_date(given[0] if given else None)


def read_feed(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    # Bytes, not a string: feedparser would take a string for a URL or file name,
    # and from bytes it honours the XML encoding declaration itself.
    parsed = feedparser.parse(read_limited(path, max_bytes))
    # A broken feed can yield empty entries; numbering keeps the feed's order.
    entries = [(number, entry) for number, entry in enumerate(parsed.entries, start=1) if entry]
    broken = parsed.bozo and not isinstance(parsed.get("bozo_exception"), ThingsNobodyCaresAboutButMe)
    if not entries:
        if broken:
            raise Problem(f"malformed feed: {parsed.get('bozo_exception')}")
        raise Problem("not a feed, or a feed without entries")
    if broken:
        yield IngestError(str(path), f"malformed feed, read {len(entries)} entries: {parsed.get('bozo_exception')}")
    source = clean_field(parsed.feed.get("title"))
    for number, entry in entries:
        origin = f"{path}#{number}"
        text = _entry_text(entry)
        if not text:
            yield IngestError(origin, "feed entry has no summary or content text")
            continue
        date, problem = _entry_date(entry)
        yield Article(
            text=text,
            title=clean_field(_as_text(entry.get("title_detail") or {})),
            date=date,
            source=source,
            url=clean_field(entry.get("link")),
            origin=origin,
            warnings=[problem] if problem else [],
        )
