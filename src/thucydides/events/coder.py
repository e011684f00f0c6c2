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
from .arguments import light_verb_of, slot_tokens
from .arguments import subjects as agent_tokens
from .grammar import (
    NOMINAL_POS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    Grammar,
    children,
    governors,
    is_passive,
    prep_objects,
    with_conjuncts,
)
from .lexicon import Lexicon, Pattern
from .modality import Modality, modality_of, stated_future

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ANY_COMPLEMENT = "*"  # `complements: ["*"]`: any embedded verb ("agreed to ...")


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
    embedded: "Match | None" = None  # the action a governing pattern is about ("to *withdraw*")
    trace: list[str] = field(default_factory=list)


@dataclass
class Candidate:
    match: Match
    sources: list[Actor]
    targets: list[Actor]
    modality: Modality
    dropped: str | None = None  # why this candidate produced no event
    unstated_source: bool = False  # "nine civilians were killed": no source is stated
    code: str = ""  # the pattern's code, refined by an embedded action or a stated future

    def __post_init__(self) -> None:
        self.code = self.code or self.match.pattern.code

    def dyads(self) -> list[tuple[Actor | None, Actor | None]]:
        """Each (source, target) pair: coordinated actors give one event each;
        a reciprocal predicate with several sources and no target pairs them up."""
        if self.match.pattern.reciprocal and len(self.sources) > 1 and not self.targets:
            return [(a, b) for a, b in product(self.sources, self.sources) if a is not b]
        sources: list[Actor | None] = list(self.sources) or ([None] if self.unstated_source else [])
        pairs = product(sources, self.targets or [None])
        return [(s, t) for s, t in pairs if s is None or t is None or (s.start, s.end) != (t.start, t.end)]


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
            c.dep_ in {"prep", "dative", "agent"} and c.lower_ in pattern.preps and not _temporal(c)
            for c in token.children
        ):
            return None
        if pattern.complements:
            comps = [
                c for c in token.children
                if c.dep_ in {"xcomp", "ccomp", "pcomp", "prep"}
                and (_complement_lemmas(c) & set(pattern.complements)
                     or (ANY_COMPLEMENT in pattern.complements and c.dep_ == "xcomp"))
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
                key = (cand.code, source.code if source else "", target.code if target else "", cand.match.predicate.i)
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
        if pattern.embedded_only:
            return Candidate(match, [], [], modality, dropped="only says what a governing pattern is about")
        if self._is_discarded(match):
            return Candidate(match, [], [], modality, dropped="sport, market or historical context")
        sources = self._actors(pattern.source, match, article)
        targets = self._actors(pattern.target, match, article)
        sources = [self._with_country(a, context_country, targets) for a in sources]
        targets = [self._with_country(a, context_country, sources) for a in targets]
        cand = Candidate(match, sources, targets, modality, code=self._refined_code(match))
        self._code_stated_future(cand)
        if not sources and pattern.unstated_source:
            cand.unstated_source = self._source_unstated(match, targets)
            if cand.unstated_source:
                match.trace.append("source unstated (passive, eventive subject or bare noun): coded without source")
        if not sources and not cand.unstated_source:
            cand.dropped = "no source actor"
        elif cand.unstated_source and cand.modality.value not in {"asserted", "reported"}:
            cand.dropped = "unstated source and not asserted"
        elif pattern.target_required and not any(t for _, t in cand.dyads()) \
                and not (cand.unstated_source and self._patient_stated(match)):
            cand.dropped = "target required but none found"
        return cand

    def _source_unstated(self, match: Match, targets: list[Actor]) -> bool:
        """Violence and protest are often reported without their agent: "nine
        civilians were killed", "an explosion killed two", "protests in Brasilia".
        Such an event is coded with no source; one whose agent is stated but is
        not a political actor ("the dollar fell", "Arsenal attacked") is not."""
        predicate = match.predicate
        if match.pattern.pos == "noun":
            if light_verb_of(predicate, self.grammar) is not None:
                return False  # "X launched an attack": the light verb's subject is the source
            stated = [h for slot in match.pattern.source
                      for h in slot_tokens(slot, predicate, self.grammar, match.light_object)]
            return not any(self._identifies_agent(h) for h in stated)
        if is_passive(predicate):
            return not any(True for _ in prep_objects(predicate, ("by",)))
        subjects = agent_tokens(predicate, self.grammar)
        if not subjects:
            # "striking staff", "agreed to march": a modifier or an embedded verb
            # shares an agent that is stated elsewhere.
            return predicate.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "amod", "compound"}
        return not any(self._identifies_agent(s) for s in subjects)

    def _identifies_agent(self, token: Token) -> bool:
        """Whether a stated agent names someone: not a pronoun (no coreference
        here), a crowd ("thousands"), an event ("the blast killed") or a time
        ("last week's bombings")."""
        if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in {"DATE", "TIME"}:
            return False
        unstated = self.grammar.eventive_subjects | self.grammar.crowd_subjects
        return token.lemma_.lower() not in unstated and token.lower_ not in unstated

    def _patient_stated(self, match: Match) -> bool:
        """ "Two activists were shot dead": with no agent stated, a patient that is
        named but not a coded actor still makes the act an event (target unknown)."""
        return any(t.pos_ in NOMINAL_POS for slot in match.pattern.target
                   for t in slot_tokens(slot, match.predicate, self.grammar, match.light_object))

    def _refined_code(self, match: Match) -> str:
        """A governing pattern's code, refined by the action it embeds:
        "urged X to *release*" 0253, "threatened to *impose sanctions*" 1312."""
        pattern = match.pattern
        family = self.lexicon.families.get(pattern.family)
        if family is None or match.embedded is None:
            return pattern.code
        refined = family.refine(match.embedded.pattern.code)
        if refined and (pattern.code == family.base or refined.startswith(pattern.code)):
            match.trace.append(f"family {family.name}: embedded {match.embedded.pattern.id} -> {refined}")
            return refined
        return pattern.code

    def _code_stated_future(self, cand: Candidate) -> None:
        """ "Portugal will support Turkey" is an intent (032), "they would blockade
        Paris" a threat (13x), "Syria will not accept refugees" a refusal (12x):
        CAMEO codes the statement of a future act, which itself has happened."""
        marker = stated_future(cand.match.predicate, self.grammar)
        if marker is None or cand.modality.value not in {"future", "negated"}:
            return
        families = self.lexicon.families
        negated = cand.modality.value == "negated"
        recoded = families.recode(families.future_negated if negated else families.future, cand.code)
        if recoded is None:
            return
        cand.match.trace.append(f"stated future '{marker}'{' (negated)' if negated else ''}: {cand.code} -> {recoded}")
        cand.code = recoded
        reported = self._reporter(cand.match.predicate)
        cand.modality = Modality("reported" if reported else "asserted",
                                 f"intent stated with '{marker}'" + (f", attributed by '{reported}'" if reported else ""))

    def _reporter(self, predicate: Token) -> str | None:
        gov = next((g for g in governors(predicate) if g.lemma_ in self.grammar.communication_verbs), None)
        return gov.text if gov is not None else None

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
        entry = self.ontology.get(cand.code)
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
    """Direct objects, their conjuncts, and what a measure object measures:
    "provided 25,000 tons *of aid*", "gave 5 million dollars *of aid*"."""
    found = children(token, PASSIVE_SUBJECT_DEPS if is_passive(token) else OBJECT_DEPS)
    objects = [c for o in found for c in [o, *o.conjuncts]]
    return objects + [m for o in objects if _is_measure(o) for m in prep_objects(o, ("of",))]


