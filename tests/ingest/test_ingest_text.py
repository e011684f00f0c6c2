"""Plain text files and standard input."""

from __future__ import annotations

import io

from thucydides.ingest.text import split_title
from thucydides.model import make_article_id


def test_first_line_is_title_when_it_looks_like_one(tmp_path, read):
    path = tmp_path / "story.txt"
    path.write_text("Protesters clash with police in Cairo\n\nPolice fired tear gas on Friday.\nMany were hurt.\n")
    (article,), errors = read(path)
    assert errors == []
    assert article.title == "Protesters clash with police in Cairo"
    assert article.text == "Police fired tear gas on Friday.\nMany were hurt."
    assert article.origin == str(path)
    assert article.id == make_article_id(article.text)
    assert article.url is None and article.date is None


def test_first_line_is_not_a_title_when_it_is_a_sentence(tmp_path, read):
    path = tmp_path / "story.txt"
    path.write_text("Police fired tear gas in Cairo on Friday.\n\nMany were hurt.\n")
    (article,), _ = read(path)
    assert article.title is None
    assert article.text.startswith("Police fired tear gas")


def test_title_rules():
    assert split_title("Headline\nno blank line after it") == (None, "Headline\nno blank line after it")
    assert split_title("Rebels seize town") == ("Rebels seize town", "Rebels seize town")
    long_line = "word " * 40
    assert split_title(long_line + "\n\nbody")[0] is None
    assert split_title("Talks resume\r\n\r\nBody.".replace("\r\n", "\n")) == ("Talks resume", "Body.")


def test_windows_newlines_and_bom(tmp_path, read):
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffTalks resume\r\n\r\nIran and the EU resumed talks.\r\n".encode("utf-8"))
    (article,), _ = read(path)
    assert article.title == "Talks resume"
    assert article.text == "Iran and the EU resumed talks."


def test_latin1_text_is_decoded_by_guess(tmp_path, read):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré à São Paulo que les négociations reprendront.".encode("latin-1"))
    (article,), errors = read(path)
    assert errors == []
    assert "déclaré" in article.text and "négociations" in article.text


def test_utf16_text_with_bom(tmp_path, read):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Rebels seize town\n\nRebels took the town at dawn.".encode("utf-16"))
    (article,), errors = read(path)
    assert errors == []
    assert article.title == "Rebels seize town"


def test_stdin_plain_text(read):
    stdin = io.StringIO("Rebels seize town\n\nRebels took the town of Kidal at dawn.\n")
    (article,), errors = read("-", stdin=stdin)
    assert errors == []
    assert article.title == "Rebels seize town"
    assert article.text == "Rebels took the town of Kidal at dawn."
    assert article.origin == "<stdin>"


def test_stdin_plain_text_starting_with_blank_lines_and_bytes(read):
    stdin = io.BytesIO("\n\nLe ministre a parlé.\nIl est parti.\n".encode("utf-8"))
    (article,), errors = read("-", stdin=stdin)
    assert errors == []
    assert article.text == "Le ministre a parlé.\nIl est parti."


def test_stdin_jsonl(read):
    stdin = io.StringIO(
        '{"id": "a", "text": "Rebels took Kidal.", "date": "2012-04-01"}\n'
        "\n"
        "{broken\n"
        '{"id": "b", "text": "Talks resumed.", "url": "https://ex.com/b"}\n'
    )
    articles, errors = read("-", stdin=stdin)
    assert [(a.id, a.text, a.date, a.origin) for a in articles] == [
        ("a", "Rebels took Kidal.", "2012-04-01", "<stdin>:1"),
        ("b", "Talks resumed.", None, "<stdin>:4"),
    ]
    assert len(errors) == 1 and errors[0].line == 3
    assert str(errors[0]).startswith("<stdin>:3: malformed JSON: ")


def test_stdin_empty_and_too_large(read):
    assert read("-", stdin=io.StringIO(""))[1][0].reason == "no input"
    _, errors = read("-", stdin=io.StringIO("   \n\n"))
    assert len(errors) == 1 and "no text" in errors[0].reason
    _, errors = read("-", stdin=io.StringIO("x" * 100 + "\n" + "y" * 100), max_bytes=150)
    assert [e.reason for e in errors] == ["input larger than the limit of 150 bytes"]


def test_stdin_holding_a_warc_or_html_is_read_as_that_format(tmp_path, read):
    from test_ingest_warc import write_warc

    write_warc(tmp_path / "crawl.warc.gz", compress=True)
    articles, errors = read("-", stdin=io.BytesIO((tmp_path / "crawl.warc.gz").read_bytes()))
    assert [a.url for a in articles] == ["https://ex.com/cairo", "https://ex.com/kidal"]
    assert all(a.origin.startswith("<stdin>@") for a in articles) and errors[0].path.startswith("<stdin>@")
    page = b"<html><head><title>Kidal falls</title></head><body><article><p>Rebels took Kidal at dawn.</p></article></body></html>"
    (article,), _ = read("-", stdin=io.BytesIO(page))
    assert article.title == "Kidal falls" and "<p>" not in article.text


def test_stdin_jsonl_stops_at_a_line_over_the_limit(read):
    stdin = io.BytesIO(b'{"id": "a", "text": "Rebels took Kidal."}\n' + b"x" * 500 + b'\n{"id": "b", "text": "Talks."}\n')
    articles, errors = read("-", stdin=stdin, max_bytes=100)
    assert [a.id for a in articles] == ["a"]
    assert [str(e) for e in errors] == ["<stdin>:2: line longer than the limit of 100 bytes: reading stopped"]
