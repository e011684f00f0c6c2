"""Matching the pattern notation (`pattern:` in the lexicon, PETRARCH's verb patterns)
over the dependency parse.

A pattern names words that stand before the verb, words of the verb phrase after
it, and prepositional phrases. A term's last word is its head, found by lemma or
form; its other words must stand inside the head's phrase before it
("{financial aid}": "aid" with "financial" among its modifiers), or right before
it, word by word, as PETRARCH reads a phrase ("WILL_NOT", "MOST_CERTAINLY_DID_NOT":
auxiliaries and adverbs are no modifiers of a noun). Synonym sets are expanded when
the lexicon loads (`compile_phrase`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Token

from ..nlp import children_of, conjuncts_of, sentence_of
from ..petrarch.patterns import PhrasePattern, Term
from .grammar import PASSIVE_SUBJECT_DEPS, Grammar, is_infinitive, is_passive

# head word -> the modifier sequences that may go with it (() for the bare head)
TermSet = dict[str, tuple[tuple[str, ...], ...]]

# A verb phrase ends where another clause begins.
CLAUSE_BOUNDARIES = {"ccomp", "advcl", "relcl", "parataxis", "conj", "mark", "punct", "cc"}
PREP_DEPS = {"prep", "agent", "dative"}
GOVERNOR_DEPTH = 3


@dataclass(frozen=True)
class CompiledPhrase:
    before: tuple[TermSet, ...]
    after: tuple[TermSet, ...]
    preps: tuple[tuple[str, TermSet | None], ...]
    flat: bool = False  # TABARI-style: the after-terms in sequence over the whole verb phrase
    # For each term and preposition, the words of which one must be in the sentence:
    # a pattern whose words are not there is passed over without a look at the parse.
    needs: tuple[frozenset[str], ...] = ()

    def possible(self, words: frozenset[str]) -> bool:
        return all(not need.isdisjoint(words) for need in self.needs)


def compile_phrase(phrase: PhrasePattern, synsets: dict[str, frozenset[Term]]) -> CompiledPhrase:
    """The pattern's terms with their synonym sets expanded into head -> modifiers."""
    before = tuple(_term_set(t, synsets) for t in phrase.before)
    after = tuple(_term_set(t, synsets) for t in phrase.after)
    preps = tuple((p.prep, _term_set(p.object, synsets) if p.object else None) for p in phrase.preps)
    needs = [frozenset(terms) for terms in (*before, *after)]
    needs += [frozenset({prep}) for prep, _ in preps] + [frozenset(terms) for _, terms in preps if terms]
    return CompiledPhrase(before, after, preps, flat=phrase.flat, needs=tuple(needs))


def _term_set(term: Term, synsets: dict[str, frozenset[Term]]) -> TermSet:
    options: list[tuple[str, ...]] = [()]
    for word in term:
        alternatives = sorted(synsets[word]) if word.startswith("&") else [(word,)]
        options = [o + a for o in options for a in alternatives]
    heads: dict[str, list[tuple[str, ...]]] = {}
    for words in options:
        if words:
            heads.setdefault(words[-1], []).append(words[:-1])
    return {head: tuple(mods) for head, mods in heads.items()}


@dataclass
class VerbContext:
    """The tokens around one verb that patterns look at, worked out once per verb."""

    verb: Token
    grammar: Grammar
    subjects: list[Token] = field(default_factory=list)  # its agents (coder's reading)

    @cached_property
    def phrase_tokens(self) -> list[Token]:
        """The verb phrase after the verb, up to the next clause; a passive's subject
        (the logical object: "aid *was rushed*") counts as after it."""
        out: list[Token] = []
        queue = [c for c in children_of(self.verb) if c.i > self.verb.i and _in_phrase(c)]
        if is_passive(self.verb, self.grammar):
            queue += [c for c in children_of(self.verb) if c.dep_ in PASSIVE_SUBJECT_DEPS]
        while queue:
            token = queue.pop()
            out.append(token)
            queue.extend(c for c in children_of(token) if _in_phrase(c) or c.dep_ == "conj")
        return out

    @cached_property
    def after(self) -> list[Token]:
        """The words of the verb phrase outside its prepositional phrases: objects,
        particles, complements ("*set up* a committee", "*stage* exercises"). A word
        inside "to calls" is no object of "added its voice"."""
        preps = [t for t in self.phrase_tokens if t.dep_ in PREP_DEPS]
        inside_preps = {t.i for p in preps for t in p.subtree if t.i != p.i or _has_object(p)}
        return [t for t in self.phrase_tokens if t.i not in inside_preps]

    @cached_property
    def preps(self) -> list[Token]:
        """The prepositions of the verb phrase, not those of a date ("on Friday")."""
        return [t for t in self.phrase_tokens if t.dep_ in PREP_DEPS and not _temporal(t)]

    @cached_property
    def before(self) -> list[Token]:
        """Words before the verb: its subject phrase, its left dependents (adverbs,
        auxiliaries, negation) and the verbs that govern it ("said it would *attack*")."""
        out = [t for s in self.subjects for t in s.subtree]
        out += [t for c in children_of(self.verb) if c.i < self.verb.i for t in c.subtree]
        current = self.verb
        for _ in range(GOVERNOR_DEPTH):
            if current.head.i == current.i or current.dep_ in {"relcl", "acl", "pobj"}:
                break
            current = current.head
            out.append(current)
            out += [c for c in children_of(current) if c.dep_ in {"aux", "neg", "advmod"} and c.i < current.i]
        return out

    @cached_property
    def after_index(self) -> dict[str, list[Token]]:
        return _index(self.after)

    @cached_property
    def phrase_index(self) -> dict[str, list[Token]]:
        return _index(self.phrase_tokens)

    @cached_property
    def before_index(self) -> dict[str, list[Token]]:
        return _index(self.before)


