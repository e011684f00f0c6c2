"""The same question gives the same number through the CLI, the API and export.

Every interface asks `thucydides.query`; this asks each question of the sample
store through all three (export: the rows written for the same filter).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app
from thucydides.export import export
from thucydides.query import EventFilter
from thucydides.store import Store

_register_commands()


def _cli(db: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _exported(db: Path, where: EventFilter) -> list[dict]:
    out = io.StringIO()
    with Store.open(db, read_only=True) as store:
        export(store, "jsonl", out, where=where)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("match", ["prefix", "exact", "country"])
@pytest.mark.parametrize("code", ["USA", "TUR", "RUSGOV"])
def test_dyads_of_a_source(client, sample_db, code, match):
    cli = sum(r["events"] for r in _cli(sample_db, "dyads", "--source", code, "--match", match))
    api = client.get("/api/dyads", params={"source": code, "match": match, "limit": 5000, "interval": "month"}).json()
    exported = [e for e in _exported(sample_db, EventFilter(source=code, match=match)) if e["target"]]
    assert cli == sum(d["events"] for d in api["dyads"]) == len(exported)


@pytest.mark.parametrize("match", ["prefix", "exact", "country"])
def test_timeline_of_an_actor(client, sample_db, match):
    cli = _cli(sample_db, "timeline", "TUR", "--by", "year", "--match", match)
    api = client.get("/api/timeline", params={"actor": "TUR", "match": match, "interval": "year"}).json()["periods"]
    assert [(r["period"], r["events"], r["as_source"]) for r in cli] == [
        (p["period"], p["events"], p["as_source"]) for p in api
    ]
    assert sum(r["events"] for r in cli) == len(_exported(sample_db, EventFilter(actor="TUR", match=match)))


def test_top_actors(client, sample_db):
    cli = _cli(sample_db, "top", "--by", "actors", "--limit", "10")
    api = client.get("/api/actors", params={"limit": 10}).json()["actors"]
    assert [(r["code"], r["events"]) for r in cli] == [(a["code"], a["events"]) for a in api]
    top = cli[0]
    exported = _exported(sample_db, EventFilter(actor=top["code"], match="exact"))
    assert top["events"] >= len(exported) >= max(top["as_source"], top["as_target"])  # both sides: counted twice


def test_summary_counts(client, sample_db):
    result = CliRunner().invoke(app, ["stats", "--db", str(sample_db), "--json"])
    cli = json.loads(result.stdout)
    api = client.get("/api/summary").json()
    everything = _exported(sample_db, EventFilter())
    assert cli["events"] == api["events"] == len(everything)
    assert cli["first_date"] == api["first_date"] and cli["located_events"] == api["located_events"]
    located = [e for e in everything if e["location"] and e["location"]["lat"] is not None]
    assert api["located_events"] == len(located)


def test_quotes_of_a_speaker(client, sample_db):
    cli = _cli(sample_db, "quotes", "--speaker", "USA", "--limit", "500")
    api = client.get("/api/quotes", params={"speaker": "USA", "limit": 500}).json()
    assert len(cli) == api["total"] == len(api["quotes"]) > 0
    assert [(q["article_id"], q["text"]) for q in cli] == [(q["article_id"], q["text"]) for q in api["quotes"]]


def test_event_filters_agree_with_export(client, sample_db):
    for params, where in (
        ({"code": "19"}, EventFilter(codes=("19",))),
        ({"root": "14", "quad": 4}, EventFilter(roots=("14",), quads=(4,))),
        ({"modality": "reported"}, EventFilter(modality="reported")),
        ({"place": "kyiv"}, EventFilter(place="kyiv")),
        ({"q": "protest"}, EventFilter(text="protest")),
        ({"from": "2024-01-01", "to": "2024-12-31"}, EventFilter(date_from="2024-01-01", date_to="2024-12-31")),
        ({"country": "UKR", "directed": "false", "source": "RUS", "target": "UKR"},
         EventFilter(country="UKR", directed=False, source="RUS", target="UKR")),
    ):  # fmt: skip
        total = client.get("/api/events", params={**params, "limit": 1}).json()["total"]
        assert total == len(_exported(sample_db, where)), params
