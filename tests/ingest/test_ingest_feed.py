"""RSS and Atom feeds through feedparser."""

from __future__ import annotations

from thucydides.model import make_article_id

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ex Wire</title><link>https://ex.com</link>
<item><title>Talks resume in Vienna</title><link>https://ex.com/vienna</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Iran and the &lt;b&gt;EU&lt;/b&gt; resumed talks.&lt;/p&gt;&lt;p&gt;A deal is not expected.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://ex.com/headline</link></item>
<item><title>Rebels seize town &lt;live&gt;</title><link>https://ex.com/kidal</link>
<pubDate>Sun, 01 Apr 2012 08:00:00 GMT</pubDate><description>Rebels took Kidal &amp; Gao at dawn.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Ceasefire agreed</title><link href="https://ex.org/ceasefire"/>
<id>tag:ex.org,2024:1</id><updated>2024-06-02T10:00:00Z</updated><published>2024-06-01T22:00:00Z</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Both sides agreed a ceasefire on Saturday.&lt;/p&gt;&lt;p&gt;Monitors will arrive next week.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries(tmp_path, read):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    articles, errors = read(path)
    first, second = articles
    assert first.title == "Talks resume in Vienna"
    assert first.text == "Iran and the EU resumed talks.\nA deal is not expected."
    assert first.date == "2024-03-05"  # as published, not shifted to UTC
    assert first.url == "https://ex.com/vienna" and first.id == make_article_id("", "https://ex.com/vienna")
    assert first.source == "Ex Wire"
    assert first.origin == f"{path}#1"
    assert (second.text, second.date, second.origin) == ("Rebels took Kidal & Gao at dawn.", "2012-04-01", f"{path}#3")
    assert second.title == "Rebels seize town <live>"  # a plain-text title keeps its angle brackets
    assert [str(e) for e in errors] == [f"{path}#2: feed entry has no summary or content text"]


def test_atom_feed_prefers_full_content(tmp_path, read):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    (article,), errors = read(path)
    assert errors == []
    assert article.text == "Both sides agreed a ceasefire on Saturday.\nMonitors will arrive next week."
    assert (article.title, article.date, article.url, article.source) == (
        "Ceasefire agreed", "2024-06-01", "https://ex.org/ceasefire", "Atom Wire",
    )  # fmt: skip


def test_xml_feed_detected_by_content_without_extension(tmp_path, read):
    path = tmp_path / "feed"
    path.write_text(RSS)
    articles, _ = read(path)
    assert len(articles) == 2


def test_broken_feed_is_one_error(tmp_path, read):
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>x</ite")
    articles, errors = read(path)
    assert articles == []
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}: malformed feed: ")


def test_xml_that_is_not_a_feed(tmp_path, read):
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>https://ex.com</loc></url></urlset>")
    articles, errors = read(path)
    assert articles == [] and [e.reason for e in errors] == ["not a feed, or a feed without entries"]
