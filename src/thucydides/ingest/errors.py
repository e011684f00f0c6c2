"""Problem records for ingestion: bad input is reported, never fatal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Article


@dataclass
class IngestError:
    """One problem with one input: a file, a line of a file or a record in it.

    `path` names the input (with `#N` for a feed entry or `@OFFSET` for a WARC
    record); `line` is the 1-based line number for line-oriented input.
    """

    path: str
    reason: str
    line: int | None = None
    # A warning: the input was read (or knowingly passed over), with this caveat.
    warning: bool = False

    @classmethod
    def warn(cls, path: str, reason: str, line: int | None = None) -> "IngestError":
        # The reason says it is a warning, so the stored row does too.
        return cls(path, f"warning: {reason}", line, warning=True)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


class Problem(Exception):
    """Raised inside a reader for a problem that ends the whole input.

    The dispatcher turns it into an `IngestError` for the file, so readers
    need not know where errors go.
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def coding_error(article: "Article", err: Exception, stage: str = "coding") -> IngestError:
    """The record for an article the coder (or, with `stage`, the store) failed on:
    named by where it came from."""
    where = article.origin or f"article {article.id}"
    return IngestError(where, f"{stage} failed for article {article.id}: {type(err).__name__}: {err}")
