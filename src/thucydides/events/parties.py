"""The source and target actors of a match, as the text states them.

A lexicon entry names argument slots (`subj`, `obj`, `prep:with`, ...) in order;
`arguments.py` reads the tokens of each slot from the parse, and here they are
resolved to actors: the first slot that names any gives them. A target missing from
the predicate's own slots may be named by the means of a violent act, by the action a
governing pattern embeds, or by the place an act is done in.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..dateline import doc_dateline_end
from ..model import Actor, Article, trusted_replace
from ..nlp import children_of, doc_text, entity_of, pos_of
from ..petrarch.patterns import sequence_slot
from .acts import POSSESSIVE_DETERMINERS, Act, ActMemory
from .arguments import light_verb_of, place_tokens, reason_agents, slot_prepositions, slot_tokens
from .arguments import subjects as agent_tokens
from .grammar import NOMINAL_POS, Grammar, is_passive, objects_of, prep_objects, with_conjuncts
from .lexicon import CURATED
from .match import ActorLookup, Match
from .phrases import sequence_heads
from .refinement import CodeRefiner

UNPLACED = ""  # the code of a person the actor base does not know, until placed
UNPLACED_ENTITIES = frozenset({"PERSON", "ORG"})
FIRST_ACTOR_SLOT = "phrase"  # arguments.SLOTS: nouns of the verb phrase, nearest first
OWN_FORCE_ROLES = frozenset({"MIL", "COP"})


class Parties:
    """The stated sources and targets of a match."""

    def __init__(self, resolver: ActorLookup, grammar: Grammar, refiner: CodeRefiner, acts: ActMemory) -> None:
        self.resolver = resolver
        self.grammar = grammar
        self.refiner = refiner
        self.acts = acts

    def sources(self, match: Match, article: Article) -> list[Actor] | None:
        """The actors of the pattern's source slots; None when the pattern wants
        sources of certain roles (`source_roles`) and those stated have none of them."""
        sources = (self._actors(match.pattern.source, match, article) or self._between_parties(match, article)
                   or self._clause_party(match, article) or self._reason_party(match, article)
                   or self._meeting_parties(match, article) or self._claimants(match, article)
                   or (self._claimants(match.means, article) if match.means is not None else [])
                   or self._means_agent(match)
                   or self._means_partners(match, article))
        sources = _without_describing_country(sources, match)
        roles = match.pattern.source_roles
        if not roles or not sources:
            return sources
        return [a for a in sources if a.role in roles] or None

    def _between_parties(self, match: Match, article: Article) -> list[Actor]:
        """ "*clashes between* police and protesters", "a gunbattle *between* troops and
        rebels": a two-sided act named by a noun is done by each of its parties (acts
        reported without an agent; a meeting that acts is `_meeting_parties`)."""
        noun = match.predicate
        if match.pattern.pos != "noun" or not match.pattern.reciprocal or not match.pattern.unstated_source:
            return []
        parties = self._prep_actors(noun, ("between", "among"), article)
        if not parties and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            parties = self._prep_actors(noun.head, ("between", "among"), article)  # "clashes *erupted between*"
        if len(parties) < 2:
            return []
        match.mutual = True
        match.trace.append(f"parties of the two-sided act: {_listed(parties)}")
        return parties

    def _means_partners(self, match: Match, article: Article) -> list[Actor]:
        """ "three officers were killed *in clashes with protesters*": whoever the
        victims fought is who did the killing, when no one else is said to."""
        means = match.means
        if means is None or means.pattern.pos != "noun" or not source_unstated(match, self.grammar):
            return []
        partners = self._prep_actors(means.predicate, ("with",), article)
        if partners:
            match.trace.append(f"the other side of '{means.predicate.text}': {_listed(partners)}")
        return partners

    def _meeting_parties(self, match: Match, article: Article) -> list[Actor]:
        """ "*Talks between* Israel and Hamas failed to produce a ceasefire", "the
        summit *between* the EU and Turkey failed to reach agreement": a meeting that
        acts is its parties acting (`meeting_nouns` in data/grammar.yaml)."""
        parties: list[Actor] = []
        for subject in agent_tokens(match.predicate, self.grammar):
            if subject.lemma_.lower() in self.grammar.meeting_nouns:
                parties += self._prep_actors(subject, ("between", "among"), article)
        if parties:
            match.mutual = True
            match.trace.append(f"subject is a meeting of {_listed(parties)}")
        return parties

    def _prep_actors(self, token: Token, preps: tuple[str, ...], article: Article) -> list[Actor]:
        """The actors of a word's prepositional phrases, coordinated ones included
        ("between *police* and *protesters*")."""
        return [a for o in prep_objects(token, preps) for t in with_conjuncts(o)
                for a in self.resolver.resolve_many(t, article.date)]

    def armed_agents(self, match: Match, article: Article) -> list[Actor]:
        """The stated agents of a dissent pattern that are armed (`combatant_roles`):
        "gunmen set fire to several vehicles" is no riot, whoever else might be meant
        by a crowd word, but destruction by armed men (the next pattern)."""
        if not match.pattern.code.startswith(tuple(self.grammar.implied_dissent_codes)):
            return []
        return [a for a in self._subject_actors(match.predicate, article)
                if a.role and a.role.lower() in self.grammar.combatant_roles]

    def _claimants(self, match: Match, article: Article) -> list[Actor]:
        """ "The Pakistani Taliban claimed responsibility *for an attack* on a
        checkpoint", "JNIM claimed *the attack*": whoever claims an act did it
        (`responsibility_verbs`)."""
        noun = match.predicate
        verb = _claiming_verb(noun, self.grammar) if match.pattern.pos == "noun" else None
        if verb is None:
            return []
        actors = self._subject_actors(verb, article)
        if actors:
            match.trace.append(f"claimed by {_listed(actors)}")
        return actors

    def _means_agent(self, match: Match) -> list[Actor]:
        """ "India struck nine sites in Pakistan. Pakistan said *the strikes* killed 26
        civilians": a violent act done by means of an earlier act is that act's agent's
        (`means_act`)."""
        act = self.means_act(match)
        if act is None:
            return []
        match.trace.append(f"by means of an earlier act of {act.agent.code}")
        return [act.agent]

    def means_act(self, match: Match) -> Act | None:
        """The earlier act that a violent act's means names ("*the strikes* killed ...")."""
        means = match.means
        if means is None or means.pattern.pos != "noun":
            return None
        return self.acts.referent(means.predicate)

    def _subject_actors(self, verb: Token, article: Article) -> list[Actor]:
        """The actors of a verb's agents (its subjects, a passive's "by" phrase)."""
        return [a for t in agent_tokens(verb, self.grammar) for a in self.resolver.resolve_many(t, article.date)]

    def _clause_party(self, match: Match, article: Article) -> list[Actor]:
        """ "the army recaptured two districts *after heavy fighting with the RSF*",
        "Japan agreed *after talks with China*": an act *with* someone that is a
        circumstance of a clause is done by the clause's subject."""
        prep = _governing_preposition(match)
        if prep is None or prep.head.pos_ not in {"VERB", "AUX"}:
            return []
        partners = [a for o in prep_objects(match.predicate, ("with",))
                    for a in self.resolver.resolve_many(o, article.date)]
        if not partners:
            return []
        verb = prep.head
        actors = [a for a in self._subject_actors(verb, article) if all(a.code != p.code for p in partners)]
        if actors:
            match.trace.append(f"subject of '{verb.text}', whose circumstance it is -> {_listed(actors)}")
        return actors

    def _reason_party(self, match: Match, article: Article) -> list[Actor]:
        """ "sentenced a police officer *for the killing* of a lawyer": an act given as
        the reason for a verb's act is done by whoever that verb acts on."""
        prep = _governing_preposition(match)
        if prep is None:
            return []
        actors = [a for t in reason_agents(prep, self.grammar) for a in self.resolver.resolve_many(t, article.date)]
        if actors:
            match.trace.append(f"the reason '{prep.head.text}' gives -> {_listed(actors)}")
        return actors

    def targets(self, match: Match, article: Article, sources: list[Actor]) -> list[Actor]:
        """The actors of the pattern's target slots, else of the means of a violent act
        ("engaged in ethnic cleansing *against the Masalit*"), the agent of an earlier act
        a target noun refers to ("welcomed *the decision*"), of the embedded action,
        or of the place the act is done in ("declared a state of siege *in Haiti*")."""
        release = self._release_asked(match)
        if release is not None:
            return self._captors(match, release, article, sources)
        targets = self._actors(match.pattern.target, match, article, sources)
        if not targets and match.means is not None:
            targets = self._actors(match.means.pattern.target, match.means, article)
        if not targets:
            targets = self._referred_agents(match, sources)
        if not targets:
            targets = self._embedded_targets(match, article, self._stated_targets)
        if not targets:
            # an act on a place names no one else
            targets = (self._embedded_targets(match, article, self._place_actors)
                       or self._place_actors(match, article))
        return targets

    def _referred_agents(self, match: Match, sources: list[Actor]) -> list[Actor]:
        """ "condemned *the verdict*", "welcomed *the decision*" (a light verb's own
        object): the agent of the earlier act a target noun refers to."""
        heads = [match.light_object] if match.light_object is not None else []
        for slot in match.pattern.target:
            if sequence_slot(slot) is None:
                heads.extend(slot_tokens(slot, match.predicate, self.grammar, match.light_object))
        for head in (h for h in heads if pos_of(h) == "NOUN"):
            agents = self.acts.agents(head, sources)
            if agents:
                match.trace.append(f"'{head.text}' refers to an earlier act of {agents[0].text}={agents[0].code}")
                return agents
        return []

    def _actors(self, slots: tuple[str, ...], match: Match, article: Article,
                sources: list[Actor] | None = None) -> list[Actor]:
        """The actors of the first of `slots` that has any. Given the `sources` of a
        broad pattern, the source's own forces are no target of its act: "North Korea
        sent *special forces troops* to Russia" is aimed at Russia (the next slot)."""
        for slot in slots:
            actors = self._slot_actors(slot, match, article)
            if sources and match.pattern.layer != CURATED:
                actors = [a for a in actors if not _own_forces(a, sources)]
            if sources and slot in {"poss", "obj"} and self._own_object(match):
                # "Thailand recalled *its* ambassador": its own, no one else's
                actors = [a for a in actors if all(s.country is None or a.country != s.country for s in sources)]
            if actors:
                match.trace.append(f"{slot} -> {_listed(actors)}")
                return actors
        return []

    def _own_object(self, match: Match) -> bool:
        """Whether the predicate's object is the agent's own ("recalled *its* envoy")."""
        return any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in POSSESSIVE_DETERMINERS
                   for o in objects_of(match.predicate, self.grammar) for c in children_of(o))

    def _slot_actors(self, slot: str, match: Match, article: Article) -> list[Actor]:
        """The actors of one slot's heads and those coordinated with them; of a phrase
        slot, only the first head's (TABARI's reading: the first actor past the
        pattern's words)."""
        place = sequence_slot(slot)
        heads = self._slot_heads(slot, place, match, article)
        first_only = slot == FIRST_ACTOR_SLOT or place is not None
        dateline = doc_dateline_end(match.predicate.doc)
        actors: list[Actor] = []
        # a restriction in a city is on the place (a visit to a capital, dissent in it,
        # are to and against its government)
        in_place = bool(self.grammar.place_preps.intersection(slot_prepositions(slot))) \
            and match.pattern.code.startswith(tuple(self.grammar.implied_people_codes))
        for head in heads:
            found = self._head_actors(head, match, article, dateline)
            if in_place and self.resolver.is_venue(head.text):
                # "declared a state of emergency *in Lima*": the city's country, not its government
                found = [trusted_replace(a, code=a.country, role=None) if a.country and a.role == "GOV" else a
                         for a in found]
            actors.extend(found)
            if actors and first_only:
                break
        return actors

    def _slot_heads(self, slot: str, place: tuple[int, int] | None, match: Match, article: Article) -> list[Token]:
        if place is not None:
            # the pattern's words and skipped phrases, then the heads after them
            heads = sequence_heads(match.predicate, match.sequence, *place)
        else:
            heads = slot_tokens(slot, match.predicate, self.grammar, match.light_object)
        if slot == "compound" and match.pattern.compound_venue:
            # "the Astana talks", "the stalled Geneva negotiations": a city names
            # where the talks are held, not who holds them.
            heads = [h for h in heads if not self.resolver.is_venue(h.text)]
        if slot == "comp" and match.complement is not None:
            heads = slot_tokens("comp", match.predicate, self.grammar) or heads
        if slot == "comp":
            # "warned that an intervention would be met *with force*": the word the pattern
            # names is what is threatened, no one it is aimed at
            heads = [h for h in heads if h.lemma_.lower() not in match.pattern.complements]
        return [h for h in heads if h.dep_ not in {"compound", "amod"} or self._modifies_party(h, article)]

    def _head_actors(self, head: Token, match: Match, article: Article, dateline: int) -> list[Actor]:
        """The actors of a head and its conjuncts: "the two countries", "they" after
        "Russia and China" give every actor."""
        actors: list[Actor] = []
        for t in (x for c in with_conjuncts(head) for x in _past_dateline(c, dateline)):
            t = _counted_pronoun(t) or t  # "killed *four of them*": them
            found = (self.resolver.resolve_many(t, article.date) or unplaced_person(t)
                     or described_people(t, self.grammar))
            if pos_of(t) == "PRON":
                match.anaphoric.update((a.start, a.end) for a in found)
            actors.extend(found)
        return actors

    def _modifies_party(self, modifier: Token, article: Article) -> bool:
        """Whether a name modifying a noun makes its phrase an actor: "the *Iran*
        talks" does, "the *Minsk* summit" names only a venue (see the resolver)."""
        return self.resolver.resolve_phrase(modifier.head, article.date) is not None

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

    def _release_asked(self, match: Match) -> Match | None:
        """The release of people that an appeal or a demand asks for by its noun ("called
        for *the release* of ..."); a verb names whom it asks ("urged Hamas to release")."""
        inner = match.embedded if match.pattern.governs else None
        if inner is None or inner.pattern.pos != "noun":
            return None
        return inner if inner.pattern.code in self.grammar.release_codes else None

    def _captors(self, match: Match, release: Match, article: Article, sources: list[Actor]) -> list[Actor]:
        """ "demanded *their* release", "called for the release of the reporters": whoever
        holds the captives is asked, never the captives themselves: the one it is addressed
        to ("appealed *to the president* for his release"), else their captor reported
        before, else no one (a demand then falls to the government, see `implied.py`)."""
        noun = release.predicate
        addressed = [a for a in self._actors(match.pattern.target, match, article, sources)
                     if not noun.left_edge.idx <= a.start < noun.right_edge.idx + len(noun.right_edge)]
        if addressed:
            return addressed
        captives = self._stated_targets(release, article) or self._actors(match.pattern.target, match, article, sources)
        captors = self.acts.captors(match.predicate, captives)
        match.trace.append(f"release of {_listed(captives) or 'no one named'}: asks " + (
            f"their captor {_listed(captors)}" if captors else "whoever holds them (none reported)"))
        return captors

    def _stated_targets(self, match: Match, article: Article) -> list[Actor]:
        return self._actors(match.pattern.target, match, article)

    def _place_actors(self, match: Match, article: Article) -> list[Actor]:
        """The place an act is done in, as its target, for the codes whose target
        is where they happen (`place_target_codes` in data/grammar.yaml); a place
        where people talk or speak is only a location."""
        if not self.refiner.refined_code(match, trace=False).startswith(tuple(self.grammar.place_target_codes)):
            return []
        actors = [a for t in place_tokens(match.predicate, self.grammar, match.light_object)
                  for a in self.resolver.resolve_many(t, article.date)]
        if actors:
            match.trace.append(f"place -> {_listed(actors)}")
        return actors


