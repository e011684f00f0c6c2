"""Finding the lexicon's patterns that fit a sentence's predicates.

A pattern names a word (by lemma or form and part of speech) and what must stand
around it in the dependency parse: an object noun ("held *talks*"), a particle, a
preposition, an embedded action, a modal, the words of a PETRARCH phrase. Each
predicate gets the patterns that fit it, from the highest lexicon layer that has any.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import PLACE_LABELS, children_of, conjuncts_of, doc_sents, entity_of, labelled_children, pos_of, sentence_of
from .arguments import subjects as agent_tokens
from .grammar import (EMBEDDED_CLAUSE_DEPS, MODIFIER_DEPS, OBJECT_DEPS, Grammar, children, is_infinitive,
                      judged_within, named_by_demonstrative, objects_of, prep_objects)
from .lexicon import CURATED, PLACE_OBJECT, LayerSegment, Lexicon, Pattern
from .match import ActorLookup, Match
from .phrases import VerbContext, fit_phrase

LEXICON_POS = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}  # spaCy POS -> lexicon part of speech
LEXICON_POS_IDS = {get_string_id(k): v for k, v in LEXICON_POS.items()}
ANY_COMPLEMENT = "*"  # `complements: ["*"]`: any embedded verb ("agreed to ...")
ANY_CLAUSE = "*clause"  # `complements: ["*clause"]`: any that-clause ("hoped that ...")
# `complements: ["*own-clause"]`: a that-clause about the speaker's own act ("claimed
# that *they* had attacked"): its subject is a pronoun that refers to the speaker.
OWN_CLAUSE = "*own-clause"
PREDICATIVE_DEPS = {"acomp", "oprd", "attr", "xcomp", "ROOT", "ccomp", "conj"}
# Where only the curated lexicon codes: modifiers ("the *governing* party") and clauses of a preposition.
UNCODED_BY_BROAD_DEPS = MODIFIER_DEPS | {"pcomp"}
_SENTENCE_WORDS_KEY = "thucydides.sentence_words"  # per-document memo (nlp.release drops it)

Patterns = dict[int, tuple[LayerSegment, ...]]  # token index -> the lexicon's patterns for it, by layer


class PatternMatcher:
    """The patterns that fit each predicate of a sentence."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar, resolver: ActorLookup) -> None:
        self.lexicon = lexicon
        self.grammar = grammar
        self.resolver = resolver
        self._lemma_fix_ids = frozenset(get_string_id(w) for w in grammar.lemma_fixes)

    def prepare(self, doc: Doc) -> Patterns:
        """Mend the document's known lemmatizer slips, then find the tokens the
        lexicon has patterns for (token index -> patterns)."""
        self._fix_lemmas(doc)
        return self._lexicon_patterns(doc)

    def matches(self, sent: SpacySpan, patterns: Patterns, discarded: int | None = None) -> list[list[Match]]:
        """Per predicate of the sentence that any pattern fits, the fitting patterns
        (most specific first); the curated lexicon's predicates first where both code
        one phrase (see `_curated_first`)."""
        doc = sent.doc
        fitting = (self._fitting(doc[i], patterns[i], discarded) for i in range(sent.start, sent.end) if i in patterns)
        return _curated_first([found for found in fitting if found])

    def _fix_lemmas(self, doc: Doc) -> None:
        """Known lemmatizer slips ("staged" -> "stag"), mended before any matching, and
        hyphenated nouns the tokenizer splits ("a sit-in": "sit", "-", "in"): the last
        part takes the whole word as lemma when the lexicon knows it."""
        fixes = self.grammar.lemma_fixes
        hyphen = doc.vocab.strings["-"]
        for i, lower_id in enumerate(doc.to_array([LOWER]).tolist()):
            if lower_id in self._lemma_fix_ids:
                token = doc[i]
                token.lemma_ = fixes[token.lower_]
            elif lower_id == hyphen and 0 < i < len(doc) - 1:
                self._join_hyphenated(doc[i - 1], doc[i], doc[i + 1])

    def _join_hyphenated(self, first: Token, hyphen: Token, last: Token) -> None:
        if first.whitespace_ or hyphen.whitespace_ or last.pos_ != "NOUN":
            return
        word = f"{first.lower_}-{last.lemma_.lower()}"
        if self.lexicon.segments("noun", word, None):
            last.lemma_ = word

    def _lexicon_patterns(self, doc: Doc) -> Patterns:
        """Token index -> the lexicon's patterns for its POS and lemma (or form), by
        layer, for the tokens that have any: read from one array of the document, so
        the ~90 % of tokens that no pattern names never become spaCy Token objects."""
        strings = doc.vocab.strings
        by_form = bool(self.lexicon.by_form)
        out: Patterns = {}
        for i, (pos_id, lemma_id, lower_id) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            pos = LEXICON_POS_IDS.get(pos_id)
            if pos is not None:
                form = strings[lower_id] if by_form else None
                segments = self.lexicon.segments(pos, strings[lemma_id].lower(), form)
                if segments:
                    out[i] = segments
        return out

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
                context = context or VerbContext(token, self.grammar)
                found += self._fitting_phrased(segment, token, words, context)
            if found:
                return [m for _, m in sorted(found, key=lambda im: im[0])]
        return []

    def _fitting_phrased(self, segment: LayerSegment, token: Token, words: frozenset[str],
                         context: VerbContext) -> list[tuple[int, Match]]:
        """The layer's `pattern:` entries that fit, (rank, match): only those whose
        words all stand in the sentence are tried."""
        possible = ((i, p) for i, p in segment.phrased_for(words)
                    if p.compiled.possible(words))  # type: ignore[union-attr]
        fits = ((i, self._fits(p, token, context)) for i, p in possible)
        return [(i, m) for i, m in fits if m is not None]

    def _fits(self, pattern: Pattern, token: Token, context: VerbContext | None = None) -> Match | None:
        """The match of a pattern on a token, when the token stands where the pattern
        codes an event and everything the pattern asks for is found around it."""
        if not self._in_place(pattern, token) or _has_excluded_deps(token, pattern.excluded_deps):
            return None  # "called the move *a mistake*" is no phone call; "struck *a boat*" no labour strike
        if self._light_use(pattern, token):
            return None  # "*held* a sit-in": the noun is the event, the verb no arrest
        if self._naming(pattern, token):
            return None  # "struck what it *called* terrorist camps": a name, no appeal
        match = Match(pattern, token)
        fits = (_has_particle(pattern, token) and self._fits_objects(match) and self._fits_subjects(pattern, token)
                and _fits_preps(pattern, token) and self._fits_complements(match) and self._fits_modals(match)
                and self._fits_evaluation(match)
                and (pattern.compiled is None
                     or self._fits_phrase(pattern, match, context or VerbContext(token, self.grammar))))
        return match if fits else None

    def _light_use(self, pattern: Pattern, token: Token) -> bool:
        """A light verb whose object is an act the lexicon codes ("held a *rally*",
        "staged a *sit-in*") only carries that act; its own patterns that ask for no
        particular object (the "hold" of an arrest) do not fit. A curated phrase that
        names the object ("* &letter (of &sympathy)") asks for one, as `objects` do; the
        broad layer's ("sent *a letter*": 040) stay below the noun's event."""
        if (pattern.pos != "verb" or pattern.objects or pattern.evaluation or token.lemma_ not in self.grammar.light_verbs
                or pattern.layer == CURATED and pattern.compiled is not None and pattern.compiled.after):
            return False
        objects = [o for o in children_of(token) if o.dep_ == "dobj"]
        # what a container object holds: "held *a round of* negotiations"
        objects += [m for o in objects if o.lemma_.lower() in self.grammar.container_nouns for m in prep_objects(o, ("of",))]
        return any(self.lexicon.candidates("noun", o.lemma_.lower()) for o in objects)

    def _naming(self, pattern: Pattern, token: Token) -> bool:
        """A naming verb with what it names and the name it gives ("called them
        terrorists"; "called Putin", read as "called [it] Putin", names no one): only a
        judgement (`evaluation` patterns) codes it."""
        return (not pattern.evaluation and token.lemma_ in self.grammar.naming_verbs
                and {"dobj", "oprd"} <= {c.dep_ for c in children_of(token)})  # the children last: the dearest

    def _inertly_modified(self, noun: Token) -> bool:
        """An event noun whose modifier names other work (`inert_modifiers`)."""
        inert = self.grammar.inert_modifiers.get(noun.lemma_.lower(), frozenset())
        return bool(inert) and any(c.dep_ in {"compound", "amod"} and c.lower_ in inert for c in children_of(noun))

    def _in_place(self, pattern: Pattern, token: Token) -> bool:
        """Whether the token's place in the sentence is one where its part of speech
        reports an event."""
        if pattern.layer != CURATED and (token.dep_ in UNCODED_BY_BROAD_DEPS or _bare_participle(token)):
            # "the *governing* party", "suspected of *taking*", "an agreement ..., *aimed* at
            # ending the fighting": PETRARCH codes verb phrases, not words that describe a noun
            return False
        if pattern.pos == "adj" and token.dep_ not in PREDICATIVE_DEPS:
            return False  # "was *confident*", not "a confident leader"
        if pattern.pos == "noun" and token.tag_ == "NN" and token.lemma_.lower() in self.grammar.plural_event_nouns:
            return False  # "Washington's *hostility*": an attitude, not "hostilities"
        if pattern.pos == "noun" and self._inertly_modified(token):
            return False  # "a *search* operation"
        if pattern.pos == "noun" and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
                and any(self.resolver.names_people(p) for p in (f"{token.lemma_} {token.head.lemma_}".lower(),
                                                                 token.head.lemma_.lower())):
            return False  # "*riot* police", "*protest* leaders": a kind of people, not an event
        # "recalled its envoy *in protest*": a motive, not an event
        return not (pattern.pos == "noun" and token.dep_ == "pobj"
                    and not any(c.dep_ in {"det", "poss"} for c in children_of(token))
                    and f"{token.head.lower_} {token.lower_}" in self.grammar.adverbial_phrases)

    def _fits_objects(self, match: Match) -> bool:
        """A light-verb pattern fits when one of its nouns is the verb's object, which
        becomes the match's light object: "held *talks*", and as a modifier "ended
        *mediation* efforts", "began a *hunger* strike", "sent a *medical* team" (but
        "*drug* lords", "*aid* workers" name people, not what is given)."""
        wanted = match.pattern.objects
        if not wanted:
            return True
        if match.pattern.pos == "noun":  # a nominal's object is its of-phrase: "the suspension *of talks*"
            candidates = [c for o in prep_objects(match.predicate, ("of",)) for c in (o, *conjuncts_of(o))]
        else:
            candidates = objects_of(match.predicate, self.grammar) + _raised_objects(match.predicate)
            # "seized *most of* Goma", "captured *parts of* Aleppo": the portion's whole
            candidates += [w for o in candidates if o.lemma_.lower() in self.grammar.portion_words
                           for w in prep_objects(o, ("of",))]
        objects = [o for o in candidates
                   # the word as written too: the model lemmatizes "data" as "datum", "remains" as "remain"
                   if o.lemma_.lower() in wanted or o.lower_ in wanted
                   or (PLACE_OBJECT in wanted and self._named_place(o))
                   # "captured Goma, *the largest city* in eastern Congo" (the tagger took a person)
                   or any(c.dep_ == "appos" and c.lemma_.lower() in wanted for c in children_of(o))
                   or any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in wanted
                          and not self.resolver.names_people(f"{c.lemma_} {o.lemma_}".lower())
                          for c in children_of(o))]
        if objects:
            match.light_object = objects[0]
        return bool(objects)

    def _named_place(self, token: Token) -> bool:
        """A place name the gazetteer knows, tagged as a place ("captured *Knin*"), not
        a person the tagger took for one ("captured *Beltran*")."""
        if token.ent_type_ not in PLACE_LABELS:
            # a large town the tagger took for a person or a people ("captured *Goma*")
            return pos_of(token) == "PROPN" and token.ent_type_ in {"", "PERSON", "NORP", "ORG"} \
                and not any(c.dep_ == "compound" for c in children_of(token)) and self.resolver.is_major_place(token.text)
        ent = entity_of(token)
        return ent is not None and self.resolver.country_of_name(ent.text) is not None

    def _fits_subjects(self, pattern: Pattern, token: Token) -> bool:
        """ "peacekeepers *arrived*": who acts makes the event."""
        return not pattern.subjects or any(
            t.lemma_.lower() in pattern.subjects or t.lower_ in pattern.subjects
            for s in agent_tokens(token, self.grammar) for t in s.subtree)

    def _fits_complements(self, match: Match) -> bool:
        """An embedded action or clause the pattern names ("agreed *to withdraw*"),
        which becomes the match's complement."""
        complements = match.pattern.complements
        if not complements:
            return True
        token = match.predicate
        # "accused X *of corruption*": the parser often hangs the phrase on the object.
        heads = [*children_of(token), *(p for o in children(token, OBJECT_DEPS) for p in children_of(o)
                                    if p.dep_ == "prep" and p.lower_ in self.grammar.object_complement_preps)]
        comps = [
            c for c in heads
            if c.dep_ in {"xcomp", "ccomp", "pcomp", "prep"}
            and not (c.dep_ == "prep" and c.lower_ in self.grammar.circumstance_preps)
            and (_complement_lemmas(c) & set(complements)
                 or (ANY_COMPLEMENT in complements and c.dep_ == "xcomp")
                 or (ANY_CLAUSE in complements and c.dep_ == "ccomp")
                 or (OWN_CLAUSE in complements and self._own_clause(c)))
        ]
        if comps:
            match.complement = comps[0]
        return bool(comps)

    def _fits_evaluation(self, match: Match) -> bool:
        """For an `evaluation` pattern, a judgement of its kind (`negative_evaluations`,
        `positive_evaluations`) of something the verb names, which becomes the match's
        light object (slot `evaluated`): "called *the arrests* illegal", "described
        *the verdict* as a travesty", "said *the talks* had been constructive"."""
        if not match.pattern.evaluation:
            return True
        judged = _judged(match.predicate, self.grammar.evaluations(match.pattern.evaluation),
                         self.grammar.naming_verbs)
        if judged is not None and judged.pos_ == "PRON" and judged.lower_ not in self.grammar.personal_pronouns:
            judged = None  # "called *it* a lie": a claim, whose author the pronoun does not name
        match.light_object = judged
        return judged is not None

    def _fits_modals(self, match: Match) -> bool:
        """A that-clause stating an obligation, for a pattern with `modals`, which becomes
        the match's complement: "said X *must* go"."""
        modals = match.pattern.modals
        if not modals:
            return True
        clause = next((c for c in children_of(match.predicate)
                       if c.dep_ in {"ccomp", "acl"} and _modal(c, modals, self.grammar)), None)
        if clause is not None:
            match.complement = clause
        return clause is not None

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
            objects = {o.i for o in objects_of(match.predicate, self.grammar)}
            match.light_object = next((t for t in fit.after if t.i in objects), None)
        match.trace.append(f"pattern '{pattern.phrase.text if pattern.phrase else ''}'"
                           + (f" ({pattern.origin})" if pattern.origin else ""))
        return True

    def _own_clause(self, clause: Token) -> bool:
        """An act, not a state ("claimed that he *was* innocent"), whose subject
        is a pronoun for the speaker."""
        return clause.dep_ == "ccomp" and clause.pos_ == "VERB" and clause.lemma_ != "be" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in self.grammar.speaker_pronouns for s in children_of(clause))


