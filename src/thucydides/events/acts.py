"""What an act noun refers back to: "Britain welcomed *the decision*", "the State
Department condemned *the verdict*", "the RSF denied *the accusation*"; and whom an
act on a happening is aimed at: "police dispersed *the rally*" is aimed at those who
rallied.

CAMEO's target of such a reaction is whoever did the act: the court that sentenced,
the group that accused. The noun names no actor itself; it refers back to an act the
article reported before. The coder records each sentence's coded acts here
(`remember`) and a pattern whose target is such a noun takes the agent of the latest
earlier act the noun can name (`agents`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Actor
from ..nlp import children_of, clause_top, doc_memo, sentence_of
from .grammar import ActReference, Grammar, is_infinitive, named_by_demonstrative
from .lexicon import Lexicon
from .match import Candidate

_ACTS_KEY = "thucydides.acts"  # per-document memo (nlp.release drops it)
_RECENCY_KEY = "thucydides.act_recency"  # act token -> its `_recency` sort key
_MAIN_CLAUSE_DEPS = frozenset({"conj", "ccomp"})
# Besides the definite determiners (data/grammar.yaml): "*its* decision", "*their* arrest".
POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her"})
# Acts told as not done, which no later noun refers back to ("Russia does *not recognise*
# the court ... Kyiv hailed *the decision*": the court's warrant)
UNDONE = frozenset({"negated", "hypothetical", "question"})


@dataclass(frozen=True)
class Act:
    """A coded act of the article: where its predicate is, its code and its agent."""

    token: int
    code: str
    agent: Actor
    target: Actor | None = None
    told_as: str = ""  # its pattern's code before its actors recoded it ("protesters attacked": 190, coded 145)
    mutual: bool = False  # done by its agent and target together ("X and Y agreed to ...")


class ActMemory:
    """The acts coded so far in each document, and the agent an act noun refers to."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar

    def remember(self, doc: Doc, candidates: list[Candidate]) -> None:
        """Record a sentence's coded acts that have a stated agent (once each)."""
        acts: dict[int, Act] = doc.user_data.setdefault(_ACTS_KEY, {})
        for cand in candidates:
            if cand.dropped is None and cand.sources and not cand.code.startswith("01") \
                    and cand.modality.value not in UNDONE:
                target = cand.targets[0] if cand.targets else None
                mutual = cand.reciprocal and len(cand.sources) > 1
                if mutual:
                    target = cand.sources[1]  # "X and Y held talks": each is the other's partner
                at = cand.match.predicate.i
                acts.setdefault(at, Act(at, cand.code, cand.sources[0], target, cand.match.pattern.code, mutual))

    def agents(self, noun: Token, sources: list[Actor]) -> list[Actor]:
        """The agent of the latest act before the noun's sentence that it can name, if
        the noun is a definite act noun ("*the* arrests", "*this* verdict"): one of the
        same root as the noun's own patterns, or of the roots and agent roles that
        `act_reference_nouns` give ("the decision": any act; "the verdict": a court's).
        Never one of `sources` (reacting to one's own act is no dyad), but the other
        party of a joint act ("said *the meeting* had been constructive")."""
        act = self.referent(noun)
        own = {s.code for s in sources}
        if act is None:
            return []
        if act.agent.code not in own:
            # a third party's reaction to a joint act is aimed at both parties ("the US
            # welcomed *the agreement*" Armenia and Azerbaijan reached)
            partner = [act.target] if act.mutual and act.target is not None and act.target.code not in own else []
            return [act.agent, *partner]
        joint = act.code[:2] in self.grammar.joint_act_roots
        return [act.target] if joint and act.target is not None and act.target.code not in own else []

    def referent(self, noun: Token) -> Act | None:
        """The latest act before the noun's sentence that a definite act noun names."""
        reference = self._reference(noun)
        if reference is None or not self._referring(noun):
            return None
        acts: dict[int, Act] = noun.doc.user_data.get(_ACTS_KEY, {})
        start = noun.sent.start
        recency = doc_memo(noun.doc, _RECENCY_KEY)
        earlier = sorted((a for a in acts.values() if a.token < start),
                         key=lambda a: recency.get(a.token) or recency.setdefault(a.token, _recency(noun.doc, a)))
        # the latest act told with the noun's own verb first ("arrested" for "the arrest",
        # not a later indictment), then of its own code (after police shot protesters and
        # officers abducted activists, "the killings" are the shooting's), then of its root
        lemma = noun.lemma_.lower()
        own = {p.code for p in self.lexicon.candidates("noun", lemma) if not p.is_null}
        tiers: list[Callable[[Act], bool]] = [lambda a: noun.doc[a.token].lemma_.lower() == lemma,
                                               lambda a: bool({a.code, a.told_as} & own), lambda a: True]
        named = [a for a in earlier if reference.names(a.code, a.agent.role)
                 or reference.names(a.told_as, a.agent.role)]  # "the attack" by protesters, a riot
        act = next((a for tier in tiers for a in named if tier(a)), None)
        if act is None and reference.or_roles:
            act = next((a for a in earlier if reference.names(a.code, a.agent.role, fallback=True)), None)
        return act

    def drop_other_senses(self, candidates: list[Candidate]) -> None:
        """A definite event noun with no actor of its own that names an earlier act is a
        mention of that act: not a new event in the noun's other sense (after Russian
        missile strikes, "the EU condemned *the strikes*" is no labour strike), nor, with
        no one it is aimed at, a second one ("was troubled by *the crackdown*" after the
        arrests, whose implied agent would be guessed from the wrong clause)."""
        for cand in candidates:
            if cand.dropped is not None or cand.match.pattern.pos != "noun" \
                    or any(not a.implied for a in cand.sources):
                continue
            act = self.referent(cand.match.predicate)
            # (violence named again with no actors joins its happening as a mention: happenings.py)
            repeated = not cand.targets and cand.code[:2] not in self.grammar.attack_roots
            if act is not None and (act.code[:2] != cand.code[:2] or repeated):
                cand.dropped = f"names the earlier act '{act.code}' of {act.agent.code}"

    def requesters(self, predicate: Token, sources: list[Actor]) -> list[Actor]:
        """Whom a refusal that names no one answers: the agent of the latest act before
        its sentence that was aimed at the refuser ("students rallied against the
        government ... the president said he would not bow"). Never the refuser."""
        acts: dict[int, Act] = predicate.doc.user_data.get(_ACTS_KEY, {})
        start = predicate.sent.start
        own = {s.code for s in sources}
        for act in sorted((a for a in acts.values() if a.token < start), key=lambda a: -a.token):
            if act.target is not None and act.agent.code not in own \
                    and any(_same_party(act.target, s) for s in sources):
                return [act.agent]
        return []

    def captors(self, predicate: Token, captives: list[Actor]) -> list[Actor]:
        """Who holds the `captives`: the agent of the latest act before the predicate's
        sentence that took one of them (`captivity_roots`: an arrest, an abduction)."""
        acts: dict[int, Act] = predicate.doc.user_data.get(_ACTS_KEY, {})
        start = predicate.sent.start
        roots = tuple(self.grammar.captivity_roots)
        for act in sorted((a for a in acts.values() if a.token < start), key=lambda a: -a.token):
            if act.code.startswith(roots) and act.target is not None \
                    and any(_same_party(act.target, c) for c in captives):
                return [act.agent]
        return []

    def _reference(self, noun: Token) -> ActReference | None:
        """The acts a noun can name; None: it is no act noun."""
        lemma = noun.lemma_.lower()
        if lemma in self.grammar.act_reference_nouns:
            return self.grammar.act_reference_nouns[lemma]
        patterns = [p for p in self.lexicon.candidates("noun", lemma) if not p.is_null]
        if not patterns:
            return None
        return ActReference(tuple(sorted({p.code[:2] for p in patterns})))

    def _referring(self, noun: Token) -> bool:
        """ "the arrests", "this verdict", "its decision": definite, and with no phrase of
        its own saying whose act it is ("the arrest *of X by Y*" is coded as it stands);
        or what a demonstrative names ("*This* was a cowardly *attack* on young men")."""
        if named_by_demonstrative(noun):
            return True
        determiners = [c for c in children_of(noun) if c.dep_ in {"det", "poss"}]
        first = determiners[0].lower_ if determiners else None
        if first not in self.grammar.definite_determiners and first not in POSSESSIVE_DETERMINERS:
            return False
        # ("dismissed the protests *as* street terror": the parser may hang the judgement on the
        # noun; "the attack *on the embassy*" says what it hit, not whose act it was)
        return not any(c.dep_ in {"acl", "relcl"} or c.pos_ == "PROPN"
                       or (c.dep_ == "prep" and c.lower_ != "as" and c.lower_ not in self.grammar.aim_preps)
                       for c in children_of(noun))


