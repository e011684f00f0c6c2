"""HTML pages through trafilatura."""

from __future__ import annotations

from thucydides.model import make_article_id

BODY = (
    "<p>Police fired tear gas at thousands of protesters in Cairo on Friday, witnesses said.</p>"
    "<p>The interior ministry said 20 officers were hurt in the clashes near Tahrir Square.</p>"
)
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Clashes in Cairo | Ex News</title>
<meta property="og:title" content="Clashes in Cairo">
<meta property="og:site_name" content="Ex News">
<link rel="canonical" href="https://ex.com/cairo-clashes">
<meta property="article:published_time" content="2011-01-28T18:00:00+02:00">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Clashes in Cairo</h1>{BODY}</article>
<footer>Copyright Ex News</footer></body></html>"""


def test_html_page_text_and_metadata(tmp_path, read):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    (article,), errors = read(path)
    assert errors == []
    assert article.title == "Clashes in Cairo"
    assert article.text.startswith("Police fired tear gas")  # the headline is not repeated
    assert "20 officers were hurt" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.date == "2011-01-28"
    assert article.url == "https://ex.com/cairo-clashes"
    assert article.source == "Ex News"
    assert article.id == make_article_id("", "https://ex.com/cairo-clashes")
    assert article.origin == str(path)


def test_html_charset_declared_in_meta(tmp_path, read):
    path = tmp_path / "cp1252.htm"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        "<body><p>\u201cWe will not retreat,\u201d said the minister \u2014 in Paris on Monday, before the vote.</p></body></html>"
    )
    path.write_bytes(page.encode("cp1252"))
    (article,), errors = read(path)
    assert errors == []
    assert "\u201cWe will not retreat,\u201d" in article.text
    assert article.url is None and article.id == make_article_id(article.text)


def test_html_without_text_is_an_error(tmp_path, read):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title><script>var x = 1;</script></head><body><div></div></body></html>")
    articles, errors = read(path)
    assert articles == []
    assert [str(e) for e in errors] == [f"{path}: no extractable text in HTML"]
