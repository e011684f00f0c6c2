"""Exports from the store: JSONL, CSV, Parquet and GDELT 2.0 rows (the GDELT, PLOVER and
ICEWS formats on a whole corpus: tests/store/test_export_formats.py)."""

from __future__ import annotations

import csv
import io
import json
import re

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from thucydides.export import BIGQUERY_COLUMNS, GDELT_COLUMNS, export, gdelt_event_id
from thucydides.export.geo import default_geography
from thucydides.model import Actor, Article, Event, Location, Span
from thucydides.query import EventFilter
from thucydides.schema import COLUMNS, CSV_COLUMNS, flatten, unflatten
from thucydides.store import Store

# Real pipeline output, not hand-made records: an arrest with a count and a city, a
# quoted statement (two events) and a protest in a US city.
TEXT = (
    "Turkish police detained 1,879 protesters in Istanbul on Sunday. "
    '"We condemn the attacks by the rebels," the French foreign minister said. '
    "Protesters marched in Chicago on Monday."
)


@pytest.fixture(scope="module")
def coded() -> tuple[Article, list[Event]]:
    from thucydides.pipeline import Pipeline

    article = Article(text=TEXT, date="2024-03-04", url="https://news.example/turkey/1", source="Wire")
    ((article, events),) = Pipeline().code_articles([article])
    assert [e.code for e in events] == ["173", "111", "190", "141"]
    return article, events


def _events(coded: tuple[Article, list[Event]]) -> list[Event]:
    return coded[1]


@pytest.fixture
def store(tmp_path, coded):
    with Store.open(tmp_path / "events.duckdb") as store:
        store.add(*coded)
        yield store


def test_flatten_round_trip(coded):
    for event in _events(coded):
        flat = flatten(event)
        assert tuple(flat) == COLUMNS
        assert unflatten(flat) == event
    arrest, quoted, _, protest = _events(coded)
    assert json.loads(flatten(arrest)["location"])["precision"] == "city"
    assert json.loads(flatten(arrest)["figures"])[0] == {
        "kind": "detained", "value": 1879, "text": "1,879 protesters", "start": 24, "end": 40,
    }  # fmt: skip
    assert json.loads(flatten(quoted)["quote"])["speaker"]["code"] == "FRAGOV"
    assert flatten(protest)["quote"] is None and flatten(protest)["figures"] == "[]"


def test_jsonl_is_event_to_dict_per_line(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 4
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in store.events()]
    assert Event.from_dict(json.loads(lines[0])).code == "173"


def test_csv_has_header_and_flat_rows(store, tmp_path):
    path = tmp_path / "events.csv"
    assert export(store, "csv", path) == 4
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert rows[0]["code"] == "173" and rows[0]["source_code"] == "TURCOP" and rows[0]["date"] == "2024-03-03"
    # The location as columns, not JSON.
    assert "location" not in rows[0]
    assert (rows[0]["location_name"], rows[0]["location_country"], rows[0]["location_precision"]) == (
        "Istanbul", "TUR", "city")  # fmt: skip
    assert float(rows[0]["location_lat"]) == 41.01384 and rows[1]["location_name"] == ""
    assert json.loads(rows[1]["quote"])["text"] == "We condemn the attacks by the rebels,"
    assert rows[3]["quote"] == "" and rows[3]["figures"] == "[]"
    out = io.StringIO()
    export(store, "csv", out, header=False)
    assert not out.getvalue().startswith("id,")


def test_parquet_is_readable_with_pyarrow(store, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path) == 4
    table = pq.read_table(path)
    assert table.column_names == [*COLUMNS, "date_raw"]
    rows = table.to_pylist()
    assert [r["code"] for r in rows] == ["173", "111", "190", "141"]
    assert rows[0]["goldstein"] == -5.0 and str(rows[0]["date"]) == "2024-03-03"
    # Typed nested columns: the location a struct, the figures a list of structs, codes strings.
    assert pa.types.is_struct(table.schema.field("location").type)
    assert pa.types.is_list(table.schema.field("figures").type)
    assert pa.types.is_string(table.schema.field("code").type)
    assert rows[0]["location"]["name"] == "Istanbul" and rows[0]["location"]["lat"] == 41.01384
    assert rows[0]["figures"][0]["kind"] == "detained" and rows[0]["figures"][0]["value"] == 1879
    assert rows[1]["quote"]["speaker"]["code"] == "FRAGOV" and rows[1]["location"] is None
    # A binary stream works too (for stdout).
    buf = io.BytesIO()
    assert export(store, "parquet", buf, where=EventFilter(roots=("17",))) == 1
    buf.seek(0)
    assert pq.read_table(buf).column("code").to_pylist() == ["173"]


