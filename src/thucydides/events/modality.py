"""Modality of a predicate: did it happen, will it, might it, or is it denied?

Values: `asserted`, `reported` (attributed to a speaker other than the actor),
`future`, `hypothetical`, `generic`, `negated`, `question`. The first that applies
in the order negated > hypothetical > generic > question > future > reported wins,
because an action that was denied or only imagined must never be counted as done.
`generic` is an event noun talked about rather than reported as having happened:
planned or prevented ("the planned march", "to prevent further protests"), of a kind
("such marches") or in a general statement ("strikes have become longer").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import children_of, conjuncts_of, labelled_children, sentence_of
from .grammar import Grammar, children, governors, is_circumstance, is_definite

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own
ORDER = ("negated", "hypothetical", "generic", "question", "future", "reported", "asserted")


@dataclass(frozen=True)
class Modality:
    value: str
    reason: str  # a short why, shown by `thucydides explain`


def _negated(token: Token, grammar: Grammar) -> str | None:
    for dep, child in labelled_children(token):
        if dep == "neg" and _denies(child) or (dep == "det" and child.lower_ == "no"):
            return f"negation '{child.text}' on '{token.text}'"
    head = token.head
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and head.lemma_ == "be":
        # "was not ready for talks": the copula carries the adjective's negation
        neg = next((child for dep, child in labelled_children(head) if dep == "neg" and _denies(child)), None)
        if neg is not None:
            return f"negation '{neg.text}' on '{head.text} {token.text}'"
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and head.lemma_ in grammar.occurrence_verbs \
            and any(dep == "neg" for dep, _ in labelled_children(head)):
        return f"'{token.text}' did not happen ('{head.text}' negated)"
    return None


def _denies(neg: Token) -> bool:
    """Whether a negation denies: "not only ready but eager" affirms."""
    following = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return following is None or following.lower_ != "only"


_BARE_DEPS = {"det", "poss", "nummod", "compound"}


def _generic(noun: Token, grammar: Grammar) -> str | None:
    """Why an event noun names no event that happened, or None. The object of a
    light verb is an act ("staged *further* protests"): never generic."""
    if noun.pos_ != "NOUN" or _light_verb_object(noun, grammar):
        return None
    for child in children_of(noun):
        if child.dep_ == "amod" and child.lower_ in grammar.unrealised_modifiers:
            return f"'{child.text} {noun.text}' has not happened"
        if child.dep_ in {"det", "predet", "amod"} and child.lower_ in grammar.generic_determiners:
            return f"'{child.text} {noun.text}' is a kind, not an event"
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in grammar.preventing_verbs:
        return f"'{noun.text}' {head.text}: it did not happen"
    if noun.dep_ == "pobj" and head.lower_ in {"on", "against"} and _prevents(head.head, grammar):
        return f"a {head.text}-phrase of a ban: '{noun.text}' did not happen"
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in grammar.planning_verbs:
        return f"'{noun.text}' {head.text}: not yet happened"
    if noun.dep_ == "nsubj" and noun.tag_ == "NNS" and head.lemma_ in grammar.generic_predicates \
            and not any(c.dep_ in _BARE_DEPS for c in children_of(noun)):
        return f"'{noun.text} {head.text}': a general statement"
    if noun.dep_ == "dobj" and noun.tag_ == "NNS" and head.tag_ in {"VBZ", "VBP"} \
            and not any(c.dep_ in _BARE_DEPS for c in children_of(noun)) \
            and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in children_of(head)):
        # "the treaty *covers attacks* on Philippine vessels": a kind of act, in the present
        return f"'{head.text} {noun.text}': a general statement"
    return None


def _standing(verb: Token, grammar: Grammar) -> str | None:
    """Why a verb tells a state or a tally rather than one event, or None: a relative
    clause in the present simple describes its noun ("Rwandan troops, which *support*
    Mozambique's army"); a present passive of holding ("8,000 Ukrainians *are held* in
    Russian captivity", `holding_verbs`) is a state; an active present perfect since a
    year with a plural object ("Iran *has seized* several tankers since 2019", "the
    insurgency *has killed* more than 6,000 people since 2017") a tally of many."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = children(verb, {"aux", "auxpass"})
    if verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"} and not auxiliaries:
        return f"'{verb.text}' in the present, describing '{verb.head.text}'"  # "troops, which *support* the army"
    if verb.lemma_ in grammar.holding_verbs and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" \
            and auxiliaries[0].tag_ in {"VBZ", "VBP"}:
        return f"'{auxiliaries[0].text} {verb.text}': a state"
    # coordinated verbs share the auxiliary and the since-phrase ("has expelled ... and closed ... since 2018")
    first = verb.head if verb.dep_ == "conj" else verb
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in children_of(first)) \
            or not any(c.dep_ == "dobj" and c.tag_ == "NNS" for c in children_of(verb)):
        return None
    # since a year ("since 2019"), not since Monday: a tally of a crackdown's days is its arrests
    if any(c.dep_ == "prep" and c.lower_ == "since" and any(t.like_num and len(t.text) == 4 for t in c.subtree)
           for v in (first, *conjuncts_of(first)) for c in children_of(v)):
        return f"'{verb.text}' since: a tally of many events"
    return None


def _prevents(holder: Token, grammar: Grammar) -> bool:
    """Whether a phrase's holder is a ban ("a ban *on* rallies"), or a verb whose object
    is one: the parser hangs the phrase on the verb ("lifted the ban *on* rallies")."""
    return holder.lemma_ in grammar.preventing_nouns or any(
        c.dep_ == "dobj" and c.lemma_ in grammar.preventing_nouns for c in children_of(holder))


def _light_verb_object(noun: Token, grammar: Grammar) -> bool:
    return noun.dep_ in {"dobj", "obj", "nsubjpass"} and noun.head.lemma_ in grammar.light_verbs


def _aux(token: Token, words: frozenset[str]) -> str | None:
    for dep, child in labelled_children(token):
        if dep in {"aux", "auxpass"} and child.lower_ in words:
            return child.text
    return None


def _conditional(token: Token, grammar: Grammar) -> str | None:
    for dep, child in labelled_children(token):
        if dep == "mark" and child.lower_ in grammar.conditional_marks:
            return child.text
    return None


def _reported_would(predicate: Token, grammar: Grammar) -> str | None:
    """'would' in reported speech is the past of 'will' ("they said they would
    meet"), not a hypothetical, unless the clause is conditional itself."""
    head = predicate.head
    if predicate.dep_ == "xcomp" and head.lemma_ in grammar.aspectual_verbs:
        predicate = head  # "said it would *keep working* with": the would is the work's
    aux = _aux(predicate, frozenset({"would"}))
    if aux is None or _conditional(predicate, grammar):
        return None
    if any(g.lemma_ in grammar.communication_verbs for g in governors(predicate)):
        return aux
    return None


def _intent_adjective(predicate: Token, grammar: Grammar) -> str | None:
    """ "is willing / ready / prepared to send": the action is intended."""
    head = predicate.head
    if predicate.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in grammar.intent_adjectives:
        return head.text
    return None


def stated_future(predicate: Token, grammar: Grammar) -> str | None:
    """The marker that states this predicate as a future act of its subject
    ('will', reported 'would', "ready to"), whether or not it is negated: CAMEO
    codes such a statement as an intent, threat or refusal (`data/families.yaml`)."""
    return (_aux(predicate, grammar.future_aux) or _reported_would(predicate, grammar)
            or _intent_adjective(predicate, grammar))


def _awaited(clause: Token, gov: Token, grammar: Grammar) -> str | None:
    """The future act a clause of `pending_marks` ("until", "before") waits on, which
    puts the clause itself in the future: "would continue the strike *until* the workers
    were released"; not in a past account ("held them until police freed them")."""
    mark = next((c for d, c in labelled_children(clause) if d == "mark" and c.lower_ in grammar.pending_marks), None)
    if mark is None:
        return None
    for verb in (gov, *governors(gov)):
        if stated_future(verb, grammar) or _aux(verb, grammar.hypothetical_aux) \
                or verb.lemma_ in grammar.future_governors or verb.lemma_ in grammar.hypothetical_governors \
                or verb.lemma_ in grammar.commissive_verbs:
            return f"{mark.text} ... '{verb.text}'"
        if verb.lemma_ in grammar.communication_verbs:
            break
    return None


def _is_question(sentence: Span) -> bool:
    """Whether the sentence's text ends with a question mark (trailing space aside),
    read from its last tokens rather than by building its text."""
    for token in reversed(sentence):
        text = token.text.rstrip()
        if text:
            return text.endswith("?")
    return False


def _sought(noun: Token, grammar: Grammar) -> str | None:
    """The verb of striving whose for-phrase the event noun is, if any: "chanting *for*
    his arrest" asks for an arrest that has not happened."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in grammar.striving_verbs:
        return f"{prep.head.text} {prep.text}"
    # "*demanded* the release of those detained", "*asked for* an investigation": asked
    # for, not done, even when the request itself codes nothing (no one named makes it)
    if noun.dep_ == "dobj" and prep.lemma_.lower() in grammar.requesting_verbs:
        return prep.text
    if noun.dep_ == "pobj" and prep.lower_ in {"for", "on"} and prep.head.lemma_.lower() in grammar.requesting_verbs:
        return f"{prep.head.text} {prep.text}"
    return None


def _outcome_of(noun: Token, grammar: Grammar) -> bool:
    """Whether the noun is what a verb of outcome brings about ("would *see* the
    release", "would *lead to* the withdrawal")."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head.lemma_.lower() in grammar.outcome_verbs


def modality_of(predicate: Token, grammar: Grammar, governed_by_pattern: bool = False) -> Modality:
    """Decide the modality of `predicate` from its own children and its governors.

    `governed_by_pattern` is set when the predicate is itself the head of a coded
    intent/threat/appeal, whose own meaning already carries the modality.
    """
    reason = _negated(predicate, grammar)
    if reason:
        return Modality("negated", reason)
    mark = _conditional(predicate, grammar)
    if mark:
        return Modality("hypothetical", f"conditional '{mark}'")
    reason = _generic(predicate, grammar) or _standing(predicate, grammar)
    if reason:
        return Modality("generic", reason)
    sought = _sought(predicate, grammar) if predicate.pos_ == "NOUN" else None
    if sought:
        return Modality("hypothetical", f"sought: '{sought}'")
    future = _aux(predicate, grammar.future_aux) or _reported_would(predicate, grammar) \
        or _intent_adjective(predicate, grammar)
    aux = _aux(predicate, grammar.hypothetical_aux)
    if aux and not future:
        return Modality("hypothetical", f"modal '{aux}'")
    reported_by: Token | None = None
    # An event named by a noun is denied only through its own light verb ("did
    # not *stage* a protest"); a negated clause around it is about something
    # else ("the march did not go ahead due to *the unrest*", "denied
    # responsibility for *the attack*").
    nominal = predicate.pos_ == "NOUN"
    negatable = not nominal or _light_verb_object(predicate, grammar)
    # A definite event noun ("*the* attack", "*last week's* killings") presupposes
    # that the event happened, whatever the clause around it says ("urged X to
    # investigate the attack", "would like to express shock at the killing").
    # Not the object of a verb of outcome: "a deal that would *see* the release of 33
    # hostages" is a prospect (`outcome_verbs`).
    presupposed = nominal and not negatable and is_definite(predicate, grammar) \
        and not (predicate.dep_ in {"dobj", "pobj"} and _outcome_of(predicate, grammar))
    child = predicate
    circumstance = False  # above a clause of time, cause or contrast, only attribution counts
    for gov in governors(predicate):
        if nominal and child.pos_ == "NOUN" and child.i != predicate.i:
            negatable = False
        below, child = child, gov
        # "urged X to respect ..., *while* Russia expressed support": no content of the urging
        if not circumstance and below.dep_ == "advcl" and is_circumstance(below, grammar):
            circumstance = True
            # "would keep up the pressure *until* all prisoners were freed": not yet
            future = future or _awaited(below, gov, grammar)
        if circumstance:
            if gov.lemma_ in grammar.communication_verbs and reported_by is None:
                reported_by = gov
            continue
        if negatable and below.lower_ == "from" and gov.lemma_ in grammar.preventing_verbs and not governed_by_pattern:
            return Modality("negated", f"prevented by '{gov.text}'")  # "banned them *from travelling*"
        if gov.pos_ not in {"VERB", "AUX"}:
            if negatable and gov.pos_ == "ADJ" and gov.lemma_ in grammar.negating_governors and not governed_by_pattern:
                return Modality("negated", f"under '{gov.text}'")  # "were *unable* to revive him"
            if negatable and below.dep_ == "acl" and gov.pos_ == "NOUN" and _negated(gov, grammar) \
                    and not governed_by_pattern:
                return Modality("negated", f"under '{gov.text}'")  # "had *no authority* to expel"
            continue
        if future and below.dep_ == "xcomp" and gov.lemma_ in grammar.aspectual_verbs:
            continue  # "would *keep* working": its would states the future work
        # a coordinated verb is no governor: "*denied* the charges and said he would
        # cooperate" denies nothing it says (a shared "not" still counts)
        governs = below.dep_ != "conj"
        # ... and one with a tense of its own ("would respond ... and *urged*") shares
        # none of its coordinate's auxiliaries
        shares = governs or below.tag_ not in FINITE_TAGS
        if negatable and (governs and gov.lemma_ in grammar.negating_governors
                          or shares and _negated(gov, grammar) and gov.dep_ != "ccomp"):
            if not governed_by_pattern:
                return Modality("negated", f"under '{gov.text}'")
        if governs and gov.lemma_ in grammar.hypothetical_governors \
                or shares and (_aux(gov, grammar.hypothetical_aux) or _conditional(gov, grammar)):
            if not governed_by_pattern and not presupposed:
                return Modality("hypothetical", f"under '{gov.text}'")
        if governs and gov.lemma_ in grammar.future_governors and not future and not presupposed:
            future = gov.text
        if gov.lemma_ in grammar.communication_verbs and reported_by is None:
            reported_by = gov
    if _is_question(sentence_of(predicate.doc, predicate.i)[1]):
        return Modality("question", "question mark")
    if future:
        return Modality("future", f"'{future}'")
    if reported_by is not None:
        return Modality("reported", f"attributed by '{reported_by.text}'")
    return Modality("asserted", "no marker")
