"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from ..model import Article
from .common import clean_field, decode_bytes, normalise_date, read_limited
from .errors import IngestError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def article_from_html(
    markup: str, origin: str, *, url: str | None = None, date: str | None = None
) -> Article | IngestError:
    """An article from a page.

    `url` is where the page was fetched (it wins over the page's own canonical
    URL); `date` is a fallback for a page that carries no publication date.
    """
    extracted = trafilatura.bare_extraction(markup, url=url, with_metadata=True)
    doc = extracted if isinstance(extracted, Document) else None  # a dict only when asked for one
    text = (doc.text or "").strip() if doc is not None else ""
    if doc is None or not text:
        return IngestError(origin, "no extractable text in HTML")
    title = clean_field(doc.title)
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest.strip()  # trafilatura repeats the headline; the title has it already
    return Article(
        text=text,
        title=title,
        date=normalise_date(doc.date) or date,
        source=clean_field(doc.sitename) or clean_field(doc.hostname),
        url=url or clean_field(doc.url),
        origin=origin,
    )


def read_html(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    data = read_limited(path, max_bytes)
    yield article_from_html(decode_bytes(data, declared_charset(data)), str(path))
