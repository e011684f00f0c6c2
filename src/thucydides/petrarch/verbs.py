"""PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).

A verb file holds synonym sets and verb blocks::

    &FOOD                      # a synonym set: one word or phrase per `+` line
    +FOOD
    +RELIEF_SUPPLIES

    ---  ACCELERATE   [---]  ---          # a block and the code of its bare verbs
    RUSH                                  # verbs; irregular forms in {...}, own code in [...]
    SPEED {SPEEDING SPEEDS SPED}
    +CALL_OFF [160]                       # "+" marks the verb of a multi-word verb
    - * AID                 [070]         # patterns: words before and after the verb (*),
    - * (TO BORDER)         [154]         # (prepositional phrases), {braced noun phrases},
    - &MILITARY *           [154]         # &synonym sets, $ source, + target, % compound
    - * (TO)                [042:043]     # actor, and the code: [source->target:target->source]
    - MARKET *              [---]         # the null code: this sense is no event

Transformations (`~ a (a b ATTACK) SAY = a b 015`) are read and counted; the coder's
own handling of reported speech covers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import PatternError, PhrasePattern, Term, parse_pattern
from .reading import ERROR, WARNING, Issue, Line, content_lines, parse_code, phrase_words

_BLOCK = re.compile(r"^---\s*(?P<name>.*?)\s*\[(?P<code>[^\]]*)\](?P<more>(?:\s*\[[^\]]*\])*)[\s-]*$")
# A verb, its irregular forms, its own code; TABARI's ";" comments may follow.
_VERB = re.compile(r"^(?P<word>[^\s{\[;]+(?: [A-Za-z]+)?)\s*(?:\{(?P<forms>[^}]*)\})?\s*"
                   r"(?:\[(?P<code>[^\]]*)\])?\s*(?:;.*)?$")
_PATTERN_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_SYNSET_NAME = re.compile(r"^&[A-Z0-9][A-Z0-9_\-]*$")


@dataclass(frozen=True)
class VerbPattern:
    line: int
    phrase: PhrasePattern
    code: str | None = None  # None: the null code
    reverse: str | None = None  # the code of the target->source event ("042:043")
    note: str = ""  # its comment: in CAMEO.2.0 the verb of the block it was written for ("# PRESS")


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]  # "call", "off"
    verb_index: int  # which word is the verb
    forms: tuple[str, ...]  # irregular forms as written ("sped", "asked for")
    code: tuple[str | None, str | None] | None  # its own code; None: the block's
    line: int

    @property
    def verb(self) -> str:
        return self.words[self.verb_index]


@dataclass
class VerbBlock:
    name: str
    line: int
    code: tuple[str | None, str | None]
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    file: str
    synsets: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def pattern_count(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)

    @property
    def verb_count(self) -> int:
        return sum(len(b.verbs) for b in self.blocks)


class _Reader:
    """A state machine over the content lines: preamble, a synonym set, a verb block."""

    def __init__(self, name: str) -> None:
        self.out = VerbDictionary(name)
        self.synset: tuple[str, list[Term]] | None = None
        self.block: VerbBlock | None = None

    def issue(self, line: Line, message: str, severity: str = ERROR) -> None:
        self.out.issues.append(Issue(self.out.file, line.number, message, severity))

    def read(self, text: str) -> VerbDictionary:
        for line in content_lines(text):
            body = line.text.strip()
            if body.startswith("&"):
                self.start_synset(line, body)
            elif body.startswith("+") and self.synset is not None:
                self.synset[1].append(self.term(line, body[1:]))
            elif body.startswith("---"):
                self.end_synset()
                self.start_block(line, body)
            elif body.startswith("~"):
                self.out.transformations.append(body)
            elif self.block is None:
                self.end_synset()
                self.issue(line, "a verb or pattern before any verb block ('--- NAME [CODE] ---')")
            elif body.startswith("-"):
                self.end_synset()
                self.pattern(line, body[1:].strip())
            else:
                self.end_synset()
                self.verb(line, body)
        self.end_synset()
        self.check_synsets()
        return self.out

    # -- synonym sets -----------------------------------------------------------

    def start_synset(self, line: Line, body: str) -> None:
        self.end_synset()
        name = body.split()[0]
        if not _SYNSET_NAME.match(name):
            self.issue(line, f"malformed synonym set name {name!r}")
            return
        if len(body.split()) > 1:
            self.issue(line, "text after a synonym set name is ignored", WARNING)
        self.synset = (_synset_key(name), [])

    def end_synset(self) -> None:
        if self.synset is not None:
            name, members = self.synset
            self.out.synsets[name] = tuple(m for m in members if m)
            self.synset = None

    def check_synsets(self) -> None:
        for name, members in self.out.synsets.items():
            for ref in (w for m in members for w in m if w.startswith("&")):
                if ref not in self.out.synsets:
                    self.out.issues.append(Issue(self.out.file, 0, f"synonym set {name} uses undefined {ref}"))

    # -- blocks and verbs -------------------------------------------------------

    def start_block(self, line: Line, body: str) -> None:
        match = _BLOCK.match(body)
        if match is None:
            self.issue(line, f"malformed verb block header {body!r} (expected '--- NAME [CODE] ---')")
            self.block = VerbBlock(body.strip("- "), line.number, (None, None))  # its lines still parse
            return
        code = parse_code(match.group("code"))
        if code is None:
            self.issue(line, f"unusable block code [{match.group('code')}]: its bare verbs code nothing", WARNING)
            code = (None, None)
        if match.group("more").strip():
            self.issue(line, "a second code in a block header is ignored", WARNING)
        self.block = VerbBlock(match.group("name").strip(), line.number, code)
        self.out.blocks.append(self.block)

    def verb(self, line: Line, body: str) -> None:
        assert self.block is not None
        match = _VERB.match(body)
        if match is None:
            self.issue(line, f"malformed verb line {body!r}")
            return
        code = None
        if match.group("code") is not None:
            code = parse_code(match.group("code"))
            if code is None:
                self.issue(line, f"malformed code [{match.group('code')}]")
                return
        word = match.group("word")
        if " " in word:
            self.issue(line, f"multi-word verb {word!r} written with a blank: read as {word.replace(' ', '_')!r}",
                       WARNING)
            word = "+" + word.replace(" ", "_")
        words = [w for w in word.lower().split("_") if w]
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        words = [w.lstrip("+") for w in words]
        if len(words) > 1 and not marked:
            self.issue(line, f"multi-word verb {word!r} does not mark its verb with '+'")
            return
        if not words or not all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
            self.issue(line, f"malformed verb {word!r}")
            return
        forms = tuple(" ".join(phrase_words(f.replace("+", ""))) for f in (match.group("forms") or "").split())
        self.block.verbs.append(Verb(tuple(words), marked[0] if marked else 0, forms, code, line.number))

    # -- patterns ---------------------------------------------------------------

    def pattern(self, line: Line, body: str) -> None:
        assert self.block is not None
        code_match = _PATTERN_CODE.search(body)
        if code_match is None:
            self.issue(line, "a pattern needs a code in brackets at its end")
            return
        code = parse_code(code_match.group("code"))
        if code is None:
            self.issue(line, f"malformed code [{code_match.group('code')}]; the pattern is skipped", WARNING)
            return
        warnings: list[str] = []
        try:
            phrase = parse_pattern(body[:code_match.start()], self.known_synsets(), warnings)
        except PatternError as err:
            self.issue(line, str(err), err.severity)
            return
        for message in warnings:
            self.issue(line, message, WARNING)
        self.block.patterns.append(VerbPattern(line.number, phrase, code[0], code[1], line.comment))

    def known_synsets(self) -> set[str]:
        return set(self.out.synsets) | ({self.synset[0]} if self.synset else set())

    def term(self, line: Line, text: str) -> Term:
        """A synonym set member: a word or phrase, possibly naming another set."""
        words = phrase_words(text)
        return words if all(re.fullmatch(r"&?[a-z0-9][a-z0-9'.\-/&]*", w) for w in words) else ()


def _synset_key(name: str) -> str:
    return "&" + name[1:].rstrip("_").lower()


def read_verbs(text: str, name: str) -> VerbDictionary:
    """Read a verb dictionary; problems are listed in its `issues` (FILE:LINE)."""
    return _Reader(name).read(text)
