"""Dependency-parse helpers shared by the enrichers: the event's predicate token and
the clause it belongs to.

A *clause* is identified by its head: the nearest ancestor-or-self whose relation
starts a clause of its own (a relative clause, a reported clause, a conjoined verb...).
Dates, places and figures attach to an event when they sit in the predicate's clause,
so "Rubio, who met X on March 25, said ..." keeps March 25 on "met", not on "said".
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from ..model import Actor, Event
from ..nlp import children_of, doc_memo, doc_sents, sentence_of

# Relations that open a clause with its own predicate (and its own date and place).
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"}
)
# Clause relations a predicate inherits its governing clause's date or place through.
# Not relcl/acl: "the mayor, who was arrested on March 23" says nothing of the main verb.
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
_PREDICATES_KEY = "thucydides.predicates"  # per-document memo of `predicate_token` (nlp.release drops it)


def predicate_token(doc: Doc, event: Event) -> Token | None:
    """The predicate token of an event: the token starting at `event_text.start`.

    A light-verb span ("held talks") starts at the verb; the span's first token is it.
    Found once per event: the date, place, figure and quote attachers all ask.
    """
    memo = doc_memo(doc, _PREDICATES_KEY)
    key = (event.event_text.start, event.event_text.end)
    if key not in memo:
        span = doc.char_span(*key, alignment_mode="expand")
        memo[key] = span[0] if span is not None and len(span) else None
    return memo[key]


def is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.dep_ == "conj":
        # Coordinated nouns ("France and Germany") are not clauses; coordinated verbs are.
        return token.pos_ in {"VERB", "AUX"}
    return token.dep_ in CLAUSE_DEPS


def clause_head(token: Token) -> Token:
    current = token
    while not is_clause_head(current) and current.head is not current:
        current = current.head
    return current


def clause_tokens(head: Token) -> Iterator[Token]:
    """The tokens of the clause headed by `head`, without embedded clauses."""
    stack = [head]
    while stack:
        tok = stack.pop()
        yield tok
        stack.extend(c for c in children_of(tok) if not is_clause_head(c))


def governing_clauses(token: Token) -> Iterator[Token]:
    """The clause heads a predicate inherits from, nearest first (stops at relcl/acl)."""
    head = clause_head(token)
    while (head.dep_ in INHERIT_DEPS or _concurrent_participle(head)) and head.head is not head:
        head = clause_head(head.head)
        yield head


def _concurrent_participle(token: Token) -> bool:
    """"fired at students rallying outside": an -ing participle on a noun happens when
    its governing clause does (a relative clause or an -ed participle need not)."""
    return token.dep_ == "acl" and token.tag_ == "VBG"


def in_actor(start: int, end: int, actors: list[Actor | None]) -> bool:
    """Whether the character span [start, end) overlaps one of the actor spans (spaCy's
    "The United States" against the actor's "United States")."""
    return any(a is not None and start < a.end and a.start < end for a in actors)


def event_actors(event: Event) -> list[Actor | None]:
    return [event.source, event.target]


class Sentences:
    """The document's sentences, listed once: `Token.sent` walks every sentence from the
    start of the document on each call, which is quadratic over a long article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans = doc_sents(doc)

    def of(self, token_index: int):  # noqa: ANN201 - spaCy Span
        return sentence_of(self.doc, token_index)[1]
