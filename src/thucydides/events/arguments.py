"""Finding a predicate's source and target tokens in the dependency parse.

Each slot name in a lexicon entry (`obj`, `prep:with`, `poss`, ...) is a small
function from the predicate to candidate argument heads. The coder tries the
slots in the entry's order and keeps the first that resolves to an actor.
"""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Token

from .grammar import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    Grammar,
    children,
    is_passive,
    prep_objects,
)

# Slots that name a noun's modifiers; with a light verb they are read on its noun.
MODIFIER_SLOTS = {"poss", "compound", "amod"}

# Heads whose subject an embedded or coordinated predicate shares.
SHARED_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}


def subjects(verb: Token, grammar: Grammar | None = None) -> list[Token]:
    """The agent of a verb: its subject, the `by` phrase of a passive, or the
    subject it shares with its governor ("agreed to withdraw", "met X and signed").
    A pronoun subject of reported speech is the speaker ("Syria said *it* will")."""
    found = _own_subjects(verb)
    if grammar is not None and len(found) == 1 and found[0].lower_ in grammar.speaker_pronouns:
        return _speaker(verb, grammar) or found
    if grammar is not None and len(found) == 1:
        return _document_author(found[0], grammar) or found
    return found


def _document_author(noun: Token, grammar: Grammar) -> list[Token]:
    """ "HRW issued a statement *calling on* X", "parliament passed a resolution
    *condemning* Y": a document says what its author says, so the verb that
    modifies it takes the subject of the verb that issued it."""
    if noun.lemma_.lower() not in grammar.document_nouns or noun.dep_ not in OBJECT_DEPS:
        return []
    return _own_subjects(noun.head)


def _speaker(verb: Token, grammar: Grammar) -> list[Token]:
    """The subject of the communication verb that reports `verb`."""
    current = verb.head if verb.dep_ == "acomp" else verb  # "said he *was confident*"
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head.i == current.i:
            return []
        current = current.head
        if current.lemma_ in grammar.communication_verbs:
            speakers = _own_subjects(current)
            return [s for s in speakers if s.pos_ != "PRON"]
    return []