def _judged(verb: Token, harsh: frozenset[str], naming: frozenset[str]) -> Token | None:
    """What a verb judges with one of the `harsh` words (or kind ones): the object of
    "call X Y", "brand X Y", "describe X as Y", or the subject of a clause "(said) X was Y".
    A naming verb's judgement may be parsed into its object's phrase ("called the attack
    on the embassy *unacceptable*": an adjective of "embassy")."""
    def harsh_word(token: Token) -> bool:
        words = [token, *conjuncts_of(token), *(c for dep, c in labelled_children(token) if dep in {"amod", "compound"})]
        # "an act *of war*": a phrase of the list, the noun and its of-object
        phrases = {f"{token.lemma_.lower()} of {o.lemma_.lower()}" for o in prep_objects(token, ("of",))}
        return any(w.lemma_.lower() in harsh or w.lower_ in harsh for w in words) or bool(phrases & harsh)

    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    if objects:
        judgements = [c for c in children_of(verb) if c.dep_ in {"oprd", "npadvmod", "ccomp", "xcomp"}]
        # "called the Israeli strikes a violation": the parser hangs the second noun on the first
        judgements += [g for g in children_of(objects[0]) if g.dep_ in {"dobj", "oprd", "npadvmod"}]
        judgements += _as_complements(verb)  # "described X *as* a travesty"
        judgements += _as_complements(objects[0])  # the parser may hang "as" on X
        if any(harsh_word(j) for j in judgements):
            return objects[0]
        if verb.lemma_ in naming and judged_within(objects[0], harsh):
            return objects[0]
    for clause in (c for c in children_of(verb) if c.dep_ == "ccomp"):
        subjects = [c for c in children_of(clause) if c.dep_ in {"nsubj", "nsubjpass"}]
        predicates = [c for c in children_of(clause) if c.dep_ in {"acomp", "attr"}]
        if subjects and clause.lemma_ == "be" and any(harsh_word(p) for p in predicates):
            # "*This* was a cowardly *attack*": the act the noun names is what is judged
            named = next((p for p in predicates if p.pos_ == "NOUN" and named_by_demonstrative(p) and harsh_word(p)),
                         None)
            return named or subjects[0]
    return None


