"""What `code` and `ingest` share about their inputs: the defaults for articles that
lack metadata, the count of what was read, and what is said when nothing was or when
events end up without a date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Optional

import typer

from ..ingest.defaults import ArticleDefaults
from ..model import Article, Event


def article_defaults(
    date: Optional[str], source: Optional[str], url: Optional[str], title: Optional[str]
) -> ArticleDefaults:
    """The --date, --source, --url and --title options (blank values given as none)."""
    return ArticleDefaults(date=date, source=source or None, url=url or None, title=title or None)


@dataclass
class ReadTally:
    """Counts articles as they are read and events without a date as they are written."""

    articles: int = 0
    undated: int = 0

    def read(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            self.articles += 1
            yield article

    def written(self, events: Iterable[Event]) -> Iterator[Event]:
        for event in events:
            self.undated += event.date is None
            yield event


def fail_if_nothing_read(tally: ReadTally) -> None:
    """Exit 1 when not one article could be read (missing files, empty input): a run
    that did nothing must not look like a success to a script."""
    if not tally.articles:
        typer.secho("error: no article could be read from the input", err=True, fg="red")
        raise typer.Exit(1)


def warn_undated(undated: int) -> None:
    """Say how many events have no date (none of their own, none from their article):
    they fall in no period, only in the 'undated' row of dyads, timeline and stats."""
    if undated:
        events = "1 event has" if undated == 1 else f"{undated} events have"
        typer.secho(f"warning: {events} no date: give --date YYYY-MM-DD for articles that have none (plain text)",
                    err=True, fg="yellow")  # fmt: skip