def _in_phrase(token: Token) -> bool:
    """A word of the verb phrase, not of another clause; an infinitive the parser hangs
    as a clause is the verb's complement ("ordered [MSF *to leave*]" read as a ccomp,
    "ordered immigrants *to leave*" as a relative clause of the object)."""
    return token.dep_ not in CLAUSE_BOUNDARIES or token.dep_ in {"ccomp", "relcl"} and is_infinitive(token)


def _index(tokens: list[Token]) -> dict[str, list[Token]]:
    index: dict[str, list[Token]] = {}
    for token in tokens:
        for word in {token.lower_, token.lemma_.lower()}:
            index.setdefault(word, []).append(token)
    return index


@dataclass(frozen=True)
class PhraseFit:
    """How a pattern fit: the head tokens its after-terms matched, in order, and every
    word its terms matched (heads and their modifiers, before and after the verb)."""

    after: tuple[Token, ...]
    words: tuple[Token, ...]


def fit_phrase(compiled: CompiledPhrase, context: VerbContext) -> PhraseFit | None:
    """Whether every term and prepositional phrase of the pattern is found."""
    before = _find_all(compiled.before, context.before_index)
    after = None
    if before is not None:
        after = (_find_in_sequence(compiled.after, context.phrase_index, context.verb.i) if compiled.flat
                 else _find_all(compiled.after, context.after_index))
    if before is None or after is None:
        return None
    for prep, terms in compiled.preps:
        if not _prep_found(prep, terms, context):
            return None
    return PhraseFit(tuple(words[-1] for words in after), tuple(t for words in before + after for t in words))


def _find_all(term_sets: tuple[TermSet, ...], index: dict[str, list[Token]]) -> tuple[tuple[Token, ...], ...] | None:
    found: list[tuple[Token, ...]] = []
    for terms in term_sets:
        words = _find(terms, index)
        if words is None:
            return None
        found.append(words)
    return tuple(found)


def _find_in_sequence(term_sets: tuple[TermSet, ...], index: dict[str, list[Token]],
                      verb: int) -> tuple[tuple[Token, ...], ...] | None:
    """Each term's words, each term after the one before it (TABARI's sequence)."""
    found: list[tuple[Token, ...]] = []
    position = verb
    for terms in term_sets:
        words = _find(terms, index, after=position)
        if words is None:
            return None
        found.append(words)
        position = words[-1].i
    return tuple(found)


def _find(terms: TermSet, index: dict[str, list[Token]], after: int | None = None) -> tuple[Token, ...] | None:
    """The words of the first match of a term: its modifiers, then its head; with
    `after`, the match nearest after that position."""
    options: Iterable[tuple[Token, tuple[str, ...]]] = (
        (token, mods) for head, modifier_options in terms.items() for token in index.get(head, ())
        for mods in modifier_options)
    if after is not None:
        options = sorted(((t, m) for t, m in options if t.i > after), key=lambda option: option[0].i)
    for token, mods in options:
        found = _modifiers(token, mods)
        if found is not None:
            return (*found, token)
    return None


def _modifiers(token: Token, modifiers: tuple[str, ...]) -> tuple[Token, ...] | None:
    """The tokens of the modifier words when each stands in the token's phrase before
    it, or when they are the words right before it ("will *not*", "did n't")."""
    if not modifiers:
        return ()
    doc = token.doc
    start = token.i - len(modifiers)
    if start >= 0 and all(_is(t, word) for word, t in zip(modifiers, doc[start:token.i])):
        return tuple(doc[start:token.i])
    phrase = doc[token.left_edge.i:token.i]
    found = [next((t for t in phrase if _is(t, word)), None) for word in modifiers]
    return None if None in found else tuple(t for t in found if t is not None)


def _is(token: Token, word: str) -> bool:
    return word in (token.lower_, token.lemma_.lower())


def _prep_found(prep: str, terms: TermSet | None, context: VerbContext) -> bool:
    for token in context.preps:
        if token.lower_ != prep:
            continue
        if terms is None:
            return True
        objects = [c for c in children_of(token) if c.dep_ in {"pobj", "pcomp"}]
        if _find(terms, _index([t for o in objects for t in _with_conjuncts(o)])) is not None:
            return True
    return False


def _has_object(prep: Token) -> bool:
    return any(c.dep_ in {"pobj", "pcomp"} for c in children_of(prep))


def _temporal(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in children_of(prep))


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *conjuncts_of(token)]


SEQUENCE_ACTOR_LIMIT = 8  # noun phrases looked at past a marker's place


def sequence_heads(verb: Token, words: tuple[Token, ...], after: int, skips: int) -> list[Token]:
    """The heads of the noun phrases of the verb's sentence past the `after`-th of the
    pattern's words (0: the verb) and past `skips` more phrases, nearest first: where
    a marker of a TABARI-style pattern looks for its actor ("* AT ^ +": "warned at
    *the Gondor* of *the Prince*": the prince). A noun phrase is one phrase, and any
    other word is one ("* IFTAR AT ^ ^ +": "at *Osgiliath* *with* the parliament")."""
    anchor = words[after - 1] if 0 < after <= len(words) else verb
    _, sentence = sentence_of(anchor.doc, anchor.i)
    chunks = {chunk.start: chunk for chunk in sentence.noun_chunks}
    position = anchor.i + 1
    for _ in range(skips):
        position = chunks[position].end if position in chunks else position + 1
    return [chunk.root for start, chunk in sorted(chunks.items()) if start >= position][:SEQUENCE_ACTOR_LIMIT]
