"""What CAMEO says not to code, and what the coder leaves out for precision.

Sentences under a lexicon's discard phrase and sport or market reports; matches
absorbed by another, null senses and acts of history; candidates without a source or
a required target; statements whose content is itself coded, and trailing
attributions ("..., police said").
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Actor
from ..nlp import children_of
from ..ontology import is_residual
from .grammar import Grammar, attributed, is_definite, is_infinitive
from .lexicon import CURATED, Lexicon
from .match import Candidate, Match
from .parties import patient_stated

_STORY_DISCARD_KEY = "thucydides.story_discard"  # per-document memo (nlp.release drops it)
_LOWER_WORDS_KEY = "thucydides.lower_words"


class Filters:
    """Why a sentence, a match or a candidate is not coded."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar

    def discarded(self, sent: SpacySpan) -> int | None:
        """The rank of the highest layer whose discard phrases stand in the sentence or
        (story discards) anywhere in its article: layers from it down do not code it."""
        if not self.lexicon.discards:
            return None
        doc = sent.doc
        lowers = _lower_words(doc)
        if _STORY_DISCARD_KEY not in doc.user_data:
            doc.user_data[_STORY_DISCARD_KEY] = self.lexicon.discarded_rank(lowers, story=True)
        ranks = [r for r in (self.lexicon.discarded_rank(lowers[sent.start:sent.end]),
                             doc.user_data[_STORY_DISCARD_KEY]) if r is not None]
        return min(ranks) if ranks else None

    def off_topic(self, sent: SpacySpan) -> bool:
        """A sport or market report: two words of one such list in the sentence."""
        discards = self.grammar.discard_words
        doc = sent.doc
        lowers = _lower_words(doc)
        for kind in ("sport", "markets"):
            hits = [i for i in range(sent.start, sent.end) if lowers[i] in discards[kind]]
            if len({lowers[i] for i in hits}) < 2:
                continue  # the usual case: the sentence's tokens are never looked at
            # A currency in an amount ("a 500-million-euro package") is no market report.
            words = {lowers[i] for i in hits
                     if not (i > 0 and doc[i - 1].like_num or any(c.like_num for c in children_of(doc[i])))}
            if len(words) >= 2:
                return True
        return False

    def skipped(self, match: Match, off_topic: bool) -> str | None:
        """Why a match is no event before its actors are looked for, or None."""
        pattern = match.pattern
        if match.subsumed_by is not None:
            return f"embedded in '{match.subsumed_by.predicate.text}' ({match.subsumed_by.pattern.id})"
        if pattern.embedded_only:
            return "only says what a governing pattern is about"
        if pattern.is_null:
            return "null code: this sense is no event"
        if off_topic or self._historical(match):
            return "sport, market or historical context"
        return None

    def missing_party(self, cand: Candidate) -> str | None:
        """Why a candidate with its actors found is no event, or None: it has no
        source (unless one is left unstated in an asserted report) or no target the
        pattern requires."""
        if not cand.sources and not cand.unstated_source:
            return "no source actor"
        if cand.unstated_source and cand.modality.value not in {"asserted", "reported"}:
            return "unstated source and not asserted"
        if self._lacks_target(cand):
            return "target required but none found"
        return None

    def _lacks_target(self, cand: Candidate) -> bool:
        match = cand.match
        if not match.pattern.target_required or any(t for _, t in cand.dyads()):
            return False
        if match.pattern.layer != CURATED:
            return True  # PETRARCH's own rule for its patterns: a dyad or nothing
        # A curated act is an event without a target when its means needs none ("killed
        # in a bomb attack") or, its agent unstated, a patient is named ("two activists
        # were shot dead").
        means_untargeted = match.means is not None and not match.means.pattern.target_required
        return not means_untargeted and not (cand.unstated_source and patient_stated(match, self.grammar)) \
            and not self._combatants_fire(cand)

    def _combatants_fire(self, cand: Candidate) -> bool:
        """One side's armed forces that fight or fire with no one named as hit ("Chechen
        fighters reportedly shoot") are fighting; several sides fight each other (a
        reciprocal reading codes them) and a patient named ("X was shot dead") is the
        target of another reading."""
        grammar, match = self.grammar, cand.match
        return cand.code.startswith(tuple(grammar.attack_roots)) and len({a.code for a in cand.sources}) == 1 \
            and all(a.role and a.role.lower() in grammar.combatant_roles for a in cand.sources) \
            and not any(c.dep_ == "dobj" and c != match.light_object for c in children_of(match.predicate)) \
            and not patient_stated(match, grammar)

    def _historical(self, match: Match) -> bool:
        history = self.grammar.discard_words["history"]
        return any(t.lower_ in history or t.lemma_ in history for t in match.predicate.ancestors)


