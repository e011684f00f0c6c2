"""The event coder: lexicon patterns over the dependency parse -> coded events.

For each sentence: find predicates that match a lexicon pattern (`matching.py`), mark
those another one absorbs (`subsumption.py`), find their source and target actors
(`parties.py`, `implied.py`), refine their codes and decide modality
(`refinement.py`), then drop what CAMEO says not to code (`filters.py`): embedded
actions under an intent/threat/appeal, statements whose complement carries a real
event, events without a source or a required target.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Actor, Article, Event, Span
from ..nlp import children_of, doc_sents, doc_text, sentence_of
from ..ontology import Ontology
from .filters import (Filters, drop_aims, drop_attack_tolls, drop_judged_mentions, drop_purposes_of_the_same_act,
                      drop_strikes_beside_attacks, drop_subordinate_statements)
from .focus import CountryFocus
from .grammar import Grammar
from .acts import ActMemory, happening_acted_on
from .implied import ImpliedActors
from .lexicon import Lexicon
from .match import ActorLookup, Candidate, Match
from .matching import Patterns, PatternMatcher
from .modality import Modality
from .parties import Parties, source_unstated
from .refinement import CodeRefiner
from .subsumption import Subsumption

__all__ = ["ActorLookup", "Candidate", "EventCoder", "Match"]


class EventCoder:
    """Codes parsed articles into events, one step per component."""

    def __init__(self, lexicon: Lexicon, resolver: ActorLookup, ontology: Ontology, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.ontology = ontology
        self.grammar = grammar
        self.refiner = CodeRefiner(lexicon, grammar)
        self.matcher = PatternMatcher(lexicon, grammar, resolver)
        self.subsumption = Subsumption(lexicon, grammar, self.refiner)
        self.acts = ActMemory(lexicon, grammar)
        self.parties = Parties(resolver, grammar, self.refiner, self.acts)
        self.implied = ImpliedActors(resolver, grammar)
        self.filters = Filters(lexicon, grammar)

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        """Code every sentence of a parsed article."""
        patterns = self.prepare(doc)
        events: list[Event] = []
        for index, sent in enumerate(doc_sents(doc)):
            events.extend(self.code_sentence(sent, index, article, patterns))
        return events

    def focus(self, doc: Doc, article: Article) -> CountryFocus:
        """The country the article is about, sentence by sentence (see `focus.py`)."""
        return CountryFocus.of(doc, self.resolver, article.date, self.grammar.country_focus)

    def prepare(self, doc: Doc) -> Patterns:
        """Mend the document's known lemmatizer slips, then find the tokens the
        lexicon has patterns for (token index -> patterns), for `candidates`."""
        return self.matcher.prepare(doc)

    def code_sentence(self, sent: SpacySpan, sentence_index: int, article: Article,
                      patterns: Patterns | None = None) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple[str, str, str, int]] = set()
        for cand in self.candidates(sent, article, patterns):
            if cand.dropped:
                continue
            for code, source, target in cand.coded_dyads():
                key = (code, source.code if source else "", target.code if target else "", cand.match.predicate.i)
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(cand, source, target, sent, sentence_index, article, code))
        return events

    def candidates(self, sent: SpacySpan, article: Article, patterns: Patterns | None = None) -> list[Candidate]:
        """One candidate per matched predicate: the first fitting pattern whose
        arguments are found, else the first one with the reason it was dropped.
        `patterns` are the document's, from `prepare` (done here when not given)."""
        doc = sent.doc
        if patterns is None:
            patterns = self.prepare(doc)
        per_token = self.matcher.matches(sent, patterns, self.filters.discarded(sent))
        self.subsumption(per_token)
        if not per_token:
            return []
        # Worked out only for sentences with a candidate: the vote resolves every named entity once.
        context_country = self.focus(doc, article).at(sentence_of(doc, sent.start)[0])
        off_topic = self.filters.off_topic(sent)
        out = []
        for found in per_token:
            for match in found:
                match.subsumed_by = found[0].subsumed_by
            out.append(self._first_kept(found, article, context_country, off_topic))
        self._restore_orphans(out, per_token, article, context_country, off_topic)
        drop_subordinate_statements(out)
        drop_attack_tolls(out, self.grammar)
        drop_strikes_beside_attacks(out, self.grammar)
        drop_purposes_of_the_same_act(out)
        drop_judged_mentions(out, self.grammar)
        drop_aims(out, self.grammar)
        self.acts.drop_other_senses(out)
        self._aim_at_participants(out, article, context_country)
        self.acts.remember(doc, out)
        return out

    def _aim_at_participants(self, out: list[Candidate], article: Article, context_country: str | None) -> None:
        """An act of force on a happening of the sentence ("dispersed *the rally*") is
        aimed at its participants: the happening's sources, worked out also when the
        happening is coded only as what the act is about ("broke up *a demonstration*")."""
        for cand in out:
            happening = happening_acted_on(cand, out, self.grammar, self._code_of)
            if happening is None:
                continue
            participants = happening.sources or self._participants(happening, article, context_country)
            if participants:
                cand.targets = list(participants)
                cand.match.trace.append(f"acts on '{happening.match.predicate.text}': its participants "
                                        + ", ".join(a.code for a in participants))

    def _code_of(self, cand: Candidate) -> str:
        return cand.code if cand.dropped is None else self.refiner.refined_code(cand.match, trace=False)

    def _participants(self, happening: Candidate, article: Article, context_country: str | None) -> list[Actor]:
        match = happening.match
        sources = self.parties.sources(match, article) or []
        clause_country = self.implied.clause_country(match)
        return self._coded(match, article, happening.modality, sources, [], clause_country, context_country).sources

    def _first_kept(self, found: list[Match], article: Article, context_country: str | None,
                    off_topic: bool) -> Candidate:
        """The first fitting pattern that keeps its arguments, else the first one; a
        fitting null pattern ("---") ends the search. Later patterns are not worked out
        at all (their result would not be used)."""
        tried = (self._candidate(m, article, context_country, off_topic) for m in found)
        first = next(tried)
        if not first.dropped or first.match.pattern.is_null:
            return first  # a null pattern that fits blocks the word's less specific senses
        return next((c for c in tried if not c.dropped), first)

    def _restore_orphans(self, out: list[Candidate], per_token: list[list[Match]], article: Article,
                         context_country: str | None, off_topic: bool) -> None:
        """An action absorbed by a governing predicate that codes nothing itself
        ("decided to *grant* asylum" where "decided" has no target, "he said 200
        protesters *became violent*" where "he" names no one, "were charged for their
        *murders*" coded as a charge by a pattern that governs nothing) is an event of
        its own again: CAMEO subsumes an action only into an event coded by governing it."""
        by_token = {c.match.predicate.i: c for c in out}

        def governs_nothing(governor: Match) -> bool:
            cand = by_token.get(governor.predicate.i)
            if cand is None or cand.match.subsumed_by is not None:
                return False  # (a governor embedded in turn is coded by its own governor)
            return cand.dropped is not None or (cand.match is not governor and not cand.match.pattern.governs)

        for index, (cand, found) in enumerate(zip(out, per_token)):
            governor = cand.match.subsumed_by
            if governor is None or not governs_nothing(governor):
                continue
            for match in found:
                match.subsumed_by = None
                match.trace.append(f"governor '{governor.predicate.text}' codes nothing: coded on its own")
            out[index] = self._first_kept(found, article, context_country, off_topic)

    def _candidate(self, match: Match, article: Article, context_country: str | None,
                   off_topic: bool = False) -> Candidate:
        """The candidate event of one match: its stated actors, then (`_coded`) its
        code and the actors CAMEO practice implies, or why it is dropped."""
        modality = self.refiner.modality(match)
        skipped = self.filters.skipped(match, off_topic)
        if skipped:
            return Candidate(match, [], [], modality, dropped=skipped)
        clause_country = self.implied.clause_country(match) or self._means_country(match)
        sources = self.parties.sources(match, article)
        if sources is None:
            return Candidate(match, [], [], modality, dropped="source is not of the pattern's roles")
        armed = [] if sources else self.parties.armed_agents(match, article)
        if armed:
            return Candidate(match, [], [], modality, dropped=f"done by armed {armed[0].code}: no dissent")
        targets = self.parties.targets(match, article, sources)
        cand = self._coded(match, article, modality, sources, targets, clause_country, context_country)
        cand.dropped = self.filters.missing_party(cand)
        return cand

    def _coded(self, match: Match, article: Article, modality: Modality, sources: list[Actor],
               targets: list[Actor], clause_country: str | None, context_country: str | None) -> Candidate:
        """The candidate with its actors placed in the country of their clause (else
        of the story), the actors CAMEO practice implies, and its refined code."""
        country = clause_country or context_country
        sources, targets = self.implied.placed(sources, targets, country, stated=clause_country is not None,
                                               runner_up=self._runner_up(match, article, country))
        code = self.refiner.refined_code(match)
        if not sources:
            sources = self.implied.dissenters(match, code, country)
        if not targets:
            targets = self.implied.government(match, code, sources) or self.implied.governed(match, code, sources)
        cand = Candidate(match, sources, targets, modality, code=code)
        self.refiner.recode(cand)
        refused = cand.code != code and cand.code.startswith(tuple(self.grammar.responding_roots))
        if refused and not cand.targets and sources and not match.pattern.target_required:
            # "he would not bow": a stated refusal answers whoever last acted on the refuser
            cand.targets = self.acts.requesters(match.predicate, sources)
            if cand.targets:
                match.trace.append(f"answers the latest act aimed at it, by {cand.targets[0].code}")
        if not sources:
            cand.sources = sources = self.implied.agent(match, cand.code, targets, clause_country, context_country)
        if not sources:
            cand.sources = sources = self.implied.attacker(match, cand.code, country)
        if not sources and match.pattern.unstated_source:
            cand.unstated_source = source_unstated(match, self.grammar)
            if cand.unstated_source:
                match.trace.append("source unstated (passive, eventive subject or bare noun): coded without source")
        return cand

    def _means_country(self, match: Match) -> str | None:
        """Where an act done by means of an earlier one happened: where that act was
        aimed ("India struck sites in Pakistan. Pakistan said *the strikes* killed 26
        civilians": Pakistani civilians)."""
        act = self.parties.means_act(match)
        return act.target.country if act is not None and act.target is not None else None

    def _runner_up(self, match: Match, article: Article, country: str | None) -> str | None:
        """The story's next country after `country` at the predicate's sentence, among
        those named so far (one a later paragraph brings in is no other side yet)."""
        doc = match.predicate.doc
        focus = self.focus(doc, article)
        sentence = sentence_of(doc, match.predicate.i)[0]
        named = focus.named_by(sentence)
        return next((c for c in focus.ranking(sentence) if c != country and c in named), None)

    def _event(self, cand: Candidate, source: Actor | None, target: Actor | None,
               sent: SpacySpan, sentence_index: int, article: Article, code: str | None = None) -> Event:
        code = code or cand.code
        # A code outside CAMEO (a user's dictionaries: "903") is kept as written, its
        # root its first two digits, with no class, score or PLOVER type to give it.
        entry = None if self.ontology.outside(code) else self.ontology.get(code)
        return Event(
            article_id=article.id,
            sentence_index=sentence_index,
            sentence_text=doc_text(sent.doc)[sent.start_char:sent.end_char],  # `Span.text` joins its tokens
            sentence_start=sent.start_char,
            code=code,
            root=entry.root if entry else code[:2],
            quad=entry.quad if entry else None,
            goldstein=entry.goldstein if entry else None,
            plover_type=entry.plover_type if entry else None,
            plover_mode=entry.plover_mode if entry else None,
            source=source,
            target=target,
            event_text=_event_span(cand.match),
            rule=cand.match.pattern.id,
            date=article.date,
            modality=cand.modality.value,
            confidence=_confidence(cand),
        )


def _event_span(match: Match) -> Span:
    """The predicate with its light object and particle: "*held talks*", "*pulled out*"."""
    tokens = [match.predicate]
    if match.light_object is not None:
        tokens.append(match.light_object)
    tokens += [c for c in children_of(match.predicate) if c.dep_ == "prt"]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    doc = match.predicate.doc
    return Span(text=doc_text(doc)[start:end], start=start, end=end)


def _confidence(cand: Candidate) -> float:
    score = 0.9 if cand.match.pattern.pos == "verb" else 0.75
    if not cand.targets:
        score -= 0.1
    if cand.unstated_source or any(a.implied for a in cand.sources):
        score -= 0.2
    if cand.modality.value != "asserted":
        score -= 0.1
    return round(score, 2)
