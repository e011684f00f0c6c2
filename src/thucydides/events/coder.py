"""The event coder: lexicon patterns over the dependency parse -> coded events.

For each sentence: find predicates that match a lexicon pattern, find their
source and target actors, decide modality, then drop what CAMEO says not to code
(embedded actions under an intent/threat/appeal, statements whose complement
carries a real event, events without a source or a required target).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product
from typing import Callable, Protocol

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..dateline import doc_dateline_end
from ..model import Actor, Article, Event, Span
from ..nlp import doc_ents, doc_sents, doc_text, sentence_of
from ..ontology import Ontology
from .arguments import light_verb_of, place_tokens, slot_tokens
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
from .lexicon import CURATED, DICTIONARY, NULL_CODE, LayerSegment, Lexicon, Pattern
from .modality import Modality, modality_of, stated_future
from ..petrarch.patterns import sequence_slot
from .focus import PLACE_LABELS, CountryFocus, CountryNames
from .phrases import VerbContext, fit_phrase, sequence_heads

LEXICON_POS = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}  # spaCy POS -> lexicon part of speech
LEXICON_POS_IDS = {get_string_id(k): v for k, v in LEXICON_POS.items()}
ANY_COMPLEMENT = "*"  # `complements: ["*"]`: any embedded verb ("agreed to ...")
ANY_CLAUSE = "*clause"  # `complements: ["*clause"]`: any that-clause ("hoped that ...")
# `complements: ["*own-clause"]`: a that-clause about the speaker's own act ("claimed
# that *they* had attacked"): its subject is a pronoun that refers to the speaker.
OWN_CLAUSE = "*own-clause"
MODIFIER_DEPS = {"compound", "amod", "nmod"}
# Prepositions that name the means of a violent act: "killed two *in* a bomb
# attack", "wounded by a roadside bomb", "attacked *with* artillery".
MEANS_PREPS = ("in", "with", "by", "during", "using", "through")
VIOLENT_ROOTS = {"18", "19", "20"}
OBJECT_PREPS = {"of", "for", "to"}  # "accused X *of* Y", "blamed X *for* Y", "put an end *to* Y"
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl"}
PREDICATIVE_DEPS = {"acomp", "oprd", "attr", "xcomp", "ROOT", "ccomp", "conj"}
PREDICTIVE_AUX = {"would", "will", "could", "might", "may", "'ll", "'d"}
FIRST_ACTOR_SLOT = "phrase"  # arguments.SLOTS: nouns of the verb phrase, nearest first
_STORY_DISCARD_KEY = "thucydides.story_discard"  # per-document memo (nlp.release drops it)
_SENTENCE_WORDS_KEY = "thucydides.sentence_words"
_LOWER_WORDS_KEY = "thucydides.lower_words"


class ActorLookup(CountryNames, Protocol):
    """What the coder needs from actor resolution (see `thucydides.actors`)."""

    def resolve(self, token: Token, date: str | None = None) -> Actor | None: ...

    def resolve_many(self, token: Token, date: str | None = None) -> list[Actor]: ...

    def resolve_phrase(self, token: Token, date: str | None = None) -> object | None: ...
    def is_venue(self, name: str) -> bool: ...
    def names_people(self, word: str) -> bool: ...


@dataclass
class Match:
    """A predicate token that fits a pattern, before its actors are found."""

    pattern: Pattern
    predicate: Token
    light_object: Token | None = None  # the noun of a light-verb pattern ("imposed *sanctions*")
    complement: Token | None = None
    subsumed_by: "Match | None" = None
    embedded: "Match | None" = None  # the action a governing pattern is about ("to *withdraw*")
    also_embedded: list["Match"] = field(default_factory=list)  # the others, closest first
    means: "Match | None" = None  # the weapon or attack a violent act used ("in a *bomb attack*")
    anaphoric: set[tuple[int, int]] = field(default_factory=set)  # actor spans from pronouns
    named: tuple[Token, ...] = ()  # the words a `pattern:` matched ("NOT *": the "not")
    sequence: tuple[Token, ...] = ()  # the heads of its words after the verb, in order
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
        a reciprocal predicate with several sources and no target pairs them up. A
        statement about the speaker's own side ("officials said Kyiv would...", "Zarif
        said Iran had...") has no target."""
        if self.match.pattern.reciprocal and len(self.sources) > 1 and not self.targets:
            return [(a, b) for a, b in product(self.sources, self.sources) if a is not b]
        sources: list[Actor | None] = list(self.sources) or ([None] if self.unstated_source else [])
        pairs: list[tuple[Actor | None, Actor | None]] = []
        for source in sources:
            # "X said *he* ...": the source's own mention is no target of its act.
            targets = [t for t in self.targets if source is None or not self._same_mention(source, t)
                       and not (self.code.startswith("01") and source.code.startswith(t.code))]
            pairs.extend((source, t) for t in targets or [None])
        return pairs

    def coded_dyads(self) -> list[tuple[str, Actor | None, Actor | None]]:
        """(code, source, target) of each event: the dyads, and for a paired code
        ("visited X": 042, and X hosted: 043) each dyad reversed under the second code."""
        # a broad pattern's actor acting on itself ("Netanyahu said he would convene *his
        # government*": ISRGOV -> ISRGOV) is no dyad (the curated lexicon knows when one is)
        broad = self.match.pattern.layer != CURATED
        pairs = [(s, t) for s, t in self.dyads() if not (broad and s and t and s.code == t.code)]
        out = [(self.code, s, t) for s, t in pairs]
        reverse = self.match.pattern.reverse_code
        if reverse:
            out += [(reverse, t, s) for s, t in pairs if t is not None and s is not None]
        return [(c, s, t) for c, s, t in out if c != NULL_CODE]

    def _same_mention(self, source: Actor, target: Actor) -> bool:
        """An artefact dyad: the two actors are one mention ("Turkish police" and
        "Turkish"), or one is a pronoun for the other ("X said *he* ...")."""
        if source.start < target.end and target.start < source.end:
            return True
        anaphoric = self.match.anaphoric
        return source.code == target.code and (
            (source.start, source.end) in anaphoric or (target.start, target.end) in anaphoric)