def drop_subordinate_statements(cands: list[Candidate]) -> None:
    """A plain statement ("X said ...") is not coded when what was said is an event."""
    live = [c for c in cands if not c.dropped]
    for cand in live:
        if not cand.match.pattern.subordinate:
            continue
        predicate = cand.match.predicate
        contents = [c for c in children_of(predicate) if c.dep_ in {"ccomp", "xcomp"}]
        subtree = {t.i for c in contents for t in c.subtree}
        # A governing pattern codes what it embeds itself (refined by it); what it
        # leaves uncoded ("urged X to investigate *the attack*") is no content of it.
        if not cand.match.pattern.governs and any(o is not cand and o.match.predicate.i in subtree for o in live):
            cand.dropped = "statement whose content is coded as an event"
        elif any(attributed(c, predicate) for c in contents):
            # "..., police said": a trailing attribution sources the story; it is
            # not a statement event of its own.
            cand.dropped = "attribution of reported content"


def drop_attack_tolls(cands: list[Candidate], grammar: Grammar) -> None:
    """ "shelled the camp, *killing* 32 people", "exchanged fire, *killing* 16": the
    killing is the toll of the attack its clause hangs on, one happening, coded once:
    as the attack, which takes the dead as its target when it names no one, and the
    toll's code when the means of the killing made it more specific or the attack's own
    code says no more than its root."""
    live = {c.match.predicate.i: c for c in cands if not c.dropped}
    for cand in list(live.values()):
        predicate = cand.match.predicate
        if predicate.lemma_.lower() not in grammar.toll_verbs:
            continue
        if predicate.dep_ == "relcl":
            attack = _attack_told_by(predicate.head, live, grammar)  # "an attack on tourists *that killed* 26"
        elif _is_participle(predicate):
            attack = _act_hung_on(predicate.head, live, grammar)
            if attack is None and _is_participle(predicate.head) and predicate.head.i not in live:
                # "fired rockets at a village, hitting a petrol station and *killing* eight":
                # the toll hangs on a fellow participle of the attack
                attack = _act_hung_on(predicate.head.head, live, grammar)
        else:
            continue
        if attack is None or attack is cand or not attack.code.startswith(tuple(grammar.attack_roots)):
            continue
        cand.dropped = f"toll of the attack '{attack.match.predicate.text}'"
        if not attack.targets and not attack.match.pattern.reciprocal:
            attack.targets = list(cand.targets)  # "opened fire, killing 20 people": the people
        refined = cand.code != cand.match.pattern.code and cand.code[:2] == attack.code[:2]
        if refined or (is_residual(attack.code) and _non_combatants(cand.targets, grammar)):
            # "*tanks* fired at houses, killing two": the means says 194; "a camp was
            # attacked (190) by militiamen, killing 156 refugees": an assault on
            # civilians, 180 ("attacked a base, killing four soldiers" stays a fight)
            attack.code = cand.code


def drop_strikes_beside_attacks(cands: list[Candidate], grammar: Grammar) -> None:
    """ "Israeli jets *struck* airbases, the latest in hundreds of *strikes*": a strike
    noun with no agent of its own beside a military strike in its sentence is one of
    those, not a labour strike (one sense per sentence)."""
    struck = [c for c in cands if not c.dropped and c.code.startswith(tuple(grammar.attack_roots))
              and c.match.predicate.lemma_.lower() == "strike"]
    if not struck:
        return
    for cand in cands:
        predicate = cand.match.predicate
        if cand.dropped or cand.match.pattern.pos != "noun" or cand.match.pattern.family != "strike" \
                or predicate.lemma_.lower() != "strike" or any(not a.implied for a in cand.sources):
            continue
        cand.dropped = f"one of the military strikes of '{struck[0].match.predicate.text}'"


def _is_participle(token: Token) -> bool:
    """A participle clause hung on a predicate: ", *killing* 32 people"."""
    return token.tag_ == "VBG" and token.dep_ in {"advcl", "conj", "xcomp"}


