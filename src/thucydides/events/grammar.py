"""Closed-class word lists (`data/grammar.yaml`) and dependency-parse helpers."""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..actors.grammar import default_actor_grammar
from ..datafiles import load_yaml, read_data
from ..nlp import children_of, conjuncts_of, doc_memo, labelled_children, pos_of
from .focus import FocusWeights

ACTIVE_SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
EMBEDDED_CLAUSE_DEPS = {"xcomp", "ccomp", "advcl"}  # "threatened *to attack*", "called for X *to go*"
OBJECT_DEPS = {"dobj", "obj"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}  # "*emergency food* aid", "*suicide car* bombing"
DEMONSTRATIVES = frozenset({"this", "that", "it"})  # subjects that point at what was told: "*This* was an attack"
_OBJECTS_KEY = "thucydides.objects"  # per-document memo of `objects_of` (nlp.release drops it)


@dataclass(frozen=True)
class ActReference:
    """The acts a noun such as "the verdict" can refer back to: roots (none: any) and
    the roles of their agents (none: any), else of `or_roles` where the article gives
    no act to the first ("the authorities sentenced him ... criticised the verdict")."""

    roots: tuple[str, ...] = ()
    roles: frozenset[str] = frozenset()
    or_roles: frozenset[str] = frozenset()

    def names(self, code: str, agent_role: str | None, fallback: bool = False) -> bool:
        roles = self.or_roles if fallback else self.roles
        return (not self.roots or code.startswith(self.roots)) and (not roles or agent_role in roles)

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> "ActReference":
        data = data or {}

        def roles(key: str) -> frozenset[str]:
            return frozenset(str(r) for r in data.get(key) or ())

        return cls(tuple(str(r) for r in data.get("roots") or ()), roles("roles"), roles("or_roles"))


@dataclass(frozen=True)
class Grammar:
    light_verbs: frozenset[str]
    communication_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    threat_conditions: frozenset[str]
    ultimatum_verbs: frozenset[str]
    circumstance_preps: frozenset[str]
    outcome_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    place_target_codes: frozenset[str]
    implied_government_codes: frozenset[str]
    dissent_roles: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    occurrence_verbs: frozenset[str]
    container_nouns: frozenset[str]
    adverbial_phrases: frozenset[str]
    intent_adjectives: frozenset[str]
    speaker_pronouns: frozenset[str]
    eventive_subjects: frozenset[str]
    crowd_subjects: frozenset[str]
    negation_words: frozenset[str]
    discard_words: dict[str, frozenset[str]]
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    light_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    frame_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    inert_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    opposition_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    document_nouns: frozenset[str] = frozenset()
    implied_agent_codes: frozenset[str] = frozenset()
    own_state_roles: frozenset[str] = frozenset()
    implied_dissent_codes: frozenset[str] = frozenset()
    implied_dissent_role: str = "CVL"
    implied_attacker_codes: frozenset[str] = frozenset()
    participant_target_roots: frozenset[str] = frozenset()
    participant_event_roots: frozenset[str] = frozenset()
    aim_preps: frozenset[str] = frozenset()
    toll_verbs: frozenset[str] = frozenset()
    attack_roots: frozenset[str] = frozenset()
    venue_roots: frozenset[str] = frozenset()
    joint_act_roots: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    foreign_words: frozenset[str] = frozenset()
    foreign_office_words: frozenset[str] = frozenset()
    combatant_roles: frozenset[str] = frozenset()
    responding_roots: frozenset[str] = frozenset()
    release_codes: frozenset[str] = frozenset()
    state_roles: frozenset[str] = frozenset()
    crowd_roles: frozenset[str] = frozenset()
    captivity_roots: frozenset[str] = frozenset()
    described_people_pronouns: frozenset[str] = frozenset()
    people_counts: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    division_nouns: frozenset[str] = frozenset()
    implied_attacker_role: str = "UAF"
    unrealised_modifiers: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    plural_event_nouns: frozenset[str] = frozenset()
    preventing_verbs: frozenset[str] = frozenset()
    preventing_nouns: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()
    generic_predicates: frozenset[str] = frozenset()
    implied_agent_roles: dict[str, str] = field(default_factory=dict)  # lemma -> role
    country_focus: FocusWeights = FocusWeights()
    relative_pronouns: frozenset[str] = frozenset()
    stative_participles: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> its prepositions
    intransitive_verbs: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    object_complement_preps: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    pending_marks: frozenset[str] = frozenset()
    commissive_verbs: frozenset[str] = frozenset()
    striving_verbs: frozenset[str] = frozenset()
    requesting_verbs: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    disciplined_roles: frozenset[str] = frozenset()
    portion_words: frozenset[str] = frozenset()
    death_verbs: frozenset[str] = frozenset()
    measure_units: frozenset[str] = frozenset()
    object_control_verbs: frozenset[str] = frozenset()
    aspectual_verbs: frozenset[str] = frozenset()
    speaker_verbs: frozenset[str] = frozenset()
    implied_people_codes: frozenset[str] = frozenset()
    predictive_aux: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    coercion_means: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    circumstance_marks: frozenset[str] = frozenset()
    complement_target_preps: frozenset[str] = frozenset()
    object_argument_preps: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    place_holder_preps: frozenset[str] = frozenset()
    new_happening_modifiers: frozenset[str] = frozenset()
    personal_pronouns: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()  # the actors grammar's (data/actors/grammar.yaml)
    negative_evaluations: frozenset[str] = frozenset()
    positive_evaluations: frozenset[str] = frozenset()
    act_reference_nouns: dict[str, ActReference] = field(default_factory=dict)  # lemma -> acts it names

    def evaluations(self, kind: str) -> frozenset[str]:
        """The words of a judgement of `kind` ("negative", "positive")."""
        return self.negative_evaluations if kind == "negative" else self.positive_evaluations