class EventCoder:
    def __init__(self, lexicon: Lexicon, resolver: ActorLookup, ontology: Ontology, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.ontology = ontology
        self.grammar = grammar
        self._lemma_fix_ids = frozenset(get_string_id(w) for w in grammar.lemma_fixes)

    # -- matching -----------------------------------------------------------------

    def _fitting(self, token: Token, segments: tuple[LayerSegment, ...], discarded: int | None = None) -> list[Match]:
        """The patterns (the lexicon's for this token, most specific first) that fit
        it, from the highest layer that has any: the curated lexicon wins wherever
        it fits, the broad layer codes only what it leaves. Layers from rank
        `discarded` down do not code this sentence (a discard phrase stands in it)."""
        words: frozenset[str] | None = None
        context: VerbContext | None = None
        for segment in segments:
            if discarded is not None and segment.rank >= discarded:
                break
            found = [(i, m) for i, m in ((i, self._fits(p, token)) for i, p in segment.plain) if m is not None]
            if segment.phrased:
                words = words if words is not None else _sentence_words(token)
                for i, pattern in segment.phrased_for(words):
                    if pattern.compiled.possible(words):  # type: ignore[union-attr]
                        context = context or VerbContext(token)
                        match = self._fits(pattern, token, context)
                        if match is not None:
                            found.append((i, match))
            if found:
                return [m for _, m in sorted(found, key=lambda im: im[0])]
        return []

    def _lexicon_patterns(self, doc: Doc) -> dict[int, tuple[LayerSegment, ...]]:
        """Token index -> the lexicon's patterns for its POS and lemma (or form), by
        layer, for the tokens that have any: read from one array of the document, so
        the ~90 % of tokens that no pattern names never become spaCy Token objects."""
        strings = doc.vocab.strings
        by_form = bool(self.lexicon.by_form)
        out: dict[int, tuple[LayerSegment, ...]] = {}
        for i, (pos_id, lemma_id, lower_id) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            pos = LEXICON_POS_IDS.get(pos_id)
            if pos is not None:
                form = strings[lower_id] if by_form else None
                segments = self.lexicon.segments(pos, strings[lemma_id].lower(), form)
                if segments:
                    out[i] = segments
        return out

    def _fits(self, pattern: Pattern, token: Token, context: VerbContext | None = None) -> Match | None:
        if pattern.layer != CURATED and token.dep_ in MODIFIER_DEPS | {"pcomp"}:
            return None  # "the *governing* party", "suspected of *taking*": PETRARCH codes verb phrases
        if pattern.pos == "adj" and token.dep_ not in PREDICATIVE_DEPS:
            return None  # "was *confident*", not "a confident leader"
        if pattern.pos == "noun" and token.dep_ == "pobj" and not any(c.dep_ in {"det", "poss"} for c in token.children) \
                and f"{token.head.lower_} {token.lower_}" in self.grammar.adverbial_phrases:
            return None  # "recalled its envoy *in protest*": a motive, not an event
        if _has_excluded_deps(token, pattern.excluded_deps):
            return None  # "called the move *a mistake*" is no phone call; "struck *a boat*" no labour strike
        match = Match(pattern, token)
        if pattern.particle and not any(
            c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == pattern.particle for c in token.children
        ):
            return None
        if pattern.objects:
            # "held *talks*", and "ended *mediation* efforts", "began a *hunger* strike"
            # ("*drug* lords", "*aid* workers" name people, not what is given)
            objects = [o for o in _objects(token, self.grammar) if o.lemma_.lower() in pattern.objects
                       or any(c.dep_ == "compound" and c.lemma_.lower() in pattern.objects
                              and not self.resolver.names_people(f"{c.lemma_} {o.lemma_}".lower())
                              for c in o.children)]
            if not objects:
                return None
            match.light_object = objects[0]
        if pattern.subjects and not any(
            t.lemma_.lower() in pattern.subjects or t.lower_ in pattern.subjects
            for s in agent_tokens(token, self.grammar) for t in s.subtree
        ):
            return None  # "peacekeepers *arrived*": who acts makes the event
        if pattern.preps and not any(
            c.dep_ in {"prep", "dative", "agent"} and c.lower_ in pattern.preps and not _temporal(c)
            for c in token.children
        ) and not any(  # "called *for* Burma to institute reforms": "for" marks the clause
            m.dep_ == "mark" and m.lower_ in pattern.preps
            for c in token.children if c.dep_ in CLAUSE_DEPS for m in c.children
        ):
            return None
        if pattern.complements:
            # "accused X *of corruption*": the parser often hangs the phrase on the object.
            heads = [*token.children, *(p for o in children(token, OBJECT_DEPS) for p in o.children
                                        if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS)]
            comps = [
                c for c in heads
                if c.dep_ in {"xcomp", "ccomp", "pcomp", "prep"}
                and (_complement_lemmas(c) & set(pattern.complements)
                     or (ANY_COMPLEMENT in pattern.complements and c.dep_ == "xcomp")
                     or (ANY_CLAUSE in pattern.complements and c.dep_ == "ccomp")
                     or (OWN_CLAUSE in pattern.complements and self._own_clause(c)))
            ]
            if not comps:
                return None
            match.complement = comps[0]
        if pattern.modals:
            clause = next((c for c in token.children if c.dep_ in {"ccomp", "acl"} and _modal(c, pattern.modals)), None)
            if clause is None:
                return None
            match.complement = clause
        if pattern.compiled is not None and not self._fits_phrase(pattern, match, context or VerbContext(token)):
            return None
        return match

    def _fits_phrase(self, pattern: Pattern, match: Match, context: VerbContext) -> bool:
        """A `pattern:` (PETRARCH notation) fits when all its words and phrases are
        found; the first of its words that is the verb's object is the light object
        ("rushed *aid* to", "staged *exercises*")."""
        assert pattern.compiled is not None
        if pattern.compiled.before and not context.subjects:
            context.subjects = agent_tokens(match.predicate, self.grammar)
        fit = fit_phrase(pattern.compiled, context)
        if fit is None:
            return False
        match.named, match.sequence = fit.words, fit.after
        if match.light_object is None and fit.after:
            objects = {o.i for o in _objects(match.predicate, self.grammar)}
            match.light_object = next((t for t in fit.after if t.i in objects), None)
        match.trace.append(f"pattern '{pattern.phrase.text if pattern.phrase else ''}'"
                           + (f" ({pattern.origin})" if pattern.origin else ""))
        return True

    def _own_clause(self, clause: Token) -> bool:
        """An act, not a state ("claimed that he *was* innocent"), whose subject
        is a pronoun for the speaker."""
        return clause.dep_ == "ccomp" and clause.pos_ == "VERB" and clause.lemma_ != "be" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in self.grammar.speaker_pronouns for s in clause.children)

    # -- coding -------------------------------------------------------------------

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

    def prepare(self, doc: Doc) -> dict[int, tuple[LayerSegment, ...]]:
        """Mend the document's known lemmatizer slips, then find the tokens the
        lexicon has patterns for (token index -> patterns), for `candidates`."""
        self._fix_lemmas(doc)
        return self._lexicon_patterns(doc)

    def _fix_lemmas(self, doc: Doc) -> None:
        """Known lemmatizer slips ("staged" -> "stag"), mended before any matching."""
        fixes = self.grammar.lemma_fixes
        for i, lower_id in enumerate(doc.to_array([LOWER]).tolist()):
            if lower_id in self._lemma_fix_ids:
                token = doc[i]
                token.lemma_ = fixes[token.lower_]

    def candidates(self, sent: SpacySpan, article: Article,
                   patterns: dict[int, tuple[LayerSegment, ...]] | None = None) -> list[Candidate]:
        """One candidate per matched predicate: the first fitting pattern whose
        arguments are found, else the first one with the reason it was dropped.
        `patterns` are the document's, from `prepare` (done here when not given)."""
        doc = sent.doc
        if patterns is None:
            patterns = self.prepare(doc)
        discarded = self._discarded(sent) if self.lexicon.discards else None
        fitting = (self._fitting(doc[i], patterns[i], discarded) for i in range(sent.start, sent.end) if i in patterns)
        per_token = _curated_first([found for found in fitting if found])
        firsts = [found[0] for found in per_token]
        _mark_subsumed(firsts, self.grammar)
        self._mark_aims(firsts)
        self._mark_means(firsts, {found[0].predicate.i: found for found in per_token})
        if not per_token:
            return []
        # Worked out only for sentences with a candidate: the vote resolves every named entity once.
        context_country = self.focus(doc, article).at(sentence_of(doc, sent.start)[0])
        off_topic = self._off_topic(sent)
        out = []
        for found in per_token:
            for match in found:
                match.subsumed_by = found[0].subsumed_by
            out.append(self._first_kept(found, article, context_country, off_topic))
        self._restore_orphans(out, per_token, article, context_country, off_topic)
        _drop_subordinate_statements(out)
        return out

    def _first_kept(self, found: list[Match], article: Article, context_country: str | None,
                    off_topic: bool) -> Candidate:
        """The first fitting pattern that keeps its arguments, else the first one.
        Later patterns are not worked out at all (their result would not be used)."""
        tried = (self._candidate(m, article, context_country, off_topic) for m in found)
        first = next(tried)
        return first if not first.dropped else next((c for c in tried if not c.dropped), first)

    def _restore_orphans(self, out: list[Candidate], per_token: list[list[Match]], article: Article,
                         context_country: str | None, off_topic: bool) -> None:
        """An action absorbed by a governing predicate that codes nothing itself
        ("decided to *grant* asylum" where "decided" has no target, "he said 200
        protesters *became violent*" where "he" names no one) is an event of its own
        again: CAMEO subsumes an action only into an event that is coded."""
        failed = {id(c.match) for c in out if c.dropped and c.match.subsumed_by is None}
        if not failed:
            return
        for index, (cand, found) in enumerate(zip(out, per_token)):
            governor = cand.match.subsumed_by
            if governor is None or id(governor) not in failed:
                continue
            for match in found:
                match.subsumed_by = None
                match.trace.append(f"governor '{governor.predicate.text}' codes nothing: coded on its own")
            out[index] = self._first_kept(found, article, context_country, off_topic)

    def code_sentence(self, sent: SpacySpan, sentence_index: int, article: Article,
                      patterns: dict[int, tuple[LayerSegment, ...]] | None = None) -> list[Event]:
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

    def _candidate(self, match: Match, article: Article, context_country: str | None,
                   off_topic: bool = False) -> Candidate:
        pattern = match.pattern
        modality = self._modality(match)
        if match.subsumed_by is not None:
            return Candidate(match, [], [], modality,
                             dropped=f"embedded in '{match.subsumed_by.predicate.text}' ({match.subsumed_by.pattern.id})")
        if pattern.embedded_only:
            return Candidate(match, [], [], modality, dropped="only says what a governing pattern is about")
        if pattern.is_null:
            return Candidate(match, [], [], modality, dropped="null code: this sense is no event")
        if off_topic or self._historical(match):
            return Candidate(match, [], [], modality, dropped="sport, market or historical context")
        clause_country = self._clause_country(match)
        context_country = clause_country or context_country
        sources = self._actors(pattern.source, match, article)
        if pattern.source_roles and sources:
            sources = [a for a in sources if a.role in pattern.source_roles]
            if not sources:
                return Candidate(match, [], [], modality, dropped="source is not of the pattern's roles")
        targets = self._actors(pattern.target, match, article, sources)
        if not targets and match.means is not None:
            # "engaged in ethnic cleansing *against the Masalit*"
            targets = self._actors(match.means.pattern.target, match.means, article)
        if not targets:
            targets = self._embedded_targets(match, article, self._stated_targets)
        if not targets:
            # "declared a state of siege *in Haiti*": an act on a place names no one else
            targets = (self._embedded_targets(match, article, self._place_actors)
                       or self._place_actors(match, article))
        stated = clause_country is not None
        sources = [self._with_country(a, context_country, targets, stated) for a in sources]
        targets = [self._with_country(a, context_country, sources, stated) for a in targets]
        code = self._refined_code(match)
        if not sources:
            sources = self._implied_dissenters(match, code, targets, context_country)
        if not targets:
            targets = self._implied_government(match, code, sources)
        cand = Candidate(match, sources, targets, modality, code=code)
        if pattern.joint_code and len({a.country or a.code for a in sources}) > 1:
            match.trace.append(f"several parties act together: {cand.code} -> {pattern.joint_code}")
            cand.code = pattern.joint_code
        self._code_stated_future(cand)
        if not sources:
            cand.sources = sources = self._implied_agent(match, cand.code, targets, context_country)
        if not sources and pattern.unstated_source:
            cand.unstated_source = self._source_unstated(match, targets)
            if cand.unstated_source:
                match.trace.append("source unstated (passive, eventive subject or bare noun): coded without source")
        if not sources and not cand.unstated_source:
            cand.dropped = "no source actor"
        elif cand.unstated_source and cand.modality.value not in {"asserted", "reported"}:
            cand.dropped = "unstated source and not asserted"
        elif pattern.target_required and not any(t for _, t in cand.dyads()) \
                and (pattern.layer != CURATED  # PETRARCH's own rule for its patterns: a dyad or nothing
                     or not (match.means is not None and not match.means.pattern.target_required)
                     and not (cand.unstated_source and self._patient_stated(match))):
            cand.dropped = "target required but none found"
        return cand

    def _modality(self, match: Match) -> Modality:
        """The predicate's modality; a negation that the pattern names itself ("NOT *
        [112]", "WILL NOT * [081]") is part of the act it codes, which is asserted."""
        modality = modality_of(match.predicate, self.grammar)
        negation = next((t for t in match.named if t.lower_ in self.grammar.negation_words), None)
        if modality.value == "negated" and negation is not None:
            return Modality("asserted", f"negation '{negation.text}' is the pattern's own")
        return modality

    def _embedded_targets(self, match: Match, article: Article,
                          find: Callable[[Match, Article], list[Actor]]) -> list[Actor]:
        """ "promised to continue military aid *to Mozambique*", "demonstrated to
        demand reforms *by Suharto's government*": the embedded action names the
        target of the promise, the demand, the protest."""
        inner = match.embedded if match.pattern.governs else None
        for _ in range(3):
            if inner is None:
                break
            targets = find(inner, article)
            if targets:
                match.trace.append(f"target from embedded '{inner.predicate.text}'")
                return targets
            inner = inner.embedded
        return []

    def _stated_targets(self, match: Match, article: Article) -> list[Actor]:
        return self._actors(match.pattern.target, match, article)

    def _place_actors(self, match: Match, article: Article) -> list[Actor]:
        """The place an act is done in, as its target, for the codes whose target
        is where they happen (`place_target_codes` in data/grammar.yaml); a place
        where people talk or speak is only a location."""
        if not self._refined_code(match, trace=False).startswith(tuple(self.grammar.place_target_codes)):
            return []
        actors = [a for t in place_tokens(match.predicate, match.light_object)
                  for a in self.resolver.resolve_many(t, article.date)]
        if actors:
            match.trace.append("place -> " + ", ".join(f"{a.text}={a.code}" for a in actors))
        return actors

    def _implied_government(self, match: Match, code: str, sources: list[Actor]) -> list[Actor]:
        """Dissent with no stated target is aimed at the dissenters' own government:
        CAMEO codes "opposition parties called a general strike" as against it
        (`implied_government_codes`, `dissent_roles` in data/grammar.yaml)."""
        if not code.startswith(tuple(self.grammar.implied_government_codes)):
            return []
        countries = dict.fromkeys(s.country for s in sources
                                  if s.country and s.role and s.role.lower() in self.grammar.dissent_roles)
        at = match.predicate.idx
        implied = [_implied_actor(c, "GOV", at) for c in countries if c]
        if implied:
            match.trace.append("implied target: " + ", ".join(a.code for a in implied))
        return implied

    def _implied_dissenters(self, match: Match, code: str, targets: list[Actor], context_country: str | None,
                            ) -> list[Actor]:
        """The people of the country in context, implied as those who protest where
        no one is named ("protests erupted in Istanbul", "thousands took to the
        streets"): CAMEO codes them as civilians (`implied_dissent_codes`,
        `implied_dissent_role` in data/grammar.yaml); none where no country is placed."""
        grammar = self.grammar
        if not context_country or not code.startswith(tuple(grammar.implied_dissent_codes)) \
                or not self._source_unstated(match, targets):
            return []
        role = grammar.implied_dissent_role
        at = match.predicate.idx
        match.trace.append(f"implied dissenters: {context_country}{role}")
        return [_implied_actor(context_country, role, at)]

    def _implied_agent(self, match: Match, code: str, targets: list[Actor], context_country: str | None,
                       ) -> list[Actor]:
        """The authorities who, in CAMEO practice, did an agentless coercion ("150
        people were arrested", "the arrest of X", "were sentenced"): of the country in
        context, else of the target's; none where no country can be placed
        (`implied_agent_codes`, `implied_agent_roles` in data/grammar.yaml)."""
        grammar = self.grammar
        predicate = match.predicate
        if not code.startswith(tuple(grammar.implied_agent_codes)) \
                or not (match.pattern.pos == "noun" or is_passive(predicate)) \
                or not self._source_unstated(match, targets):
            return []
        country = context_country or next((t.country for t in targets if t.country), None)
        if country is None:
            return []
        role = grammar.implied_agent_roles.get(predicate.lemma_.lower(), "GOV")
        at = predicate.idx
        match.trace.append(f"implied agent: {country}{role} (agentless {predicate.lemma_.lower()})")
        return [_implied_actor(country, role, at)]

    def _source_unstated(self, match: Match, targets: list[Actor]) -> bool:
        """Violence and protest are often reported without their agent: "nine
        civilians were killed", "an explosion killed two", "protests in Brasilia".
        Such an event is coded with no source; one whose agent is stated but is
        not a political actor ("the dollar fell", "Arsenal attacked") is not."""
        predicate = match.predicate
        if match.pattern.pos == "noun":
            light = light_verb_of(predicate, self.grammar)
            if light is not None:
                # "X launched an attack": the light verb's subject is the source,
                # unless it is a crowd ("members continued their strike")
                return not any(self._identifies_agent(s) for s in agent_tokens(light, self.grammar))
            # descriptive modifiers ("*street* protests") state no agent
            stated = [h for slot in match.pattern.source if slot not in {"amod", "compound"}
                      for h in slot_tokens(slot, predicate, self.grammar, match.light_object)]
            return not any(self._identifies_agent(h) for h in stated)
        if is_passive(predicate):
            # "killed *by a roadside bomb*": a weapon or an event is no agent.
            return not any(self._identifies_agent(o) for o in prep_objects(predicate, ("by",)))
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

    def _refined_code(self, match: Match, trace: bool = True) -> str:
        """A pattern's code, refined by the modifiers of its noun ("provided *military*
        aid" 072), by the means of a violent act ("killed in a *bomb attack*" 183), or,
        for a governing pattern, by the action it embeds: "urged X to *release*" 0253,
        "threatened to *impose sanctions*" 1312, "asked for *military aid*" 0232."""
        pattern = match.pattern
        notes: list[str] = []
        own = self._modified_code(match, notes)
        if match.means is not None:
            means = self._modified_code(match.means, notes)
            if _generic(own) and not _generic(means):
                notes.append(f"means '{match.means.predicate.text}': {own} -> {means}")
                own = means
        code = self._family_code(match, own, notes)
        if trace:
            match.trace.extend(notes)
        return code

    def _family_code(self, match: Match, own: str, notes: list[str]) -> str:
        pattern = match.pattern
        family = self.lexicon.families.get(pattern.family)
        if family is not None and own != family.base:
            # "began a *hunger* strike": the modified code has a family of its own.
            family = self.lexicon.families.with_base(own) or family
        if family is None:
            return own
        if match.embedded is not None:
            # The closest embedded action that the family covers: "called for Kenya
            # to *hold* free *elections*" is about the elections.
            inners = [match.embedded, *match.also_embedded]
            codes = [(self._refined_code(m, trace=False), m.pattern.id) for m in inners]
            # a refinement beyond the family's base first ("started a hunger strike
            # to *protest* the *reforms*" is 1422, not the 142 of the protest alone)
            embedded, about = next(((c, i) for c, i in codes if family.refine(c) not in (None, family.base)),
                                   next(((c, i) for c, i in codes if family.refine(c)), codes[0]))
        elif match.light_object is not None:
            embedded, about = self._noun_code(match.light_object), match.light_object.text
            if embedded is None or family.refine(embedded) is None:
                # "submitted *reform* petitions": an event noun modifying the object
                for mod in match.light_object.children:
                    code = self._noun_code(mod) if mod.dep_ == "compound" else None
                    if code and family.refine(code):
                        embedded, about = code, mod.text
                        break
        else:
            return own
        refined = family.refine(embedded) if embedded else None
        if refined and (own == family.base or refined.startswith(own)):
            notes.append(f"family {family.name}: embedded {about} {embedded} -> {refined}")
            return refined
        return own

    def _modified_code(self, match: Match, notes: list[str]) -> str:
        """A pattern's code, refined by the modifiers of its noun or light-verb object."""
        code = match.pattern.code
        families = self.lexicon.families
        noun = match.predicate if match.pattern.pos == "noun" else match.light_object
        refined = None
        if noun is not None:
            refined, what = families.modifiers.refine(code, _modifier_words(noun)), f"modifier of '{noun.text}'"
        if refined is None and match.pattern.pos == "verb":
            # "banned *opposition parties*" 1722, "lifted *the curfew*" 0813
            objects = {o.lemma_.lower() for o in _objects(match.predicate, self.grammar)}
            refined, what = families.objects.refine(code, objects), "object"
        if refined and refined != code:
            notes.append(f"{what}: {code} -> {refined}")
            return refined
        return code

    def _noun_code(self, noun: Token) -> str | None:
        """What a light verb's object noun is about ("asked for *aid*" 070), with its modifiers."""
        patterns = self.lexicon.candidates("noun", noun.lemma_.lower())
        if not patterns:
            return None
        code = patterns[0].code
        return self.lexicon.families.modifiers.refine(code, _modifier_words(noun)) or code

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
            for inner in _embedded_matches(match, by_token, self.grammar):
                if match.light_object is not None and inner.predicate.i == match.light_object.i:
                    continue
                if inner.subsumed_by is not None and inner.subsumed_by is not match:
                    continue
                if family.refine(self._refined_code(inner, trace=False)) is None:
                    continue
                inner.subsumed_by = match
                if match.embedded is None:
                    match.embedded = inner
                else:
                    match.also_embedded.append(inner)

    def _mark_means(self, matches: list[Match], per_token: dict[int, list[Match]]) -> None:
        """ "Killed two soldiers *in a bomb attack*", "were killed *by a roadside bomb*":
        the attack or weapon is the means of the violent act, not a second event; it
        refines the act's code when that is generic (see `_refined_code`)."""
        for match in matches:
            if match.pattern.pos != "verb" or match.pattern.code[:2] not in VIOLENT_ROOTS:
                continue
            # "Israeli *tanks* fired", "*aircraft* killed 46 civilians": the agent is a weapon.
            # "a roadside *bombing* killed one soldier": the event subject is the means.
            for agent in agent_tokens(match.predicate, self.grammar):
                found = per_token.get(agent.i, [])
                weapon = next((m for m in found if m.pattern.code[:2] in VIOLENT_ROOTS), None)
                if weapon is None or match.means is not None:
                    continue
                match.means = weapon
                if not weapon.pattern.embedded_only and found[0].subsumed_by is None:
                    found[0].subsumed_by = match
            for obj in prep_objects(match.predicate, MEANS_PREPS):
                found = per_token.get(obj.i, [])
                # "in an air *strike*": the violent reading of a word with several.
                inner = next((m for m in found if m.pattern.code[:2] in VIOLENT_ROOTS), None)
                if inner is None or found[0].subsumed_by is not None:
                    continue
                found[0].subsumed_by = match
                if match.means is None:
                    match.means = inner

    def _code_stated_future(self, cand: Candidate) -> None:
        """ "Portugal will support Turkey" is an intent (032), "they would blockade
        Paris" a threat (13x), "Syria will not accept refugees" a refusal (12x):
        CAMEO codes the statement of a future act, which itself has happened."""
        if cand.match.pattern.layer == DICTIONARY:
            return  # PETRARCH codes a user's pattern as written: "will restore ties" is 064
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

    def _actors(self, slots: tuple[str, ...], match: Match, article: Article,
                sources: list[Actor] | None = None) -> list[Actor]:
        """The actors of the first of `slots` that has any. Given the `sources` of a
        broad pattern, the source's own forces are no target of its act: "North Korea
        sent *special forces troops* to Russia" is aimed at Russia (the next slot)."""
        for slot in slots:
            place = sequence_slot(slot)
            if place is not None:
                # TABARI's reading: the first actor past the pattern's words and skipped phrases
                heads = sequence_heads(match.predicate, match.sequence, *place)
            else:
                heads = slot_tokens(slot, match.predicate, self.grammar, match.light_object)
            if slot == "compound" and match.pattern.compound_venue:
                # "the Astana talks", "the stalled Geneva negotiations": a city names
                # where the talks are held, not who holds them.
                heads = [h for h in heads if not self.resolver.is_venue(h.text)]
            if slot == "comp" and match.complement is not None:
                heads = slot_tokens("comp", match.predicate, self.grammar) or heads
            heads = [h for h in heads if h.dep_ not in {"compound", "amod"} or self._modifies_party(h, article)]
            actors = []
            dateline = doc_dateline_end(match.predicate.doc)
            for head in heads:
                for t in (x for c in with_conjuncts(head) for x in _past_dateline(c, dateline)):
                    # "the two countries", "they" after "Russia and China": every actor.
                    found = self.resolver.resolve_many(t, article.date)
                    if t.pos_ == "PRON":
                        match.anaphoric.update((a.start, a.end) for a in found)
                    actors.extend(found)
                if actors and (slot == FIRST_ACTOR_SLOT or place is not None):
                    break  # the first actor of the phrase (and those coordinated with it)
            if sources and match.pattern.layer != CURATED:
                actors = [a for a in actors if not _own_forces(a, sources)]
            if actors:
                match.trace.append(f"{slot} -> " + ", ".join(f"{a.text}={a.code}" for a in actors))
                return actors
        return []

    def _modifies_party(self, modifier: Token, article: Article) -> bool:
        """Whether a name modifying a noun makes its phrase an actor: "the *Iran*
        talks" does, "the *Minsk* summit" names only a venue (see the resolver)."""
        return self.resolver.resolve_phrase(modifier.head, article.date) is not None

    def _with_country(self, actor: Actor, context_country: str | None, others: list[Actor],
                      stated: bool = False) -> Actor:
        """Give a role-only actor ("police", "protesters") the country of its context
        (`stated`: of a place in its own clause, else the country in focus)."""
        if actor.country or not actor.role or actor.code.startswith(("IGO", "NGO", "IMG")):
            return actor
        country = context_country or next((o.country for o in others if o.country), None)
        if not country or (not stated and any(o.code == country + actor.code for o in others)):
            # "The junta ordered the French ambassador to leave", "President X welcomed
            # South African leader Y": unless a place says so, a country that makes the
            # role the other side itself (a self-dyad) is not its own.
            return actor
        return replace(actor, country=country, code=country + actor.code)

    def _clause_country(self, match: Match) -> str | None:
        """The country of a place in the predicate's own clause ("*In Istanbul*, police
        detained ...", "police *in St. Petersburg* detained ..."), which beats the
        country in focus; a place of another clause ("Rubio, who met Fidan *in
        Washington*, raised concerns over the detention of protesters") does not."""
        predicate = match.predicate
        sent = sentence_of(predicate.doc, predicate.i)[1]
        dateline = doc_dateline_end(sent.doc) if sent.start == 0 else 0
        for ent in _ents_within(sent):
            if ent.label_ in PLACE_LABELS and ent.start_char >= dateline and _in_clause_of(ent.root, predicate):
                country = self.resolver.country_of_place(ent.text)
                if country:
                    return country
        return None

    def _discarded(self, sent: SpacySpan) -> int | None:
        """The rank of the highest layer whose discard phrases stand in the sentence or
        (story discards) anywhere in its article."""
        doc = sent.doc
        lowers = _lower_words(doc)
        if _STORY_DISCARD_KEY not in doc.user_data:
            doc.user_data[_STORY_DISCARD_KEY] = self.lexicon.discarded_rank(lowers, story=True)
        ranks = [r for r in (self.lexicon.discarded_rank(lowers[sent.start:sent.end]),
                             doc.user_data[_STORY_DISCARD_KEY]) if r is not None]
        return min(ranks) if ranks else None

    def _off_topic(self, sent: SpacySpan) -> bool:
        """A sport or market report: two words of one such list in the sentence."""
        discards = self.grammar.discard_words
        lowers = [t.lower_ for t in sent]
        for kind in ("sport", "markets"):
            # A currency in an amount ("a 500-million-euro package") is no market report.
            words = {low for low, t in zip(lowers, sent) if low in discards[kind]
                     and not (t.i > 0 and t.doc[t.i - 1].like_num or any(c.like_num for c in t.children))}
            if len(words) >= 2:
                return True
        return False

    def _historical(self, match: Match) -> bool:
        history = self.grammar.discard_words["history"]
        return any(t.lower_ in history or t.lemma_ in history for t in match.predicate.ancestors)

    def _event(self, cand: Candidate, source: Actor | None, target: Actor | None,
               sent: SpacySpan, sentence_index: int, article: Article, code: str | None = None) -> Event:
        code = code or cand.code
        # A code outside CAMEO (a user's dictionaries: "903") is kept as written, its
        # root its first two digits, with no class, score or PLOVER type to give it.
        entry = None if self.ontology.outside(code) else self.ontology.get(code)
        predicate = cand.match.predicate
        event_span = _event_span(cand.match)
        return Event(
            article_id=article.id,
            sentence_index=sentence_index,
            sentence_text=sent.text,
            sentence_start=sent.start_char,
            code=code,
            root=entry.root if entry else code[:2],
            quad=entry.quad if entry else None,
            goldstein=entry.goldstein if entry else None,
            plover_type=entry.plover_type if entry else None,
            plover_mode=entry.plover_mode if entry else None,
            source=source,
            target=target,
            event_text=event_span,
            rule=cand.match.pattern.id,
            date=article.date,
            modality=cand.modality.value,
            confidence=_confidence(cand, predicate),
        )


