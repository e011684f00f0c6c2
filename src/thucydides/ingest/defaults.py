"""Metadata given for articles whose input says nothing of it: a plain-text file has no
publication date, source or URL, and `code --date 2025-03-24 story.txt` gives it one.

The input's own value always wins: a default fills a gap, it never rewrites what a
feed, an HTML page or a JSON record says. An article's id does not change (it was made
from its text or its record), so a later run with other defaults still finds it stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace

from ..model import Article


@dataclass(frozen=True)
class ArticleDefaults:
    date: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def fill(self, article: Article) -> Article:
        """`article` with what it lacks taken from the defaults."""
        gaps = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) is not None and not getattr(article, f.name)
        }
        return replace(article, **gaps) if gaps else article

    def apply(self, articles: Iterable[Article]) -> Iterator[Article]:
        return (self.fill(a) for a in articles) if self else iter(articles)
