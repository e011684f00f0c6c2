"""Closed-class words of actor phrases (`data/actors/grammar.yaml`): the prepositions
and articles of a noun phrase, pronouns and descriptions for coreference, gendered
titles, irregular plurals."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..datafiles import load_yaml, read_data

GRAMMAR_FILE = "actors/grammar.yaml"


@dataclass(frozen=True)
class ActorGrammar:
    phrase_preps: frozenset[str]
    articles: frozenset[str]
    locatives: frozenset[str]
    personal_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    description_determiners: frozenset[str]
    description_openers: frozenset[str]
    description_fillers: frozenset[str]
    person_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    wire_services: frozenset[str] = frozenset()  # agencies a story quotes: no party to it
    spokesperson_nouns: frozenset[str] = frozenset()  # "a spokesperson": who spoke before
    state_roles: frozenset[str] = frozenset()  # (lower-cased) roles in which a country is one side
    country_nouns: frozenset[str] = frozenset()  # "his *country*": the antecedent's country
    gender_titles: dict[str, str] = field(default_factory=dict)  # title word -> "f" or "m"
    irregular_plurals: dict[str, str] = field(default_factory=dict)

    @cached_property
    def anaphoric_pronouns(self) -> frozenset[str]:
        """The pronouns a coreference pass links."""
        return self.personal_pronouns | self.neuter_pronouns | self.plural_pronouns


@lru_cache(maxsize=1)
def default_actor_grammar() -> ActorGrammar:
    data = load_yaml(read_data(GRAMMAR_FILE))
    lists = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    titles = {str(w).lower(): str(gender) for gender, words in data["gender_titles"].items() for w in words}
    plurals = {str(k).lower(): str(v).lower() for k, v in data["irregular_plurals"].items()}
    return ActorGrammar(gender_titles=titles, irregular_plurals=plurals, **lists)