def _objects(token: Token, grammar: Grammar) -> list[Token]:
    """Direct objects, their conjuncts, and what a measure or a container object
    holds: "provided 25,000 tons *of aid*", "declared a state *of emergency*"."""
    found = children(token, PASSIVE_SUBJECT_DEPS if is_passive(token) else OBJECT_DEPS)
    objects = [c for o in found for c in [o, *o.conjuncts]]
    return objects + [m for o in objects if _is_measure(o) or o.lemma_.lower() in grammar.container_nouns
                      for m in prep_objects(o, ("of",))]


def _modifier_words(noun: Token) -> set[str]:
    """The words that modify a noun: "*emergency food* aid", "*suicide car* bombing"."""
    words: set[str] = set()
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i and _is_measure(head.head):
        words.add(head.head.lemma_.lower())  # "5 million *dollars* of aid"
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS:
            words.update((child.lower_, child.lemma_.lower()))
            words.update(w for g in child.children if g.dep_ in MODIFIER_DEPS for w in (g.lower_, g.lemma_.lower()))
    return words


def _presupposed_event(match: Match) -> bool:
    """A definite event noun that is an argument of the embedded action, not the
    action itself: "urged X to investigate *the attack*" reports an attack."""
    noun = match.predicate
    return (match.pattern.pos == "noun" and not match.pattern.embedded_only
            and any((c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}) or c.dep_ == "poss"
                    for c in noun.children))


