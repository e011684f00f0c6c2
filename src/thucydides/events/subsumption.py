"""Which match another one absorbs.

Under CAMEO "agreed to withdraw" codes the agreement, not the withdrawal; "held
*talks*" is one event; "demonstrated to demand *reforms*" is a demonstration about
reforms; "killed two soldiers in a *bomb attack*" is a killing whose means was the
attack. Each absorbed match is marked `subsumed_by` its governor, which keeps it as
`embedded` or `means` to refine its own code (see `refinement.py`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import children_of
from .arguments import light_verb_of
from .arguments import subjects as agent_tokens
from .grammar import Grammar, attributed, is_circumstance, is_definite, is_saying, prep_objects
from .lexicon import Lexicon
from .match import Match
from .refinement import CodeRefiner

VIOLENT_ROOTS = {"18", "19", "20"}
COERCION_ROOT = "17"
EMBEDDING_DEPS = {"xcomp", "ccomp", "prep", "dobj", "advcl", "acl"}


class Subsumption:
    """Marks, among the first matches of a sentence's predicates, those that another
    match absorbs."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar, refiner: CodeRefiner) -> None:
        self.lexicon = lexicon
        self.grammar = grammar
        self.refiner = refiner

    def __call__(self, per_token: list[list[Match]]) -> None:
        firsts = [found[0] for found in per_token]
        self._mark_governed(firsts)
        self._mark_aims(firsts)
        self._mark_means(firsts, {found[0].predicate.i: found for found in per_token})

    def _mark_governed(self, matches: list[Match]) -> None:
        """Under CAMEO, "agreed to withdraw" codes the agreement, not the withdrawal."""
        by_token = {m.predicate.i: m for m in matches}
        for match in matches:
            if match.light_object is not None and match.light_object.i in by_token:
                # "held *talks*": the noun is part of this predicate, not a second event.
                by_token[match.light_object.i].subsumed_by = match
            if not match.pattern.governs or match.pattern.governs_family_only:
                continue  # `governs: family`: see `_mark_aims`
            for inner in self._embedded_matches(match, by_token):
                if match.light_object is not None and inner.predicate.i == match.light_object.i:
                    continue  # the pattern's own noun: its code is read in `CodeRefiner.refined_code`
                if match.embedded is not None and _presupposed_event(inner, self.grammar):
                    continue  # "urged X to investigate *the attack*": the attack happened
                if inner.subsumed_by is None:
                    inner.subsumed_by = match
                _embed(match, inner)

    def _mark_aims(self, matches: list[Match]) -> None:
        """A pattern that `governs: family` ("demonstrated *to demand reforms*")
        absorbs only the embedded actions its family covers; others ("protested
        against *the arrests*") stay events of their own."""
        by_token = {m.predicate.i: m for m in matches}
        # The deepest first: "blocked roads to *protest* against the tax law"
        # takes its aim from the protest, which takes it from the law.
        governing = [m for m in matches if m.pattern.governs_family_only]
        for match in sorted(governing, key=lambda m: -sum(1 for _ in m.predicate.ancestors)):
            family = self.lexicon.families.get(match.pattern.family)
            if family is None or match.subsumed_by is not None:
                continue  # "started a hunger *strike*": the noun is the verb's, which takes the aim
            for inner in self._embedded_matches(match, by_token):
                if match.light_object is not None and inner.predicate.i == match.light_object.i:
                    continue
                if inner.subsumed_by is not None and inner.subsumed_by is not match:
                    continue
                if family.refine(self.refiner.refined_code(inner, trace=False)) is None:
                    continue
                inner.subsumed_by = match
                _embed(match, inner)

    def _mark_means(self, matches: list[Match], per_token: dict[int, list[Match]]) -> None:
        """ "Killed two soldiers *in a bomb attack*", "were killed *by a roadside bomb*":
        the attack or weapon is the means of the violent act, not a second event; it
        refines the act's code when that is generic (see `CodeRefiner.refined_code`)."""
        for match in matches:
            if match.pattern.pos == "verb" and match.pattern.code[:2] in VIOLENT_ROOTS:
                self._mark_weapon_agent(match, per_token)
                self._mark_means_phrases(match, per_token)
            elif match.pattern.pos == "verb" and match.pattern.code[:2] == COERCION_ROOT:
                self._mark_coercion_means(match, per_token)

    def _mark_weapon_agent(self, match: Match, per_token: dict[int, list[Match]]) -> None:
        """ "Israeli *tanks* fired", "*aircraft* killed 46 civilians": the agent is a
        weapon; "a roadside *bombing* killed one soldier": the event subject is the means."""
        for agent in agent_tokens(match.predicate, self.grammar):
            found = per_token.get(agent.i, [])
            weapon = next((m for m in found if m.pattern.code[:2] in VIOLENT_ROOTS), None)
            if weapon is None or match.means is not None:
                continue
            match.means = weapon
            if not weapon.pattern.embedded_only and found[0].subsumed_by is None:
                found[0].subsumed_by = match

    def _mark_means_phrases(self, match: Match, per_token: dict[int, list[Match]]) -> None:
        """ "killed two *in an air strike*": the violent reading of a word with several."""
        for obj in prep_objects(match.predicate, self.grammar.means_preps):
            found = per_token.get(obj.i, [])
            inner = next((m for m in found if m.pattern.code[:2] in VIOLENT_ROOTS), None)
            if inner is None or found[0].subsumed_by is not None:
                continue
            found[0].subsumed_by = match
            if match.means is None:
                match.means = inner

    def _mark_coercion_means(self, match: Match, per_token: dict[int, list[Match]]) -> None:
        """ "detained seven activists *in raids* on party offices": the raid is how the
        arrest was made (`coercion_means`), part of it; it does not change its code."""
        for obj in prep_objects(match.predicate, self.grammar.means_preps):
            found = per_token.get(obj.i, [])
            if found and found[0].subsumed_by is None and obj.lemma_.lower() in self.grammar.coercion_means:
                found[0].subsumed_by = match

    def _embedded_matches(self, match: Match, by_token: dict[int, Match]) -> list[Match]:
        """Matches under a governing predicate, the closest first: "urged X to
        *release* the prisoners held in *detention*" is about the release. A noun
        predicate's light verb lends its purpose clause: "staged *rallies* to demand"."""
        found = []
        for child in self._governed_clauses(match):
            if match.pattern.subordinate and attributed(child, match.predicate):
                continue  # "X will restore ties, *an official said*": reported content, not an aim
            aside = self._aside(child)
            for t in child.subtree:
                inner = by_token.get(t.i) if t.i not in aside else None
                if inner is not None and inner.predicate.i != match.predicate.i:
                    found.append((_depth_below(t, match.predicate), t.i, inner))
        return [inner for _, _, inner in sorted(found, key=lambda x: (x[0], x[1]))]

    def _aside(self, clause: Token) -> set[int]:
        """Tokens under `clause` that are no part of what a governing act is about: a
        circumstance ("*as* protesters were throwing stones": when, not what), and what
        a reason given reports ("called on X to reverse the move, *saying* millions
        depended on aid": the "saying" is absorbed, the aid is not asked for)."""
        aside: set[int] = set()
        for c in clause.subtree:
            if c.dep_ != "advcl":
                continue
            if is_circumstance(c, self.grammar):
                aside.update(t.i for t in c.subtree)
            elif is_saying(c, self.grammar):
                aside.update(t.i for t in c.subtree if t.i != c.i)
        return aside

    def _governed_clauses(self, match: Match) -> list[Token]:
        """The dependents of a predicate (and of a noun predicate's light verb, its
        purpose clauses) that can hold what it is about."""
        clauses = list(children_of(match.predicate))
        light = light_verb_of(match.predicate, self.grammar) if match.pattern.pos == "noun" else None
        if light is not None:
            clauses += [c for c in children_of(light) if c.dep_ in {"xcomp", "advcl"}]
        return [c for c in clauses if c.dep_ in EMBEDDING_DEPS]


def _embed(governor: Match, inner: Match) -> None:
    """Record what a governor is about: the first one embedded, then the others."""
    if governor.embedded is None:
        governor.embedded = inner
    else:
        governor.also_embedded.append(inner)


def _presupposed_event(match: Match, grammar: Grammar) -> bool:
    """A definite event noun that is an argument of the embedded action, not the
    action itself: "urged X to investigate *the attack*" reports an attack."""
    return (match.pattern.pos == "noun" and not match.pattern.embedded_only
            and is_definite(match.predicate, grammar))


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0  # spaCy makes a new Token object per access: compare indices
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
