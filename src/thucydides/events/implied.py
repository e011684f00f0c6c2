"""What CAMEO practice supplies where the text is silent.

A role-only actor ("police", "protesters") belongs to the country of a place in its
own clause, else to the country the story is about; an agentless arrest was made by
that country's authorities; dissent with no stated target is aimed at the dissenters'
own government; protests with no one named are the public's. The codes and roles
involved are data (`data/grammar.yaml`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..dateline import doc_dateline_end
from ..model import Actor
from ..nlp import PLACE_LABELS, doc_ents, named_after_place_noun, sentence_of
from .grammar import MODIFIER_DEPS, Grammar, is_passive
from .match import ActorLookup, Match
from .parties import UNPLACED, source_unstated


# A country in these relations is a party to the clause, not where it happens.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "attr", "appos"})
# A country in these relations says whose a thing or person is ("a *U.S.* envoy",
# "*Turkey's* police"); a city there still says where ("*Istanbul* police").
OWNER_DEPS = frozenset(MODIFIER_DEPS | {"poss"})


class ImpliedActors:
    """The country of context of role-only actors, and the actors of agentless acts."""

    def __init__(self, resolver: ActorLookup, grammar: Grammar) -> None:
        self.resolver = resolver
        self.grammar = grammar

    def clause_country(self, match: Match) -> str | None:
        """The country of a place in the predicate's own clause ("*In Istanbul*, police
        detained ...", "police *in St. Petersburg* detained ..."), which beats the
        country in focus; a place of another clause ("Rubio, who met Fidan *in
        Washington*, raised concerns over the detention of protesters") does not."""
        predicate = match.predicate
        if match.pattern.code[:2] in self.grammar.venue_roots:
            return None  # talks *in Muscat*: where envoys meet says nothing of whose they are
        sent = sentence_of(predicate.doc, predicate.i)[1]
        dateline = doc_dateline_end(sent.doc) if sent.start == 0 else 0
        for ent in _ents_within(sent):
            # "the city of *Matagalpa*" is a place whatever the tagger labelled it
            if (ent.label_ in PLACE_LABELS or self._division_of(ent.root)) and ent.start_char >= dateline \
                    and self._locative(ent) and _in_clause_of(ent.root, predicate):
                country = self.resolver.country_of_name(ent.text)
                if country:
                    return country
        return None

    def _locative(self, ent: SpacySpan) -> bool:
        """A place named as where ("in Istanbul", "Istanbul police"), not whence, nor a country
        that acts or is acted on ("*Germany* criticised the detention of ...") nor a
        country that says whose someone is ("a senior *U.S.* envoy")."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:  # "of Rwanda, *France* and ..."
            root = root.head
        # "embassies *of Rwanda*" (but "the city *of Matagalpa*" is the place itself)
        owner = root.dep_ in OWNER_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "of" and not self._division_of(root))
        if owner and not self.resolver.is_venue(ent.text):
            return False
        if root.dep_ == "pobj" and root.head.lower_ == "from":
            return False  # "rescued 104 people, most of them *from Syria*": where they came from
        return root.dep_ not in ARGUMENT_DEPS

    def _division_of(self, name: Token) -> bool:
        """A name in "the city / province / region *of* <name>"."""
        return name.dep_ == "pobj" and named_after_place_noun(name, self.grammar.division_nouns)

    def placed(self, sources: list[Actor], targets: list[Actor], country: str | None,
               stated: bool, runner_up: str | None = None) -> tuple[list[Actor], list[Actor]]:
        """The sources and targets with the country of context given to role-only
        actors (`stated`: the country of a place in their own clause). A target that
        the country would make the source itself takes the story's next country
        (`runner_up`): Ethiopia's prime minister "met *President* Isaias Afwerki" in a
        story on Ethiopia and Eritrea."""
        sources = [self._with_country(a, country, targets, stated) for a in sources]
        targets = [self._with_country(a, country, sources, stated) for a in targets
                   if not self._the_speaker(a, sources)]
        if runner_up and not stated:
            targets = [self._with_country(a, runner_up, sources, stated) for a in targets]
        return [a for a in sources if a.code != UNPLACED], [a for a in targets if a.code != UNPLACED]

    def _the_speaker(self, target: Actor, sources: list[Actor]) -> bool:
        """A pronoun target that is the source itself: "the Democratic Party said *it*
        would ..." (the party as a role, the source placed in the story's country)."""
        return target.text.lower() in self.grammar.speaker_pronouns and any(
            s.code == target.code or (not target.country and target.role and s.role == target.role)
            for s in sources)

    def government(self, match: Match, code: str, sources: list[Actor]) -> list[Actor]:
        """Dissent with no stated target is aimed at the dissenters' own government:
        CAMEO codes "opposition parties called a general strike" as against it
        (`implied_government_codes`, `dissent_roles` in data/grammar.yaml)."""
        if not code.startswith(tuple(self.grammar.implied_government_codes)):
            return []
        dissenters = [s for s in sources if s.role and s.role.lower() in self.grammar.dissent_roles]
        return _implied_targets(match, dissenters, "GOV")

    def governed(self, match: Match, code: str, sources: list[Actor]) -> list[Actor]:
        """A restriction with no stated target is aimed at the people its state governs:
        "authorities suspended mobile internet", "imposed a curfew" (`implied_people_codes`
        in data/grammar.yaml)."""
        if not code.startswith(tuple(self.grammar.implied_people_codes)):
            return []
        states = [s for s in sources if s.role is None or s.role.lower() in self.grammar.state_roles]
        return _implied_targets(match, states, "CVL")

    def dissenters(self, match: Match, code: str, country: str | None) -> list[Actor]:
        """The people of the country in context, implied as those who protest where
        no one is named ("protests erupted in Istanbul", "thousands took to the
        streets"): CAMEO codes them as civilians (`implied_dissent_codes`,
        `implied_dissent_role` in data/grammar.yaml); none where no country is placed."""
        grammar = self.grammar
        return self._unstated_source(match, code, country, grammar.implied_dissent_codes,
                                     grammar.implied_dissent_role, "implied dissenters")

    def agent(self, match: Match, code: str, targets: list[Actor], clause_country: str | None,
              context_country: str | None) -> list[Actor]:
        """The authorities who, in CAMEO practice, did an agentless coercion ("150
        people were arrested", "the arrest of X", "were sentenced"): of the country of
        a place in its clause, else of a target who is one of a state's own officials or
        politicians (`own_state_roles`), else of the country in context, else of any
        target's; none where no country can be placed (`implied_agent_codes`,
        `implied_agent_roles` in data/grammar.yaml)."""
        grammar = self.grammar
        predicate = match.predicate
        if not code.startswith(tuple(grammar.implied_agent_codes)) \
                or not (match.pattern.pos == "noun" or is_passive(predicate, grammar)) \
                or not source_unstated(match, grammar):
            return []
        official = next((t.country for t in targets
                         if t.country and t.role and t.role.lower() in grammar.own_state_roles), None)
        country = clause_country or official or context_country or next((t.country for t in targets if t.country), None)
        if country is None:
            return []
        role = grammar.implied_agent_roles.get(predicate.lemma_.lower(), "GOV")
        match.trace.append(f"implied agent: {country}{role} (agentless {predicate.lemma_.lower()})")
        return [_implied_actor(country, role, predicate.idx)]

    def attacker(self, match: Match, code: str, country: str | None) -> list[Actor]:
        """The unidentified armed forces of the country in context, who in CAMEO
        practice set off a bomb no one is named for ("a roadside bombing near Samarra
        killed a U.S. soldier": IRQUAF); none where no country is placed
        (`implied_attacker_codes`, `implied_attacker_role` in data/grammar.yaml)."""
        grammar = self.grammar
        return self._unstated_source(match, code, country, grammar.implied_attacker_codes,
                                     grammar.implied_attacker_role, "implied attacker (bombing without an agent)")

    def _unstated_source(self, match: Match, code: str, country: str | None, codes: frozenset[str],
                         role: str, why: str) -> list[Actor]:
        """The actor of `role` in `country` that CAMEO practice supplies for an act of
        one of `codes` whose source is unstated; none where no country is placed."""
        if not country or not code.startswith(tuple(codes)) or not source_unstated(match, self.grammar):
            return []
        match.trace.append(f"{why}: {country}{role}")
        return [_implied_actor(country, role, match.predicate.idx)]

    def _with_country(self, actor: Actor, country: str | None, others: list[Actor], stated: bool) -> Actor:
        """A role-only actor ("police", "protesters") or a person the actor base does
        not know with the country of its context; not one the text calls foreign
        ("accused *foreign* intelligence services": no one of the story's country)."""
        if actor.code == UNPLACED:
            return replace(actor, code=country, country=country) if country else actor
        if actor.country or not actor.role or actor.code.startswith(("IGO", "NGO", "IMG")):
            return actor
        if _called_foreign(actor.text.lower().split(), self.grammar):
            return actor
        country = country or next((o.country for o in others if o.country), None)
        if not country or (not stated and actor.role.lower() not in self.grammar.disciplined_roles
                           and any(o.code == country + actor.code and (o.start, o.end) != (actor.start, actor.end)
                                   for o in others)):
            # "The junta ordered the French ambassador to leave", "President X welcomed
            # South African leader Y": unless a place says so, a country that makes the
            # role the other side itself (a self-dyad) is not its own (the same mention,
            # a party of a two-sided act, is no other side). Police act on their own
            # ("internal affairs detained seven officers"; `disciplined_roles`).
            return actor
        return replace(actor, country=country, code=country + actor.code)


def _called_foreign(words: list[str], grammar: Grammar) -> bool:
    """ "*foreign* intelligence services", not a "Foreign Minister" (an office's name)."""
    return any(w in grammar.foreign_words and (i + 1 == len(words) or words[i + 1] not in grammar.foreign_office_words)
               for i, w in enumerate(words))


def _implied_targets(match: Match, actors: list[Actor], role: str) -> list[Actor]:
    """One implied target of `role` per country of `actors`, traced on the match."""
    at = match.predicate.idx
    implied = [_implied_actor(c, role, at) for c in dict.fromkeys(a.country for a in actors if a.country) if c]
    if implied:
        match.trace.append("implied target: " + ", ".join(a.code for a in implied))
    return implied


def _implied_actor(country: str, role: str, at: int) -> Actor:
    """An actor CAMEO practice supplies where the text names none: no words, a
    zero-length span at the predicate (`Actor.implied`)."""
    return Actor(code=f"{country}{role}", text="", start=at, end=at, country=country, role=role)


def _in_clause_of(token: Token, predicate: Token) -> bool:
    """Whether a token hangs from the predicate (or, for a nominal predicate, from
    the verb it is an argument of) without crossing the head of another clause."""
    anchors = {predicate.i}
    if predicate.pos_ == "NOUN" and predicate.head.pos_ in {"VERB", "AUX"}:
        anchors.add(predicate.head.i)  # "staged *protests* in Istanbul"
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.i in anchors:
            return True
        if current.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _ents_within(sent: SpacySpan) -> list[SpacySpan]:
    """The entities inside a sentence, as `Span.ents` gives them, from the document's
    list read once (`Span.ents` rebuilds every entity of the document)."""
    return [e for e in doc_ents(sent.doc) if e.start >= sent.start and e.end <= sent.end]