def _bare_participle(token: Token) -> bool:
    """A past participle with no subject or auxiliary of its own, hung on a noun or a
    clause: "an agreement *aimed* at ending the fighting", "rebels *backed* by Rwanda"."""
    return token.tag_ == "VBN" and token.dep_ in {"acl", "advcl"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in children_of(token))


def _as_complements(token: Token) -> list[Token]:
    """What an "as" of the token says something is: its object ("as *a travesty*") or
    the adjective the parser hangs on it ("as *productive*")."""
    return [*prep_objects(token, ("as",)),
            *(a for p in children_of(token) if p.dep_ == "prep" and p.lower_ == "as"
              for a in children_of(p) if a.dep_ in {"amod", "acomp"})]


def _has_particle(pattern: Pattern, token: Token) -> bool:
    return not pattern.particle or any(
        c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == pattern.particle for c in children_of(token))


def _fits_preps(pattern: Pattern, token: Token) -> bool:
    """A preposition the pattern names, on the predicate ("talks *with*") or marking
    its clause: "called *for* Burma to institute reforms"."""
    if not pattern.preps:
        return True
    if any(c.dep_ in {"prep", "dative", "agent"} and c.lower_ in pattern.preps and not _temporal(c)
           for c in children_of(token)):
        return True
    return any(m.dep_ == "mark" and m.lower_ in pattern.preps
               for c in children_of(token) if c.dep_ in EMBEDDED_CLAUSE_DEPS for m in children_of(c))


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


