"""Directories of mixed input, bad files among them, and the guarantees of the API."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil

import pytest

from thucydides.ingest import IngestError, read_articles, read_path
from thucydides.model import make_article_id

GOOD_JSONL = [
    {"id": "j1", "text": "Rebels took Kidal.", "date": "2012-04-01"},
    {"id": "j2", "text": "Talks resumed in Vienna."},
    {"id": "j3", "text": "Police fired tear gas in Cairo."},
]
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Ceasefire agreed</title><link>https://ex.com/ceasefire</link>
<description>Both sides agreed a ceasefire.</description></item></channel></rss>"""
HTML = """<html><head><title>Clashes in Cairo</title></head><body><article>
<p>Police fired tear gas at thousands of protesters in Cairo on Friday, witnesses said.</p>
</article></body></html>"""


@pytest.fixture
def corpus(tmp_path, fixtures):
    """A folder mixing every format with one bad file of every kind."""
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a-story.txt").write_text("Rebels seize town\n\nRebels took the town at dawn.\n")
    lines = [json.dumps(record) for record in GOOD_JSONL]
    (root / "b-news.jsonl").write_text("\n".join([lines[0], '{"id": "bad", "text": }', *lines[1:]]) + "\n")
    (root / "sub" / "c-wire.rss").write_text(RSS)
    (root / "sub" / "d-page.html").write_text(HTML)
    (root / "sub" / "deeper" / "e-one.json").write_text(json.dumps({"id": "one", "text": "A single record."}))
    shutil.copy(fixtures / "gold-record.jsonl", root / "sub" / "f-gold.jsonl")
    (root / ".hidden" / "secret.txt").write_text("Never read.")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    # the bad ones
    (root / "bad-empty.txt").write_bytes(b"")
    (root / "bad-binary.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (root / "bad-encoding.txt").write_bytes(b"\xff\xfe\xfa" * 40)
    (root / "bad-garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (root / "sub" / "bad-feed.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>x</ite")
    (root / "sub" / "bad-page.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    with (root / "sub" / "bad-huge.txt").open("wb") as huge:
        huge.truncate(200_000_000)  # sparse: 200 MB on paper, nothing on disk
    return root


def test_directory_yields_good_articles_and_one_error_per_bad_file(corpus, read):
    articles, problems = read(corpus)
    warnings = {os.path.relpath(e.path, corpus): e.reason for e in problems if e.warning}
    assert warnings == {".DS_Store": "warning: hidden file, skipped", ".hidden": "warning: hidden folder, skipped"}
    errors = [e for e in problems if not e.warning]
    ids = [a.id for a in articles]
    assert "j1" in ids and "j2" in ids and "j3" in ids and "one" in ids and "CAMEO-010-1" in ids
    titles = {a.title for a in articles}
    assert {"Rebels seize town", "Ceasefire agreed", "Clashes in Cairo"} <= titles
    assert len(articles) == 1 + 3 + 1 + 1 + 1 + 2
    assert not any("Never read" in a.text for a in articles)
    by_file = {os.path.relpath(e.path, corpus): e for e in errors}
    assert sorted(by_file) == [
        "b-news.jsonl",
        "bad-binary.bin",
        "bad-empty.txt",
        "bad-encoding.txt",
        "bad-garbage.txt",
        "sub/bad-feed.xml",
        "sub/bad-huge.txt",
        "sub/bad-page.html",
    ]
    assert len(errors) == len(by_file)  # one error for each bad thing
    assert by_file["b-news.jsonl"].line == 2 and by_file["b-news.jsonl"].reason.startswith("malformed JSON: ")
    assert by_file["bad-binary.bin"].reason.startswith("binary file")
    assert by_file["bad-empty.txt"].reason == "empty file"
    assert by_file["bad-encoding.txt"].reason.startswith("cannot decode text")
    assert by_file["bad-garbage.txt"].reason.startswith("cannot decode text")
    assert by_file["sub/bad-feed.xml"].reason.startswith("malformed feed")
    assert by_file["sub/bad-huge.txt"].reason == "file too large: 200,000,000 bytes, limit is 50,000,000 bytes"
    assert by_file["sub/bad-page.html"].reason == "no extractable text in HTML"
    for error in errors:
        assert str(error).startswith(error.path)


def test_order_and_ids_are_stable_across_reads(corpus, read):
    first, _ = read(corpus)
    second, _ = read(corpus)
    assert [a.to_dict() for a in first] == [a.to_dict() for a in second]
    origins = [a.origin for a in first]
    assert origins[0] == str(corpus / "a-story.txt")  # sorted, files and folders by name
    assert origins.index(str(corpus / "sub" / "c-wire.rss#1")) < origins.index(str(corpus / "sub" / "d-page.html"))


def test_same_text_without_url_gives_same_id(tmp_path, read):
    (tmp_path / "one.txt").write_text("Rebels took the town at dawn.\n")
    (tmp_path / "two.jsonl").write_text(json.dumps({"text": "Rebels   took the TOWN at dawn."}) + "\n")
    one, two = read(tmp_path / "one.txt", tmp_path / "two.jsonl")[0]
    assert one.id == two.id == make_article_id("rebels took the town at dawn.")


def test_size_limit_is_configurable(tmp_path, read):
    path = tmp_path / "story.txt"
    path.write_text("Rebels took the town at dawn. " * 10)
    assert read(path, max_bytes=100)[1][0].reason == f"file too large: {path.stat().st_size:,} bytes, limit is 100 bytes"
    assert len(read(path, max_bytes=1000)[0]) == 1


def test_nonexistent_and_unreadable_paths(tmp_path, read):
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("Talks resumed.")
    articles, errors = read(missing, good)
    assert [a.text for a in articles] == ["Talks resumed."]
    assert [str(e) for e in errors] == [f"{missing}: no such file or directory"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path, read):
    path = tmp_path / "locked.txt"
    path.write_text("Secret.")
    path.chmod(0)
    _, errors = read(path)
    assert errors[0].path == str(path) and errors[0].reason.startswith("cannot read")


def test_fifo_is_not_a_regular_file(tmp_path, read):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _, errors = read(fifo)
    assert [e.reason for e in errors] == ["not a regular file"]


def test_streaming_is_lazy(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story {n}."}) + "\n" for n in range(1000)))
    articles = read_articles([path])
    assert next(articles).text == "Story 0."  # a generator: nothing read beyond what is asked


def test_errors_are_logged_without_on_error(tmp_path, caplog):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        assert list(read_path(path)) == []
    assert f"{path}: empty file" in caplog.text


def test_single_path_string_and_error_str(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Talks resumed.")
    assert [a.text for a in read_articles(str(path))] == ["Talks resumed."]
    assert str(IngestError("data/bad.jsonl", "malformed JSON: x", 3)) == "data/bad.jsonl:3: malformed JSON: x"
    assert str(IngestError("data/x.txt", "empty file")) == "data/x.txt: empty file"


def test_stdin_mixed_with_files(tmp_path, read):
    path = tmp_path / "story.txt"
    path.write_text("Talks resumed.")
    articles, errors = read(path, "-", stdin=io.StringIO('{"id": "s", "text": "From stdin."}\n'))
    assert errors == [] and [a.id for a in articles][1] == "s"


def test_link_loop_in_directory_is_not_followed(tmp_path, read):
    (tmp_path / "story.txt").write_text("Talks resumed.")
    (tmp_path / "loop").symlink_to(tmp_path)
    articles, errors = read(tmp_path)
    assert [a.text for a in articles] == ["Talks resumed."]
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "loop"), "link back to a folder already being read, skipped")
    ]
