"""Exports from the store: JSONL, CSV, Parquet and GDELT 2.0 rows."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from thucydides.export import (
    CSV_COLUMNS,
    GDELT_COLUMNS,
    export,
    flatten_event,
    gdelt_event_id,
    unflatten_event,
)
from thucydides.model import Actor, Article, Event, Span
from thucydides.store import Store

TEXT = "Turkish police detained 1,879 protesters in Istanbul on Sunday."


def _events(article: Article) -> list[Event]:
    police = Actor("TURCOP", "Turkish police", 0, 14, country="TUR", role="COP")
    protesters = Actor("TURPTE", "protesters", 30, 40, country="TUR", role="PTE", name="protesters")
    arrest = Event(
        article_id=article.id, sentence_index=0, sentence_text=TEXT, sentence_start=0,
        code="173", root="17", quad=4, goldstein=-5.0, plover_type="ARREST", plover_mode=None,
        source=police, target=protesters, event_text=Span("detained", 15, 23), rule="arrest.v1",
        date="2024-03-03", date_precision="day", date_text="Sunday",
        location={"name": "Istanbul", "country": "TUR", "adm1": "TU34", "lat": 41.01, "lon": 28.97,
                  "type": "city", "feature_id": "745044"},
        figures=[{"text": "1,879", "value": 1879}], quote={"text": "a \"quoted\"\ttab"},
    )  # fmt: skip
    protest = Event(
        article_id=article.id, sentence_index=2, sentence_text="They protested.", sentence_start=70,
        code="14", root="14", quad=3, goldstein=-6.5, plover_type="PROTEST", plover_mode=None,
        source=protesters, target=None, event_text=Span("protested", 75, 84), rule="protest.v1",
    )  # fmt: skip
    return [arrest, protest]


@pytest.fixture
def store(tmp_path):
    article = Article(text=TEXT, date="2024-03-03", url="https://news.example/turkey/1", source="Wire")
    with Store.open(tmp_path / "events.duckdb") as store:
        store.add(article, _events(article))
        yield store


def test_flatten_round_trip():
    article = Article(text=TEXT)
    for event in _events(article):
        flat = flatten_event(event.to_dict())
        assert tuple(flat) == CSV_COLUMNS
        assert Event.from_dict(unflatten_event(flat)) == event
    flat = flatten_event(_events(article)[1].to_dict())
    assert flat["target_code"] is None and flat["location"] is None and flat["figures"] == "[]"


def test_jsonl_is_event_to_dict_per_line(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in store.events()]
    assert Event.from_dict(json.loads(lines[0])).code == "173"


def test_csv_has_header_and_flat_rows(store, tmp_path):
    path = tmp_path / "events.csv"
    assert export(store, "csv", path) == 2
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert rows[0]["code"] == "173" and rows[0]["source_code"] == "TURCOP" and rows[0]["date"] == "2024-03-03"
    assert json.loads(rows[0]["quote"]) == {"text": 'a "quoted"\ttab'}
    assert rows[1]["target_code"] == "" and rows[1]["figures"] == "[]"
    out = io.StringIO()
    export(store, "csv", out, header=False)
    assert not out.getvalue().startswith("id,")


def test_parquet_is_readable_with_pyarrow(store, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path) == 2
    table = pq.read_table(path)
    assert table.column_names == [*CSV_COLUMNS, "date_raw"]
    rows = table.to_pylist()
    assert [r["code"] for r in rows] == ["173", "14"]
    assert rows[0]["goldstein"] == -5.0 and str(rows[0]["date"]) == "2024-03-03"
    # A binary stream works too (for stdout).
    buf = io.BytesIO()
    assert export(store, "parquet", buf, root="17") == 1
    buf.seek(0)
    assert pq.read_table(buf).column("code").to_pylist() == ["173"]


def test_gdelt_rows_have_61_fields_in_codebook_order(store):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    out = io.StringIO()
    assert export(store, "gdelt", out) == 2
    lines = out.getvalue().split("\n")
    assert lines[-1] == "" and len(lines) == 3  # no header by default
    first = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
    events = list(store.events())
    assert first["GLOBALEVENTID"] == str(gdelt_event_id(events[0].id))
    assert first["SQLDATE"] == "20240303" and first["MonthYear"] == "202403" and first["Year"] == "2024"
    assert first["FractionDate"] == "2024.1726"  # GDELT's ((month-1)*30+day)/365
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "TURCOP", "TURKISH POLICE", "TUR", "COP",
    )  # fmt: skip
    assert (first["Actor2Code"], first["Actor2Type1Code"]) == ("TURPTE", "PTE")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("173", "173", "17")
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("4", "-5.0", "1")
    assert first["ActionGeo_FullName"] == "Istanbul" and first["ActionGeo_Type"] == "4"
    assert first["ActionGeo_CountryCode"] == "TU"  # ISO TUR -> FIPS 10-4, as GDELT uses
    assert (first["ActionGeo_Lat"], first["ActionGeo_Long"], first["ActionGeo_FeatureID"]) == ("41.01", "28.97", "745044")
    assert first["AvgTone"] == "" and first["Actor1Geo_Type"] == ""
    assert len(first["DATEADDED"]) == 14 and first["SOURCEURL"] == "https://news.example/turkey/1"
    second = dict(zip(GDELT_COLUMNS, lines[1].split("\t"), strict=True))
    # A root-only code gets GDELT's three digits; no date on the event: the article's.
    assert (second["EventCode"], second["EventBaseCode"], second["EventRootCode"]) == ("140", "140", "14")
    assert second["SQLDATE"] == "20240303" and second["IsRootEvent"] == "0" and second["Actor2Code"] == ""


def test_a_code_outside_cameo_is_stored_and_exported_without_class_or_score(tmp_path):
    # a user's PETRARCH dictionaries may code "903": no QuadClass, Goldstein score or PLOVER
    article = Article(text=TEXT, date="2024-03-03")
    event = Event(
        article_id=article.id, sentence_index=0, sentence_text=TEXT, sentence_start=0,
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


def test_gdelt_event_ids_are_stable_64_bit():
    assert gdelt_event_id("ev-0123456789abcdef") == gdelt_event_id("ev-0123456789abcdef")
    assert 0 < gdelt_event_id("ev-x") < 2**63


def test_unknown_format(store):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", io.StringIO())


# --- the export and stats commands ----------------------------------------------


@pytest.fixture
def cli_db(tmp_path):
    import thucydides.cli.export  # noqa: F401 - registers the commands
    import thucydides.cli.stats  # noqa: F401

    article = Article(text=TEXT, date="2024-03-03", url="https://news.example/turkey/1")
    path = tmp_path / "cli.duckdb"
    with Store.open(path) as store:
        store.add(article, _events(article))
    return path


def _invoke(*args: str):
    from typer.testing import CliRunner

    from thucydides.cli import app

    return CliRunner().invoke(app, list(args))


def test_export_command_formats(cli_db, tmp_path):
    result = _invoke("export", "--db", str(cli_db))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["173", "14"]
    assert "2 events exported (jsonl)" in result.stderr
    result = _invoke("export", "--db", str(cli_db), "--format", "gdelt", "--header", "--root", "17")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("GLOBALEVENTID\tSQLDATE") and len(lines) == 2
    out = tmp_path / "out.parquet"
    result = _invoke("export", "--db", str(cli_db), "-f", "parquet", "-o", str(out), "--since", "2024-03-01")
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 2
    result = _invoke("export", "--db", str(cli_db), "--since", "last week")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_export_and_stats_on_a_missing_store(tmp_path):
    for command in ("export", "stats"):
        result = _invoke(command, "--db", str(tmp_path / "none.duckdb"))
        assert result.exit_code == 1 and "no event store" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_stats_command(cli_db):
    result = _invoke("stats", "--db", str(cli_db))
    assert result.exit_code == 0, result.output
    for expected in ("1 articles, 2 events", "COERCE", "PROTEST", "Material conflict", "TURCOP", "arrest.v1"):
        assert expected in result.stdout
    data = json.loads(_invoke("stats", "--db", str(cli_db), "--json").stdout)
    assert data["events"] == 2 and data["top_dyads"] == [{"source": "TURCOP", "target": "TURPTE", "events": 1}]


def test_gdelt_geo_from_location_dicts():
    from thucydides.export import _gdelt_geo

    assert _gdelt_geo(None) == {}
    assert _gdelt_geo({"country": "DE"})["Type"] == 1 and _gdelt_geo({"country": "DE"})["CountryCode"] == "GM"
    city = _gdelt_geo({"name": "Chicago", "country": "USA", "type": "city", "lat": 41.88, "lon": -87.63})
    assert (city["Type"], city["CountryCode"], city["Lat"], city["Long"]) == (3, "US", 41.88, -87.63)
    assert _gdelt_geo({"name": "Gaza", "fips": "GZ", "country": "PSE"})["CountryCode"] == "GZ"
    assert _gdelt_geo({"text": ["Gaza", "the Strip"]})["FullName"] is None