def _recency(doc: Doc, act: Act) -> tuple[int, bool, int]:
    """Latest sentence first and, within one, its main clause before what its other
    clauses tell ("Russia expelled two diplomats in retaliation for Tallinn's decision
    to expel an official. Estonia called *the move* unjustified": Russia's)."""
    # the main clause: the root, a verb coordinated with it, or what it reports ("Russia
    # *expelled* two diplomats ..., the ministry said")
    main = clause_top(doc[act.token], _MAIN_CLAUSE_DEPS).dep_ == "ROOT"
    return -sentence_of(doc, act.token)[0], not main, -act.token


def _same_party(a: Actor, b: Actor) -> bool:
    """The same actor, or the same country where one of them has no role ("Iran", "the
    Iranian government")."""
    return a.code == b.code or (a.country is not None and a.country == b.country and not (a.role and b.role))


def happening_acted_on(cand: Candidate, candidates: list[Candidate], grammar: Grammar,
                       code_of: Callable[[Candidate], str]) -> Candidate | None:
    """The happening coded in the same sentence that an act of force is done to, whose
    participants it is then aimed at: police that "dispersed *the protest*", "opened
    fire on *the march*" or "cleared *the blockades*" act on the protesters, whatever
    the noun's own target is (`participant_target_roots`, `participant_event_roots` in
    data/grammar.yaml). `code_of` gives a candidate's code, also of one dropped as only
    what the act is about ("broke up *a demonstration*")."""
    if cand.dropped is not None or not cand.code.startswith(tuple(grammar.participant_target_roots)):
        return None
    return next((h for h in candidates if h is not cand and h.match.pattern.pos == "noun"
                 and code_of(h).startswith(tuple(grammar.participant_event_roots))
                 and _acted_on(h.match.predicate, cand.match.predicate, grammar)), None)


def _acted_on(noun: Token, predicate: Token, grammar: Grammar) -> bool:
    """Whether the noun is the object of the predicate, or of a verb it does it for
    ("used tear gas *to disperse* a rally"), directly or through a preposition of
    aim ("fired *on* the march")."""
    verbs = {predicate.i, *(c.i for c in children_of(predicate)
                            if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _purpose(c)))}
    if noun.dep_ == "dobj":
        return noun.head.i in verbs
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in grammar.aim_preps and head.head.i in verbs


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose ("fired tear gas *to disperse* the crowd"), not a clause
    of time or cause ("detained her *after* she addressed a rally")."""
    return is_infinitive(clause) and not any(c.dep_ == "mark" for c in children_of(clause))
