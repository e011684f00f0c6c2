"""PETRARCH discard lists (`Phoenix.discards.txt`): phrases that mark a sentence
(or, with a leading `+`, a whole story) as not to be coded: sport, entertainment,
history. A phrase ending in `_` must end at a word boundary; otherwise it is a stem
("BASEBALL" also matches "baseballs")."""

from __future__ import annotations

from dataclasses import dataclass, field

from .reading import Issue, content_lines


@dataclass(frozen=True)
class Discard:
    line: int
    phrase: str  # lower case, words joined by blanks
    story: bool  # "+": the whole story is not coded
    whole_word: bool  # "_" at the end: no stem match


@dataclass
class DiscardFile:
    file: str
    discards: list[Discard] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_discards(text: str, name: str) -> DiscardFile:
    out = DiscardFile(name)
    for line in content_lines(text):
        body = line.text.strip()
        story = body.startswith("+")
        phrase = body.lstrip("+").strip()
        whole = phrase.endswith("_")
        words = " ".join(phrase.replace("_", " ").lower().split())
        if not words:
            out.issues.append(Issue(name, line.number, "an empty discard phrase"))
            continue
        out.discards.append(Discard(line.number, words, story, whole))
    return out
