"""The one name normaliser: the key under which actor aliases and place names are stored
and looked up (the actor dictionary, the gazetteer) and the fold evaluation compares with.

A name is reduced to a tuple of lower-case ASCII words: accents are stripped, dots
dropped ("U.S." -> "us"), possessive "'s" dropped, "&" read as "and", "Saint" as "St", and
any other non-alphanumeric character splits words ("al-Qaeda" -> "al qaeda", "Côte
d'Ivoire" -> "cote d ivoire"). Matching then does not depend on how spaCy tokenised the
text, and "St. Petersburg" is the same key as "Saint Petersburg".

Case is not part of the key: when it matters ("US" and "us") the actor dictionary keeps a
case rule beside it (`actors/normalize.py`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_WORD = re.compile(r"[^\W_]+")
_SYNONYMS = {"saint": "st", "ste": "st"}
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")


def fold(text: str) -> str:
    """Accents stripped (NFKD without combining marks), curly quotes and dashes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The normalised words of `text` (see the module docstring). Pure, so memoised."""
    text = fold(text).replace("&", " and ").replace(".", "").lower()
    text = _POSSESSIVE.sub("", text)  # "People's" -> "people", as spaCy splits off "'s"
    return tuple(_SYNONYMS.get(w, w) for w in _WORD.findall(text))


def alias_key(name: str) -> tuple[str, ...]:
    """The key of a name: its words without a leading article ("the Hague" -> "hague")."""
    key = words(name)
    if len(key) > 1 and key[0] == "the":
        key = key[1:]
    return key
