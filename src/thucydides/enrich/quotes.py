"""Direct quotes and who said them.

`extract_quotes(doc, resolver, date)` finds "..." and “...” quotes, the speech verb that
frames each one (`"We will respond," the minister said.` / `X said: "..."` /
`"...", said X` / `"...", according to X`) and the verb's subject as the speaker,
resolved to an actor. A pronoun speaker ("he said") is the nearest preceding subject that
names someone (a PERSON/ORG/NORP/GPE entity or a resolvable actor). No speech verb, no
speaker: `speaker` is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from spacy.tokens import Doc, Token

from ..datafiles import load_yaml, read_data
from ..model import Actor, Event
from ..model import Quote as QuoteRecord
from ..nlp import NOMINAL_SUBJECT_DEPS, children_of, doc_text
from .parse import Sentences, predicate_token

QUOTE = re.compile(r"\"(?P<a>[^\"\n]{2,}?)\"|“(?P<b>[^”\n]{2,}?)”")
NAMING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class Resolver(Protocol):
    def resolve(self, token: Token, date: str | None = None) -> Actor | None: ...


@dataclass(frozen=True)
class QuoteWords:
    speech_verbs: frozenset[str]
    min_words: int
    statement_roots: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=1)
def quote_words() -> QuoteWords:
    text = read_data("enrich/quotes.yaml")
    data = load_yaml(text)
    return QuoteWords(frozenset(data["speech_verbs"]), int(data["min_words_without_speaker"]),
                      frozenset(str(r) for r in data["statement_roots"]), frozenset(data["pronouns"]))


@dataclass
class Quote:
    text: str  # the quoted words, without the quote marks
    start: int  # character offsets of the quoted words in the article
    end: int
    speaker: dict[str, Any] | None  # an actor dict (code None when unresolved), or None
    verb: Token | None = None  # the speech verb that frames the quote

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker}


def _is_speech(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in quote_words().speech_verbs


def _frame(doc: Doc, start: int, end: int, sentences: Sentences) -> Token | None:
    """The speech verb framing the quote at characters [start, end) (marks included)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or not len(first):
        return None
    open_i, close_i = first.start, first.end  # tokens of the quote, marks included
    inside = doc_text(doc)[start:end].rstrip("\"”")
    after_tokens: list[Token] = []
    if close_i < len(doc):
        sent_end = sentences.of(close_i - 1).end
        for i in range(close_i, min(sent_end, close_i + 12)):
            if doc[i].text in {"\"", "“", "”"}:
                break
            after_tokens.append(doc[i])
    sent_start = sentences.of(open_i).start
    before_tokens = [doc[i] for i in range(open_i - 1, max(sent_start, open_i - 13) - 1, -1)]
    # `"...," she said` frames after; `She said: "..."` frames before.
    order = (after_tokens, before_tokens) if inside.endswith((",", "?", "!")) else (before_tokens, after_tokens)
    for tokens in order:
        for tok in tokens:
            if _is_speech(tok):
                return tok
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                return tok
    return None


def _speaker_token(verb: Token) -> Token | None:
    if verb.lower_ == "according":  # "according to X"
        to = verb.doc[verb.i + 1]
        return next((c for c in children_of(to) if c.dep_ == "pobj"), None)
    subject = next((c for c in children_of(verb) if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None and verb.dep_ in {"conj", "xcomp"}:  # "he added and said"
        subject = next((c for c in children_of(verb.head) if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    return subject


def _antecedent(doc: Doc, before: int, resolver: Resolver | None, date: str | None) -> Token | None:
    """The nearest subject before token `before` that names someone."""
    pronouns = quote_words().pronouns
    for tok in reversed(doc[:before]):
        if tok.dep_ not in NOMINAL_SUBJECT_DEPS or tok.lower_ in pronouns or tok.pos_ == "PRON":
            continue
        if tok.ent_type_ in NAMING_LABELS or (resolver is not None and resolver.resolve(tok, date) is not None):
            return tok
    return None


def _speaker(token: Token, resolver: Resolver | None, date: str | None) -> dict[str, Any] | None:
    actor = resolver.resolve(token, date) if resolver is not None else None
    if actor is not None:
        return actor.to_dict()
    # An unknown person ("John Smith said") is still the speaker, without a code.
    tokens = [t for t in token.subtree if t.dep_ in {"compound", "flat"} or t is token]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return {"code": None, "text": doc_text(token.doc)[start:end], "start": start, "end": end,
            "country": None, "role": None, "name": None, "wikidata": None}


def extract_quotes(doc: Doc, resolver: Resolver | None = None, date: str | None = None,
                   sentences: Sentences | None = None) -> list[Quote]:
    """Every direct quote of the document, with its speaker where one is named."""
    words = quote_words()
    quotes: list[Quote] = []
    for m in QUOTE.finditer(doc_text(doc)):
        sentences = sentences or Sentences(doc)
        group = "a" if m.group("a") is not None else "b"
        text, start, end = m.group(group), m.start(group), m.end(group)
        verb = _frame(doc, m.start(), m.end(), sentences)
        speaker = None
        if verb is not None:
            token = _speaker_token(verb)
            if token is not None and token.lower_ in words.pronouns:
                token = _antecedent(doc, token.i, resolver, date) or token
            if token is not None and token.lower_ not in words.pronouns:
                speaker = _speaker(token, resolver, date)
        if verb is None and len(text.split()) < words.min_words:
            continue  # a scare quote
        quotes.append(Quote(text, start, end, speaker, verb))
    return quotes


def attach_quotes(events: list[Event], quotes: list[Quote], doc: Doc) -> None:
    """Events stated inside a quote, and statement events made by its speech verb, carry it."""
    if not quotes:
        return
    roots = quote_words().statement_roots
    for event in events:
        start = event.event_text.start
        quote = next((q for q in quotes if q.start <= start < q.end), None)
        if quote is None and event.root in roots:
            predicate = predicate_token(doc, event)
            quote = next((q for q in quotes if q.verb is not None and predicate is not None
                          and q.verb.i == predicate.i), None)
        if quote is not None:
            event.quote = QuoteRecord(**quote.to_dict())