def _past_dateline(token: Token, dateline: int) -> list[Token]:
    """The token, unless it is in the dateline: then what the parser hung on it as an
    apposition ("KYIV, March 3 - *Russian forces* attacked" parses as "KYIV, forces")."""
    if token.idx >= dateline:
        return [token]
    return [c for c in token.children if c.dep_ in {"appos", "conj"} and c.idx >= dateline]


def _ents_within(sent: SpacySpan) -> list[SpacySpan]:
    """The entities inside a sentence, as `Span.ents` gives them, from the document's
    list read once (`Span.ents` rebuilds every entity of the document)."""
    return [e for e in doc_ents(sent.doc) if e.start >= sent.start and e.end <= sent.end]


def _lower_words(doc: Doc) -> list[str]:
    """The document's words in lower case, read once (discard phrases are looked up in them)."""
    lowers = doc.user_data.get(_LOWER_WORDS_KEY)
    if lowers is None:
        strings = doc.vocab.strings
        lowers = doc.user_data[_LOWER_WORDS_KEY] = [strings[i] for i in doc.to_array([LOWER]).tolist()]
    return lowers


OWN_FORCE_ROLES = frozenset({"MIL", "COP"})


def _own_forces(actor: Actor, sources: list[Actor]) -> bool:
    """The military or police of a source's own country (or of no stated country, so
    the source's), which a state sends, deploys or moves: an instrument of the act,
    not its target."""
    return actor.role in OWN_FORCE_ROLES and any(
        actor.country in (None, s.country) and s.country and s.role not in OWN_FORCE_ROLES for s in sources)


