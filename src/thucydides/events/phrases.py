"""Matching the pattern notation (`pattern:` in the lexicon, PETRARCH's verb patterns)
over the dependency parse.

A pattern names words that stand before the verb, words of the verb phrase after
it, and prepositional phrases. A term's last word is its head, found by lemma or
form; its other words must stand inside the head's phrase before it
("{financial aid}": "aid" with "financial" among its modifiers). Synonym sets are
expanded when the lexicon loads (`compile_phrase`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Token

from ..petrarch.patterns import PhrasePattern, Term
from .grammar import PASSIVE_SUBJECT_DEPS, is_passive

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
    return CompiledPhrase(before, after, preps, tuple(needs))


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
    subjects: list[Token] = field(default_factory=list)  # its agents (coder's reading)

    @cached_property
    def phrase_tokens(self) -> list[Token]:
        """The verb phrase after the verb, up to the next clause; a passive's subject
        (the logical object: "aid *was rushed*") counts as after it."""
        out: list[Token] = []
        queue = [c for c in self.verb.children if c.i > self.verb.i and c.dep_ not in CLAUSE_BOUNDARIES]
        if is_passive(self.verb):
            queue += [c for c in self.verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        while queue:
            token = queue.pop()
            out.append(token)
            queue.extend(c for c in token.children if c.dep_ not in CLAUSE_BOUNDARIES or c.dep_ == "conj")
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
        out += [t for c in self.verb.children if c.i < self.verb.i for t in c.subtree]
        current = self.verb
        for _ in range(GOVERNOR_DEPTH):
            if current.head.i == current.i or current.dep_ in {"relcl", "acl", "pobj"}:
                break
            current = current.head
            out.append(current)
            out += [c for c in current.children if c.dep_ in {"aux", "neg", "advmod"} and c.i < current.i]
        return out

    @cached_property
    def after_index(self) -> dict[str, list[Token]]:
        return _index(self.after)

    @cached_property
    def before_index(self) -> dict[str, list[Token]]:
        return _index(self.before)


def _index(tokens: list[Token]) -> dict[str, list[Token]]:
    index: dict[str, list[Token]] = {}
    for token in tokens:
        for word in {token.lower_, token.lemma_.lower()}:
            index.setdefault(word, []).append(token)
    return index


@dataclass(frozen=True)
class PhraseFit:
    """How a pattern fit: the head tokens its after-terms matched, in order."""

    after: tuple[Token, ...]


def fit_phrase(compiled: CompiledPhrase, context: VerbContext) -> PhraseFit | None:
    """Whether every term and prepositional phrase of the pattern is found."""
    for terms in compiled.before:
        if _find(terms, context.before_index) is None:
            return None
    found: list[Token] = []
    for terms in compiled.after:
        token = _find(terms, context.after_index)
        if token is None:
            return None
        found.append(token)
    for prep, terms in compiled.preps:
        if not _prep_found(prep, terms, context):
            return None
    return PhraseFit(tuple(found))


def _find(terms: TermSet, index: dict[str, list[Token]]) -> Token | None:
    for head, modifier_options in terms.items():
        for token in index.get(head, ()):
            if any(_modified_by(token, mods) for mods in modifier_options):
                return token
    return None


def _modified_by(token: Token, modifiers: tuple[str, ...]) -> bool:
    """Whether each modifier word stands in the token's phrase before it."""
    if not modifiers:
        return True
    doc = token.doc
    words = {w for t in doc[token.left_edge.i:token.i] for w in (t.lower_, t.lemma_.lower())}
    return all(m in words for m in modifiers)


def _prep_found(prep: str, terms: TermSet | None, context: VerbContext) -> bool:
    for token in context.preps:
        if token.lower_ != prep:
            continue
        if terms is None:
            return True
        objects = [c for c in token.children if c.dep_ in {"pobj", "pcomp"}]
        if _find(terms, _index([t for o in objects for t in _with_conjuncts(o)])) is not None:
            return True
    return False


def _has_object(prep: Token) -> bool:
    return any(c.dep_ in {"pobj", "pcomp"} for c in prep.children)


def _temporal(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]
