"""What every PETRARCH dictionary file shares: comments, phrases, codes, issues.

The format is PETRARCH's (`dictionaries.rst` and the header of `CAMEO.2.0.txt` in
the PETRARCH-2 distribution): flat text, `#` comments to the end of a line,
`<!-- ... -->` lines as comments, phrases with words joined by `_` or blanks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ERROR = "error"
WARNING = "warning"

# A code in brackets: CAMEO digits (with PETRARCH's extension letters, "174K"),
# the null code "---", or a pair "042:043" (source->target : target->source).
CODE_RE = re.compile(r"^(?:\d{2,4}[A-Z]?|---)$")
_HTML_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$")


@dataclass(frozen=True)
class Issue:
    """A problem in a dictionary file: an error skips the line, a warning does not."""

    file: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Line:
    """A line with content, its comment removed, and where it came from."""

    number: int
    text: str  # without the comment, right-stripped, leading tabs kept
    comment: str


def content_lines(text: str) -> Iterator[Line]:
    """The lines that carry content: comments (`#`, `<!-- -->`) and blank lines dropped."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!--"):
            in_comment = not _HTML_COMMENT.match(raw) and "-->" not in raw
            continue
        body, comment = _split_comment(raw)
        if body.strip():
            yield Line(number, body, comment.strip())


def _split_comment(raw: str) -> tuple[str, str]:
    """The line before its `#` comment, and the comment; a `#` inside brackets is
    content (TABARI's discard code `[###]`)."""
    depth = 0
    for i, char in enumerate(raw):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return raw[:i].rstrip(), raw[i + 1:].strip()
    return raw.rstrip(), ""


def read_text(path: Path) -> str:
    """A dictionary file's text: UTF-8, else Latin-1 (older dictionaries are 8-bit)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """ "AFGHAN_NATIONAL_ARMY_" -> ("afghan", "national", "army"): words, lower case.
    A trailing `_` (no plural, whole word) and the joining `_` are dropped."""
    return tuple(w for w in re.split(r"[_\s]+", phrase.strip().lower()) if w)


def parse_code(text: str) -> tuple[str | None, str | None] | None:
    """ "070" -> ("070", None); "042:043" -> ("042", "043"); ":173" -> (None, "173");
    "---" -> (None, None): the null code. None when the text is no code."""
    forward, colon, reverse = text.strip().partition(":")
    parts = [forward.strip(), reverse.strip()] if colon else [forward.strip()]
    for part in parts:
        if part and not CODE_RE.match(part):
            return None
    if not colon and not parts[0]:
        return None

    def value(part: str) -> str | None:
        return None if part in ("", "---") else part

    return value(parts[0]), value(parts[1]) if colon else None
