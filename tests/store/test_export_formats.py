"""Every export format on real pipeline output: the sample corpus ingested by the real
`thucydides ingest`, exported by the real `thucydides export`, read back as its users
read it (pandas with the codebook's types, JSON, TSV, Parquet) and checked column by column."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import thucydides
from thucydides import query
from thucydides.cli import _register_commands, app
from thucydides.export import (
    BIGQUERY_COLUMNS, CSV_DTYPES, GDELT_COLUMNS, GDELT_DTYPES, ICEWS_COLUMNS, read_csv, read_gdelt,
)  # fmt: skip
from thucydides.export.tables import read_table, sector_names
from thucydides.ontology import default_ontology
from thucydides.query import EventFilter
from thucydides.schema import CSV_COLUMNS
from thucydides.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))  # the helpers shared with tests/api
from thuc_api_support import build_sample_store, thucydides_exe  # noqa: E402

# The PLOVER 0.8 event types (CAMEO2PLOVER-2021), of which the ontology's mapping uses all but a few.
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
CAMEO_ACTOR = re.compile(r"^(?:[A-Z0-9]{3})+$")  # IGOG07GOV: codes of three letters or digits


@pytest.fixture(scope="module")
def pd():  # noqa: ANN201 - pandas, for the tests that read as its users do (the 'test' extra has it)
    return pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory)


@pytest.fixture(scope="module")
def counts(sample_db: Path) -> dict[str, int]:
    with Store.open(sample_db, read_only=True) as store:
        con = store.con
        return {
            "events": query.count(con, EventFilter()),
            "plover": int(con.execute("SELECT count(*) FROM events WHERE plover_type IS NOT NULL").fetchone()[0]),
        }


def _export(db: Path, out: Path, *args: str) -> Path:
    _register_commands(["export"])
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def gdelt(pd, sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:  # noqa: ANN001
    path = _export(sample_db, tmp_path_factory.mktemp("gdelt") / "events.tsv", "-f", "gdelt")
    return read_gdelt(path)


def _fips_codes() -> set[str]:
    return {row["fips"] for row in read_table("countries") if row["fips"]}


# --- GDELT 2.0 ----------------------------------------------------------------------


def test_gdelt_export_reads_with_the_codebook_types(gdelt: pd.DataFrame, counts: dict[str, int]) -> None:
    assert list(gdelt.columns) == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    assert {c: str(t) for c, t in gdelt.dtypes.items()} == {c: GDELT_DTYPES[c] for c in GDELT_COLUMNS}
    assert len(gdelt) == counts["events"]  # one row per mention by default
    assert gdelt["GlobalEventID"].is_unique and (gdelt["GlobalEventID"] > 0).all()


def test_gdelt_dates_and_event_codes_are_in_their_domains(pd, gdelt: pd.DataFrame) -> None:  # noqa: ANN001
    days = pd.to_datetime(gdelt["Day"].astype(str), format="%Y%m%d")  # raises on an impossible day
    assert (gdelt["MonthYear"] == gdelt["Day"] // 100).all() and (gdelt["Year"] == gdelt["Day"] // 10000).all()
    assert ((gdelt["FractionDate"] >= gdelt["Year"]) & (gdelt["FractionDate"] < gdelt["Year"] + 1.1)).all()
    assert days.dt.year.min() >= 2000
    onto = default_ontology()
    assert gdelt["EventCode"].map(lambda c: c in onto or c[:3] in onto).all()
    assert (gdelt["EventBaseCode"] == gdelt["EventCode"].str[:3]).all()
    assert (gdelt["EventRootCode"] == gdelt["EventCode"].str[:2]).all()
    assert gdelt["EventCode"].str.startswith("0").any()  # codes read as strings: 036 stays 036
    assert gdelt["QuadClass"].isin([1, 2, 3, 4]).all() and gdelt["GoldsteinScale"].between(-10, 10).all()
    assert gdelt["IsRootEvent"].isin([0, 1]).all() and gdelt["IsRootEvent"].any()
    assert (gdelt[["NumMentions", "NumSources", "NumArticles"]] == 1).all().all()
    assert gdelt["AvgTone"].isna().all()  # no tone is measured: blank, never a made-up 0
    added = gdelt["DATEADDED"].astype(str)
    assert added.str.fullmatch(r"\d{14}").all() and pd.to_datetime(added, format="%Y%m%d%H%M%S").notna().all()
    assert gdelt["SOURCEURL"].str.startswith("https://").all()


def test_gdelt_actors_are_in_their_domains(gdelt: pd.DataFrame) -> None:
    roles = set(sector_names())
    for n in ("1", "2"):
        code = gdelt[f"Actor{n}Code"].dropna()
        assert code.str.fullmatch(CAMEO_ACTOR.pattern).all()
        named = gdelt.dropna(subset=[f"Actor{n}Code"])
        assert (named[f"Actor{n}Name"].fillna("") == named[f"Actor{n}Name"].fillna("").str.upper()).all()
        assert gdelt[f"Actor{n}CountryCode"].dropna().str.fullmatch(r"[A-Z]{3}").all()
        assert set(gdelt[f"Actor{n}Type1Code"].dropna()) <= roles
        for empty in ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type2Code", "Type3Code"):
            assert gdelt[f"Actor{n}{empty}"].isna().all()


@pytest.mark.parametrize("prefix", ["Actor1Geo_", "Actor2Geo_", "ActionGeo_"])
def test_gdelt_places_are_in_their_domains(gdelt: pd.DataFrame, prefix: str) -> None:
    geo = gdelt[[c for c in GDELT_COLUMNS if c.startswith(prefix)]].rename(columns=lambda c: c[len(prefix):])
    assert geo["Type"].isin([0, 1, 2, 3, 4, 5]).all()
    blank = geo[geo["Type"] == 0]
    assert blank.drop(columns="Type").isna().all().all()  # no place: every other field blank
    placed = geo[geo["Type"] > 0]
    assert len(placed) > 0
    assert placed["CountryCode"].isin(_fips_codes()).all()  # FIPS 10-4, not ISO
    assert placed.apply(lambda r: r["ADM1Code"].startswith(r["CountryCode"]), axis=1).all()
    assert placed["ADM2Code"].isna().all()
    assert placed["FullName"].notna().all()
    us = placed["CountryCode"] == "US"
    assert (placed["Type"].isin([2, 3]) <= us).all() and (placed["Type"].isin([4, 5]) <= ~us).all()
    countries = placed[placed["Type"] == 1]
    assert (countries["ADM1Code"] == countries["CountryCode"]).all() and (countries["FeatureID"] == countries["CountryCode"]).all()
    assert countries[["Lat", "Long"]].notna().all().all()  # a country's centroid
    cities = placed[placed["Type"].isin([3, 4])]
    assert cities["FeatureID"].str.fullmatch(r"\d+").all()  # a GeoNames id
    located = placed.dropna(subset=["Lat"])
    assert located["Lat"].between(-90, 90).all() and located["Long"].between(-180, 180).all()
    assert (placed["Lat"].isna() == placed["Long"].isna()).all()


def test_gdelt_action_places_on_real_text(gdelt: pd.DataFrame) -> None:
    action = gdelt.set_index("ActionGeo_FullName")
    assert set(action["ActionGeo_Type"].dropna()) >= {1, 3, 4}  # countries, a US city, world cities
    assert gdelt["ActionGeo_ADM1Code"].str.fullmatch(r"[A-Z]{2}[A-Z0-9]+").any()  # a division code (TU34, USDC)
    assert not gdelt["ActionGeo_CountryCode"].isin(["TR", "GB", "DE"]).any()  # never ISO alpha-2


def test_gdelt_rows_per_event_cluster(pd, sample_db: Path, tmp_path: Path, counts: dict[str, int]) -> None:
    path = _export(sample_db, tmp_path / "events.tsv", "-f", "gdelt", "--rows", "event", "--header", "bigquery")
    assert path.read_text(encoding="utf-8").split("\n", 1)[0].split("\t") == list(BIGQUERY_COLUMNS)
    clusters = read_gdelt(path)
    assert list(clusters.columns) == list(GDELT_COLUMNS)  # read back under the codebook's names
    assert len(clusters) < counts["events"] and clusters["GlobalEventID"].is_unique
    assert clusters["NumMentions"].sum() == counts["events"]  # every mention counted once
    assert (clusters["NumArticles"] <= clusters["NumMentions"]).all() and (clusters["NumSources"] >= 1).all()


# --- PLOVER, ICEWS ------------------------------------------------------------------


def test_plover_records(sample_db: Path, tmp_path: Path, counts: dict[str, int]) -> None:
    path = _export(sample_db, tmp_path / "events.jsonl", "-f", "plover")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == counts["plover"]  # CAMEO's public statements (01) have no PLOVER type
    with Store.open(sample_db, read_only=True) as store:
        articles = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
    sectors = set(sector_names().values())
    for record in records:
        assert record["event"] in PLOVER_TYPES and isinstance(record["mode"], str)
        assert isinstance(record["context"], list) and all(isinstance(c, str) for c in record["context"])
        assert record["storyId"] in articles and record["sentenceNum"] >= 1
        assert record["text"] and record["eventText"] and record["date"]
        for actor in record["actor"] + record["recipient"]:
            assert CAMEO_ACTOR.match(actor["code"]) and set(actor) >= {"actorText", "country", "sector"}
            assert actor["sector"] is None or actor["sector"] in sectors
        for place in record["location"]:
            assert place["placeName"] and place["featureType"] in ("city", "admin1", "country", None)
        assert record["cameo"]["code"][:2] == record["cameo"]["root"]
    assert any(r["actor"] and r["actor"][0]["sector"] == "Government" for r in records)
    assert any(r["location"] and r["location"][0]["lat"] is not None for r in records)
    assert any(r["context"] for r in records) and any(r["mode"] for r in records)


def test_icews_rows(sample_db: Path, tmp_path: Path, counts: dict[str, int]) -> None:
    path = _export(sample_db, tmp_path / "events.tsv", "-f", "icews")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert tuple(rows[0]) == ICEWS_COLUMNS and len(rows) == counts["events"]
    onto = default_ontology()
    sectors = set(sector_names().values())
    country_names = {row["name"] for row in read_table("countries")}
    for row in rows:
        assert row["Event Text"] == onto.codes[row["CAMEO Code"]].name
        assert -10 <= float(row["Intensity"]) <= 10 and int(row["Sentence Number"]) >= 1
        for side in ("Source", "Target"):
            assert not row[f"{side} Sectors"] or set(row[f"{side} Sectors"].split(",")) <= sectors
            assert not row[f"{side} Country"] or row[f"{side} Country"] in country_names
        assert not row["Country"] or row["Country"] in country_names
        assert (row["Latitude"] == "") == (row["Longitude"] == "")
    assert any(row["Source Name"] == "Police (Turkey)" for row in rows)  # a sector of a country, as ICEWS names it
    assert any(row["City"] and row["Latitude"] for row in rows)


# --- CSV and Parquet -----------------------------------------------------------------


def test_csv_is_one_line_per_event_and_reads_back_typed(pd, sample_db: Path, tmp_path: Path, counts: dict[str, int]) -> None:
    path = _export(sample_db, tmp_path / "events.csv", "-f", "csv")
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) == counts["events"] + 1  # sentences with line breaks stay on their line
    frame = read_csv(path)
    assert list(frame.columns) == list(CSV_COLUMNS) and {c: str(t) for c, t in frame.dtypes.items()} == CSV_DTYPES
    assert frame["code"].str.startswith("0").any()  # 036 is not 36
    with Store.open(sample_db, read_only=True) as store:
        events = list(store.events())
    assert frame["id"].tolist() == [e.id for e in events]
    assert frame["code"].tolist() == [e.code for e in events]
    located = [(e.location.name, e.location.lat) for e in events if e.location and e.location.lat is not None]
    framed = frame.dropna(subset=["location_lat"])
    assert list(zip(framed["location_name"], framed["location_lat"])) == located
    assert str(frame["source_start"].dtype) == "Int64" and frame["source_start"].isna().any()  # events without source


def test_parquet_to_stdout_is_typed(sample_db: Path, tmp_path: Path, counts: dict[str, int]) -> None:
    out = tmp_path / "events.parquet"
    with out.open("wb") as f:  # `thucydides export -f parquet > file`, through a real stdout
        run = subprocess.run([thucydides_exe(), "export", "-f", "parquet", "--db", str(sample_db)], stdout=f,
                             stderr=subprocess.PIPE, text=False, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    table = pq.read_table(out)
    assert table.num_rows == counts["events"]
    schema = table.schema
    assert pa.types.is_struct(schema.field("location").type) and pa.types.is_struct(schema.field("quote").type)
    assert pa.types.is_list(schema.field("figures").type) and pa.types.is_string(schema.field("code").type)
    assert any(row["location"] and row["location"]["lat"] for row in table.select(["location"]).to_pylist())


# --- the Python data API ----------------------------------------------------------------


def test_data_api_selects_what_the_cli_and_the_api_select(sample_db: Path) -> None:
    from fastapi.testclient import TestClient

    from thucydides.api import create_app

    with thucydides.open(sample_db) as store:
        arrests = store.events(country="tur", since="2025-03-20", root="17")
        with Store.open(sample_db, read_only=True) as raw:
            expected = query.count(raw.con, EventFilter(country="TUR", date_from="2025-03-20", roots=("17",)))
        with TestClient(create_app(sample_db, snapshot_dir=sample_db.parent), base_url="http://localhost") as client:
            served = client.get("/api/events", params={"country": "TUR", "from": "2025-03-20", "root": "17"}).json()
        assert 0 < len(arrests) == expected == served["total"]
        events = list(arrests)
        assert sorted(e.id for e in events) == sorted(e["id"] for e in served["events"])
        assert all(e.root == "17" for e in events)
        assert len(arrests.filter(since=None, until="2025-03-25")) <= len(store.events(country="TUR", root=17))


def test_data_api_frames_keep_types(pd, sample_db: Path) -> None:  # noqa: ANN001
    with thucydides.open(sample_db) as store:
        selection = store.events(country="TUR")
        table = selection.to_arrow()
        assert table.schema == pq.read_schema(_parquet(sample_db))  # the columns of Parquet export
        frame = selection.to_pandas()
        assert len(frame) == len(selection) == table.num_rows
        assert frame["id"].tolist() == [e.id for e in selection]
        assert str(frame["code"].dtype) == "string[pyarrow]"
        assert "Istanbul" in set(frame["location"].struct.field("name").dropna())
        pl = pytest.importorskip("polars")
        frame = selection.to_polars()
        assert isinstance(frame, pl.DataFrame) and frame.height == len(selection)
        assert frame.schema["code"] == pl.String


def test_data_api_says_what_to_install(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # as if not installed
    with thucydides.open(sample_db) as store:
        with pytest.raises(ImportError, match="pip install"):
            store.events().to_polars()
        with pytest.raises(TypeError, match="unknown event filter 'contry'"):
            store.events(contry="TUR")


def test_the_package_is_typed() -> None:
    from importlib import resources
    import tomllib

    assert resources.files("thucydides").joinpath("py.typed").is_file()
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["thucydides"]


def _parquet(db: Path) -> io.BytesIO:
    buf = io.BytesIO()
    with Store.open(db, read_only=True) as store:
        store.write_parquet(buf)
    buf.seek(0)
    return buf