def _word_sets(data: dict[str, list[str]] | None) -> dict[str, frozenset[str]]:
    """A YAML mapping of word lists, lower-cased: `{engage: [in]}`."""
    return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in (data or {}).items()}


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    text = read_data("grammar.yaml")
    data = load_yaml(text)
    lists = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    discards = _word_sets(data["discard_words"])
    fixes = {str(k).lower(): str(v).lower() for k, v in (data.get("lemma_fixes") or {}).items()}
    preps = _word_sets(data.get("light_preps"))
    opposed = {str(k).lower(): tuple(str(p).lower() for p in v)
               for k, v in (data.get("opposition_phrases") or {}).items()}
    agents = {str(w).lower(): str(role) for role, words in (data.get("implied_agent_roles") or {}).items()
              for w in words}
    stative = {str(k).lower(): frozenset(str(p).lower() for p in (v if isinstance(v, list) else [v]))
               for k, v in (data.get("stative_participles") or {}).items()}
    acts = {str(k).lower(): ActReference.from_data(v) for k, v in (data.get("act_reference_nouns") or {}).items()}
    return Grammar(discard_words=discards, lemma_fixes=fixes, light_preps=preps,
                   frame_preps=_word_sets(data.get("frame_preps")),
                   inert_modifiers=_word_sets(data.get("inert_modifiers")), opposition_phrases=opposed,
                   act_reference_nouns=acts,
                   implied_agent_roles=agents, implied_dissent_role=str(data.get("implied_dissent_role", "CVL")),
                   implied_attacker_role=str(data.get("implied_attacker_role", "UAF")),
                   stative_participles=stative,
                   country_focus=replace(FocusWeights.from_data(data.get("country_focus")),
                                         wire_services=tuple(sorted(default_actor_grammar().wire_services))),
                   organisation_nouns=default_actor_grammar().organisation_nouns,
                   **lists)


