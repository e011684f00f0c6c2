"""The event coder: lexicon patterns over the dependency parse -> coded events.

For each sentence: find predicates that match a lexicon pattern, find their
source and target actors, decide modality, then drop what CAMEO says not to code
(embedded actions under an intent/threat/appeal, statements whose complement
carries a real event, events without a source or a required target).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product
from typing import Protocol

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import Actor, Article, Event, Span
from ..ontology import Ontology
from .arguments import slot_tokens
from .grammar import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, Grammar, children, is_passive, with_conjuncts
from .lexicon import Lexicon, Pattern
from .modality import Modality, modality_of

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


class ActorLookup(Protocol):
    """What the coder needs from actor resolution (see `thucydides.actors`)."""

    def resolve(self, token: Token, date: str | None = None) -> Actor | None: ...

    def country_of_place(self, name: str) -> str | None: ...


@dataclass
class Match:
    """A predicate token that fits a pattern, before its actors are found."""

    pattern: Pattern
    predicate: Token
    light_object: Token | None = None  # the noun of a light-verb pattern ("imposed *sanctions*")
    complement: Token | None = None
    subsumed_by: "Match | None" = None
    trace: list[str] = field(default_factory=list)


@dataclass
class Candidate:
    match: Match
    sources: list[Actor]
    targets: list[Actor]
    modality: Modality
    dropped: str | None = None  # why this candidate produced no event

    def dyads(self) -> list[tuple[Actor, Actor | None]]:
        """Each (source, target) pair: coordinated actors give one event each;
        a reciprocal predicate with several sources and no target pairs them up."""
        if self.match.pattern.reciprocal and len(self.sources) > 1 and not self.targets:
            return [(a, b) for a, b in product(self.sources, self.sources) if a is not b]
        pairs = product(self.sources, self.targets or [None])
        return [(s, t) for s, t in pairs if t is None or (s.start, s.end) != (t.start, t.end)]


class EventCoder:
    def __init__(self, lexicon: Lexicon, resolver: ActorLookup, ontology: Ontology, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.ontology = ontology
        self.grammar = grammar

    # -- matching -----------------------------------------------------------------

    def matches(self, token: Token) -> list[Match]:
        """Every pattern that fits this token, most specific first."""
        pos = "verb" if token.pos_ in VERB_POS else "noun" if token.pos_ in NOUN_POS else None
        if pos is None:
            return []
        fitting = (self._fits(p, token) for p in self.lexicon.candidates(pos, token.lemma_.lower()))
        return [m for m in fitting if m is not None]

    def _fits(self, pattern: Pattern, token: Token) -> Match | None:
        match = Match(pattern, token)
        if pattern.particle and not any(
            c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == pattern.particle for c in token.children
        ):
            return None
        if pattern.objects:
            objects = [o for o in _objects(token) if o.lemma_.lower() in pattern.objects]
            if not objects:
                return None
            match.light_object = objects[0]
        if pattern.preps and not any(
            c.dep_ in {"prep", "dative", "agent"} and c.lower_ in pattern.preps for c in token.children
        ):
            return None
        if pattern.complements:
            comps = [
                c for c in token.children
                if c.dep_ in {"xcomp", "ccomp", "pcomp", "prep"}
                and _complement_lemmas(c) & set(pattern.complements)
            ]
            if not comps:
                return None
            match.complement = comps[0]
        return match

    # -- coding -------------------------------------------------------------------

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        """Code every sentence of a parsed article."""
        fallback = self.document_country(doc)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, index, article, fallback))
        return events

    def document_country(self, doc: Doc) -> str | None:
        """The country of the story: its dateline, else its first placed entity."""
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                country = self.resolver.country_of_place(ent.text)
                if country:
                    return country
        return None

    def candidates(self, sent: SpacySpan, article: Article, fallback_country: str | None = None) -> list[Candidate]:
        """One candidate per matched predicate: the first fitting pattern whose
        arguments are found, else the first one with the reason it was dropped."""
        per_token = [found for found in (self.matches(t) for t in sent) if found]
        _mark_subsumed([found[0] for found in per_token])
        context_country = self._sentence_country(sent) or fallback_country
        out = []
        for found in per_token:
            for match in found:
                match.subsumed_by = found[0].subsumed_by
            tried = [self._candidate(m, article, context_country) for m in found]
            out.append(next((c for c in tried if not c.dropped), tried[0]))
        _drop_subordinate_statements(out)
        return out

    def code_sentence(self, sent: SpacySpan, sentence_index: int, article: Article,
                      fallback_country: str | None = None) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple[str, str, str, int]] = set()
        for cand in self.candidates(sent, article, fallback_country):
            if cand.dropped:
                continue
            for source, target in cand.dyads():
                key = (cand.match.pattern.code, source.code, target.code if target else "", cand.match.predicate.i)
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(cand, source, target, sent, sentence_index, article))
        return events

    def _candidate(self, match: Match, article: Article, context_country: str | None) -> Candidate:
        pattern = match.pattern
        modality = modality_of(match.predicate, self.grammar)
        if match.subsumed_by is not None:
            return Candidate(match, [], [], modality,
                             dropped=f"embedded in '{match.subsumed_by.predicate.text}' ({match.subsumed_by.pattern.id})")
        if self._is_discarded(match):
            return Candidate(match, [], [], modality, dropped="sport, market or historical context")
        sources = self._actors(pattern.source, match, article)
        targets = self._actors(pattern.target, match, article)
        sources = [self._with_country(a, context_country, targets) for a in sources]
        targets = [self._with_country(a, context_country, sources) for a in targets]
        cand = Candidate(match, sources, targets, modality)
        if not sources:
            cand.dropped = "no source actor"
        elif pattern.target_required and not any(t for _, t in cand.dyads()):
            cand.dropped = "target required but none found"
        return cand

    def _actors(self, slots: tuple[str, ...], match: Match, article: Article) -> list[Actor]:
        for slot in slots:
            heads = slot_tokens(slot, match.predicate, self.grammar, match.light_object)
            if slot == "comp" and match.complement is not None:
                heads = slot_tokens("comp", match.predicate, self.grammar) or heads
            actors = [a for h in heads for t in with_conjuncts(h)
                      if (a := self.resolver.resolve(t, article.date)) is not None]
            if actors:
                match.trace.append(f"{slot} -> " + ", ".join(f"{a.text}={a.code}" for a in actors))
                return actors
        return []

    def _with_country(self, actor: Actor, context_country: str | None, others: list[Actor]) -> Actor:
        """Give a role-only actor ("police", "protesters") the country of its context."""
        if actor.country or not actor.role or actor.code.startswith(("IGO", "NGO", "IMG")):
            return actor
        country = context_country or next((o.country for o in others if o.country), None)
        if not country:
            return actor
        return replace(actor, country=country, code=country + actor.code)

    def _sentence_country(self, sent: SpacySpan) -> str | None:
        for ent in sent.ents:
            if ent.label_ in PLACE_LABELS:
                country = self.resolver.country_of_place(ent.text)
                if country:
                    return country
        return None

    def _is_discarded(self, match: Match) -> bool:
        words = {t.lower_ for t in match.predicate.sent}
        for kind in ("sport", "markets"):
            if len(words & self.grammar.discard_words[kind]) >= 2:
                return True
        history = self.grammar.discard_words["history"]
        return any(t.lower_ in history or t.lemma_ in history for t in match.predicate.ancestors)

    def _event(self, cand: Candidate, source: Actor | None, target: Actor | None,
               sent: SpacySpan, sentence_index: int, article: Article) -> Event:
        entry = self.ontology.get(cand.match.pattern.code)
        predicate = cand.match.predicate
        event_span = _event_span(cand.match)
        return Event(
            article_id=article.id,
            sentence_index=sentence_index,
            sentence_text=sent.text,
            sentence_start=sent.start_char,
            code=entry.code,
            root=entry.root,
            quad=entry.quad,
            goldstein=entry.goldstein,
            plover_type=entry.plover_type,
            plover_mode=entry.plover_mode,
            source=source,
            target=target,
            event_text=event_span,
            rule=cand.match.pattern.id,
            date=article.date,
            modality=cand.modality.value,
            confidence=_confidence(cand, predicate),
        )


def _objects(token: Token) -> list[Token]:
    found = children(token, PASSIVE_SUBJECT_DEPS if is_passive(token) else OBJECT_DEPS)
    return [c for o in found for c in [o, *o.conjuncts]]


def _complement_lemmas(token: Token) -> set[str]:
    """Lemmas that identify an embedded action: its verb and that verb's object."""
    heads = [token] if token.dep_ != "prep" else [c for c in token.children if c.dep_ in {"pobj", "pcomp"}]
    lemmas = set()
    for head in heads:
        lemmas.add(head.lemma_.lower())
        lemmas.update(o.lemma_.lower() for o in head.children if o.dep_ in OBJECT_DEPS | {"pobj"})
    return lemmas