def _governing_preposition(match: Match) -> Token | None:
    """The preposition whose object a noun predicate is ("after *fighting*", "for *the
    killing*"), if any."""
    noun = match.predicate
    if match.pattern.pos != "noun" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    return noun.head


def _claiming_verb(noun: Token, grammar: Grammar) -> Token | None:
    """The verb that claims an act noun: "claimed responsibility *for* the attack",
    "*claimed* the attack"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility" \
            and head.head.head.lemma_.lower() in grammar.responsibility_verbs:
        return head.head.head
    return None


def _listed(actors: list[Actor]) -> str:
    """Actors as a trace names them: "Turkish police=TURCOP, protesters=TURCVL"."""
    return ", ".join(f"{a.text}={a.code}" for a in actors)


def unplaced_person(token: Token) -> list[Actor]:
    """A person or organisation the actor base does not know ("Her lawyer, *Pavel
    Lebedev*, said", "*The Hadhreen Initiative* accused"), as an actor with no code yet:
    the country in context places them (`implied.py`), and with none they are left out."""
    if token.ent_type_ not in UNPLACED_ENTITIES or token.pos_ != "PROPN":
        return []
    ent = entity_of(token)
    if ent is None or ent.root.i != token.i:
        return []
    return [Actor(code=UNPLACED, text=ent.text, start=ent.start_char, end=ent.end_char, name=ent.text)]


def described_people(token: Token, grammar: Grammar) -> list[Actor]:
    """People named only by a clause ("*those* detained", "*those who* attacked the
    police", "172 of *those* detained") or by their number alone ("arrested *dozens*"):
    civilians, placed in the country in context like any role-only actor
    (`described_people_pronouns`, `people_counts` in data/grammar.yaml)."""
    if token.pos_ == "NUM":
        token = next((o for o in prep_objects(token, ("of",))), token)
    counted = token.lower_ in grammar.people_counts and not any(c.dep_ == "prep" for c in children_of(token))
    described = token.lower_ in grammar.described_people_pronouns \
        and any(c.dep_ in {"acl", "relcl"} for c in children_of(token))
    if not (counted or described):
        return []
    span = token.doc[token.left_edge.i: token.right_edge.i + 1]
    role = grammar.implied_dissent_role
    return [Actor(code=role, text=span.text, start=span.start_char, end=span.end_char, role=role)]


def source_unstated(match: Match, grammar: Grammar) -> bool:
    """Violence and protest are often reported without their agent: "nine
    civilians were killed", "an explosion killed two", "protests in Brasilia".
    Such an event is coded with no source; one whose agent is stated but is
    not a political actor ("the dollar fell", "Arsenal attacked") is not."""
    predicate = match.predicate
    if match.pattern.pos == "noun":
        light = light_verb_of(predicate, grammar)
        if light is not None:
            # "X launched an attack": the light verb's subject is the source,
            # unless it is a crowd ("members continued their strike")
            return not any(identifies_agent(s, grammar) for s in agent_tokens(light, grammar))
        # descriptive modifiers ("*street* protests") state no agent
        return not _agent_in_source_slots(match, grammar, skipped=frozenset({"amod", "compound"}))
    if is_passive(predicate, grammar):
        # "killed *by a roadside bomb*": a weapon or an event is no agent.
        return not any(identifies_agent(o, grammar) for o in prep_objects(predicate, ("by",)))
    if "subj" in match.pattern.target:
        # "soldiers *came under fire*": a subject that undergoes the act is no agent
        return not _agent_in_source_slots(match, grammar)
    subjects = agent_tokens(predicate, grammar)
    if not subjects:
        # "striking staff", "agreed to march": a modifier or an embedded verb
        # shares an agent that is stated elsewhere.
        return predicate.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "amod", "compound"}
    return not any(identifies_agent(s, grammar) for s in subjects)


def _agent_in_source_slots(match: Match, grammar: Grammar, skipped: frozenset[str] = frozenset()) -> bool:
    """Whether the pattern's source slots (but `skipped`) state someone as the agent."""
    return any(identifies_agent(h, grammar) for slot in match.pattern.source if slot not in skipped
               for h in slot_tokens(slot, match.predicate, grammar, match.light_object))


def identifies_agent(token: Token, grammar: Grammar) -> bool:
    """Whether a stated agent names someone: not a pronoun (no coreference
    here), a crowd ("thousands"), an event ("the blast killed") or a time
    ("last week's bombings")."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in {"DATE", "TIME"}:
        return False
    unstated = grammar.eventive_subjects | grammar.crowd_subjects
    return token.lemma_.lower() not in unstated and token.lower_ not in unstated


def patient_stated(match: Match, grammar: Grammar) -> bool:
    """ "Two activists were shot dead": with no agent stated, a patient that is
    named but not a coded actor still makes the act an event (target unknown)."""
    return any(t.pos_ in NOMINAL_POS for slot in match.pattern.target
               for t in slot_tokens(slot, match.predicate, grammar, match.light_object))


def _past_dateline(token: Token, dateline: int) -> list[Token]:
    """The token, unless it is in the dateline: then what the parser hung on it as an
    apposition ("KYIV, March 3 - *Russian forces* attacked" parses as "KYIV, forces")."""
    if token.idx >= dateline:
        return [token]
    return [c for c in children_of(token) if c.dep_ in {"appos", "conj"} and c.idx >= dateline]


def _own_forces(actor: Actor, sources: list[Actor]) -> bool:
    """The military or police of a source's own country (or of no stated country, so
    the source's), which a state sends, deploys or moves: an instrument of the act,
    not its target."""
    return actor.role in OWN_FORCE_ROLES and any(
        s.role not in OWN_FORCE_ROLES and (actor.country == s.country or (actor.country is None and s.country))
        for s in sources)  # ("the government deployed *the army*": neither placed yet, the same state's)


def _without_describing_country(sources: list[Actor], match: Match) -> list[Actor]:
    """A country the parser split off as a subject of its own right before one of its
    actors ("[Sudan's paramilitary] [Rapid Support Forces] shelled"): it says whose the
    actor is, it is no second source (a coordination has "and" or a comma between)."""
    if len(sources) < 2:
        return sources
    text = doc_text(match.predicate.doc)
    return [a for a in sources if not (a.role is None and a.country and any(
        b.country == a.country and b.role and b.start > a.end and not text[a.end:b.start].strip() for b in sources))]


def _counted_pronoun(head: Token) -> Token | None:
    """The pronoun a number counts ("four *of them*"), whose antecedent the phrase names."""
    if not head.like_num:
        return None
    return next((o for p in children_of(head) if p.dep_ == "prep" and p.lower_ == "of"
                 for o in children_of(p) if o.dep_ == "pobj" and pos_of(o) == "PRON"), None)
