"""The pattern notation of PETRARCH verb dictionaries, also used by the lexicon's
`pattern` key::

    &military * (to +) &stronghold (in $)

`*` is the verb; words before it must stand before the verb (its subject phrase,
an adverb, an auxiliary or a governing verb); words after it in the verb phrase;
`{financial aid}` is a noun phrase (head last, the others modify it); `&name` a
synonym set; `(to border)` a prepositional phrase (`(to)`: any object); `$` and
`+` mark where the source and the target are (`(from $)`: the object of "from");
`%` asks for a compound actor whose members act on each other; `^` skips a phrase.

A TABARI-style pattern writes prepositions as words ("* IFTAR IN ^ +") or places a
marker after skipped phrases: its words after the verb are read in sequence, and a
marker among them is the first actor after the words before it, past the phrases
`^` skips (the slot `seq:K:N`: after the K-th word after the verb, N phrases skipped).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from .reading import ERROR, WARNING, phrase_words

# A term: the words of a noun phrase (or a synonym set "&food"), lower case; the last
# word is the head and the others must modify it ("{financial aid}").
Term = tuple[str, ...]

SOURCE = "$"
TARGET = "+"
COMPOUND = "%"
SKIP = "^"
SEQUENCE = "seq"  # slot prefix: "seq:2:1", a marker after two words and one skipped phrase

# Prepositions: written bare in a pattern ("* FOR &ECONSANCT", "* IFTAR IN ^ +"), not in
# parentheses, they mark a TABARI-style pattern, whose words are read in sequence.
PREPOSITIONS = frozenset("""
    about above across after against along among around at before behind below beneath beside between
    beyond by despite during for from in inside into near of off on onto over past since through
    throughout to toward towards under until upon via with within without