def _sentence_words(token: Token) -> frozenset[str]:
    """The forms and lemmas of the sentence's words, lower case, once per sentence."""
    doc = token.doc
    by_sentence = doc.user_data.get(_SENTENCE_WORDS_KEY)
    if by_sentence is None:
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, LEMMA]).tolist()
        by_sentence = doc.user_data[_SENTENCE_WORDS_KEY] = {
            sent.start: frozenset(w for lower, lemma in rows[sent.start:sent.end]
                                  for w in (strings[lower], strings[lemma].lower()))
            for sent in doc_sents(doc)}
    return by_sentence[sentence_of(doc, token.i)[1].start]


def _curated_first(per_token: list[list[Match]]) -> list[list[Match]]:
    """A verb of the broad layer whose object the curated lexicon codes itself
    ("staged *rallies*", "enacted *reforms*") is left to the curated pattern, which
    knows what the noun's modifiers and aims make of it."""
    curated = {found[0].predicate.i for found in per_token if found[0].pattern.layer == CURATED}
    return [found for found in per_token
            if found[0].pattern.layer == CURATED or found[0].light_object is None
            or found[0].light_object.i not in curated]


def _has_excluded_deps(token: Token, excluded: tuple[frozenset[str], ...]) -> bool:
    """Whether the token has all the dependents of one excluded set ("dobj+oprd")."""
    if not excluded:
        return False
    deps = {c.dep_ for c in token.children}
    return any(deps >= item for item in excluded)


