"""Case rules and inflected forms of the actor dictionary's aliases.

Aliases and text are keyed by the one name normaliser (`thucydides/names.py`). Because
"US" and "us" normalise alike, every alias carries a case rule taken from how
it is written: all capitals (an acronym such as "US", "UN", "WHO") match only text
without lower-case letters; a capitalised alias ("Turkey") matches only capitalised text;
a lower-case alias (role nouns, "al-Qaeda") matches any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .grammar import default_actor_grammar

CASE_ANY = 0
CASE_CAPITALISED = 1
CASE_ACRONYM = 2


def case_rule(alias: str) -> int:
    """How strictly text must match the case of `alias` (CASE_* constants)."""
    stripped = re.sub(r"^(?:the|The)\s+", "", alias.strip())
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return CASE_ACRONYM
    if letters and stripped[:1].isupper():
        return CASE_CAPITALISED
    return CASE_ANY


def case_ok(rule: int, texts: Iterable[str]) -> bool:
    """Whether the matched token texts satisfy the alias's case rule."""
    if rule == CASE_ANY:
        return True
    shapes = [shape for shape in map(_case_shape, texts) if shape is not None]
    if not shapes:
        return False
    if rule == CASE_ACRONYM:
        return not any(lower for lower, _ in shapes)
    return shapes[0][1]


@lru_cache(maxsize=1 << 16)
def _case_shape(text: str) -> tuple[bool, bool] | None:
    """(has a lower-case letter, first letter is upper-case), None without letters.
    Token texts recur, so memoised."""
    first = next((c for c in text if c.isalpha()), None)
    if first is None:
        return None
    return any(c.islower() for c in text), first.isupper()


def plural(term: str) -> str:
    """The English plural of a role term: "member of parliament" -> "members of parliament"
    (irregular ones: `irregular_plurals` in data/actors/grammar.yaml)."""
    if " of " in term:
        head, rest = term.split(" of ", 1)
        return f"{plural(head)} of {rest}"
    *first, last = term.split(" ")
    low = last.lower()
    irregular = default_actor_grammar().irregular_plurals
    if low in irregular:
        new = irregular[low]
    elif low.endswith("man") and not low.endswith("human"):
        new = low[:-3] + "men"
    elif re.search(r"[^aeiou]y$", low):
        new = low[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", low):
        new = low + "es"
    else:
        new = low + "s"
    if last[:1].isupper():
        new = new[:1].upper() + new[1:]
    return " ".join([*first, new])


def demonym_plurals(form: str) -> list[str]:
    """Plural nouns of a demonym ("Afghan" -> "Afghans", "Frenchman" -> "Frenchmen");
    none for adjective-only forms ("Chinese", "British", "Swiss", "French")."""
    low = form.lower()
    if low.endswith(("man", "woman")):
        return [form[:-3] + "men"]
    if low.endswith(("ese", "ish", "sh", "ss", "x", "s", "tch", "nch", "y")):
        return []
    return [form + "s"]