""".split())
# Function words at the end of a joined phrase ("MISSION_TO"): the head is before them.
_TRAILING_FUNCTION_WORDS = {"to", "of", "in", "on", "for", "with", "from", "at", "by", "the", "a", "an", "into"}
_WORD = re.compile(r"&?[a-z0-9][a-z0-9'.\-/&]*")


@dataclass(frozen=True)
class PrepPhrase:
    prep: str
    object: Term | None = None  # None: any object ("(to)")
    marker: str | None = None  # "$" or "+": the object is the source or the target


@dataclass(frozen=True)
class PhrasePattern:
    text: str  # as written, for explanations
    before: tuple[Term, ...] = ()
    after: tuple[Term, ...] = ()
    preps: tuple[PrepPhrase, ...] = ()
    source: str | None = None  # the argument slot ("subj", "obj", "prep:from", "seq:1:0") marked $
    target: str | None = None  # ... marked +
    compound: bool = False
    # TABARI-style: a preposition written as a word after the verb ("* FOR &ECONSANCT"),
    # or a marker after skipped phrases ("* AT ^ +"). The words after the verb are read
    # in sequence over the whole verb phrase, prepositional phrases included.
    flat: bool = False

    @property
    def size(self) -> int:
        """How much the pattern asks for: more demanding patterns are tried first."""
        return (sum(len(t) for t in self.before + self.after)
                + sum(1 + len(p.object or ()) for p in self.preps) + self.compound)

    def notation(self) -> str:
        """The pattern written back from what was read (terms left out as unusable
        are gone): `parse_pattern` reads it as this pattern."""
        def term(words: Term) -> str:
            return words[0] if len(words) == 1 else "{" + " ".join(words) + "}"

        def prep(p: PrepPhrase) -> str:
            inside = p.marker or (term(p.object) if p.object else "")
            return f"({p.prep}{' ' + inside if inside else ''})"

        markers = {slot: mark for mark, slot in ((SOURCE, self.source), (TARGET, self.target)) if slot}
        after: list[str] = []
        for k in range(len(self.after) + 1):
            for slot, mark in markers.items():
                place = sequence_slot(slot)
                if place is not None and place[0] == k:
                    after += [SKIP] * place[1] + [mark]
            after += [term(self.after[k])] if k < len(self.after) else []
        parts = [*(m for slot, m in markers.items() if slot == "subj"), *map(term, self.before), "*",
                 *(m for slot, m in markers.items() if slot == "obj"), *after, *map(prep, self.preps)]
        return " ".join([COMPOUND] * self.compound + parts)

    def synsets(self) -> set[str]:
        terms = [*self.before, *self.after, *(p.object for p in self.preps if p.object)]
        return {w for t in terms for w in t if w.startswith("&")}


class PatternError(ValueError):
    """A pattern that cannot be read; `severity` says whether PETRARCH would take it."""

    def __init__(self, message: str, severity: str = ERROR) -> None:
        super().__init__(message)
        self.severity = severity


def parse_pattern(text: str, synsets: Container[str] | None = None,
                  warn: list[str] | None = None) -> PhrasePattern:
    """Read a pattern (without its leading "-" and its code). Raises PatternError;
    problems it can read past are appended to `warn`."""
    warnings = warn if warn is not None else []
    tokens, stray = _tokens(text)
    if tokens is None:
        raise PatternError("unbalanced braces or parentheses")
    if stray:
        warnings.append(f"stray text {stray!r} is ignored")
    if tokens.count("*") != 1:
        raise PatternError("a pattern needs exactly one '*' (the verb)")
    star = tokens.index("*")
    before: list[Term] = []
    after: list[Term] = []
    preps: list[PrepPhrase] = []
    slots: dict[str, str] = {}
    placed: dict[str, tuple[int, int]] = {}  # a marker after the verb: (words before it, phrases skipped)
    skips = 0
    compound = False
    for position, token in enumerate(tokens):
        if token == SKIP:
            skips += position > star
        elif token == COMPOUND:
            compound = True
        elif token in (SOURCE, TARGET):
            if position < star:
                slots.setdefault(token, "subj")
            elif token not in slots and token not in placed:
                placed[token] = (len(after), skips)
        elif token.startswith("("):
            prep = _prep_phrase(token, synsets, warnings)
            preps.append(prep)
            if prep.marker:
                slots.setdefault(prep.marker, f"prep:{prep.prep}")
        elif token != "*":
            term = _term(token, synsets, warnings)
            if term:
                (before if position < star else after).append(term)
                skips = 0
    flat = (any(len(t) == 1 and t[0] in PREPOSITIONS for t in after)
            or any(skipped for _, skipped in placed.values()))
    for mark, (k, skipped) in placed.items():
        slots.setdefault(mark, f"{SEQUENCE}:{k}:{skipped}" if flat else "obj")
    return PhrasePattern(
        text=" ".join(tokens).lower(), before=tuple(before), after=tuple(after), preps=tuple(preps),
        source=slots.get(SOURCE), target=slots.get(TARGET), compound=compound, flat=flat,
    )


def sequence_slot(slot: str | None) -> tuple[int, int] | None:
    """ "seq:2:1" -> (2, 1): the marker follows the 2nd word after the verb, one phrase
    skipped; None for any other slot."""
    if not slot or not slot.startswith(SEQUENCE + ":"):
        return None
    parts = slot.split(":")
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return int(parts[1]), int(parts[2])


def _prep_phrase(token: str, synsets: Container[str] | None, warnings: list[str]) -> PrepPhrase:
    inner = token[1:-1].split(None, 1)
    if not inner:
        raise PatternError("an empty prepositional phrase '()'")
    prep = inner[0].lower().strip("_")
    rest = inner[1].strip() if len(inner) > 1 else ""
    if rest in (SOURCE, TARGET):
        return PrepPhrase(prep, None, rest)
    if rest in ("", SKIP):
        return PrepPhrase(prep)
    markers = [w for w in rest.split() if w in (SOURCE, TARGET)]
    if markers:
        warnings.append(f"words beside the {markers[0]} in {token!r} are ignored")
        return PrepPhrase(prep, None, markers[0])
    return PrepPhrase(prep, _term(rest, synsets, warnings) or None)


def _term(text: str, synsets: Container[str] | None, warnings: list[str]) -> Term:
    """A noun phrase: "aid", "{financial aid}", "&food", "new_&tietypes_relations"."""
    words = phrase_words(text.strip().strip("{}"))
    for ref in (w for w in words if w.startswith("&")):
        if synsets is not None and ref not in synsets:
            warnings.append(f"synonym set {ref.upper()} is not defined (before this line); the term is skipped")
            return ()
    while len(words) > 1 and words[-1] in _TRAILING_FUNCTION_WORDS:
        words = words[:-1]
    return tuple(w for w in words if _WORD.fullmatch(w))


def _tokens(text: str) -> tuple[list[str] | None, str]:
    """Split a pattern into tokens: words, markers, {braced phrases}, (prep phrases);
    a `*` glued to words by underscores ("IN_*", "*_OUT") stands on its own. Also
    returns stray text (a word glued to an unopened bracket: "VISIT)"), left out."""
    tokens: list[str] = []
    stray = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "{(":
            end = _closing(text, i)
            if end < 0:
                return None, ""
            tokens.append(text[i:end + 1])
            i = end + 1
        elif char in "})":
            stray += char
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "{}()":
                j += 1
            if j < len(text) and text[j] in "})":
                stray += text[i:j]  # "VISIT)": a leftover of an edited phrase
            else:
                tokens.extend(_split_star(text[i:j]))
            i = j
    return [t.strip() for t in tokens if t.strip("_")], stray


def _closing(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "{(":
            depth += 1
        elif text[i] in "})":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_star(word: str) -> list[str]:
    if "*" not in word or word == "*":
        return [word]
    return [part.strip("_") for part in re.split(r"(\*)", word) if part.strip("_")]


__all__ = ["COMPOUND", "SEQUENCE", "SKIP", "SOURCE", "TARGET", "ERROR", "WARNING", "PatternError", "PhrasePattern",
           "PrepPhrase", "Term", "parse_pattern", "sequence_slot"]
