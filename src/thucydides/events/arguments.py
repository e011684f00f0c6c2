"""Finding a predicate's source and target tokens in the dependency parse.

Each slot name in a lexicon entry (`obj`, `prep:with`, `poss`, ...) is a small
function from the predicate to candidate argument heads. The coder tries the
slots in the entry's order and keeps the first that resolves to an actor.
"""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Token

from ..nlp import PLACE_LABELS, children_of
from .grammar import (
    ACTIVE_SUBJECT_DEPS,
    EMBEDDED_CLAUSE_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    Grammar,
    children,
    gapped_passive,
    is_circumstance,
    is_passive,
    is_saying,
    judged_within,
    measured,
    prep_objects,
    shares_passive,
)

# Slots that name a noun's modifiers; with a light verb they are read on its noun.
MODIFIER_SLOTS = {"poss", "compound", "amod"}
EVALUATED_SLOT = "evaluated"

# Heads whose subject an embedded or coordinated predicate shares.
SHARED_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}


def subjects(verb: Token, grammar: Grammar) -> list[Token]:
    """The agent of a verb: its subject, the `by` phrase of a passive, or the
    subject it shares with its governor ("agreed to withdraw", "met X and signed").
    A pronoun subject of reported speech is the speaker ("Syria said *it* will")."""
    found = _own_subjects(verb, grammar, statements=True)
    if len(found) == 1 and found[0].lower_ in grammar.speaker_pronouns:
        return _speaker(verb, grammar) or found
    if len(found) == 1:
        return _document_author(found[0], grammar) or found
    return found


def _document_author(noun: Token, grammar: Grammar) -> list[Token]:
    """ "HRW issued a statement *calling on* X", "parliament passed a resolution
    *condemning* Y": a document says what its author says, so the verb that
    modifies it takes the subject of the verb that issued it."""
    if noun.lemma_.lower() not in grammar.document_nouns or noun.dep_ not in OBJECT_DEPS:
        return []
    return _own_subjects(noun.head, grammar)


def _speaker(verb: Token, grammar: Grammar) -> list[Token]:
    """The subject of the communication verb that reports `verb`."""
    current = verb.head if verb.dep_ == "acomp" else verb  # "said he *was confident*"
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head.i == current.i:
            return []
        current = current.head
        if current.lemma_ in grammar.communication_verbs:
            speakers = _own_subjects(current, grammar)
            return [s for s in speakers if s.pos_ != "PRON"]
    return []


def _own_subjects(verb: Token, grammar: Grammar, statements: bool = False) -> list[Token]:
    """The verb's own agent, or its governor's (`statements`: also the issuer of a
    statement the verb's clause modifies)."""
    current = verb
    for _ in range(4):
        if is_passive(current, grammar):
            if current.i != verb.i and verb.dep_ == "conj" and not is_passive(verb, grammar):
                # "it was concerned by the decision and *urged* ...": an active verb shares
                # its passive head's subject, not the head's agent
                return children(current, PASSIVE_SUBJECT_DEPS)
            agents = list(prep_objects(current, ("by",)))
            if not agents and shares_passive(current, grammar):
                agents = list(prep_objects(current.head, ("by",)))  # "detained by police and deported"
            return agents
        # "militias *were engaged* in": a stative participle's subject is its agent
        found = children(current, ACTIVE_SUBJECT_DEPS) or children(current, PASSIVE_SUBJECT_DEPS)
        if found:
            if found[0].lower_ in grammar.relative_pronouns and current.dep_ == "relcl":
                return [current.head]
            return found
        if statements and current.dep_ == "acl" and _issued_statement(current.head, grammar):
            return _own_subjects(current.head.head, grammar)  # "X issued a statement *demanding* ...": X
        if current.i == verb.i and _reduced_passive(current):
            # "a journalist *kidnapped* by gunmen": the gunmen; but the noun of a governing
            # participle is the agent of what it governs ("a man forced *to flee*")
            return list(prep_objects(current, ("by",)))
        if current.dep_ == "relcl" or current.dep_ == "acl":
            return [current.head]  # "protesters demanding reforms", "Rubio, who met"
        if current.dep_ == "amod" and current.pos_ == "VERB":
            return [current.head]  # "*striking* miners", "*rioting* youths"
        if current.dep_ == "conj" and _unjoined(current, grammar):
            return []
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            controllers = _controlling_objects(current, grammar)
            if controllers:
                return controllers
            current = _misattached_conjunct_head(current, grammar) or current.head
            if current.pos_ == "ADJ" and current.dep_ == "acomp":
                current = current.head  # "Norway is willing to send": the copula's subject
            if current.pos_ == "ADP" and current.dep_ == "prep":
                reason = reason_agents(current, grammar)
                if reason:
                    return reason
                current = current.head  # "youths resorted to *throwing* stones"
            if current.pos_ not in {"VERB", "AUX"} and not children(current, ACTIVE_SUBJECT_DEPS):
                return []  # a noun's clause has no subject; one with a subject is a mis-tagged verb
            continue
        return []
    return []


