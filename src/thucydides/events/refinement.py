"""A pattern's code made as specific as the sentence allows.

CAMEO codes "provided *military* aid" 072, "killed in a *bomb attack*" 183, "urged X
to *release*" 0253 and "Portugal *will* support Turkey" 032 (an intent): the noun's
modifiers, the means of a violent act, the action a governing pattern embeds and a
stated future each refine the code its pattern gives.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor
from ..nlp import children_of, labelled_children
from ..ontology import is_residual
from .grammar import (MODIFIER_DEPS, Grammar, attached_threat, children, governors, is_measure, measured,
                      objects_of, prep_objects)
from .lexicon import DICTIONARY, Family, Lexicon
from .match import Candidate, Match
from .modality import Modality, modality_of, stated_future


ORGANISATION_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
BODY_ENTITIES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
FORCE_ROLES = frozenset({"MIL", "COP"})
YIELDING_DEMANDS = ("104", "105", "024", "025")  # demands and appeals that the target yield (08x)
SUBJECT_MATTER_PREPS = ("into", "on")  # "an investigation *into* the killings", "a ban *on* rallies"


class CodeRefiner:
    """A match's code and modality, refined by what the sentence says around it."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar

    def modality(self, match: Match) -> Modality:
        """The predicate's modality; a negation that the pattern names itself ("NOT *
        [112]", "WILL NOT * [081]") is part of the act it codes, which is asserted."""
        modality = modality_of(match.predicate, self.grammar)
        negation = next((t for t in match.named if t.lower_ in self.grammar.negation_words), None)
        if modality.value == "negated" and negation is not None:
            return Modality("asserted", f"negation '{negation.text}' is the pattern's own")
        return modality

    def refined_code(self, match: Match, trace: bool = True) -> str:
        """A pattern's code, refined by the modifiers of its noun ("provided *military*
        aid" 072), by the means of a violent act ("killed in a *bomb attack*" 183), or,
        for a governing pattern, by the action it embeds: "urged X to *release*" 0253,
        "threatened to *impose sanctions*" 1312, "asked for *military aid*" 0232."""
        notes: list[str] = []
        own = self._modified_code(match, notes)
        if match.means is not None:
            means = self._modified_code(match.means, notes)
            # "killed in *clashes*": a killing in a two-sided fight is that fight's toll
            two_sided = match.means.pattern.reciprocal and match.means.pattern.pos == "noun"
            # "Israeli *tanks* fired at targets": the weapon named says more than the verb
            weapon = match.means.pattern.embedded_only and means[:2] == own[:2] and not is_residual(means)
            if (is_residual(own) and (two_sided or not is_residual(means))) or (weapon and means != own):
                notes.append(f"means '{match.means.predicate.text}': {own} -> {means}")
                own = means
        code = self._threat_attached(match, self._family_code(match, own, notes), notes)
        if trace:
            match.trace.extend(notes)
        return code

    def recode(self, cand: Candidate) -> None:
        """The candidate's code once its actors are known: several parties acting
        together (`joint_code`), an act on people (`person_code`), an act of a state
        (`state_code`) or of a crowd (`crowd_code`), or the statement of a future act."""
        pattern = cand.match.pattern
        if pattern.joint_code and len({a.country or a.code for a in cand.sources}) > 1:
            cand.match.trace.append(f"several parties act together: {cand.code} -> {pattern.joint_code}")
            cand.code = pattern.joint_code
        if pattern.person_code and cand.targets and all(self._is_person(a, cand.match) for a in cand.targets):
            cand.match.trace.append(f"the target is a person or people: {cand.code} -> {pattern.person_code}")
            cand.code = pattern.person_code
        if pattern.state_code and cand.sources and all(self._is_state(a) for a in cand.sources):
            cand.match.trace.append(f"the source is a state: {cand.code} -> {pattern.state_code}")
            cand.code = pattern.state_code
        if pattern.crowd_code and cand.sources and all(a.role and a.role.lower() in self.grammar.crowd_roles
                                                        for a in cand.sources):
            cand.match.trace.append(f"the source is a crowd: {cand.code} -> {pattern.crowd_code}")
            cand.code = pattern.crowd_code
        self._code_stated_future(cand)

    def _is_state(self, actor: Actor) -> bool:
        """A state as a whole ("China", "Manila"), its government or its forces
        (`state_roles`), or an international organisation."""
        if actor.role is None:
            return bool(actor.country) or actor.code.startswith(ORGANISATION_PREFIXES)
        return actor.role.lower() in self.grammar.state_roles

    def _is_person(self, actor: Actor, match: Match) -> bool:
        """Whether a stated target is a person or people ("a journalist", "40 people",
        "him"), not a body: a country, an international organisation, a name the parser
        tags as an organisation or place, or an `organisation_nouns` noun."""
        if actor.role is None or actor.code.startswith(ORGANISATION_PREFIXES) or actor.role in FORCE_ROLES:
            return False  # (a state's troops or police ordered out are its forces, not deportees)
        span = match.predicate.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.ent_type_ not in BODY_ENTITIES and root.lemma_.lower() not in self.grammar.organisation_nouns

    def _family_code(self, match: Match, own: str, notes: list[str]) -> str:
        """`own` refined by what a governing pattern is about: the action it embeds or
        its light verb's object, as the pattern's family maps it."""
        family = self.lexicon.families.get(match.pattern.family)
        if family is not None and own != family.base:
            # "began a *hunger* strike": the modified code has a family of its own.
            family = self.lexicon.families.with_base(own) or family
        if family is None:
            return own
        embedded: str | None
        if match.embedded is not None:
            # The closest embedded action that the family covers: "called for Kenya
            # to *hold* free *elections*" is about the elections.
            inners = [match.embedded, *match.also_embedded]
            codes = [(self.refined_code(m, trace=False), m.pattern.id) for m in inners]
            # a refinement beyond the family's base first ("started a hunger strike
            # to *protest* the *reforms*" is 1422, not the 142 of the protest alone)
            embedded, about = next(((c, i) for c, i in codes if family.refine(c) not in (None, family.base)),
                                   next(((c, i) for c, i in codes if family.refine(c)), codes[0]))
        elif match.light_object is not None:
            embedded, about = self._object_code(match.light_object, family)
        else:
            return own
        refined = family.refine(embedded) if embedded else None
        if refined and (own == family.base or refined.startswith(own)):
            notes.append(f"family {family.name}: embedded {about} {embedded} -> {refined}")
            return refined
        return own

    def _threat_attached(self, match: Match, code: str, notes: list[str]) -> str:
        """A demand or appeal that the target yield, with a threat attached ("must
        disarm *or face* sanctions"), is coded as the threat, refined by what is
        threatened (CAMEO's note to 105). Other demands stay demands: the codebook's
        "China must drop barriers to U.S. exports or face tariff penalties" is 1011."""
        threaten = self.lexicon.families.get("threaten")
        if threaten is None or not match.pattern.governs or not code.startswith(YIELDING_DEMANDS):
            return code
        consequence = attached_threat(match.predicate, self.grammar)
        if consequence is None:
            return code
        # "or face *sanctions*"; "or face arrest", where the parser makes "face" a compound
        nouns = children(consequence, {"dobj"}) + ([consequence.head] if consequence.dep_ == "compound" else [])
        threatened = next((c for o in nouns if (c := self._noun_code(o))), None)
        refined = (threatened and threaten.refine(threatened)) or threaten.base
        notes.append(f"threat attached ('or {consequence.text}'): {code} -> {refined}")
        return refined

    def _object_code(self, noun: Token, family: Family) -> tuple[str | None, str]:
        """What a light verb's object is about, and the word that says so: the noun,
        or an event noun modifying it ("submitted *reform* petitions")."""
        code = self._noun_code(noun)
        if code is None or family.refine(code) is None:
            for mod in children_of(noun):
                modifier_code = self._noun_code(mod) if mod.dep_ == "compound" else None
                if modifier_code and family.refine(modifier_code):
                    return modifier_code, mod.text
        return code, noun.text

    def _modified_code(self, match: Match, notes: list[str]) -> str:
        """A pattern's code, refined by the modifiers of its noun or light-verb object."""
        code = match.pattern.code
        families = self.lexicon.families
        noun = match.predicate if match.pattern.pos == "noun" else match.light_object
        refined = None
        if noun is not None:
            refined, what = families.modifiers.refine(code, modifier_words(noun)), f"modifier of '{noun.text}'"
        if refined is None and match.pattern.pos == "verb":
            # "banned *opposition parties*" 1722, "lifted *the curfew*" 0813
            objects = objects_of(match.predicate, self.grammar)
            refined, what = self._subject_matter_code(code, objects), "object"
            # "approved 1.5 billion euros in *military* aid" 072
            for obj in objects:
                if refined is None and (of := measured(obj, self.grammar)) is not None:
                    refined, what = families.modifiers.refine(code, modifier_words(of)), f"what '{obj.text}' is of"
        if refined is None and noun is not None:
            # "an inquiry *into corruption*" 091, "a ban *on opposition rallies*" 1721
            # (the parser often hangs the phrase on a light verb: "opened an inquiry *into*")
            holders = [noun] if noun.i == match.predicate.i else [noun, match.predicate]
            about = [o for h in holders for o in prep_objects(h, SUBJECT_MATTER_PREPS)]
            refined, what = self._subject_matter_code(code, about), f"what '{noun.text}' is about"
        if refined and refined != code:
            notes.append(f"{what}: {code} -> {refined}")
            return refined
        return code

    def _subject_matter_code(self, code: str, nouns: list[Token]) -> str | None:
        """The sub-code the nouns an act is about select (`objects` in
        data/families.yaml): the nouns themselves first, then their modifiers, so
        "banned opposition *rallies*" is 1721 by the rallies, and "lifted *martial*
        law", "investigated *war* crimes" are refined by the modifier where the noun
        says nothing (0814, 094)."""
        objects = self.lexicon.families.objects
        # the word as written too: the lemmatizer makes "media" "medium"
        return (objects.refine(code, {w for n in nouns for w in (n.lemma_.lower(), n.lower_)})
                or objects.refine(code, {w for n in nouns for w in modifier_words(n)}))

    def _noun_code(self, noun: Token) -> str | None:
        """What a light verb's object noun is about ("asked for *aid*" 070), with its modifiers."""
        patterns = self.lexicon.candidates("noun", noun.lemma_.lower())
        if not patterns:
            return None
        code = patterns[0].code
        return self.lexicon.families.modifiers.refine(code, modifier_words(noun)) or code

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


def modifier_words(noun: Token) -> set[str]:
    """The words that modify a noun: "*emergency food* aid", "*suicide car* bombing"."""
    words: set[str] = set()
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i and is_measure(head.head):
        words.add(head.head.lemma_.lower())  # "5 million *dollars* of aid"
    for dep, child in labelled_children(noun):
        if dep in MODIFIER_DEPS:
            words.update((child.lower_, child.lemma_.lower()))
            words.update(w for d, g in labelled_children(child) if d in MODIFIER_DEPS for w in (g.lower_, g.lemma_.lower()))
    return words
