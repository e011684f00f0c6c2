"""Actor resolution: noun phrases -> CAMEO actor codes (country + role, IGOs, groups).

    from thucydides.actors import ActorDictionary, ActorResolver

    resolver = ActorResolver(ActorDictionary.load(["my_actors.yaml"]))
    actor = resolver.resolve(token, date="2024-05-01")   # token: head of an argument phrase
    resolver.resolve_text("Turkish police")              # -> Actor(code="TURCOP", ...)
    resolver.country_of_place("Istanbul")                # -> "TUR"
    resolver.resolve_many(token, date)                   # "the two countries" -> [Actor, Actor]

Named people (people.yaml, `people.py`) are coded by the office they hold on the date;
pronouns, definite descriptions and surnames resolve within the article (`coref.py`).

The dictionary is YAML (bundled in `thucydides/data/actors/`, user files in the same
format add or override entries); see `dictionary.py` for the format and `resolver.py`
for how a phrase is read.
"""

from __future__ import annotations

from .dictionary import (
    ActorDictionary,
    Country,
    DictionaryError,
    Organisation,
    default_dictionary,
)
from .people import ROLE_CODES, Office, Person
from .resolver import ActorResolver, Found

__all__ = [
    "ROLE_CODES",
    "ActorDictionary",
    "ActorResolver",
    "Country",
    "DictionaryError",
    "Found",
    "Office",
    "Person",
    "Organisation",
    "default_dictionary",
]