def _unjoined(conjunct: Token, grammar: Grammar) -> bool:
    """A verb the parser coordinated with an earlier one though nothing joins them (no
    "and", no comma) across a subordinate phrase whose own subject it really has:
    "marched ... *since* the collapse of a canopy *killed* 16 people" shares no subject
    with "marched" (but "youths forced to leave their homes *threw* stones" does)."""
    head = conjunct.head
    if head.i >= conjunct.i or any(
            head.i < c.i < conjunct.i and (c.dep_ in {"cc", "preconj"} or c.dep_ == "punct" and c.text in {",", ";", "-", "--", "—"})
            for t in (head, conjunct) for c in children_of(t)):
        return False
    between = conjunct.doc[head.i + 1:conjunct.i]
    return any(t.dep_ in {"prep", "mark"} and (t.lower_ in grammar.circumstance_preps or t.lower_ in grammar.circumstance_marks)
               for t in between)


def reason_agents(prep: Token, grammar: Grammar) -> list[Token]:
    """Who did what a "for"-gerund gives as the reason: the one the governing verb acts
    on ("sanctioned three companies *for supplying* drones", "was jailed *for spying*",
    "praised X *for helping*", "jailed X *for the killing* of Y"); none where the verb
    acts on no one ("apologised for")."""
    verb = prep.head
    if prep.lower_ != "for" or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ in grammar.allegation_verbs:
        return []
    patients = direct_objects(verb, grammar)
    # "imposed *sanctions on* three companies": a light verb's object acts on its on-phrase
    aimed = [o for p in patients for o in prep_objects(p, ("on", "against"))]
    return aimed or patients


def _controlling_objects(clause: Token, grammar: Grammar) -> list[Token]:
    """ "*prompting South Korea* to order residents to take shelter", "*forced the
    president* to resign": the object of a verb of causing (`object_control_verbs`) is
    the agent of its infinitive."""
    if clause.dep_ != "xcomp" or clause.head.lemma_ not in grammar.object_control_verbs:
        return []
    return children(clause.head, OBJECT_DEPS)