def _temporal(prep: Token) -> bool:
    """ "called Germany *on Tuesday*": a date, not the preposition of the pattern."""
    return any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in prep.children)


def _is_measure(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children) or noun.like_num


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
        for inner in _embedded_matches(match, by_token):
            if inner.subsumed_by is None:
                inner.subsumed_by = match
            if match.embedded is None:
                match.embedded = inner


EMBEDDING_DEPS = {"xcomp", "ccomp", "prep", "dobj", "advcl"}


def _embedded_matches(match: Match, by_token: dict[int, Match]) -> list[Match]:
    """Matches under a governing predicate, the closest first: "urged X to
    *release* the prisoners held in *detention*" is about the release."""
    found = []
    for child in match.predicate.children:
        if child.dep_ not in EMBEDDING_DEPS:
            continue
        for t in child.subtree:
            inner = by_token.get(t.i)
            if inner is not None and inner.predicate.i != match.predicate.i:
                found.append((_depth_below(t, match.predicate), t.i, inner))
    return [inner for _, _, inner in sorted(found, key=lambda x: (x[0], x[1]))]


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0  # spaCy makes a new Token object per access: compare indices
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _drop_subordinate_statements(cands: list[Candidate]) -> None:
    """A plain statement ("X said ...") is not coded when what was said is an event."""
    live = [c for c in cands if not c.dropped]
    for cand in live:
        if not cand.match.pattern.subordinate:
            continue
        predicate = cand.match.predicate
        contents = [c for c in predicate.children if c.dep_ in {"ccomp", "xcomp"}]
        subtree = {t.i for c in contents for t in c.subtree}
        if any(o is not cand and o.match.predicate.i in subtree for o in live):
            cand.dropped = "statement whose content is coded as an event"
        elif any(c.dep_ == "ccomp" and c.i < predicate.i for c in contents):
            # "..., police said": a trailing attribution sources the story; it is
            # not a statement event of its own.
            cand.dropped = "attribution of reported content"


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
    if cand.unstated_source:
        score -= 0.2
    if cand.modality.value != "asserted":
        score -= 0.1
    return round(score, 2)