def _raised_objects(verb: Token) -> list[Token]:
    """The subject of an infinitive the parser hangs on the verb, which is the verb's
    object: "allowed *humanitarian agencies* to enter Aleppo"."""
    return [s for dep, c in labelled_children(verb) if dep in {"ccomp", "xcomp"} and is_infinitive(c)
            for d, s in labelled_children(c) if d == "nsubj"]


def _has_excluded_deps(token: Token, excluded: tuple[frozenset[str], ...]) -> bool:
    """Whether the token has all the dependents of one excluded set ("dobj+oprd")."""
    if not excluded:
        return False
    deps = {dep for dep, _ in labelled_children(token)}
    return any(deps >= item for item in excluded)


def _modal(clause: Token, modals: tuple[str, ...], grammar: Grammar) -> bool:
    """Whether a that-clause states an obligation: "X *must* go", "X *needs to* go",
    "X *has to* go", "X *should* go" (the modal may sit on a coordinated verb), or
    is in the mandative subjunctive: "insisted that Russia *share* the cost", "that the
    prisoners *be* released"."""
    if _subjunctive(clause):
        return True
    for verb in (clause, *conjuncts_of(clause)):
        if any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" and c.lower_ in modals for c in children_of(verb)):
            return True
        if verb.lemma_.lower() in modals and any(c.dep_ == "xcomp" for c in children_of(verb)):
            # "NATO *would need* to remain strong" is a prediction, not an appeal.
            return not any(c.dep_ == "aux" and c.lower_ in grammar.predictive_aux for c in children_of(verb))
    return False