def children(token: Token, deps: set[str] | frozenset[str]) -> list[Token]:
    return [c for dep, c in labelled_children(token) if dep in deps]


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("France and Germany"), and the
    names coordinated with a name in apposition to it: the parser reads "Mordor, the
    Shire, *Fornost* and *Bree*" as "Mordor" with the apposition "the Shire", which the
    others are coordinated with. (Nouns there describe the token itself: "Naude, an
    activist and *member* of the ANC".)"""
    named = [c for dep, c in labelled_children(token) if dep == "appos" and pos_of(c) == "PROPN"]
    return [token] + [c for c in conjuncts_of(token) if c.i > token.i and pos_of(c) in NOMINAL_POS] + [
        c for a in named for c in conjuncts_of(a) if c.i > a.i and pos_of(c) == "PROPN"]


def attached_threat(predicate: Token, grammar: Grammar) -> Token | None:
    """The word of what a demand's clause says its target will otherwise suffer:
    "said Iran must give up its ambition *or face* consequences", "told them to go
    home *or face* arrest" (an `ultimatum_verbs` word right after "or" inside the
    governed clause; the parser often tags it a noun)."""
    for clause in children(predicate, {"ccomp", "xcomp"}):
        for token in clause.subtree:
            if token.lemma_.lower() in grammar.ultimatum_verbs and _follows_or(token):
                return token
    return None


def _follows_or(token: Token) -> bool:
    before = [t for t in token.doc[max(token.i - 3, 0):token.i] if not t.is_punct]
    return bool(before) and before[-1].lower_ == "or"


def is_passive(verb: Token, grammar: Grammar) -> bool:
    """A passive verb, not a stative participle with its preposition ("*were engaged
    in* ethnic cleansing": `stative_participles` in data/grammar.yaml)."""
    if _stative(verb, grammar):
        return False
    return _has_passive_voice(verb) or shares_passive(verb, grammar) or gapped_passive(verb)


def _stative(verb: Token, grammar: Grammar) -> bool:
    """A participle of state with its preposition ("were *engaged in*", "was *concerned by*")."""
    preps = grammar.stative_participles.get(verb.lemma_)
    return preps is not None and any(c.dep_ in {"prep", "agent"} and c.lower_ in preps for c in children_of(verb))


def gapped_passive(verb: Token) -> bool:
    """ "107 people had been detained and 32 officers *injured*": a participle with a
    subject of its own but no auxiliary, coordinated with a passive, borrows its
    "had been"; its subject is its patient."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and head.i != verb.i and _has_passive_voice(head)
            and not any(c.dep_ in {"aux", "auxpass"} or c.dep_ in OBJECT_DEPS for c in children_of(verb))
            and any(c.dep_ in ACTIVE_SUBJECT_DEPS for c in children_of(verb)))


def _has_passive_voice(verb: Token) -> bool:
    return any(dep in PASSIVE_SUBJECT_DEPS or dep == "auxpass" for dep, _ in labelled_children(verb))


def shares_passive(verb: Token, grammar: Grammar) -> bool:
    """ "was detained in Nairobi and *deported*": a verb coordinated with a passive,
    with no subject or object of its own, is passive too; not an intransitive one
    ("was criticised and *resigned*", `intransitive_verbs` in data/grammar.yaml), nor
    one coordinated with a stative participle ("was concerned by the drills and *called*
    on China")."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.pos_ == "VERB" and head.i != verb.i and head.pos_ in {"VERB", "AUX"}
            and verb.lemma_ not in grammar.intransitive_verbs
            and not any(c.dep_ in ACTIVE_SUBJECT_DEPS or c.dep_ in OBJECT_DEPS for c in children_of(verb))
            and _has_passive_voice(head) and not _stative(head, grammar))


def prep_objects(token: Token, preps: Container[str]) -> Iterator[Token]:
    """Objects of the named prepositions attached to `token` ("talks *with* X"), not
    the subject of an absolute clause ("held talks, *with Oman's minister* carrying
    messages")."""
    for dep, child in labelled_children(token):
        if dep in {"prep", "agent", "dative"} and child.lower_ in preps:
            below = labelled_children(child)
            objects = [o for d, o in below if d == "pobj"]
            for obj_dep, obj in below:
                if obj_dep == "pobj" and not (child.lower_ == "with" and _absolute_subject(child, obj)):
                    yield obj
                elif obj_dep == "prep":  # "away from", "out of"
                    yield from (o for d, o in labelled_children(obj) if d == "pobj")
            if not objects and not any(d in {"prep", "pcomp"} for d, _ in below):
                yield from _stranded_object(child)


def _absolute_subject(prep: Token, noun: Token) -> bool:
    """ "..., with Oman's foreign minister *carrying* messages": after a comma, a
    participle makes the with-phrase a clause of its own ("talks with rebels *fighting*
    in the north" are still talks with the rebels)."""
    after_comma = prep.i > 0 and prep.doc[prep.i - 1].text == ","
    return after_comma and any(c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} and c.i > noun.i for c in children_of(noun))


def _stranded_object(prep: Token) -> Iterator[Token]:
    """The object a parse error moved into a clause: in "granted asylum *to* five
    officers holed up in ...", the small model reads "officers" as the subject of
    "holed" and leaves "to" without an object. The subject of a sibling clause
    that starts right after the preposition is that object."""
    for clause in children_of(prep.head):
        if clause.dep_ in {"advcl", "ccomp", "acl"} and clause.left_edge.i == prep.i + 1:
            yield from (s for s in children_of(clause) if s.dep_ in ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
                        and s.i < clause.i)