def _generic(code: str) -> bool:
    """A residual code ("180", "190"): a more specific sibling may replace it."""
    return len(code) == 3 and code.endswith("0")


def _modal(clause: Token, modals: tuple[str, ...]) -> bool:
    """Whether a that-clause states an obligation: "X *must* go", "X *needs to* go",
    "X *has to* go", "X *should* go" (the modal may sit on a coordinated verb)."""
    for verb in (clause, *clause.conjuncts):
        if any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" and c.lower_ in modals for c in verb.children):
            return True
        if verb.lemma_.lower() in modals and any(c.dep_ == "xcomp" for c in verb.children):
            # "NATO *would need* to remain strong" is a prediction, not an appeal.
            return not any(c.dep_ == "aux" and c.lower_ in PREDICTIVE_AUX for c in verb.children)
    return False


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


def _mark_subsumed(matches: list[Match], grammar: Grammar | None = None) -> None:
    """Under CAMEO, "agreed to withdraw" codes the agreement, not the withdrawal."""
    by_token = {m.predicate.i: m for m in matches}
    for match in matches:
        if match.light_object is not None and match.light_object.i in by_token:
            # "held *talks*": the noun is part of this predicate, not a second event.
            by_token[match.light_object.i].subsumed_by = match
        if not match.pattern.governs or match.pattern.governs_family_only:
            continue
        for inner in _embedded_matches(match, by_token, grammar):
            if match.light_object is not None and inner.predicate.i == match.light_object.i:
                continue  # the pattern's own noun: its code is read in `_refined_code`
            if match.pattern.governs_family_only:
                continue  # see `EventCoder._mark_aims`
            if match.embedded is not None and _presupposed_event(inner):
                continue  # "urged X to investigate *the attack*": the attack happened
            if inner.subsumed_by is None:
                inner.subsumed_by = match
            if match.embedded is None:
                match.embedded = inner
            else:
                match.also_embedded.append(inner)