def _misattached_conjunct_head(verb: Token, grammar: Grammar) -> Token | None:
    """The saying verb a finite past verb is really coordinated with when the parser hung
    it on the reported clause: in "OCHA said convoys *had been* unable to reach the town,
    and *called* on both sides", "called" cannot share "had", so it is OCHA's, not the
    convoys'. Not when the attribution follows ("X has established ties and *opened* an
    embassy, the ministry said"): the reported clause holds both."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD":
        return None
    if head.dep_ == "ccomp" and head.head.i < head.i and verb.lemma_ in grammar.speaker_verbs \
            and (head.lemma_.lower() in grammar.death_verbs
                 or any(_inanimate(s, grammar) for s in children(head, ACTIVE_SUBJECT_DEPS))):
        # "Pakistan said *the strikes* killed 26 civilians and *vowed* to retaliate", "the US
        # said *the verdict* was politically motivated and *called for* their release", "said
        # 31 civilians *died* and *vowed* to respond": none of these subjects speaks
        return head.head
    if head.tag_ not in {"VBN", "VB"} or not any(c.dep_ in {"aux", "auxpass"} for c in children_of(head)):
        return None
    governor = head.head
    if head.dep_ == "acl" and any(c.dep_ == "mark" for c in children_of(head)) and governor.dep_ in OBJECT_DEPS:
        governor = governor.head  # "said the opposition had *proof that* Gonzalez had won, and called on"
    elif head.dep_ != "ccomp":
        return None
    return governor if governor.i < head.i else None


def _inanimate(subject: Token, grammar: Grammar) -> bool:
    """An event, act or document that cannot speak: "the strikes", "the verdict", "the report"."""
    lemma = subject.lemma_.lower()
    return lemma in grammar.eventive_subjects or lemma in grammar.act_reference_nouns or lemma in grammar.document_nouns


def _issued_statement(noun: Token, grammar: Grammar) -> bool:
    """A statement noun that is the object of a verb: who issued it says what it says."""
    return noun.lemma_.lower() in grammar.statement_nouns and noun.dep_ in OBJECT_DEPS and noun.head.pos_ == "VERB"


def direct_objects(verb: Token, grammar: Grammar) -> list[Token]:
    if is_passive(verb, grammar):
        # "X was arrested and *charged*", "a citizen held since 2022 had been *released*":
        # a coordinated passive's patient is the subject it shares with its head
        return children(verb, PASSIVE_SUBJECT_DEPS) or (
            children(verb, ACTIVE_SUBJECT_DEPS) if gapped_passive(verb) else []) or (
            children(verb.head, PASSIVE_SUBJECT_DEPS | ACTIVE_SUBJECT_DEPS) if verb.dep_ == "conj" else [])
    if _reduced_passive(verb) and not children(verb, OBJECT_DEPS):
        return [verb.head]  # "a journalist *kidnapped* by gunmen", "an officer *accused* of ...": its noun
    return (children(verb, OBJECT_DEPS) or _quantified_object(verb) or _misparsed_name_object(verb)
            or _shared_object(verb, grammar))


def _shared_object(verb: Token, grammar: Grammar) -> list[Token]:
    """ "detained and *beat* dozens of lawyers": verbs coordinated before an object
    share it; not an intransitive one ("arrived and arrested 20 people")."""
    if verb.lemma_ in grammar.intransitive_verbs:
        return []
    return [o for c in _sharing_conjuncts(verb) for o in children(c, OBJECT_DEPS)]


def _misparsed_name_object(verb: Token) -> list[Token]:
    """ "detained opposition leader Maria Corina *Machado* on Thursday": a long name
    right after the verb that the parser takes for an adverbial noun is its object."""
    return [c for c in children_of(verb) if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i
            and c.ent_type_ not in {"DATE", "TIME"} and all(verb.i < t.i < c.i for t in c.lefts)]


def _reduced_passive(verb: Token) -> bool:
    """A past participle that modifies a noun ("a citizen *held* since 2022"): a
    passive whose patient is the noun, whose agent only a `by` phrase names. One with
    an object of its own is a main verb the parser hung on its subject ("Israeli
    airstrikes *killed* at least 40 Palestinians")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in children_of(verb))


def _quantified_object(verb: Token) -> list[Token]:
    """ "kidnapped *up to 16* advisers": the parser reads "up" as a particle and
    "to" as a preposition; the counted noun after them is the object."""
    particle = next((c for c in children_of(verb) if c.dep_ == "prt" and c.lower_ == "up"), None)
    if particle is None:
        return []
    objects = [*prep_objects(verb, ("to",)), *prep_objects(particle, ("to",))]  # "to" on either
    return [o for o in objects if o.i > particle.i and _is_counted(o)]


def light_verb_of(noun: Token, grammar: Grammar) -> Token | None:
    """The light verb whose object this noun is ("launched an *attack*")."""
    head = noun.head
    if noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and head.lemma_ in grammar.light_verbs \
            and not any(c.dep_ == "oprd" for c in children_of(head)) \
            and not _judged_by_name(noun, head, grammar):  # "*called* the killings terrorism" names them
        return head
    # "undertook a *mediation* mission", "launched a *bombing* campaign"
    if noun.dep_ == "compound" and head.dep_ in OBJECT_DEPS and head.head.lemma_ in grammar.light_verbs:
        return head.head
    container = _container_of(noun)
    if container is not None and container.lemma_.lower() in grammar.container_nouns:
        return light_verb_of(container, grammar)  # "held *a round of* negotiations", "launched *a wave of* strikes"
    # "engaged *in* ethnic cleansing", "resorted *to* violence", "took part *in* riots"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        wanted = grammar.light_preps.get(verb.lemma_.lower())
        if wanted and head.lower_ in wanted:
            return verb
        # "announced the deal *during a visit* to Riyadh": the subject's own journey
        if verb.pos_ in {"VERB", "AUX"} and noun.lemma_.lower() in grammar.frame_preps.get(head.lower_, ()) \
                and not is_passive(verb, grammar):  # "were killed during a visit": no traveller
            return verb
    return None


def _slot_prep(token: Token, preps: tuple[str, ...], light_object: Token | None, grammar: Grammar) -> Iterator[Token]:
    yield from prep_objects(token, preps)
    for verb in _sharing_conjuncts(token):  # "donated and shipped rice *to X*"
        yield from prep_objects(verb, preps)
    for obj in children(token, OBJECT_DEPS) if token.pos_ == "VERB" else ():
        what = measured(obj, grammar)  # "approved 1.5 billion euros in aid *for* Ukraine"
        if what is not None:
            yield from prep_objects(what, preps)
    if token.dep_ == "compound" and token.pos_ == "NOUN":  # "a *mediation* mission between X and Y"
        yield from prep_objects(token.head, preps)
    if token.dep_ in OBJECT_DEPS and token.pos_ == "NOUN" and token.head.lemma_ in grammar.light_verbs:
        yield from prep_objects(token.head, preps)  # "carried out air raids *on* Gaza": the verb holds it
    if "between" in preps and token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.pos_ == "VERB":
        yield from prep_objects(token.head, ("between",))  # "clashes broke out *between* police and protesters"
    if light_object is not None:  # "held talks *with* X": the prep may hang on the noun
        yield from prep_objects(light_object, preps)
        container = _container_of(light_object)
        if container is not None:  # "provided 70 million dollars of aid *for* X"
            yield from prep_objects(container, preps)


def _sharing_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated after this one that share its subject and object: in
    "donated and delivered goods to X" the goods and X are both verbs'."""
    if verb.pos_ != "VERB" or children(verb, OBJECT_DEPS):
        return []
    return [c for c in children(verb, {"conj"})
            if c.pos_ == "VERB" and not children(c, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)]


def _container_of(noun: Token) -> Token | None:
    """The measure or container noun whose of-phrase holds `noun` ("tons *of aid*")."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i:
        return prep.head
    return None


def _complement_targets(token: Token, grammar: Grammar, depth: int = 2) -> Iterator[Token]:
    """The target of an embedded action: "threatened to attack *X*", "urged *X* to",
    and one level further when the embedded verb names no one itself: "refused
    to allow *UN planes* to land"."""
    for comp in children(token, EMBEDDED_CLAUSE_DEPS):
        if comp.dep_ == "advcl" and (is_saying(comp, grammar) or is_circumstance(comp, grammar)):
            # "denied targeting civilians, *saying* its aircraft hit a base": what it went on to
            # say; "called for a recount, *while* Russia congratulated Maduro": another act
            continue
        found = [*direct_objects(comp, grammar), *prep_objects(comp, grammar.complement_target_preps),
                 *children(comp, ACTIVE_SUBJECT_DEPS)]
        if not found and depth > 1:
            found = list(_complement_targets(comp, grammar, depth - 1))
        yield from found


def slot_prepositions(slot: str) -> tuple[str, ...]:
    """The prepositions a "prep:a/b" slot names; none for any other slot."""
    return tuple(slot[5:].split("/")) if slot.startswith("prep:") else ()


def slot_tokens(
    slot: str, token: Token, grammar: Grammar, light_object: Token | None = None
) -> list[Token]:
    """Candidate argument heads of `token` for one slot name."""
    preps = slot_prepositions(slot)
    if preps:
        return list(_slot_prep(token, preps, light_object, grammar))
    if slot == EVALUATED_SLOT:
        return [light_object] if light_object is not None else []
    finder = SLOTS.get(slot)
    if finder is None:
        raise ValueError(f"unknown argument slot {slot!r}")
    if slot in MODIFIER_SLOTS and light_object is not None:
        # "rejected *a U.S.* request", "vetoed *a Security Council* resolution":
        # the modifiers of the light verb's noun.
        return children(light_object, {slot}) + list(finder(token, grammar))
    return list(finder(token, grammar))


def _object_arguments(token: Token, grammar: Grammar) -> Iterator[Token]:
    """The actor inside an object that is an event: "condemned the coup *in
    Niger*", "praised *Haiti's* efforts", "denounced the killing *of* X",
    "boycotted all contact *with* X"."""
    for obj in direct_objects(token, grammar):
        yield from children(obj, {"poss", "compound", "amod"})
        yield from prep_objects(obj, grammar.object_argument_preps)


def _topic_arguments(token: Token, grammar: Grammar) -> Iterator[Token]:
    """Names inside what a comment is about: "pessimistic about the chances of
    resuming talks *with Syria*". Breadth-first below the about-phrase, bounded."""
    queue = list(prep_objects(token, grammar.topic_preps))
    seen = 0
    while queue and seen < 16:
        current = queue.pop(0)
        seen += 1
        if current.pos_ == "PROPN" or current.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
            yield current
        queue.extend(c for c in children_of(current)
                     if c.dep_ in {"prep", "pobj", "pcomp", "dobj", "acl", "compound", "poss"})


def _condition_subjects(token: Token, grammar: Grammar) -> Iterator[Token]:
    """Who a conditional threat is aimed at: the subject of its condition,
    "threatened to strike *unless Baghdad* accepted", "to walk out *if the
    United States* goes ahead". The condition may hang on the threatened act."""
    queue = [token]
    while queue:
        current = queue.pop(0)
        for clause in children(current, {"advcl"}):
            if any(m.dep_ == "mark" and m.lower_ in grammar.threat_conditions for m in children_of(clause)):
                yield from children(clause, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        queue.extend(children(current, {"xcomp", "ccomp", "conj"}))


def place_tokens(token: Token, grammar: Grammar, light_object: Token | None = None) -> list[Token]:
    """Named places an act is done in: "*in Haiti*", on the predicate, its noun
    or its objects, or one phrase down ("fired at targets *in Jericho*")."""
    objects = direct_objects(token, grammar)
    heads = [token, *([light_object] if light_object is not None else []), *objects]
    heads += [o for h in list(heads) for o in prep_objects(h, grammar.place_holder_preps)]
    heads += [a for o in objects for a in children(o, {"acl"})]  # "lines *leading into* Kabul"
    places = {p.i: p for h in heads for p in prep_objects(h, grammar.place_preps) if _names_place(p, grammar)}
    return list(places.values())  # the light object is also a direct object: once each


def _names_place(noun: Token, grammar: Grammar) -> bool:
    """A place name, or a division noun a name qualifies ("the *Donetsk* region")."""
    return noun.ent_type_ in PLACE_LABELS or (noun.lemma_.lower() in grammar.division_nouns and any(
        c.dep_ in {"compound", "amod"} and (c.ent_type_ in PLACE_LABELS or c.pos_ == "PROPN")
        for c in children_of(noun)))


def _opposed_in_phrase(token: Token, grammar: Grammar) -> Iterator[Token]:
    """Whom a protest opposes, named in a phrase: "blocked streets *in defiance of
    the authorities*" (`opposition_phrases` in data/grammar.yaml)."""
    for noun in prep_objects(token, ("in",)):
        wanted = grammar.opposition_phrases.get(noun.lemma_.lower())
        if wanted:
            yield from prep_objects(noun, wanted)


def _recipients(token: Token, grammar: Grammar) -> list[Token]:
    """Who is given something: "gave *X* aid", "sent aid *to X*", and the to-phrase
    the parser hangs on a counted object ("donated 20 ambulances *to X*")."""
    for verb in [token, *_sharing_conjuncts(token)]:  # "donated and delivered goods *to X*"
        found = children(verb, {"dative"}) + list(prep_objects(verb, ("to",)))
        found = found or [r for o in direct_objects(verb, grammar) if _is_counted(o)
                          for r in prep_objects(o, ("to",))]
        if found:
            return found
    return []


def _is_counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in children_of(noun))


def _judged_by_name(noun: Token, verb: Token, grammar: Grammar) -> bool:
    """ "called the attack on the embassy *unacceptable*": a naming verb whose object
    phrase holds a judgement (where the parser hangs it) judges the act, it does not
    call it."""
    return verb.lemma_ in grammar.naming_verbs and judged_within(
        noun, grammar.negative_evaluations | grammar.positive_evaluations)


def _light_subject(noun: Token, grammar: Grammar) -> list[Token]:
    verb = light_verb_of(noun, grammar)
    return subjects(verb, grammar) if verb is not None else []


PHRASE_ACTOR_LIMIT = 8  # nouns looked at, nearest first
# What the verb phrase holds below its object and prepositions: their phrases, and a
# participle's or a noun clause's, with its subject ("hopes *that Osgiliath* could be
# drawn in *by* its resumption of ties").
PHRASE_DEPS = {"prep", "agent", "pobj", "conj", "appos", "dobj", "acl", "nsubj", "nsubjpass"}


def _phrase_nouns(token: Token) -> list[Token]:
    """The nouns inside the verb's object and its prepositional phrases, nearest first:
    "welcomed a resumption of ties *with Osgiliath*", "tapped the links leading *into
    Mordor*" (see PHRASE_DEPS). PETRARCH's reading of a verb phrase, whose first actor
    is the target."""
    # an adverb or adjective after the verb holds phrases too: "marched close *to the border*"
    queue = [c for c in children_of(token) if c.dep_ in OBJECT_DEPS | {"prep", "dative", "attr"}
             or c.dep_ in {"advmod", "acomp"} and c.i > token.i]
    found: list[Token] = []
    while queue and len(found) < PHRASE_ACTOR_LIMIT:
        current = queue.pop(0)
        if current.pos_ in {"NOUN", "PROPN"}:
            found.append(current)
        queue.extend(c for c in children_of(current) if c.dep_ in PHRASE_DEPS)
    return found


SLOTS: dict[str, Callable[[Token, Grammar], list[Token] | Iterator[Token]]] = {
    "subj": subjects,
    "obj": direct_objects,
    "dative": _recipients,
    "of": lambda t, g: prep_objects(t, ("of",)),
    "poss": lambda t, g: children(t, {"poss"}),
    "amod": lambda t, g: children(t, {"amod"}),
    "compound": lambda t, g: children(t, {"compound"}),
    "comp": lambda t, g: _complement_targets(t, g),
    "ccomp_subj": lambda t, g: [s for c in children(t, {"ccomp"} if t.pos_ != "NOUN" else {"ccomp", "acl"})
                                for s in children(c, ACTIVE_SUBJECT_DEPS)],
    "light_subj": _light_subject,
    "attr": lambda t, g: children(t, {"attr", "oprd"}),
    "obj_arg": _object_arguments,
    "topic_arg": _topic_arguments,
    "condition": _condition_subjects,
    "opposed_in": _opposed_in_phrase,
    "phrase": lambda t, g: _phrase_nouns(t),
    EVALUATED_SLOT: lambda t, g: [],  # what an `evaluation` pattern judges (the match's light object)
}
