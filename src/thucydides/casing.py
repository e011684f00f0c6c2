"""Re-casing caseless text (all lower case, or all capitals) before it is parsed.

spaCy's tagger and entity recogniser read names by their capitals, and so do the actor
dictionary's case rules ("US" and "us"): coded lower-cased, the whole-article dev set
yields 1 of its 279 events at root+dyad level instead of about half. Some archives and
transcripts are caseless, so such a text gets its capitals back first: sentence starts,
"I", days and months, and every name the actor dictionary or the gazetteer knows
(countries, demonyms, places, people, organisations, acronyms such as "UN").

A name that is also a common English word ("bush", "gallant", "split") is left alone,
unless the data file says news means the name (`names_over_words`); broad-layer names
of one word, and broad-layer names made only of common words ("crisis group"), too.

Only the case of letters changes, never the length of the text: every character keeps
its offset, so spans index the original text as well as the re-cased one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from .actors.normalize import CASE_ACRONYM
from .datafiles import load_yaml, read_data
from .dateline import WHOLE as DATELINE
from .names import words
from .nlp import EnglishWords

# A text is caseless when fewer than this share of its letters are of the minority case.
CASELESS_SHARE = 0.005
# Shorter texts are left as they are: too little to tell.
MIN_LETTERS = 20
ACRONYM, TITLE, LOWER = "A", "T", "L"
# Words English does not know are taken for names from this length ("kaya", not "xi").
MIN_NAME_LETTERS = 4

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
_APOSTROPHES = ("'", "\u2019")
_SENTENCE_START = re.compile(r"(?:^|\n)\s*[\"'\u201c\u2018(\[]*([^\W\d_])|([.!?])[\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]*([^\W\d_])")
_PRONOUN_I = re.compile(r"\bi\b")
_DAY_OR_YEAR = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b|\d{4}\b")


# Aliases of these kinds are the actor dictionary's own country data: their words are
# names even where English has the word as an adjective ("Turkish", "Chinese").
COUNTRY_KINDS = frozenset({"country", "demonym"})


class NameSource(Protocol):
    """What the actor dictionary tells the re-caser: each alias key, its kind, its case
    rule, and whether only a broad layer knows it (see `ActorDictionary.alias_keys`)."""

    def alias_keys(self) -> Iterator[tuple[tuple[str, ...], str, int, bool]]: ...


def caseless(text: str) -> str | None:
    """"lower" or "upper" for a text without (almost) any letter of the other case, else None."""
    upper = lower = 0
    for char in text:
        if char.isupper():
            upper += 1
        elif char.islower():
            lower += 1
    letters = upper + lower
    if letters < MIN_LETTERS:
        return None
    if upper <= letters * CASELESS_SHARE:
        return "lower"
    if lower <= letters * CASELESS_SHARE:
        return "upper"
    return None


@dataclass(frozen=True)
class CasingWords:
    """The word lists of `data/casing.yaml`."""

    always: frozenset[str]
    dated_months: frozenset[str]
    names_over_words: frozenset[str]
    connectors: frozenset[str]
    abbreviations: frozenset[str]
    not_names: frozenset[str]

    @classmethod
    def bundled(cls) -> "CasingWords":
        data = load_yaml(read_data("casing.yaml"))
        return cls(**{name: frozenset(str(w).lower() for w in data[name]) for name in cls.__dataclass_fields__})


class Recaser:
    """Gives a caseless text its capitals back; any other text is returned unchanged."""

    def __init__(self, names: dict[tuple[str, ...], str], casing: CasingWords,
                 dotted_acronyms: frozenset[str] = frozenset(), english: EnglishWords | None = None) -> None:
        self._names = names  # key words -> shape, one letter per word (ACRONYM, TITLE, LOWER)
        self._dotted = dotted_acronyms
        self._english = english
        self._prefixes = frozenset(key[:n] for key in names for n in range(1, len(key) + 1))
        self._casing = casing

    @classmethod
    def build(cls, actors: NameSource, places: Iterable[str], english: EnglishWords,
              casing: CasingWords | None = None) -> "Recaser":
        """From the actor dictionary's aliases and the gazetteer's place names. An English
        verb, adjective or adverb is no name on its own, nor, for country names and
        demonyms, a stop word ("us"); a word English does not know is taken for a name."""
        casing = casing or CasingWords.bundled()
        names: dict[tuple[str, ...], str] = {}
        function_words = english.function
        every_word = english.content | function_words
        for name in places:
            key, shape = _shape_of(name)
            if key and not _too_common(key, every_word, casing, broad=False):
                names.setdefault(key, shape)
        for key, kind, rule, broad in actors.alias_keys():
            common = function_words if kind in COUNTRY_KINDS else every_word
            if rule and not _too_common(key, common, casing, broad=broad):
                names[key] = _shape_for_rule(key, rule, casing.connectors)
        for word in casing.always | casing.names_over_words | casing.dated_months:
            names[(word,)] = TITLE
        # "u.s.", "u.n.": written with dots, an acronym even where its letters spell a word.
        dotted = frozenset(key[0] for key, _, rule, _ in actors.alias_keys() if rule == CASE_ACRONYM and len(key) == 1)
        return cls(names, casing, dotted, english)

    def __call__(self, text: str) -> str:
        kind = caseless(text)
        if kind is None:
            return text
        chars = list(_lower_keeping_length(text) if kind == "upper" else text)
        for start, end, shape in self._name_spans(chars):
            _apply(chars, start, end, shape)
        recased = "".join(chars)
        for start in self._sentence_starts(recased):
            _apply(chars, start, start + 1, TITLE)
        for match in _PRONOUN_I.finditer(recased):
            chars[match.start()] = "I"
        place = _dateline_place(recased)
        if place is not None:
            _apply(chars, place[0], place[1], ACRONYM)
        return "".join(chars)

    def _name_spans(self, chars: list[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, shape) of each word of the names found, longest match first."""
        tokens = _tokens("".join(chars))
        i = 0
        while i < len(tokens):
            start, end, key = tokens[i]
            if key in self._dotted and "." in chars[start:end]:
                yield start, end, ACRONYM
                i += 1
                continue
            best, j = 0, i
            while j < len(tokens) and tuple(t[2] for t in tokens[i: j + 1]) in self._prefixes:
                j += 1
                if tuple(t[2] for t in tokens[i:j]) in self._names:
                    best = j
            if best and self._fits_context(tokens, i, best, chars):
                shape = self._names[tuple(t[2] for t in tokens[i:best])]
                for (start, end, _), letter in zip(tokens[i:best], shape):
                    yield start, end, letter
                i = best
                continue
            if self._unknown_word(chars, start, end, key):
                yield start, end, TITLE
            i += 1

    def _unknown_word(self, chars: list[str], start: int, end: int, key: str) -> bool:
        """A word of letters English does not know, and no part of a hyphenated word
        ("pre-trial"): most likely a name ("aydin", "voronova")."""
        if self._english is None or len(key) < MIN_NAME_LETTERS or not key.isalpha() or key in self._casing.not_names:
            return False
        if (start and chars[start - 1] == "-") or (end < len(chars) and chars[end] == "-"):
            return False
        return not self._english.knows(key)

    def _fits_context(self, tokens: list[tuple[int, int, str]], i: int, end: int, chars: list[str]) -> bool:
        """A month that is also a word ("march", "may") only beside a day or a year."""
        if end - i != 1 or tokens[i][2] not in self._casing.dated_months:
            return True
        text = "".join(chars)
        after = text[tokens[i][1]: tokens[i][1] + 8].lstrip()
        before = text[max(0, tokens[i][0] - 6): tokens[i][0]].rstrip()
        return bool(_DAY_OR_YEAR.match(after)) or bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?$", before))

    def _sentence_starts(self, text: str) -> Iterator[int]:
        for match in _SENTENCE_START.finditer(text):
            if match.group(1) is not None:
                yield match.start(1)
            elif not self._after_abbreviation(text, match.start(2)):
                yield match.start(3)

    def _after_abbreviation(self, text: str, stop: int) -> bool:
        """Whether the full stop at `stop` ends an abbreviation ("mr.", "u.s.") rather than a sentence."""
        if text[stop] != ".":
            return False
        word = re.search(r"([^\W\d_](?:\.[^\W\d_])*)$", text[max(0, stop - 12): stop])
        return word is not None and (word.group(1).lower() in self._casing.abbreviations or "." in word.group(1))


