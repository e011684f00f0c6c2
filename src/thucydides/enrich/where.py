"""Event places: the place a predicate's event happened at, resolved in the gazetteer.

Place mentions are GPE/LOC/FAC entities, plus proper nouns that are the object of a
locative preposition (the small spaCy model misses "in Corsica", "in northern Aleppo").
Per event, the first level that has a mention wins; within a level, places attached to a
verb come before places attached to a noun, then the nearest to the predicate:

1. a locative place ("in/at/near X", "in the city of X"; `data/enrich/places.yaml`) in
   the predicate's own clause, not part of an actor's phrase;
2. for material conflict (roots 15, 17-20), a place that is, or is in, the target
   ("captured Kabul", "shelled positions in Aleppo");
3. the antecedent of a "where" clause ("Lhokseumawe, ... where mobs burned buildings");
4. a locative place in the clauses that govern the predicate (xcomp, conj, advcl, ccomp);
5. a locative place on an actor's phrase ("protesters *in Istanbul*");
6. any other place in the predicate's clause ("the bombardment of the Aziziyah district");
7. any place in the sentence outside the actors' spans, locative ones first;
8. the dateline ("ISTANBUL, March 23 (Wire) - ...").

A place that *is* an actor ("Russia attacked Ukraine") is not the location of a verbal
event. Names are resolved once per document, with the article's countries and regions
(places and actors) as context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from ..datafiles import load_yaml, read_data
from ..dateline import PLACE as DATELINE_PLACE
from ..model import Event, Location
from ..nlp import children_of, doc_ents, doc_text, named_after_place_noun, names_a_person, pos_of, token_table
from ..places import Gazetteer, Place
from .parse import Sentences, clause_head, event_actors, governing_clauses, in_actor, predicate_token

VERB_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class PlaceWords:
    preps: frozenset[str]
    labels: frozenset[str]
    place_nouns: frozenset[str]
    never: frozenset[str]
    target_roots: frozenset[str]
    participant_deps: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    text = read_data("enrich/places.yaml")
    data = load_yaml(text)
    return PlaceWords(frozenset(data["location_preps"]), frozenset(data["place_labels"]),
                      frozenset(data["place_nouns"]), frozenset(data["never_places"]),
                      frozenset(str(r) for r in data["target_place_roots"]),
                      frozenset(data["participant_deps"]))


@dataclass
class PlaceMention:
    text: str
    start: int
    end: int
    root: Token | None  # None for the dateline
    clause: int  # token index of its clause head
    attached_to: Token | None  # the word its locative preposition attaches to
    place: Place | None = None

    def to_location(self) -> dict[str, Any]:
        resolved = self.place.to_dict() if self.place else {}
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": resolved.get("name"),
            "country": resolved.get("country"),
            "admin1": resolved.get("admin1"),
            "lat": resolved.get("lat"),
            "lon": resolved.get("lon"),
            "geonameid": resolved.get("geonameid"),
            "precision": resolved.get("precision"),
        }


def _locative_head(root: Token) -> Token | None:
    """The word a place's locative preposition attaches to: "clashed" in "clashed in X",
    and in "clashed in the city of X"; None when the place is not locative."""
    words = place_words()
    if root.dep_ in {"appos", "compound"}:  # "in Lamitan town, Basilan"
        root = root.head
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return None
    prep = root.head
    if prep.lower_ in words.preps:
        return prep.head
    noun = prep.head
    if prep.lower_ == "of" and noun.lemma_.lower() in words.place_nouns:
        return _locative_head(noun)
    return None


def _mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    words = place_words()
    out: list[PlaceMention] = []
    taken: set[int] = set()

    def add(text: str, start: int, end: int, root: Token, first: int, last: int) -> None:
        taken.update(range(first, last))
        out.append(PlaceMention(text, start, end, root, clause_head(root).i, _locative_head(root)))

    ents = doc_ents(doc)
    ent_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    text = doc_text(doc)  # a span's text is a slice of it (`Span.text` joins its tokens)
    tokens = token_table(doc).tokens
    for ent in ents:
        if ent.label_ in words.labels and not names_a_person(ent):
            add(text[ent.start_char:ent.end_char], ent.start_char, ent.end_char, ent.root, ent.start, ent.end)
    propn = doc.vocab.strings["PROPN"]
    # Only proper nouns become Token objects: they are the cost (and a list reads faster
    # item by item than a NumPy array).
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        # Proper nouns spaCy did not tag as places: after "in/at/near" ("in Corsica"), or
        # known to the gazetteer as a city or region ("the Manbij campaign").
        if i in taken or pos != propn:
            continue
        tok = tokens[i]
        if tok.ent_type_ in words.never or names_a_person(tok):  # a name of one word: the token
            continue
        if tok.ent_type_:
            ent = ent_of[tok.i]
            first, last = ent.start, ent.end
        else:
            first = _name_start(tok)
            last = tok.i + 1
        span = doc[first:last]
        name = text[span.start_char:span.end_char]
        # A capitalised word at the start of a sentence or after a dash ("- Police ...")
        # may be a common noun that happens to name a town (Police, Poland).
        initial = doc[first].is_sent_start or (first > 0 and doc[first - 1].text in {"-", "--", "—", "–", ")"})
        known = not initial and any(p.precision != "country" for p in gazetteer.candidates(name)[:1])
        # spaCy often tags towns as ORG ("the city of Homs"): an ORG counts when the
        # gazetteer knows it or a place noun introduces it.
        of_place = named_after_place_noun(tok, words.place_nouns)
        if tok.ent_type_ == "ORG" and not (known or of_place):
            continue
        if (tok.dep_ in {"pobj", "compound"} and _locative_head(tok) is not None) or known:
            add(name, span.start_char, span.end_char, tok, first, last)
    return out


class PlaceAttacher:
    """Per document: find and resolve place mentions once, then place each event."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, events: list[Event],
                 sentences: Sentences | None = None) -> None:
        self.gazetteer = gazetteer.for_document()  # a mention's name is looked up more than once
        self.sentences = sentences or Sentences(doc)
        self.mentions = _mentions(doc, self.gazetteer)
        self.dateline = _dateline(doc)
        self._resolve_all(events)

    def _resolve_all(self, events: list[Event]) -> None:
        # Context: countries and regions the article names (places and actors), so "Paris"
        # in a story about Texas is Paris, Texas.
        countries = {a.country for e in events for a in event_actors(e) if a is not None and a.country}
        regions: set[str] = set()
        mentions = self.mentions + ([self.dateline] if self.dateline else [])
        for mention in mentions:
            # What the name means on its own ("Washington": the capital, not the state), so
            # a mention does not make itself its own context.
            place = self.gazetteer.resolve(mention.text)
            if place is not None and place.precision == "country":
                countries.add(place.country)
            elif place is not None and place.precision == "admin1":
                regions.add(place.name)
        self.countries, self.regions = countries, regions
        for mention in mentions:
            mention.place = self.gazetteer.resolve(mention.text, countries, regions)
            if _on_a_country(mention):
                mention.attached_to = None  # "called on Israel": whom, not where (see `_choose`)
        if self.dateline is not None and self.dateline.place is None:
            self.dateline = None  # "NATO - ..." is a headline word, not a dateline

    def attach(self, event: Event, doc: Doc) -> None:
        predicate = predicate_token(doc, event)
        mention = self._choose(event, predicate) if predicate is not None else None
        mention = mention or self.dateline
        if mention is not None:
            event.location = Location(**mention.to_location())

    def _choose(self, event: Event, predicate: Token) -> PlaceMention | None:
        actors = event_actors(event)
        own = clause_head(predicate)
        governing = list(governing_clauses(predicate))
        sentence = self.sentences.of(predicate.i)
        in_sentence = [m for m in self.mentions if sentence.start_char <= m.start < sentence.end_char]
        # A place that is an actor ("Russia attacked Ukraine") is no location, unless a
        # locative preposition makes it one ("protested in Paris", coded against Paris).
        free = [m for m in in_sentence if m.attached_to is not None
                or not (in_actor(m.start, m.end, actors) or _participant(m.root, own) or _on_a_country(m))]

        def on_actor(m: PlaceMention) -> bool:
            return m.attached_to is not None and in_actor(m.attached_to.idx, m.attached_to.idx + 1, actors)

        locative = [m for m in free if m.attached_to is not None and not on_actor(m)]
        levels: list[list[PlaceMention]] = [
            [m for m in locative if m.clause == own.i],
            self._target_places(event, in_sentence, predicate.doc),
            self._where_antecedent([own, *governing], in_sentence),
            *([m for m in locative if m.clause == head.i] for head in governing),
            [m for m in free if on_actor(m)],
            [m for m in free if m.clause == own.i],
            self._actor_places(actors, in_sentence),
            locative,
            free,
        ]
        for index, level in enumerate(levels):
            if level:
                # The target level keeps text order: "captured Goma, the capital of North Kivu".
                return level[0] if index == 1 else min(level, key=lambda m: _rank(m, predicate))
        return None

    @staticmethod
    def _actor_places(actors: list, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A city or region naming an actor's home ("Hong Kong people", "Istanbul police"):
        a weak hint of the place, used before other clauses' places. Demonyms ("Turkish
        police") are not place mentions at all."""
        return [m for m in mentions if m.root is not None and m.root.dep_ in {"compound", "poss"}
                and in_actor(m.start, m.end, actors) and m.place is not None and m.place.precision != "country"]

    def _target_places(self, event: Event, mentions: list[PlaceMention], doc: Doc) -> list[PlaceMention]:
        target = event.target
        if event.root not in place_words().target_roots:
            return []
        taken = self._taken_places(event, doc)
        if taken or target is None:
            return taken
        inside = sorted((m for m in mentions if in_actor(m.start, m.end, [target])), key=lambda m: m.start)
        span = doc.char_span(target.start, target.end, alignment_mode="expand")
        if span is None or target.role:
            return inside
        root = span.root
        if root.pos_ == "PROPN" and root.ent_type_ in {"", "GPE", "LOC", "FAC"} and not any(m.root is not None and m.root.i == root.i for m in inside):
            # The target's own head is the place ("captured Goma, the capital of North Kivu").
            place = self.gazetteer.resolve(root.text, self.countries, self.regions)
            return [PlaceMention(root.text, root.idx, root.idx + len(root.text), root, -1, None, place)]
        if inside:
            return inside
        # A target with no role is a place or a country ("bombed Waku-Congo").
        place = self.gazetteer.resolve(target.text, self.countries, self.regions)
        return [PlaceMention(target.text, target.start, target.end, span.root, -1, None, place)]

    def _taken_places(self, event: Event, doc: Doc) -> list[PlaceMention]:
        """The named place an act of force takes, within the event's own words
        ("captured *Jaffna*", "seized most of *Goma*", "*Gibraltar* was captured"): where
        it happened, before whom it was taken from."""
        span = doc.char_span(event.event_text.start, event.event_text.end, alignment_mode="expand")
        if span is None:
            return []
        predicate = predicate_token(doc, event)
        out = []
        for token in span:
            if token is predicate or pos_of(token) != "PROPN" or token.dep_ == "compound":
                continue
            first = _name_start(token)
            name = doc_text(doc)[doc[first].idx:token.idx + len(token.text)]  # "Port Sudan", not "Sudan"
            place = self.gazetteer.resolve(name, self.countries, self.regions)
            if place is not None:
                out.append(PlaceMention(name, doc[first].idx, token.idx + len(token.text), token, -1, None, place))
        return out

    @staticmethod
    def _where_antecedent(clauses: list[Token], mentions: list[PlaceMention]) -> list[PlaceMention]:
        for head in clauses:
            if head.dep_ == "relcl" and any(c.lower_ == "where" for c in children_of(head)):
                antecedent = head.head.head if head.head.dep_ == "appos" else head.head
                found = [m for m in mentions if m.root is not None and m.root.i in {antecedent.i, head.head.i}]
                if found:
                    return found
                if antecedent.pos_ == "PROPN":  # an untagged name: "coastal Lhokseumawe, ... where"
                    return [PlaceMention(antecedent.text, antecedent.idx, antecedent.idx + len(antecedent.text),
                                         antecedent, -1, None)]
        return []


def _name_start(token: Token) -> int:
    """Where a proper noun's name begins: at its first proper-noun compound ("*Port* Sudan")."""
    return min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])