def _subjunctive(clause: Token) -> bool:
    """A bare verb after a singular noun ("that Russia *share*", which the tagger reads
    as a present tense, VBP, or as VB), or a bare "be" of a passive ("that they *be*
    released"): only a subjunctive has that form. A plural subject's bare verb is no
    evidence ("that the rebels *want*" is indicative). The clause must open with "that":
    a headline misparsed into clauses ("Paris *suspect* Abdeslam charged") has none."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause)):
        return False
    auxiliaries = children(clause, {"aux", "auxpass"})
    if auxiliaries:
        return len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" and auxiliaries[0].tag_ == "VB"
    # a clause head tagged as a noun ("that Sudan *hand* over") is a bare verb the tagger missed
    return clause.tag_ in {"VB", "VBP", "NN"} and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"}
                                                      for c in children_of(clause))


def _temporal(prep: Token) -> bool:
    """ "called Germany *on Tuesday*": a date, not the preposition of the pattern."""
    return any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in children_of(prep))


def _complement_lemmas(token: Token) -> set[str]:
    """Lemmas that identify an embedded action: its verb and that verb's object."""
    heads = [token] if token.dep_ != "prep" else [c for dep, c in labelled_children(token) if dep in {"pobj", "pcomp"}]
    lemmas: set[str] = set()
    for head in heads:
        lemmas.update((head.lemma_.lower(), head.lower_))  # "behind *bars*": the model's lemma is "bar"
        lemmas.update(o.lemma_.lower() for dep, o in labelled_children(head) if dep in OBJECT_DEPS | {"pobj"})
        # "vowed to go ahead *with* the march", "to respond *with* force"
        lemmas.update(o.lemma_.lower() for o in prep_objects(head, ("with",)))
    return lemmas
