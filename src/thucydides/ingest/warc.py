"""WARC archives through warcio: each HTML response record is one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from ..model import Article
from .common import clean_field, decode_bytes, normalise_date
from .detect import SNIFF_BYTES, sniff_format
from .errors import IngestError, Problem
from .html import article_from_html, declared_charset


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    # Redirects and error pages are not articles; nor are images, scripts, ...
    return status.startswith("2") and "html" in content_type


def _charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _article(record: Any, payload: bytes, origin: str) -> Article | IngestError:
    try:
        markup = decode_bytes(payload, _charset(record) or declared_charset(payload))
    except Problem as problem:
        return IngestError(origin, problem.reason)
    # The page's own publication date beats the crawl date, which is only a fallback.
    return article_from_html(
        markup,
        origin,
        url=clean_field(record.rec_headers.get_header("WARC-Target-URI")),
        date=normalise_date(record.rec_headers.get_header("WARC-Date")),
    )


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    end = 0  # where the last complete record ended: anything after it is damage
    with path.open("rb") as stream:
        # warcio reads anything, as an ARC file if need be: check the start first.
        if sniff_format(stream.read(SNIFF_BYTES)) != "warc":
            raise Problem("not a WARC file (it does not start with a WARC/1.x header)")
        stream.seek(0)
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.format != "warc" or record.rec_type is None:
                    raise Problem(f"not a WARC record at byte {end}")
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                wanted = _is_html_page(record) and length <= max_bytes
                payload = record.content_stream().read() if wanted else b""
                records.read_to_end(record)
                offset, end = records.get_record_offset(), records.offset
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length
                    raise Problem(f"corrupt or truncated WARC: record at byte {offset} is cut short")
                if _is_html_page(record) and not wanted:
                    yield IngestError(f"{path}@{offset}", f"record larger than the limit of {max_bytes:,} bytes")
                elif wanted:
                    yield _article(record, payload, f"{path}@{offset}")
        except Problem:
            raise
        except Exception as err:  # warcio raises many kinds on damaged input
            raise Problem(f"corrupt WARC data after byte {end}: {err}") from err
    if end < path.stat().st_size:
        raise Problem(f"corrupt or truncated WARC: unreadable data after byte {end}")