def test_gdelt_rows_have_61_fields_in_codebook_order(store):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")  # the codebook's
    assert BIGQUERY_COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE") and BIGQUERY_COLUMNS[2:] == GDELT_COLUMNS[2:]
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    out = io.StringIO()
    assert export(store, "gdelt", out) == 4
    lines = out.getvalue().split("\n")
    assert lines[-1] == "" and len(lines) == 5  # no header by default
    first = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
    events = list(store.events())
    assert first["GlobalEventID"] == str(gdelt_event_id(events[0].id))
    assert first["Day"] == "20240303" and first["MonthYear"] == "202403" and first["Year"] == "2024"
    assert first["FractionDate"] == "2024.1726"  # GDELT's ((month-1)*30+day)/365
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "TURCOP", "TURKEY", "TUR", "COP",  # the actor's name, else its words
    )  # fmt: skip
    assert (first["Actor2Code"], first["Actor2Type1Code"]) == ("TURCVL", "CVL")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("173", "173", "17")
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("4", "-5.0", "1")
    assert first["ActionGeo_FullName"] == "Istanbul, Turkey" and first["ActionGeo_Type"] == "4"  # a world city
    assert first["ActionGeo_CountryCode"] == "TU"  # ISO TUR -> FIPS 10-4, as GDELT uses
    assert first["ActionGeo_ADM1Code"] == "TU34"  # FIPS country + the province's code, not its name
    assert (first["ActionGeo_Lat"], first["ActionGeo_Long"], first["ActionGeo_FeatureID"]) == ("41.01384", "28.94966", "745044")
    assert first["AvgTone"] == "" and first["Actor1Geo_Type"] == "0"  # "Turkish police" names no place
    assert len(first["DATEADDED"]) == 14 and first["SOURCEURL"] == "https://news.example/turkey/1"
    second = dict(zip(GDELT_COLUMNS, lines[1].split("\t"), strict=True))
    assert second["IsRootEvent"] == "0" and second["ActionGeo_Type"] == "0" and second["ActionGeo_Lat"] == ""  # no place
    last = dict(zip(GDELT_COLUMNS, lines[3].split("\t"), strict=True))
    assert (last["ActionGeo_FullName"], last["ActionGeo_Type"], last["ActionGeo_CountryCode"]) == (
        "Chicago, Illinois, United States", "3", "US")  # a US city
    assert last["ActionGeo_ADM1Code"] == "USIL"


def test_gdelt_root_only_code_and_article_date():
    # A root-only code gets GDELT's three digits; no date on the event: the article's.
    from thucydides.export import gdelt_row
    from thucydides.store import ArticleRef

    event = Event(
        article_id="a", sentence_index=1, sentence_text="They protested.", sentence_start=0, code="14", root="14",
        quad=3, goldstein=-6.5, plover_type="PROTEST", plover_mode=None,
        source=Actor("TURCVL", "They", 0, 4, country="TUR", role="CVL"), target=None,
        event_text=Span("protested", 5, 14), rule="protest.v1",
    )  # fmt: skip
    row = dict(zip(GDELT_COLUMNS, gdelt_row(event, ArticleRef("a", None, None, date(2024, 3, 3), None))))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("140", "140", "14")
    assert row["Day"] == "20240303" and row["IsRootEvent"] == 0 and row["Actor2Code"] == ""