def objects_of(token: Token, grammar: Grammar) -> list[Token]:
    """Direct objects, their conjuncts, and what a measure or a container object
    holds: "provided 25,000 tons *of aid*", "declared a state *of emergency*".
    Worked out once per token of a document: the matcher asks again for each pattern
    of a verb, the parties and the refiner for each candidate."""
    memo = doc_memo(token.doc, _OBJECTS_KEY, grammar)
    found = memo.get(token.i)
    if found is None:
        found = memo[token.i] = tuple(_objects_of(token, grammar))
    return list(found)


def _objects_of(token: Token, grammar: Grammar) -> list[Token]:
    found = children(token, PASSIVE_SUBJECT_DEPS if is_passive(token, grammar) else OBJECT_DEPS)
    objects = [c for o in found for c in [o, *conjuncts_of(o)]]
    return objects + [m for o in objects if is_measure(o) or o.lemma_.lower() in grammar.container_nouns
                      for m in prep_objects(o, ("of",))]


def is_infinitive(verb: Token) -> bool:
    """A verb with infinitival "to": "allowed agencies *to enter*", "fired *to disperse*"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children_of(verb))


def is_circumstance(clause: Token, grammar: Grammar) -> bool:
    """An adverbial clause of time, cause or concession ("as protesters were throwing
    stones", "after the talks collapsed"): a circumstance of the governing act, never
    what it demands, threatens or appeals for (a purpose clause, "to demand", is)."""
    # "when" is often parsed as the clause's adverb ("protecting her *when* she was killed")
    return any((c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB") and c.lower_ in grammar.circumstance_marks
               for c in children_of(clause))


def is_saying(clause: Token, grammar: Grammar) -> bool:
    """ "..., *saying* millions depended on aid": what a speaker goes on to say, the
    reason it gives, not what the governing act asks for, threatens or denies."""
    return clause.tag_ == "VBG" and clause.lemma_.lower() in grammar.communication_verbs


def judged_within(noun: Token, words: frozenset[str]) -> bool:
    """A judging word inside a noun's phrase, the noun aside: in "called the attack on the
    embassy *unacceptable*" the parser hangs the judgement on "embassy"."""
    return any(t.i != noun.i and (t.lemma_.lower() in words or t.lower_ in words) for t in noun.subtree)


def named_by_demonstrative(noun: Token) -> bool:
    """A noun that says what a demonstrative subject points at: "*This* was a cowardly
    *attack*" names the act told before."""
    head = noun.head
    return noun.dep_ == "attr" and head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in DEMONSTRATIVES for c in children_of(head))


def is_measure(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in children_of(noun)) or noun.like_num


def measured(noun: Token, grammar: Grammar) -> Token | None:
    """What a sum or quantity is of: "1.5 billion euros *in military aid*", "50 tonnes
    *of food*" (the parser may hang the in-phrase on the measure's verb); not people
    counted ("killed 12 soldiers *in an ambush*")."""
    if not is_measure(noun) or (noun.ent_type_ not in {"MONEY", "QUANTITY"}
                                and noun.lemma_.lower() not in grammar.measure_units):
        return None
    held = prep_objects(noun.head, ("in",)) if noun.dep_ in OBJECT_DEPS else iter(())
    return next(itertools.chain(prep_objects(noun, ("in", "of")), held), None)


def is_definite(noun: Token, grammar: Grammar) -> bool:
    """A noun with a definite determiner or a possessor: "*the* attack", "*his* detention"."""
    return any((c.dep_ == "det" and c.lower_ in grammar.definite_determiners) or c.dep_ == "poss"
               for c in children_of(noun))


def attributed(clause: Token, predicate: Token) -> bool:
    """Whether a clause is content the predicate attributes after the fact: a
    that-clause before its verb ("X will withdraw, *officials said*")."""
    return clause.dep_ == "ccomp" and clause.i < predicate.i


def governors(token: Token) -> Iterator[Token]:
    """The chain of heads that embed this predicate (xcomp/ccomp/conj/advcl/prep)."""
    current = token
    while current.head is not current and current.dep_ in {
        "xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "acl", "relcl", "dobj",
    }:
        current = current.head
        yield current