def _dateline_place(text: str) -> tuple[int, int] | None:
    """The place of a wire dateline ("istanbul, march 24 (reuters) - "), which news writes
    in capitals (and `dateline.py` finds by them); only a dateline with a date or agency."""
    head = _lower_keeping_length(text[:160]).upper()
    match = DATELINE.match(head)
    if match is None or not re.search(r"\d|\(", match.group()):
        return None
    return match.span("place")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key word) of each word; a possessive "'s" is no word (as in `names.words`)."""
    found = []
    for match in _TOKEN.finditer(text):
        start, token = match.start(), match.group()
        if token.lower() == "s" and start and text[start - 1] in _APOSTROPHES:
            continue
        key = "".join(words(token))
        if key:
            found.append((start, match.end(), key))
    return found


def _shape_of(name: str) -> tuple[tuple[str, ...], str]:
    """A cased name's key words and the shape of each ("Paris, Texas" -> TITLE, TITLE)."""
    keys, shape = [], []
    for match in _TOKEN.finditer(name):
        token = match.group()
        key = "".join(words(token))
        if not key:
            continue
        letters = [c for c in token if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            shape.append(ACRONYM)
        elif letters and letters[0].isupper():
            shape.append(TITLE)
        else:
            shape.append(LOWER)
        keys.append(key)
    return tuple(keys), "".join(shape)


def _shape_for_rule(key: tuple[str, ...], rule: int, connectors: frozenset[str]) -> str:
    if rule == CASE_ACRONYM:
        return ACRONYM * len(key)
    return "".join(TITLE if n == 0 or word not in connectors else LOWER for n, word in enumerate(key))


def _too_common(key: tuple[str, ...], common_words: frozenset[str], casing: CasingWords, broad: bool) -> bool:
    """Whether a name could as well be ordinary words: one common word, or (only the
    broad layer knowing it) any single word, or only common words."""
    if len(key) == 1:
        word = key[0]
        if word in casing.names_over_words:
            return False
        return broad or word in common_words or len(word) < 2
    return broad and all(word in common_words or word in casing.connectors for word in key)


def _apply(chars: list[str], start: int, end: int, shape: str) -> None:
    """Upper-case the first letter (TITLE) or all letters (ACRONYM) of chars[start:end],
    where the upper-case letter is one character (so offsets hold)."""
    if shape == LOWER:
        return
    for i in range(start, end):
        char = chars[i]
        if not char.isalpha():
            continue
        upper = char.upper()
        if len(upper) == 1:
            chars[i] = upper
        if shape == TITLE:
            return


def _lower_keeping_length(text: str) -> str:
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)