def _attack_told_by(noun: Token, live: dict[int, Candidate], grammar: Grammar) -> Candidate | None:
    """The attack noun whose phrase holds the noun a relative clause of killing hangs
    on: the parser hangs "that killed 26 people" on the nearest noun ("an attack *on
    tourists* in Pahalgam that killed 26")."""
    current = noun
    for _ in range(4):
        cand = live.get(current.i)
        if cand is not None and current.pos_ == "NOUN":
            return cand if cand.code.startswith(tuple(grammar.attack_roots)) else None
        if current.dep_ not in {"pobj", "prep", "compound"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def drop_aims(cands: list[Candidate], grammar: Grammar) -> None:
    """ "adopted sanctions against Russia, *targeting* 200 vessels": a participle of an
    aim verb that hangs on an act other than an attack says whom that act is aimed at;
    it is no attack of its own."""
    live = {c.match.predicate.i: c for c in cands if not c.dropped}
    for cand in list(live.values()):
        predicate = cand.match.predicate
        if predicate.lemma_.lower() not in grammar.aim_verbs or predicate.tag_ not in {"VBG", "VBN"} \
                or predicate.dep_ not in {"advcl", "acl", "conj"}:
            continue
        act = _act_hung_on(predicate.head, live, grammar)
        if act is not None and act is not cand and not act.code.startswith(tuple(grammar.attack_roots)):
            cand.dropped = f"what '{act.match.predicate.text}' is aimed at"


def drop_purposes_of_the_same_act(cands: list[Candidate]) -> None:
    """ "police fired tear gas *to disperse* protesters": a purpose of the same code and
    source as the act it hangs on is that act told again, one happening, coded once,
    with the purpose's target where the act names none."""
    live = {c.match.predicate.i: c for c in cands if not c.dropped}
    for cand in list(live.values()):
        predicate = cand.match.predicate
        if predicate.dep_ not in {"advcl", "xcomp"} or not is_infinitive(predicate):
            continue
        act = live.get(predicate.head.i)
        if act is None or act is cand or act.code != cand.code \
                or {a.code for a in act.sources} != {a.code for a in cand.sources}:
            continue
        cand.dropped = f"the purpose of '{act.match.predicate.text}', the same act"
        if not act.targets:
            act.targets = list(cand.targets)


def drop_judged_mentions(cands: list[Candidate], grammar: Grammar) -> None:
    """ "the government said, calling *the killings* terrorism", "described the police
    operation as brutal *repression*": an act judged by name is one reported already,
    and the harsh word that judges it names no act; neither is a new event."""
    for judge in cands:
        judged = judge.match.light_object
        if not judge.match.pattern.evaluation or judged is None:
            continue  # (a judgement with no one to aim at is still one: "calling the killings terrorism")
        verb = judge.match.predicate
        for cand in cands:
            token = cand.match.predicate
            if cand is judge or cand.dropped is not None or cand.match.pattern.pos != "noun":
                continue
            if token.i == judged.i and (is_definite(token, grammar) or token.dep_ == "attr"):
                cand.dropped = f"judged by '{verb.text}': an act named again"
            elif token.i != judged.i and token.lemma_.lower() in grammar.evaluations(judge.match.pattern.evaluation) \
                    and _judgement_of(token, verb, judged):
                cand.dropped = f"the judgement of '{verb.text}', no act"


def _judgement_of(token: Token, verb: Token, judged: Token) -> bool:
    """Whether a word is how the verb judges: its complement ("called X *terrorism*"),
    "as" object ("described X as *repression*") or what it hangs on X."""
    head = token.head
    return head.i in (verb.i, judged.i) or (head.dep_ == "prep" and head.head.i in (verb.i, judged.i))


def _act_hung_on(head: Token, live: dict[int, Candidate], grammar: Grammar) -> Candidate | None:
    """The coded act a participle (a toll, an aim) hangs on: its head's, the act noun its
    head only carries out ("*carried out* an attack on a police post, killing three"), or
    the act a report of it tells ("warplanes struck PKK targets, the ministry *said*,
    killing 12")."""
    if head.i in live:
        return live[head.i]
    carried = ("dobj", "ccomp") if head.lemma_.lower() in grammar.communication_verbs else ("dobj",)
    return next((live[c.i] for c in children_of(head) if c.dep_ in carried and c.i in live), None)


def _non_combatants(actors: list[Actor], grammar: Grammar) -> bool:
    return bool(actors) and all(a.role and a.role.lower() not in grammar.combatant_roles for a in actors)


def _lower_words(doc: Doc) -> list[str]:
    """The document's words in lower case, read once (discard phrases are looked up in them)."""
    lowers = doc.user_data.get(_LOWER_WORDS_KEY)
    if lowers is None:
        strings = doc.vocab.strings
        lowers = doc.user_data[_LOWER_WORDS_KEY] = [strings[i] for i in doc.to_array([LOWER]).tolist()]
    return lowers