EMBEDDING_DEPS = {"xcomp", "ccomp", "prep", "dobj", "advcl", "acl"}


def _embedded_matches(match: Match, by_token: dict[int, Match], grammar: Grammar | None = None) -> list[Match]:
    """Matches under a governing predicate, the closest first: "urged X to
    *release* the prisoners held in *detention*" is about the release. A noun
    predicate's light verb lends its purpose clause: "staged *rallies* to demand"."""
    found = []
    clauses = list(match.predicate.children)
    light = light_verb_of(match.predicate, grammar) if grammar is not None and match.pattern.pos == "noun" else None
    if light is not None:
        clauses += [c for c in light.children if c.dep_ in {"xcomp", "advcl"}]
    for child in clauses:
        if child.dep_ not in EMBEDDING_DEPS:
            continue
        if match.pattern.subordinate and _attributed(child, match.predicate):
            continue  # "X will restore ties, *an official said*": reported content, not an aim
        # "warned motorists to stay away *as protesters were throwing stones*": when, not what
        aside = {t.i for c in child.subtree if c.dep_ == "advcl" and _circumstance(c) for t in c.subtree}
        for t in child.subtree:
            if t.i in aside:
                continue
            inner = by_token.get(t.i)
            if inner is not None and inner.predicate.i != match.predicate.i:
                found.append((_depth_below(t, match.predicate), t.i, inner))
    return [inner for _, _, inner in sorted(found, key=lambda x: (x[0], x[1]))]