def _own_subjects(verb: Token) -> list[Token]:
    current = verb
    for _ in range(4):
        if is_passive(current):
            agents = list(prep_objects(current, ("by",)))
            return agents
        # "militias *were engaged* in": a stative participle's subject is its agent
        found = children(current, SUBJECT_DEPS) or children(current, PASSIVE_SUBJECT_DEPS)
        if found:
            if found[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return [current.head]
            return found
        if current.dep_ == "relcl" or current.dep_ == "acl":
            return [current.head]  # "protesters demanding reforms", "Rubio, who met"
        if current.dep_ == "amod" and current.pos_ == "VERB":
            return [current.head]  # "*striking* miners", "*rioting* youths"
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            if current.pos_ == "ADJ" and current.dep_ == "acomp":
                current = current.head  # "Norway is willing to send": the copula's subject
            if current.pos_ == "ADP" and current.dep_ == "prep":
                current = current.head  # "youths resorted to *throwing* stones"
            if current.pos_ not in {"VERB", "AUX"}:
                return []
            continue
        return []
    return []


def direct_objects(verb: Token) -> list[Token]:
    if is_passive(verb):
        return children(verb, PASSIVE_SUBJECT_DEPS)
    return children(verb, OBJECT_DEPS)


def light_verb_of(noun: Token, grammar: Grammar) -> Token | None:
    """The light verb whose object this noun is ("launched an *attack*")."""
    head = noun.head
    if noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and head.lemma_ in grammar.light_verbs:
        return head
    # "undertook a *mediation* mission", "launched a *bombing* campaign"
    if noun.dep_ == "compound" and head.dep_ in OBJECT_DEPS and head.head.lemma_ in grammar.light_verbs:
        return head.head
    # "engaged *in* ethnic cleansing", "resorted *to* violence", "took part *in* riots"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        wanted = grammar.light_preps.get(verb.lemma_.lower())
        if wanted and head.lower_ in wanted:
            return verb
    return None


def _slot_prep(token: Token, preps: tuple[str, ...], light_object: Token | None) -> Iterator[Token]:
    yield from prep_objects(token, preps)
    if token.dep_ == "compound" and token.pos_ == "NOUN":  # "a *mediation* mission between X and Y"
        yield from prep_objects(token.head, preps)
    if light_object is not None:  # "held talks *with* X": the prep may hang on the noun
        yield from prep_objects(light_object, preps)


def _complement_targets(token: Token) -> Iterator[Token]:
    """The target of an embedded action: "threatened to attack *X*", "urged *X* to"."""
    for comp in children(token, {"xcomp", "ccomp", "advcl"}):
        yield from direct_objects(comp)
        yield from prep_objects(comp, ("on", "against", "with", "to", "from", "in", "for"))
        yield from children(comp, SUBJECT_DEPS)


def slot_tokens(
    slot: str, token: Token, grammar: Grammar, light_object: Token | None = None
) -> list[Token]:
    """Candidate argument heads of `token` for one slot name."""
    if slot.startswith("prep:"):
        return list(_slot_prep(token, tuple(slot[5:].split("/")), light_object))
    finder = SLOTS.get(slot)
    if finder is None:
        raise ValueError(f"unknown argument slot {slot!r}")
    if slot in MODIFIER_SLOTS and light_object is not None:
        # "rejected *a U.S.* request", "vetoed *a Security Council* resolution":
        # the modifiers of the light verb's noun.
        return children(light_object, {slot}) + list(finder(token, grammar))
    return list(finder(token, grammar))


def _object_arguments(token: Token) -> Iterator[Token]:
    """The actor inside an object that is an event: "condemned the coup *in
    Niger*", "praised *Haiti's* efforts", "denounced the killing *of* X"."""
    for obj in direct_objects(token):
        yield from children(obj, {"poss", "compound", "amod"})
        yield from prep_objects(obj, ("of", "in", "by", "against", "on", "from"))


def _topic_arguments(token: Token) -> Iterator[Token]:
    """Names inside what a comment is about: "pessimistic about the chances of
    resuming talks *with Syria*". Breadth-first below the about-phrase, bounded."""
    queue = [o for o in prep_objects(token, ("about", "on", "over", "regarding"))]
    seen = 0
    while queue and seen < 16:
        current = queue.pop(0)
        seen += 1
        if current.pos_ == "PROPN" or current.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
            yield current
        queue.extend(c for c in current.children if c.dep_ in {"prep", "pobj", "pcomp", "dobj", "acl", "compound", "poss"})


def _light_subject(noun: Token, grammar: Grammar) -> list[Token]:
    verb = light_verb_of(noun, grammar)
    return subjects(verb, grammar) if verb is not None else []


SLOTS: dict[str, Callable[[Token, Grammar], list[Token] | Iterator[Token]]] = {
    "subj": lambda t, g: subjects(t, g),
    "obj": lambda t, g: direct_objects(t),
    "dative": lambda t, g: children(t, {"dative"}) + list(prep_objects(t, ("to",))),
    "of": lambda t, g: prep_objects(t, ("of",)),
    "poss": lambda t, g: children(t, {"poss"}),
    "amod": lambda t, g: children(t, {"amod"}),
    "compound": lambda t, g: children(t, {"compound"}),
    "comp": lambda t, g: _complement_targets(t),
    "ccomp_subj": lambda t, g: [s for c in children(t, {"ccomp"} if t.pos_ != "NOUN" else {"ccomp", "acl"})
                                for s in children(c, SUBJECT_DEPS)],
    "light_subj": _light_subject,
    "attr": lambda t, g: children(t, {"attr", "oprd"}),
    "obj_arg": lambda t, g: _object_arguments(t),
    "topic_arg": lambda t, g: _topic_arguments(t),
}