def test_a_code_outside_cameo_is_stored_and_exported_without_class_or_score(tmp_path):
    # a user's PETRARCH dictionaries may code "903": no QuadClass, Goldstein score or PLOVER
    article = Article(text=TEXT, date="2024-03-03")
    event = Event(
        article_id=article.id, sentence_index=0, sentence_text=TEXT[:62], sentence_start=0,
        code="903", root="90", quad=None, goldstein=None, plover_type=None, plover_mode=None,
        source=Actor("TURCOP", "Turkish police", 0, 14, country="TUR", role="COP"), target=None,
        event_text=Span("detained", 15, 23), rule="dictionary/contribute.388.v",
    )  # fmt: skip
    with Store.open(tmp_path / "events.duckdb") as store:
        store.add(article, [event])
        (stored,) = store.events()
        assert stored == event
        out = io.StringIO()
        export(store, "gdelt", out)
        row = dict(zip(GDELT_COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
        assert (row["EventCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == ("903", "90", "", "")
        summary = store.summary()
        assert summary["by_quad"] == [{"quad": None, "name": None, "events": 1}]
        assert summary["by_root"][0]["root"] == "90" and summary["by_root"][0]["name"] is None


def test_gdelt_header_on_request(store, tmp_path):
    path = tmp_path / "events.tsv"
    export(store, "gdelt", path, header=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert all(len(line.split("\t")) == 61 for line in lines)
    export(store, "gdelt", path, header="bigquery")
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(BIGQUERY_COLUMNS)
    with pytest.raises(ValueError, match="gdelt only"):
        export(store, "csv", path, header="bigquery")


def test_gdelt_event_ids_are_stable_64_bit():
    assert gdelt_event_id("ev-0123456789abcdef") == gdelt_event_id("ev-0123456789abcdef")
    assert 0 < gdelt_event_id("ev-x") < 2**63


def test_unknown_format(store):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", io.StringIO())


# --- the export and stats commands ----------------------------------------------


@pytest.fixture
def cli_db(tmp_path, coded):
    import thucydides.cli.export  # noqa: F401 - registers the commands
    import thucydides.cli.stats  # noqa: F401

    path = tmp_path / "cli.duckdb"
    with Store.open(path) as store:
        store.add(*coded)
    return path


def _invoke(*args: str):
    from typer.testing import CliRunner

    from thucydides.cli import app

    return CliRunner().invoke(app, list(args))


def test_export_command_formats(cli_db, tmp_path):
    result = _invoke("export", "--db", str(cli_db))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["173", "111", "190", "141"]
    assert "4 events exported (jsonl)" in result.stderr
    result = _invoke("export", "--db", str(cli_db), "--format", "gdelt", "--header", "gdelt", "--root", "17")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("GlobalEventID\tDay") and len(lines) == 2
    result = _invoke("export", "--db", str(cli_db), "--format", "gdelt", "--header", "bigquery")
    assert result.stdout.startswith("GLOBALEVENTID\tSQLDATE\t")
    result = _invoke("export", "--db", str(cli_db), "--format", "csv", "--header", "gdelt")
    assert result.exit_code == 2 and "--no-header" in result.output
    result = _invoke("export", "--db", str(cli_db), "--format", "csv", "--no-header")
    assert len(result.stdout.splitlines()) == 4 and not result.stdout.startswith("id,")
    out = tmp_path / "out.parquet"
    result = _invoke("export", "--db", str(cli_db), "-f", "parquet", "-o", str(out), "--from", "2024-03-01")
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 4
    result = _invoke("export", "--db", str(cli_db), "--since", "last week")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    # The old spellings still work, as the same filter.
    new = _invoke("export", "--db", str(cli_db), "-f", "csv", "--from", "2024-03-01", "--to", "2024-12-31")
    old = _invoke("export", "--db", str(cli_db), "-f", "csv", "--since", "2024-03-01", "--until", "2024-12-31")
    assert new.exit_code == old.exit_code == 0 and new.stdout == old.stdout
    result = _invoke("export", "--db", str(cli_db), "--from", "2024-03-02", "--to", "2024-03-01")
    assert result.exit_code == 2 and "after" in result.output


def test_export_and_stats_on_a_missing_store(tmp_path):
    for command in ("export", "stats"):
        result = _invoke(command, "--db", str(tmp_path / "none.duckdb"))
        assert result.exit_code == 1 and "no event store" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_stats_command(cli_db):
    result = _invoke("stats", "--db", str(cli_db))
    assert result.exit_code == 0, result.output
    for expected in ("1 articles, 4 events", "Material conflict", "TURCOP", "coerce.arrest.v"):
        assert expected in result.stdout
    data = json.loads(_invoke("stats", "--db", str(cli_db), "--json").stdout)
    assert data["events"] == 4 and {"source": "TURCOP", "target": "TURCVL", "events": 1} in data["top_dyads"]


def test_gdelt_geo_from_locations():
    geo = default_geography()
    assert geo.gdelt(None).type == 0 and geo.gdelt(None).values()[1:] == ("", "", "", "", None, None, "")
    country = geo.gdelt(Location(text="Germany", name="Germany", country="DEU", precision="country"))
    assert (country.type, country.country, country.adm1, country.feature_id) == (1, "GM", "GM", "GM")
    assert (round(country.lat), round(country.lon)) == (51, 10)  # the country's centroid
    state = geo.gdelt(Location(text="Texas", name="Texas", country="USA", admin1="Texas", precision="admin1"))
    assert (state.type, state.adm1, state.full_name) == (2, "USTX", "Texas, United States")  # GDELT's US state
    assert 25 < state.lat < 37 and -107 < state.lon < -93  # a centroid inside Texas
    province = geo.gdelt(Location(text="Adana", name="Adana", country="TUR", admin1="Adana", precision="admin1"))
    assert (province.type, province.country, province.adm1) == (5, "TU", "TU81")  # FIPS division code, not the name
    unresolved = geo.gdelt(Location(text="the Strip", start=0, end=9))
    assert unresolved.type == 0 and unresolved.full_name == ""  # GDELT writes no place it could not resolve


# Divisions as the gazetteer resolves them, each with GDELT's ADM1 code (FIPS country +
# GeoNames admin-1 code, the FIPS division code in these countries) and a box its centroid
# must fall in (the division's extent, with a margin). Istanbul alone was coded before
# admin1.tsv had GeoNames' own admin-1 names; Jalisco was coded as Chiapas (a village
# named Jalisco lies there), the others not at all.
DIVISIONS = [
    ("Istanbul", "TUR", "TU34", 5, (40.8, 41.6), (27.9, 29.95)),
    ("Borno", "NGA", "NI27", 5, (10.0, 13.8), (11.4, 14.7)),
    ("Moskovskaya oblast", "RUS", "RS47", 5, (54.2, 57.0), (35.1, 40.2)),
    ("Maharashtra", "IND", "IN16", 5, (15.6, 22.1), (72.6, 80.9)),
    ("Jalisco", "MEX", "MX14", 5, (18.9, 22.8), (-105.7, -101.5)),
    ("Texas", "USA", "USTX", 2, (25.8, 36.5), (-106.7, -93.5)),
    # where GeoNames' code is not FIPS 10-4's (iso3166-2-db): Île-de-France is GeoNames' 11,
    # FIPS A8; Zürich ZH, FIPS 25 (GDELT's SZ25); Brussels BRU, FIPS 11
    ("Île-de-France", "FRA", "FRA8", 5, (48.1, 49.3), (1.4, 3.6)),
    ("Zürich", "CHE", "SZ25", 5, (47.1, 47.7), (8.3, 9.0)),
    ("Bruxelles-Capitale, Région de", "BEL", "BE11", 5, (50.7, 51.0), (4.2, 4.5)),
]


@pytest.mark.parametrize(("text", "country", "adm1", "kind", "lats", "lons"), DIVISIONS)
def test_gdelt_division_codes_and_centroids(text: str, country: str, adm1: str, kind: int,
                                            lats: tuple[float, float], lons: tuple[float, float]) -> None:
    from thucydides.places import default_gazetteer

    place = default_gazetteer().resolve(text, [country])
    assert place is not None and place.country == country
    # "Istanbul" is the city; its province is the division the gazetteer names beside it
    division = place.admin1 if place.precision == "city" else place.name
    location = Location(text=text, name=division, country=country, admin1=division, precision="admin1")
    gdelt = default_geography().gdelt(location)
    assert (gdelt.adm1, gdelt.feature_id, gdelt.type, gdelt.country) == (adm1, adm1, kind, adm1[:2])
    assert gdelt.lat is not None and gdelt.lon is not None
    assert lats[0] < gdelt.lat < lats[1] and lons[0] < gdelt.lon < lons[1]


# Cities as the gazetteer resolves them: each carries the division its GeoNames admin-1
# code names (before, only a division of its own name: none for Ikeja, Ludhiana, Nuremberg)
# and exports that division's ADM1 code, as a world city (4), or as a US city (3).
CITIES = [
    ("Ankara", "TUR", "Ankara", "TU68", 4, "Ankara, Turkey"),
    ("Kano", "NGA", "Kano", "NI29", 4, "Kano, Nigeria"),
    ("Ikeja", "NGA", "Lagos", "NI05", 4, "Ikeja, Lagos, Nigeria"),
    ("Ludhiana", "IND", "Punjab", "IN23", 4, "Ludhiana, Punjab, India"),
    ("Nuremberg", "DEU", "Bayern", "GM02", 4, "Nuremberg, Bayern, Germany"),
    ("Austin", "USA", "Texas", "USTX", 3, "Austin, Texas, United States"),
    # a city's GeoNames code translated to FIPS as its division's is
    ("Versailles", "FRA", "Île-de-France", "FRA8", 4, "Versailles, Île-de-France, France"),
    ("Lausanne", "CHE", "Vaud", "SZ23", 4, "Lausanne, Vaud, Switzerland"),
]


@pytest.mark.parametrize(("text", "country", "division", "adm1", "kind", "full_name"), CITIES)
def test_gdelt_cities_carry_their_division_code(text: str, country: str, division: str, adm1: str, kind: int,
                                                full_name: str) -> None:
    from thucydides.places import default_gazetteer

    place = default_gazetteer().resolve(text)
    assert place is not None and (place.precision, place.country, place.admin1) == ("city", country, division)
    location = Location(text=text, name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, precision="city")
    gdelt = default_geography().gdelt(location)
    assert (gdelt.type, gdelt.adm1, gdelt.country, gdelt.full_name) == (kind, adm1, adm1[:2], full_name)
    assert gdelt.feature_id == str(place.geonameid) and gdelt.lat == place.lat
    # the code of the division the city names: a city and its division export alike
    region = default_geography().gdelt(Location(text=division, name=division, country=country, admin1=division,
                                                precision="admin1"))
    assert region.adm1 == adm1


def test_gazetteer_cities_carry_a_division_that_agrees_with_their_code() -> None:
    """Every city of the gazetteer exports an ADM1 code (its division's FIPS 10-4 code; 94.0%:
    not the city-states, Singapore, Macau, Monaco, whose code is 00, nor where no FIPS code
    is known: the United Kingdom's 865, Vietnam's 2025 provinces, Uganda's regions) and names the division
    of that code (96.4%; 12.8% when only a division of the city's own name was given, 25 of
    them the wrong one: a town called Jalisco lies in Chiapas). Where it names one, the
    division's own ADM1 code is the city's."""
    from thucydides.places import default_gazetteer

    geo = default_geography()
    cities = coded = named = 0
    for place in default_gazetteer().places():
        if place.precision != "city":
            continue
        cities += 1
        city = geo.gdelt(Location(text=place.name, name=place.name, country=place.country, admin1=place.admin1,
                                  geonameid=place.geonameid, precision="city"))
        coded += len(city.adm1) > len(city.country)
        if place.admin1 is not None:
            named += 1
            region = geo.gdelt(Location(text=place.admin1, name=place.admin1, country=place.country,
                                        admin1=place.admin1, precision="admin1"))
            assert region.adm1 == city.adm1, (place, region.adm1, city.adm1)
    assert cities > 30_000
    assert coded / cities >= 0.935 and named / cities >= 0.96


@pytest.mark.parametrize(("text", "adm1", "lats", "lons"), [
    ("Bavaria", "GM02", (47.2, 50.6), (8.9, 13.9)),
    ("Moscow Oblast", "RS47", (54.2, 57.0), (35.1, 40.2)),
    ("Lagos State", "NI05", (6.3, 6.8), (2.6, 4.4)),
])
def test_gdelt_divisions_named_in_english(text: str, adm1: str, lats: tuple[float, float],
                                          lons: tuple[float, float]) -> None:
    # Names the gazetteer did not know before (admin1_names.tsv): the division's code and centroid
    from thucydides.places import default_gazetteer

    place = default_gazetteer().resolve(text)
    assert place is not None and place.precision == "admin1"
    gdelt = default_geography().gdelt(Location(text=text, name=place.name, country=place.country,
                                               admin1=place.admin1, precision="admin1"))
    assert (gdelt.type, gdelt.adm1, gdelt.feature_id) == (5, adm1, adm1)
    assert gdelt.lat is not None and gdelt.lon is not None
    assert lats[0] < gdelt.lat < lats[1] and lons[0] < gdelt.lon < lons[1]


def test_gdelt_leaves_out_divisions_it_cannot_tell_apart() -> None:
    # ISO has Sofia (the province, BG-23) and Sofia (the capital, BG-22); the gazetteer has
    # one "Sofia", and GeoNames two codes (58, 42): the country alone, no guess
    sofia = default_geography().gdelt(Location(text="Sofia", name="Sofia", country="BGR", admin1="Sofia",
                                               precision="admin1"))
    assert (sofia.type, sofia.adm1, sofia.lat, sofia.lon) == (5, "BU", None, None)


def test_admin1_table_covers_the_gazetteers_divisions() -> None:
    """Share of the ISO 3166-2 first-level divisions the gazetteer names that GDELT export
    gives a division code and a centroid (tools/build_export_geo.py: 93.8% and 92.8% when
    built; 89.9% codes since only FIPS 10-4 codes are given, not GeoNames' where FIPS has
    none or the source lacks the division; 41.6% each with the namesake-town rule alone)."""
    import pycountry

    geo = default_geography()
    names = {(s.country_code, re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s.name))
             for s in pycountry.subdivisions if s.parent_code is None}  # as the gazetteer names them
    coded = located = 0
    for iso2, name in names:
        country = geo.country(iso2)
        assert country is not None, iso2
        place = geo.gdelt(Location(text=name, name=name, country=country.iso3, admin1=name, precision="admin1"))
        coded += place.adm1 != country.fips
        located += place.lat is not None
    assert len(names) > 3500
    assert coded / len(names) >= 0.895 and located / len(names) >= 0.92


def _build_tool(monkeypatch: pytest.MonkeyPatch):
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).parents[2] / "tools" / "build_export_geo.py"
    spec = importlib.util.spec_from_file_location("build_export_geo", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_export_geo", tool)  # its dataclasses look their module up
    spec.loader.exec_module(tool)
    return tool


def test_build_tool_matches_names_as_iso_and_geonames_write_them(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _build_tool(monkeypatch)
    key = tool.division_key
    assert key("Adygeya, Respublika") == key("Adygeya Republic") == key("Respublika Adygeya") == "adygeya"
    assert key("Kwa Zulu-Natal") == key("KwaZulu-Natal") and key("Ḩimş") == key("Hims") == "hims"
    assert key("Lagos State") == key("Lagos") and key("İstanbul") == key("Istanbul Province") == "istanbul"
    assert key("Bayern") != key("Baden-Württemberg") and key("Region") == "region"  # nothing left: the whole name
    assert tool.iso_names("Madrid, Comunidad de") == ["Madrid, Comunidad de", "Madrid"]
    assert tool.iso_names("Catalunya [Cataluña]") == ["Catalunya", "Cataluña"]
    assert tool.iso_names("Wales [Cymru GB-CYM]") == ["Wales", "Cymru"]
    assert tool.iso_names("Stockholms län [SE-01]") == ["Stockholms län"]
    assert tool.iso_names("San Andrés, Providencia y Santa Catalina") == ["San Andrés, Providencia y Santa Catalina"]


@pytest.fixture(scope="module")
def name_filters():
    """The build tool, with what it checks a division's other name against: the gazetteer's
    index less those names, the actor dictionary, the English lexicon."""
    from thucydides.places import _Builder

    with pytest.MonkeyPatch.context() as patch:
        tool = _build_tool(patch)
        yield tool, _Builder(division_names=False), tool.ActorNames.bundled(), tool.CommonWords.bundled()


@pytest.mark.parametrize(("name", "division", "why"), [
    ("Bavaria", ("DEU", "DE-BY", "Bayern"), None),
    ("Tuscany", ("ITA", "IT-52", "Toscana"), None),  # a town elsewhere (in Canada) gives way to the region
    ("Bayern", ("DEU", "DE-BY", "Bayern"), "known"),
    ("Moscow", ("RUS", "RU-MOS", "Moskovskaya oblast'"), "a major city's name"),
    ("Zadar", ("HRV", "HR-13", "Zadarska županija"), "the name of a city in the division"),
    ("San Marino", ("SMR", "SM-07", "Città di San Marino"), "a country's name"),
    ("Red Sea", ("EGY", "EG-BA", "Al Baḩr al Aḩmar"), "another division's own name"),  # Sudan's
    ("Capital Region", ("DNK", "DK-84", "Hovedstaden"), "common English words"),
    ("Oriental", ("MAR", "MA-02", "L'Oriental"), "common English words"),
    ("Kashmir", ("IND", "IN-JK", "Jammu and Kashmīr"), "the actor dictionary's block name"),
    ("Tyrol", ("AUT", "AT-7", "Tirol"), "the actor dictionary's place name"),  # Italy's there
    ("Margarita", ("VEN", "VE-O", "Nueva Esparta"), "a word of a person's name"),
    ("Uka", ("USA", "US-UT", "Utah"), "one word of fewer than 5 letters"),
    ("Moskva vilayəti", ("RUS", "RU-MOS", "Moskovskaya oblast'"), "not Latin-script ASCII"),
])
def test_build_tool_leaves_out_division_names_other_places_have(name_filters, name: str,
                                                                division: tuple[str, str, str],
                                                                why: str | None) -> None:
    from thucydides.places import place_key

    tool, index, actors, common = name_filters
    own = place_key(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", division[2]))
    assert tool._why_not(name, place_key(name), own, division, index, actors, common) == why


def test_uk_divisions_have_no_fips_code_and_export_the_country() -> None:
    # FIPS 10-4 divides the UK into counties, not England/Wales/Scotland/Northern Ireland
    # (GeoNames' ENG, WLS...); the source has no FIPS code for those, so neither a division
    # nor a city there exports UKENG: the country code alone, as for a place known by country
    from thucydides.places import default_gazetteer

    geo = default_geography()
    wales = geo.gdelt(Location(text="Wales", name="Wales", country="GBR", admin1="Wales", precision="admin1"))
    assert (wales.type, wales.adm1) == (5, "UK")
    place = default_gazetteer().resolve("Manchester")
    assert place is not None and place.country == "GBR"
    city = geo.gdelt(Location(text="Manchester", name=place.name, country="GBR", admin1=place.admin1,
                              geonameid=place.geonameid, precision="city"))
    assert (city.type, city.adm1, city.country) == (4, "UK", "UK")


def test_admin1_table_codes_are_fips_country_plus_two() -> None:
    """Every ADM1 code the table gives is the country's FIPS 10-4 code and two letters or
    digits (US states: postal codes, GDELT's USTX); 157 divisions in 22 countries are not
    GeoNames' own code (France, Switzerland, Belgium, Finland, Greece, Latvia...)."""
    from thucydides.export.tables import read_table

    geo = default_geography()
    rows = read_table("admin1")
    for row in rows:
        country = geo.country(row["iso3"])
        assert country is not None, row
        if row["fips"]:
            assert country.fips, row
            adm1 = geo.gdelt(Location(text=row["name"], name=row["name"], country=row["iso3"], admin1=row["name"],
                                      precision="admin1")).adm1
            assert re.fullmatch(r"[A-Z0-9]{2}", row["fips"]), row
            assert adm1 == country.fips + row["fips"], row
    changed = [r for r in rows if r["fips"] and r["fips"] != r["code"]]
    assert len(changed) == 157 and len({r["iso3"] for r in changed}) == 22
    assert sum(1 for r in rows if r["fips"]) >= 3200


def test_admin1_table_rows_agree_with_their_iso_codes() -> None:
    from thucydides.export.tables import read_table

    rows = read_table("admin1")
    geo = default_geography()
    for row in rows:
        country = geo.country(row["iso"].split("-")[0])
        assert country is not None and country.iso3 == row["iso3"], row
        assert re.fullmatch(r"[A-Z0-9]+", row["code"]), row
        assert (row["lat"] == "") == (row["lon"] == ""), row
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
    assert len({(r["iso3"], r["name"]) for r in rows}) == len(rows)  # one code per name
