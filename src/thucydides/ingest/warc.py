"""WARC archives through warcio: each HTML response record is one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser, StatusAndHeadersParserException

from ..model import Article
from .common import clean_field, decode_bytes, normalise_date
from .detect import SNIFF_BYTES, sniff_format
from .errors import IngestError, Problem
from .html import article_from_html, declared_charset


# A response's HTTP headers are read from at most this many bytes of it: warcio
# would read a header line of any length into memory.
HEADER_LIMIT = 65_536
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


def _http_headers(record: Any) -> StatusAndHeaders | None:
    """The HTTP status and headers of a response record, None when it has none."""
    if record.rec_type != "response":
        return None
    try:
        return _HTTP.parse(LimitReader(record.raw_stream, HEADER_LIMIT))
    except (EOFError, StatusAndHeadersParserException):
        return None


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    # Redirects and error pages are not articles; nor are images, scripts, ...
    return status.startswith("2") and "html" in content_type


def _payload(record: Any, max_bytes: int) -> bytes | None:
    """The page's bytes, unchunked and inflated (Content-Encoding: gzip, br, ...),
    or None when they inflate past `max_bytes`: never more than that is held."""
    payload = record.content_stream().read(max_bytes + 1)
    return payload if len(payload) <= max_bytes else None


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
    """HTML responses as articles. `max_bytes` bounds each record as stored and
    its page once inflated, so a small compressed record cannot unpack to gigabytes."""
    end = 0  # where the last complete record ended: anything after it is damage
    with path.open("rb") as stream:
        # warcio reads anything, as an ARC file if need be: check the start first.
        if sniff_format(stream.read(SNIFF_BYTES)) != "warc":
            raise Problem("not a WARC file (it does not start with a WARC/1.x header)")
        stream.seek(0)
        # HTTP headers are parsed here, within HEADER_LIMIT, not by warcio.
        records = ArchiveIterator(stream, no_record_parse=True)
        try:
            for record in records:
                if record.format != "warc" or record.rec_type is None:
                    raise Problem(f"not a WARC record at byte {end}")
                declared = record.rec_headers.get_header("Content-Length")
                if declared is None:  # its header block cut short: the record cannot be delimited
                    raise Problem(f"corrupt or truncated WARC: record at byte {end} has no Content-Length")
                length = int(declared)
                record.http_headers = _http_headers(record)
                page = _is_html_page(record)
                payload = _payload(record, max_bytes) if page and length <= max_bytes else None
                records.read_to_end(record)
                offset, end = records.get_record_offset(), records.offset
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length
                    raise Problem(f"corrupt or truncated WARC: record at byte {offset} is cut short")
                if page and length > max_bytes:
                    yield IngestError(f"{path}@{offset}", f"record larger than the limit of {max_bytes:,} bytes")
                elif page and payload is None:
                    yield IngestError(f"{path}@{offset}", f"page inflates past the limit of {max_bytes:,} bytes")
                elif page and payload is not None:
                    yield _article(record, payload, f"{path}@{offset}")
        except Problem:
            raise
        except Exception as err:  # warcio raises many kinds on damaged input
            raise Problem(f"corrupt WARC data after byte {end}: {err}") from err
    if end < path.stat().st_size:
        raise Problem(f"corrupt or truncated WARC: unreadable data after byte {end}")
