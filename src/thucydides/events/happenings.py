"""One event per happening within an article.

News returns to what it reports: "protests began last week ... the protests spread
... police broke up the protests", "the detention of Imamoglu ... Imamoglu was arrested
on March 23 ... his detention". Each mention coded on its own counts one happening
several times. Here a later mention that names nothing new joins an earlier event of
the same kind and dyad:

* an event noun ("the protests", "his detention") joins an earlier event with the same
  three-digit code whose actors it agrees with (an implied or missing actor agrees with
  any of its country), unless it says it is another ("another rally", "a second strike");
* any mention joins an earlier one with the same code and the same named person as
  target ("the arrest of X" ... "X was arrested");
* two acts of one sentence with the same code and dyad are one ("set fire to a police
  post and clashed with police": one riot);
* an attack named by only its root code ("condemned *the attack*", "said Pakistani
  troops had started *the clash*") joins the article's earlier violence of that root,
  whatever its code, when its actors agree with it;
* a bare statement ("said", "told reporters": 010 with no target) bound to another
  event of its sentence is part of that event's telling, not a happening of its own
  ("Police arrested 20, the ministry *said*").

Of the mentions of one happening the event kept is the one that states most: named
actors before implied ones, a date of its own before the article's, then the first.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Actor, Event
from ..nlp import children_of
from ..ontology import is_residual
from .grammar import Grammar

GENERAL_PUBLIC = "CVL"  # the role implied for protesters no one names
BARE_STATEMENT = "010"  # "make statement, not specified below"


def one_per_happening(doc: Doc, events: list[Event], grammar: Grammar) -> list[Event]:
    """The article's events with later mentions of a happening merged into one."""
    attributions = _attributions(doc, events)
    groups: list[list[Event]] = []
    for event in (e for e in events if id(e) not in attributions):
        nominal = _is_nominal(doc, event, grammar)
        group = next((g for g in groups if _same_happening(doc, g[0], event, nominal, grammar)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    kept = {id(_merged(g)) for g in groups}
    return [e for e in events if id(e) in kept]


def _merged(group: list[Event]) -> Event:
    """The mention that states most, with the others' words as its further mentions."""
    best = max(group, key=_statement_weight)
    others = [e.event_text for e in group if e is not best]
    if others:
        best.mentions = sorted([*best.mentions, *others], key=lambda span: span.start)
    return best


def _same_happening(doc: Doc, first: Event, later: Event, nominal: bool, grammar: Grammar) -> bool:
    if nominal and _residual_attack(later, grammar) and first.code[:2] == later.code[:2] \
            and _agrees(first.source, later.source) and _agrees(first.target, later.target):
        return True  # "gunmen opened fire ... condemned *the attack*", "... Pakistani troops started *the clash*"
    if first.code[:3] != later.code[:3]:
        return False
    if first.sentence_index == later.sentence_index and first.code == later.code \
            and _code_of(first.source) == _code_of(later.source) and _code_of(first.target) == _code_of(later.target):
        return True  # "protesters set fire to a police post and clashed with police": one riot
    if first.modality != later.modality and "negated" in (first.modality, later.modality):
        return False  # what was denied is not what was done
    person = _named_person(doc, first.target, grammar)
    if person is not None and person == _named_person(doc, later.target, grammar) \
            and _agrees(first.source, later.source) \
            and not _dated_apart(first, later):
        return True
    return nominal and _agrees(first.source, later.source) and _agrees(first.target, later.target)


def _code_of(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _residual_attack(event: Event, grammar: Grammar) -> bool:
    """An attack named by no more than its root ("the attack", "the violence", "the
    clash"): a mention of the violence of that root the article reported before, when
    it names no one its earlier mention does not agree with."""
    return event.code[:2] in grammar.attack_roots and is_residual(event.code)


def _agrees(first: Actor | None, later: Actor | None) -> bool:
    """A later mention's actor adds nothing new: the same code, or none, or an implied
    actor of the same country that is the same kind of actor or the country's people
    in general ("the rally" after "students rallied"; not the police's detention of
    someone after the court's arrest of him)."""
    if later is None:
        return True
    if first is None:
        return later.implied
    if later.code == first.code or (later.role is None and later.country is not None and later.country == first.country):
        return True  # (a country alone, "Rojas's detention" of a Venezuelan named before, says no more)
    if len(later.code) >= 3 and first.code.startswith(later.code):
        return True  # the organisation of its fighters: "Islamic State" (IMGISI) after its insurgents (IMGISIREB)
    implied = later if later.implied else first if first.implied else None
    return implied is not None and later.country is not None and later.country == first.country \
        and (implied.role == GENERAL_PUBLIC or later.role == first.role)


def _dated_apart(first: Event, later: Event) -> bool:
    """Both mentions dated to different days by words of their own."""
    return all(e.date_text and e.date_precision == "day" for e in (first, later)) and first.date != later.date


def _named_person(doc: Doc, actor: Actor | None, grammar: Grammar) -> str | None:
    """The name of the one person an actor is ("Ekrem Imamoglu", "his" for him)."""
    if actor is None or actor.implied or not actor.name:
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not any(t.ent_type_ == "PERSON" or t.lower_ in grammar.personal_pronouns for t in span):
        return None
    return actor.name


def _attributions(doc: Doc, events: list[Event]) -> set[int]:
    """The ids of bare statements bound to another event of their sentence: the
    event lies in the statement's clause ("said *it would send* aid") or the
    statement in the event's ("*arrested* 20, the ministry said"). A statement
    with no addressee says nothing the event it carries does not; a coordinated
    act ("expressed concern and *declared* a day of mourning") is its own."""
    predicates = [(e, _predicate(doc, e)) for e in events]
    specific = [p for e, p in predicates if p is not None and e.code != BARE_STATEMENT]
    return {
        id(e) for e, said in predicates
        if said is not None and e.code == BARE_STATEMENT and e.target is None
        and any(_bound(said, p) or _bound(p, said) for p in specific)
    }


def _bound(top: Token, token: Token) -> bool:
    """Whether `token` lies below `top` in the parse, reached by any edge but a coordination."""
    while token.head.i != token.i:
        if token.head.i == top.i:
            return token.dep_ != "conj"
        token = token.head
    return False


def _predicate(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.event_text.start, event.event_text.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_nominal(doc: Doc, event: Event, grammar: Grammar) -> bool:
    """Whether the mention is an event noun that does not announce a new happening
    ("*another* rally": `new_happening_modifiers` in data/grammar.yaml)."""
    head = _predicate(doc, event)
    if head is None or head.pos_ != "NOUN":
        return False
    return not any(c.lower_ in grammar.new_happening_modifiers or c.dep_ == "nummod" for c in children_of(head))


def _statement_weight(event: Event) -> tuple[int, int, int]:
    named = sum(1 for a in (event.source, event.target) if a is not None and not a.implied)
    dated = int(event.date_text is not None and event.date_precision == "day")
    return (named, dated, -event.event_text.start)