def _on_a_country(mention: PlaceMention) -> bool:
    """A country after "on" is whom an act is aimed at ("called on Israel", "sanctions on
    Iran"), not a surface it happened on."""
    root = mention.root
    return (root is not None and root.dep_ == "pobj" and root.head.lower_ in {"on", "upon"}
            and mention.place is not None and mention.place.precision == "country")


def _participant(root: Token | None, clause: Token) -> bool:
    """Whether a place mention takes part in another clause than the event's `clause`
    (as its subject, object or passive agent), or is coordinated with another
    participant ("*El Salvador* and Guatemala pledged"): an actor, not a place.
    The event's own argument ("bombed Pooneryn") and the noun its relative clause
    describes ("Iraq, whose targets were bombed") stay places."""
    if root is None:
        return False
    coordinated = bool(root.conjuncts)
    while root.dep_ in {"conj", "appos"} and root.head is not root:
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        head, dep = root.head.head, "agent"
    else:
        head, dep = root.head, root.dep_
    if dep not in place_words().participant_deps:
        return False
    if clause.dep_ in {"relcl", "acl"} and clause.head.i == root.i:
        return False
    return coordinated or clause_head(head).i != clause.i


def _rank(mention: PlaceMention, predicate: Token) -> tuple[int, int, int]:
    verbal = mention.attached_to is not None and (
        mention.attached_to.i == predicate.i or mention.attached_to.pos_ in VERB_POS
    )
    # "in Lamitan town, Basilan, south Philippines": the first of an apposition chain is the
    # most precise.
    appos = mention.root is not None and mention.root.dep_ == "appos"
    distance = abs(mention.root.i - predicate.i) if mention.root is not None else 0
    return (0 if verbal else 1, 1 if appos else 0, distance)


def _dateline(doc: Doc) -> PlaceMention | None:
    m = DATELINE_PLACE.match(doc_text(doc)[:80])
    if m is None:
        return None
    text = m.group("place").strip()
    start = m.start("place")
    return PlaceMention(text, start, start + len(text), None, -1, None)
