"""Event clusters (aggregate), cluster-level GDELT export, and the dyads/timeline/top analytics."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from thucydides.aggregate import aggregate, cluster_mentions
from thucydides.cli import _register_commands, app
from thucydides.export import GDELT_COLUMNS, export
from thucydides.model import Actor, Article, Event, Span
from thucydides.query import EventFilter, dyads, timeline, top
from thucydides.store import Store

_register_commands()

ISTANBUL = {"name": "Istanbul", "country": "TUR"}


def _event(article: Article, i: int, code: str, src: str, tgt: str | None, date: str, quad: int, gold: float,
           location: dict | None = ISTANBUL) -> Event:  # fmt: skip
    return Event(
        article_id=article.id, sentence_index=i, sentence_text=f"sentence {i}", sentence_start=i * 10,
        code=code, root=code[:2], quad=quad, goldstein=gold, plover_type=None, plover_mode=None,
        source=Actor(src, src, 0, 3), target=Actor(tgt, tgt, 5, 8) if tgt else None,
        event_text=Span("did", i * 10 + 4, i * 10 + 7), rule="r", date=date, location=location,
    )  # fmt: skip


def _article(n: int, source: str, date: str) -> Article:
    return Article(text=f"article {n}", id=f"a{n}", source=source, date=date, url=f"https://{source}.example/{n}")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.duckdb") as store:
        a1, a2, a3 = _article(1, "wire", "2024-03-03"), _article(2, "paper", "2024-03-04"), _article(3, "wire", "2024-03-20")
        store.add(a1, [
            _event(a1, 0, "173", "TURCOP", "TURPTE", "2024-03-03", 4, -5.0),
            _event(a1, 2, "1731", "TURCOP", "TURPTE", "2024-03-03", 4, -5.0),  # same base family 173
            _event(a1, 3, "051", "TURGOV", "TURCOP", "2024-03-03", 1, 3.4),
        ])  # fmt: skip
        store.add(a2, [
            _event(a2, 0, "173", "TURCOP", "TURPTE", "2024-03-04", 4, -5.0),  # a day later, another outlet
            _event(a2, 1, "173", "TURCOP", "TURPTE", "2024-03-04", 4, -5.0, location={"name": "Ankara"}),
        ])  # fmt: skip
        store.add(a3, [_event(a3, 0, "173", "TURCOP", "TURPTE", "2024-03-20", 4, -5.0)])  # weeks later: new event
        yield store


def test_mentions_of_one_event_form_one_cluster(store):
    result = aggregate(store)
    assert result.full and result.mentions == 6 and result.clusters == 4
    rows = store.con.execute(
        "SELECT family, place, first_date::VARCHAR, last_date::VARCHAR, num_mentions, num_sources, num_articles "
        "FROM event_clusters ORDER BY num_mentions DESC, place, first_date"
    ).fetchall()
    assert rows == [
        ("173", "Istanbul", "2024-03-03", "2024-03-04", 3, 2, 2),
        ("173", "Ankara", "2024-03-04", "2024-03-04", 1, 1, 1),
        ("051", "Istanbul", "2024-03-03", "2024-03-03", 1, 1, 1),
        ("173", "Istanbul", "2024-03-20", "2024-03-20", 1, 1, 1),
    ]
    big = store.con.execute("SELECT cluster_id FROM event_clusters WHERE num_mentions = 3").fetchone()[0]
    mentions = cluster_mentions(store, big)
    assert [(m["rank"], m["article_id"], m["code"]) for m in mentions] == [(1, "a1", "173"), (2, "a1", "1731"), (3, "a2", "173")]
    assert mentions[0]["sentence_text"] == "sentence 0" and mentions[0]["event_text"] == "did"


def test_root_family_and_window_change_the_clusters(store):
    aggregate(store)
    assert aggregate(store, window_days=30).clusters == 3  # the 20 March mention joins in
    assert aggregate(store, family="root").full  # new parameters: a full rebuild


def test_aggregation_is_incremental(store):
    aggregate(store)
    before = store.con.execute("SELECT * EXCLUDE (last_seen) FROM event_clusters ORDER BY ALL").fetchall()
    a4 = _article(4, "radio", "2024-03-05")
    store.add(a4, [_event(a4, 0, "173", "TURCOP", "TURPTE", "2024-03-05", 4, -5.0)])
    result = aggregate(store)
    assert not result.full and result.groups == 1  # only the Istanbul 173 group was rebuilt
    assert aggregate(store).groups == 0  # nothing new: nothing rebuilt
    clusters = store.con.execute("SELECT num_mentions, num_sources, last_date::VARCHAR FROM event_clusters "
                                 "WHERE place = 'Istanbul' AND family = '173' ORDER BY first_date").fetchall()  # fmt: skip
    assert clusters == [(4, 3, "2024-03-05"), (1, 1, "2024-03-20")]
    full = aggregate(store, full=True)
    assert full.clusters == 4
    after = store.con.execute("SELECT * EXCLUDE (last_seen) FROM event_clusters ORDER BY ALL").fetchall()
    assert len(after) == len(before)


def test_gdelt_export_writes_one_row_per_cluster(store):
    out = io.StringIO()
    assert export(store, "gdelt", out, rows="event") == 6  # not aggregated yet: every event is its own row
    aggregate(store)
    out = io.StringIO()
    assert export(store, "gdelt", out, rows="event") == 4
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.getvalue().splitlines()]
    counts = sorted((r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows)
    assert counts == [("1", "1", "1"), ("1", "1", "1"), ("1", "1", "1"), ("3", "2", "2")]
    per_mention = io.StringIO()
    assert export(store, "gdelt", per_mention) == 6  # by default one row per mention
    assert {line.split("\t")[GDELT_COLUMNS.index("NumMentions")] for line in per_mention.getvalue().splitlines()} == {"1"}


def test_dyads_timeline_top(store):
    aggregate(store)
    table = dyads(store.con, by="month")
    assert table.columns[:4] == ["period", "source", "target", "events"]
    rec = table.records()
    assert rec[0] == {"period": "2024-03-01", "source": "TURCOP", "target": "TURPTE", "events": 5, "q1": 0, "q2": 0,
                      "q3": 0, "q4": 5, "goldstein_sum": -25.0, "goldstein_mean": -5.0}  # fmt: skip
    day = EventFilter(date_from="2024-03-04", date_to="2024-03-04")
    assert len(dyads(store.con, day, by="day").rows) == 1
    assert dyads(store.con, EventFilter(unique=True)).records()[0]["events"] == 3  # one per real-world event
    # Parameterised: a hostile value is data, not SQL.
    assert dyads(store.con, EventFilter(source="x' OR 1=1 --")).rows == []
    line = timeline(store.con, EventFilter(actor="TURCOP"), by="month").records()
    assert line == [{"period": "2024-03-01", "events": 6, "as_source": 5, "as_target": 1, "q1": 1, "q2": 0,
                     "q3": 0, "q4": 5, "goldstein_sum": -21.6, "goldstein_mean": -3.6, "articles": 3}]  # fmt: skip
    # Codes nest: TUR covers TURCOP and TURPTE; exact matches the code alone.
    assert timeline(store.con, EventFilter(actor="TUR")).records()[0]["events"] == 6
    assert timeline(store.con, EventFilter(actor="TUR", match="exact")).records()[0]["events"] == 0
    assert top(store.con, by="actors", limit=1).records()[0]["code"] == "TURCOP"
    codes = top(store.con, by="codes").records()
    assert codes[0]["code"] == "173" and codes[0]["events"] == 4 and codes[0]["name"]
    assert top(store.con, by="places").records()[0] == {"place": "Istanbul", "country": "TUR", "events": 5,
                                                        "goldstein_mean": -3.32}  # fmt: skip


def test_analytics_commands_formats(store):
    aggregate(store)
    db = store.path
    store.close()
    runner = CliRunner()
    result = runner.invoke(app, ["dyads", "--db", db, "--by", "week", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "period,source,target,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean"
    result = runner.invoke(app, ["timeline", "TURGOV", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)[0]["as_source"] == 1
    result = runner.invoke(app, ["top", "--by", "codes", "--db", db])
    assert result.exit_code == 0 and "173" in result.stdout
    result = runner.invoke(app, ["aggregate", "--db", db, "--full"])
    assert result.exit_code == 0 and result.stdout.startswith("4 clusters from 6 events")
    result = runner.invoke(app, ["export", "--db", db, "--format", "gdelt"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 6
    result = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--rows", "event"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4
    assert runner.invoke(app, ["dyads", "--db", db + ".missing"]).exit_code == 1


def _reference(article: Article, i: int, code: str, date: str, target: str | None = None) -> Event:
    """A later mention with no source of its own: "leaders condemned *the attack*"."""
    event = _event(article, i, code, "X", target, date, 4, -10.0, location=None)
    return Event.from_dict({**event.to_dict(), "source": None})


def test_a_mention_without_source_joins_the_event_it_refers_to(tmp_path):
    with Store.open(tmp_path / "refs.duckdb") as store:
        a1, a2 = _article(1, "wire", "2024-03-03"), _article(2, "paper", "2024-03-03")
        store.add(a1, [
            _event(a1, 0, "195", "RUSMIL", "UKR", "2024-03-03", 4, -10.0),
            _reference(a1, 1, "190", "2024-03-03"),          # "the attack damaged a terminal"
            _reference(a1, 2, "190", "2024-03-03"),          # "leaders condemned the attack"
            _reference(a1, 3, "190", "2024-03-03", "POL"),   # another target: not this event
            _event(a1, 4, "051", "POLGOV", "UKR", "2024-03-03", 1, 3.4),
        ])  # fmt: skip
        store.add(a2, [_reference(a2, 0, "190", "2024-03-03")])  # no event with a source in its article
        aggregate(store)
        rows = store.con.execute(
            "SELECT c.source_code, c.target_code, c.code, c.num_mentions, e.source_code IS NOT NULL "
            "FROM event_clusters c JOIN events e ON e.id = c.event_id ORDER BY c.num_mentions DESC, c.code"
        ).fetchall()
        assert rows[0] == ("RUSMIL", "UKR", "195", 3, True)  # represented by the mention with a source
        assert sorted(rows[1:]) == [("", "", "190", 1, False), ("", "POL", "190", 1, False), ("POLGOV", "UKR", "051", 1, True)]