def _mark_subsumed(matches: list[Match]) -> None:
    """Under CAMEO, "agreed to withdraw" codes the agreement, not the withdrawal."""
    by_token = {m.predicate.i: m for m in matches}
    for match in matches:
        if match.light_object is not None and match.light_object.i in by_token:
            # "held *talks*": the noun is part of this predicate, not a second event.
            by_token[match.light_object.i].subsumed_by = match
        if not match.pattern.governs:
            continue
        for child in match.predicate.children:
            if child.dep_ not in {"xcomp", "ccomp", "prep", "dobj", "advcl"}:
                continue
            for t in child.subtree:
                inner = by_token.get(t.i)
                if inner is not None and inner is not match and inner.subsumed_by is None:
                    inner.subsumed_by = match


def _drop_subordinate_statements(cands: list[Candidate]) -> None:
    """A plain statement ("X said ...") is not coded when what was said is an event."""
    live = [c for c in cands if not c.dropped]
    for cand in live:
        if not cand.match.pattern.subordinate:
            continue
        subtree = {t.i for c in cand.match.predicate.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree}
        if any(o is not cand and o.match.predicate.i in subtree for o in live):
            cand.dropped = "statement whose content is coded as an event"


def _event_span(match: Match) -> Span:
    tokens = [match.predicate]
    if match.light_object is not None:
        tokens.append(match.light_object)
    tokens += [c for c in match.predicate.children if c.dep_ == "prt"]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    doc = match.predicate.doc
    return Span(text=doc.text[start:end], start=start, end=end)


def _confidence(cand: Candidate, predicate: Token) -> float:
    score = 0.9 if cand.match.pattern.pos == "verb" else 0.75
    if not cand.targets:
        score -= 0.1
    if cand.modality.value != "asserted":
        score -= 0.1
    return round(score, 2)
