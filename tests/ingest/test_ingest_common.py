"""Format detection, dates, decoding and HTML stripping."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from thucydides.ingest.common import article_date, binary_reason, decode_bytes, html_to_text, normalise_date
from thucydides.ingest.detect import detect_format, sniff_format
from thucydides.ingest.errors import Problem


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024-03-05T10:00:00.123456789Z", "2024-03-05"),
        ("Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("5 mars 2024", "2024-03-05"),
        ("not a date", None),
        ("", None),
        (None, None),
        (20240305, None),
        ("20240305", "2024-03-05"),
        ("2024-13-45", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2 days ago", "today", "Monday", "December 31", "2024", "noon"])
def test_a_date_relative_to_the_day_it_is_read_is_no_date(value):
    # "yesterday" was stored as the ingest day minus one, "2024" as 2020-02-04.
    assert normalise_date(value) is None
    assert article_date(value) == (None, f"date {value!r} is not a calendar date (day, month and year); stored without a date")


@pytest.mark.parametrize(
    "head, fmt",
    [
        (b'{"id": 1, "text": "x"}\n{"id": 2}', "jsonl"),
        (b'{\n  "text": "x"\n}', "json"),
        (b"\xef\xbb\xbf[{}]", "json"),
        (b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <html lang='en'>", "html"),
        (b"<?xml version='1.0'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "warc"),
        (gzip.compress(b"just text"), "text"),
        (b"Rebels seize town\n\nRebels took it.", "text"),
    ],
)
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


def test_extension_wins_over_content():
    assert detect_format(Path("a.TXT"), b"<html>") == "text"
    assert detect_format(Path("crawl.warc.gz"), b"") == "warc"
    assert detect_format(Path("x.ndjson"), b"") == "jsonl"
    assert detect_format(Path("x.atom"), b"") == "feed"


def test_binary_detection():
    assert binary_reason(b"text\x00more") == "binary file (contains NUL bytes)"
    assert binary_reason(bytes(range(1, 32)) * 4) == "binary file (mostly control bytes, not text)"
    assert binary_reason("utf-16 text".encode("utf-16")) is None
    assert binary_reason(b"plain text\twith tabs\r\n") is None


def test_decode_bytes():
    assert decode_bytes("\ufeffcafé".encode()) == "café"
    assert decode_bytes("café".encode("latin-1"), "latin-1") == "café"
    assert decode_bytes("café".encode(), "no-such-codec") == "café"
    assert decode_bytes("café".encode(), "latin-1") == "café"  # valid UTF-8 wins over a wrong declaration
    with pytest.raises(Problem, match="cannot decode text"):
        decode_bytes(b"\xff\xfe\xfa" * 40)


def test_html_to_text():
    assert html_to_text("<p>One <b>two</b></p><p>Three<br>four</p>") == "One two\nThree\nfour"
    assert html_to_text("Plain &amp; simple") == "Plain & simple"
    assert html_to_text("<script>x()</script><p>Kept</p>") == "Kept"
    assert html_to_text("") == ""


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Café in Zürich: the minister said the talks failed.", "latin-1"),  # was read as Baltic cp775
        ("Le président a visité Genève.", "latin-1"),  # was read as cp1250: "Genčve"
        ("El señor presidente habló en Bogotá.", "cp1252"),
        ("Zürich", "latin-1"),  # was read as UTF-16
        ("Привет мир, сказал он.", "cp1251"),  # other charsets still go to the guess
        ("Zażółć gęślą jaźń", "cp1250"),
    ],
)
def test_short_legacy_text_is_decoded_in_its_own_charset(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text
