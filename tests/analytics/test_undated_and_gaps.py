"""Series are continuous and undated events are counted apart (issue #16 items 4 and 7):
the same numbers from `query`, the CLI and the API."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from thucydides.api import create_app
from thucydides.cli import _register_commands, app
from thucydides.model import Actor, Article, Event, Span
from thucydides.query import EventFilter, count, dyads, summary, timeline
from thucydides.store import Store

_register_commands()


def _event(article: Article, i: int, date: str | None) -> Event:
    return Event(
        article_id=article.id, sentence_index=i, sentence_text=f"sentence {i}", sentence_start=i * 10,
        code="173", root="17", quad=4, goldstein=-5.0, plover_type=None, plover_mode=None,
        source=Actor("TURCOP", "police", 0, 6, country="TUR", role="COP"),
        target=Actor("TURCVL", "protesters", 7, 17, country="TUR", role="CVL"),
        event_text=Span("did", i * 10 + 4, i * 10 + 7), rule="r", date=date,
    )  # fmt: skip


@pytest.fixture
def db(tmp_path) -> str:
    """Events in January and April 2014 (nothing in between) and two with no date at all."""
    path = str(tmp_path / "gaps.duckdb")
    with Store.open(path) as store:
        for n, day in enumerate(["2014-01-10", "2014-04-02", None]):
            article = Article(text=f"article {n}", id=f"a{n}", date=day)
            store.add(article, [_event(article, i, day) for i in range(2 if day is None else 1)])
    return path


def test_timeline_lists_every_period_and_undated_events_last(db):
    with Store.open(db, read_only=True) as store:
        rows = [(r["period"], r["events"], r["articles"]) for r in timeline(store.con, by="month").records()]
        assert rows == [("2014-01-01", 1, 1), ("2014-02-01", 0, 0), ("2014-03-01", 0, 0), ("2014-04-01", 1, 1),
                        (None, 2, 1)]  # fmt: skip
        turkey = timeline(store.con, EventFilter(actor="TUR"), by="month").records()
        assert [(r["as_source"], r["as_target"]) for r in turkey] == [(1, 1), (0, 0), (0, 0), (1, 1), (2, 2)]
        # A date filter leaves the undated out.
        spring = timeline(store.con, EventFilter(date_from="2014-02-01"), by="month").records()
        assert [r["period"] for r in spring] == ["2014-04-01"]


def test_dyads_and_summary_count_the_undated_apart(db):
    with Store.open(db, read_only=True) as store:
        monthly = [(r["period"], r["events"]) for r in dyads(store.con, by="month").records()]
        assert monthly == [("2014-01-01", 1), ("2014-04-01", 1), (None, 2)]
        assert dyads(store.con).records()[0]["events"] == 4  # without periods every event counts
        assert count(store.con, EventFilter(dated=False)) == 2 and count(store.con, EventFilter(dated=True)) == 2
        assert summary(store.con)["undated_events"] == 2


def test_cli_and_api_agree_on_the_undated(db, tmp_path):
    runner = CliRunner()
    cli = json.loads(runner.invoke(app, ["timeline", "TUR", "--db", db, "-f", "json"]).stdout)
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "-f", "json"]).stdout)
    with TestClient(create_app(db, snapshot_dir=tmp_path), base_url="http://localhost") as client:
        api = client.get("/api/timeline", params={"actor": "TUR"}).json()["periods"]
        api_dyads = client.get("/api/dyads", params={"interval": "month"}).json()["dyads"]
        assert client.get("/api/summary").json()["undated_events"] == stats["undated_events"] == 2
    assert [(r["period"], r["events"]) for r in cli] == [(p["period"], p["events"]) for p in api]
    assert cli[-1]["period"] is None and cli[-1]["events"] == 2
    assert [(d["period"], d["events"]) for d in api_dyads][-1] == (None, 2)
    table = runner.invoke(app, ["timeline", "TUR", "--db", db], env={"COLUMNS": "80"}).stdout
    assert table.splitlines()[-1].split()[0] == "undated"  # the last row
    assert "2 undated" in runner.invoke(app, ["stats", "--db", db]).stdout