CIRCUMSTANCE_MARKS = frozenset("as because after when while since before until although though whereas once".split())


def _circumstance(clause: Token) -> bool:
    """An adverbial clause of time, cause or concession ("as protesters were throwing
    stones", "after the talks collapsed"): a circumstance of the governing act, never
    what it demands, threatens or appeals for (a purpose clause, "to demand", is)."""
    return any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in clause.children)


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0  # spaCy makes a new Token object per access: compare indices
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _implied_actor(country: str, role: str, at: int) -> Actor:
    """An actor CAMEO practice supplies where the text names none: no words, a
    zero-length span at the predicate (`Actor.implied`)."""
    return Actor(code=f"{country}{role}", text="", start=at, end=at, country=country, role=role)


def _in_clause_of(token: Token, predicate: Token) -> bool:
    """Whether a token hangs from the predicate (or, for a nominal predicate, from
    the verb it is an argument of) without crossing the head of another clause."""
    anchors = {predicate.i}
    if predicate.pos_ == "NOUN" and predicate.head.pos_ in {"VERB", "AUX"}:
        anchors.add(predicate.head.i)  # "staged *protests* in Istanbul"
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.i in anchors:
            return True
        if current.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _drop_subordinate_statements(cands: list[Candidate]) -> None:
    """A plain statement ("X said ...") is not coded when what was said is an event."""
    live = [c for c in cands if not c.dropped]
    for cand in live:
        if not cand.match.pattern.subordinate:
            continue
        predicate = cand.match.predicate
        contents = [c for c in predicate.children if c.dep_ in {"ccomp", "xcomp"}]
        subtree = {t.i for c in contents for t in c.subtree}
        # A governing pattern codes what it embeds itself (refined by it); what it
        # leaves uncoded ("urged X to investigate *the attack*") is no content of it.
        if not cand.match.pattern.governs and any(o is not cand and o.match.predicate.i in subtree for o in live):
            cand.dropped = "statement whose content is coded as an event"
        elif any(_attributed(c, predicate) for c in contents):
            # "..., police said": a trailing attribution sources the story; it is
            # not a statement event of its own.
            cand.dropped = "attribution of reported content"


def _attributed(clause: Token, predicate: Token) -> bool:
    """Whether a clause is content the predicate attributes after the fact: a
    that-clause before its verb ("X will withdraw, *officials said*")."""
    return clause.dep_ == "ccomp" and clause.i < predicate.i


def _event_span(match: Match) -> Span:
    tokens = [match.predicate]
    if match.light_object is not None:
        tokens.append(match.light_object)
    tokens += [c for c in match.predicate.children if c.dep_ == "prt"]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    doc = match.predicate.doc
    return Span(text=doc_text(doc)[start:end], start=start, end=end)


def _confidence(cand: Candidate, predicate: Token) -> float:
    score = 0.9 if cand.match.pattern.pos == "verb" else 0.75
    if not cand.targets:
        score -= 0.1
    if cand.unstated_source or any(a.implied for a in cand.sources):
        score -= 0.2
    if cand.modality.value != "asserted":
        score -= 0.1
    return round(score, 2)
