"""The DuckDB store: schema, round trip, idempotence, atomic writes, filters, summary."""

from __future__ import annotations

import duckdb
import pytest

from thucydides.ingest.errors import IngestError
from thucydides.model import Actor, Article, Event, Figure, Location, Quote, Span
from thucydides.query import EventFilter
from thucydides.store import SCHEMA_VERSION, Store, StoreError

TEXT = "Turkish police detained 1,879 protesters in Istanbul on Sunday. Erdogan praised the police."


def make_article(text: str = TEXT, **kw) -> Article:
    return Article(text=text, title="Crackdown", date="2024-03-03", source="Wire", url=kw.pop("url", None), **kw)


def make_events(article: Article) -> list[Event]:
    police = Actor("TURCOP", "Turkish police", 0, 14, country="TUR", role="COP", name="Turkish police")
    protesters = Actor("TURPTE", "protesters", 30, 40, country="TUR", role="PTE")
    erdogan = Actor("TURGOV", "Erdogan", 64, 71, country="TUR", role="GOV", name="Recep Tayyip Erdogan", wikidata="Q39259")
    police2 = Actor("TURCOP", "the police", 80, 90, country="TUR", role="COP")
    first = Event(
        article_id=article.id, sentence_index=0, sentence_text=TEXT[:63], sentence_start=0,
        code="173", root="17", quad=4, goldstein=-5.0, plover_type="ARREST", plover_mode=None,
        source=police, target=protesters, event_text=Span("detained", 15, 23), rule="arrest.v1",
        date="2024-03-03", date_precision="day", date_text="Sunday",
        location=Location(text="Istanbul", start=44, end=52, name="Istanbul", country="TUR", lat=41.01, lon=28.97,
                          geonameid=745044, precision="city"),
        figures=[Figure(kind="detained", value=1879, text="1,879", start=24, end=29)], confidence=0.9,
    )  # fmt: skip
    second = Event(
        article_id=article.id, sentence_index=1, sentence_text=TEXT[64:], sentence_start=64,
        code="051", root="05", quad=1, goldstein=3.4, plover_type="AGREE", plover_mode="praise",
        source=erdogan, target=police2, event_text=Span("praised", 72, 79), rule="praise.v2",
        modality="reported", quote=Quote(text="...", start=100, end=103, speaker=None),
    )  # fmt: skip
    # Same protesters mention as `first`: one actor row, cited by two events.
    third = Event(
        article_id=article.id, sentence_index=0, sentence_text=TEXT[:63], sentence_start=0,
        code="14", root="14", quad=3, goldstein=-6.5, plover_type=None, plover_mode=None,
        source=protesters, target=None, event_text=Span("protesters", 30, 40), rule="protest.noun",
        date="2024-03",  # partial date: must survive the DATE column
    )  # fmt: skip
    return [first, second, third]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "events.duckdb"


def test_schema_is_created_and_versioned(db):
    with Store.open(db) as store:
        assert store.counts() == {"articles": 0, "events": 0, "actors": 0, "ingest_errors": 0}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'date'").fetchone() == ("DATE",)
    con.close()
    # Reopening an existing store (read-only or not) keeps it.
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 0


def test_wrong_schema_version_and_foreign_files_are_refused(db, tmp_path):
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store.open(db)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INT)")
    con.close()
    with pytest.raises(StoreError, match="not a Thucydides event store"):
        Store.open(other)
    with pytest.raises(StoreError, match="no event store"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_round_trip_preserves_events_exactly(db):
    article = make_article()
    events = make_events(article)
    with Store.open(db) as store:
        assert store.add(article, events)
    with Store.open(db, read_only=True) as store:
        back = list(store.events())
    assert sorted(back, key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
    assert {e.id: e.to_dict() for e in back} == {e.id: Event.from_dict(e.to_dict()).to_dict() for e in events}
    assert next(e for e in back if e.code == "14").date == "2024-03"
    # Stable order: article, sentence, position in the text.
    assert [(e.sentence_index, e.event_text.start) for e in back] == [(0, 15), (0, 30), (1, 72)]


def test_article_row_and_actor_mentions(db):
    article = make_article(meta={"lang": "en"})
    with Store.open(db) as store:
        store.add(article, make_events(article), coder_version="test-1")
        con = store._con
        row = con.execute(
            "SELECT id, title, date::VARCHAR, source, n_events, coder_version, text_hash, meta->>'lang', ingested_at IS NOT NULL FROM articles"
        ).fetchone()
        assert row[:6] == (article.id, "Crackdown", "2024-03-03", "Wire", 3, "test-1")
        assert len(row[6]) == 16 and row[7] == "en" and row[8]
        actors = con.execute('SELECT code, text, "start", "end", n_events FROM actors ORDER BY "start"').fetchall()
    assert actors == [
        ("TURCOP", "Turkish police", 0, 14, 1),
        ("TURPTE", "protesters", 30, 40, 2),
        ("TURGOV", "Erdogan", 64, 71, 1),
        ("TURCOP", "the police", 80, 90, 1),
    ]


def test_re_adding_an_article_changes_nothing(db):
    article = make_article()
    with Store.open(db) as store:
        assert store.add(article, make_events(article)) is True
        before = (store.counts(), [e.to_dict() for e in store.events()])
        # Same article again, even with different events: skipped as a whole.
        assert store.add(article, make_events(article)[:1]) is False
        assert store.add_many([(article, []), (article, [])]) == 0
        assert (store.counts(), [e.to_dict() for e in store.events()]) == before
        assert store.has_article(article.id)
        assert not store.has_article("nope")
        assert store.known_article_ids([article.id, "nope", article.id]) == {article.id}
        assert store.known_article_ids([]) == set()


def test_add_is_atomic(db, monkeypatch):
    good = make_article()
    bad = make_article("Another story entirely.")
    with Store.open(db) as store:
        store.add(good, make_events(good))
        real_insert = store._insert

        def failing_insert(table, types, rows):
            if table == "actors":  # the last write: article and events are already in
                raise RuntimeError("disk full")
            real_insert(table, types, rows)

        monkeypatch.setattr(store, "_insert", failing_insert)
        with pytest.raises(RuntimeError, match="disk full"):
            store.add(bad, make_events(bad))
        monkeypatch.undo()
        # Nothing of the failed article is left, and the store still works.
        assert not store.has_article(bad.id)
        assert store.counts() == {"articles": 1, "events": 3, "actors": 4, "ingest_errors": 0}
        assert store.add(bad, make_events(bad))
        assert store.counts()["articles"] == 2


def test_add_many_dedupes_within_batch_and_commits_per_batch(db):
    articles = [make_article(f"Story number {i}. Police detained people.") for i in range(5)]
    items = [(a, make_events(a)) for a in articles]
    with Store.open(db) as store:
        assert store.add_many(items + items[:2], batch_size=2) == 5
        assert store.counts()["articles"] == 5
        assert store.counts()["events"] == 15
        assert store.add_many(items) == 0


def test_duplicate_event_ids_within_an_article_are_stored_once(db):
    article = make_article()
    events = make_events(article)
    with Store.open(db) as store:
        assert store.add(article, events + [events[0]])
        assert store.counts()["events"] == 3
        n_events = store._con.execute("SELECT n_events FROM articles").fetchone()[0]
    assert n_events == 3


def test_filters_are_parameterised(db):
    articles = [make_article(f"Story {i}.") for i in range(3)]
    with Store.open(db) as store:
        for a in articles:
            store.add(a, make_events(a))
        assert {e.code for e in store.events(EventFilter(roots=("17",)))} == {"173"}
        assert len(list(store.events(EventFilter(codes=("173", "051"))))) == 6
        assert len(list(store.events(EventFilter(article=articles[0].id)))) == 3
        exact = EventFilter(source="TURCOP", target="TURPTE", match="exact")
        assert len(list(store.events(exact))) == 3
        assert len(list(store.events(EventFilter(quads=(1,), modality="reported")))) == 3
        assert len(list(store.events(limit=4))) == 4
        # Events without a full date fall back to the article date (2024-03-03).
        assert len(list(store.events(EventFilter(date_from="2024-03-03", date_to="2024-03-03")))) == 9
        assert list(store.events(EventFilter(date_from="2024-03-04"))) == []
        # Injection attempts are just values.
        assert list(store.events(EventFilter(codes=("173' OR '1'='1",)))) == []
        assert list(store.events(EventFilter(source="x' OR 1=1 --"))) == []


def test_errors_are_recorded_once(db):
    with Store.open(db) as store:
        err = IngestError("corpus/bad.jsonl", "invalid JSON: Expecting value", line=3)
        store.add_error(err)
        store.add_error(err)
        store.add_error(IngestError("corpus/missing.txt", "no such file"))
        errors = store.errors()
    assert [(e["path"], e["line"], e["reason"]) for e in errors] == [
        ("corpus/bad.jsonl", 3, "invalid JSON: Expecting value"),
        ("corpus/missing.txt", None, "no such file"),
    ]


def test_summary(db):
    articles = [make_article(f"Story {i}.") for i in range(2)]
    with Store.open(db) as store:
        for a in articles:
            store.add(a, make_events(a))
        summary = store.summary(top=5, examples=2)
    assert summary["articles"] == 2 and summary["events"] == 6
    assert summary["by_root"][0]["events"] == 2
    assert {r["root"]: r["name"] for r in summary["by_root"]} == {
        "05": "ENGAGE IN DIPLOMATIC COOPERATION",
        "14": "PROTEST",
        "17": "COERCE",
    }
    assert [q["quad"] for q in summary["by_quad"]] == [1, 3, 4]
    assert summary["by_quad"][2]["name"] == "Material conflict"
    assert {(d["source"], d["target"], d["events"]) for d in summary["top_dyads"]} == {
        ("TURCOP", "TURPTE", 2),
        ("TURGOV", "TURCOP", 2),
    }
    assert len(summary["examples"]) == 2
    example = summary["examples"][0]
    assert example["sentence"] and example["rule"] and example["name"]
    assert summary["first_date"] == "2024-03-03"


def test_a_database_error_rolls_back_the_whole_article(db):
    first = make_article()
    second = make_article("A second story.")
    with Store.open(db) as store:
        store.add(first, make_events(first))
        clash = make_events(second)
        clash[2].id = make_events(first)[0].id  # primary key already taken by the first article
        with pytest.raises(duckdb.ConstraintException):
            store.add(second, clash)
        assert not store.has_article(second.id)
        assert store.counts() == {"articles": 1, "events": 3, "actors": 4, "ingest_errors": 0}
        assert store.add(second, make_events(second))


def test_quotes_are_stored_with_their_speakers_and_backfilled_into_older_stores(tmp_path):
    from thucydides.pipeline import Pipeline

    text = ('Turkish President Tayyip Erdogan said: "We will never bow to street terrorism." '
            'Police detained dozens of protesters in Istanbul.')  # fmt: skip
    article = Article(text=text, id="q1", date="2025-03-24")
    [(coded, events)] = list(Pipeline().code_articles([article]))
    db = tmp_path / "q.duckdb"
    with Store.open(db) as store:
        store.add(coded, events)
        rows = store.con.execute('SELECT "start", "end", text, speaker_code, speaker_name FROM quotes').fetchall()
    speaker = coded.meta["quotes"][0]["speaker"]
    assert rows == [(text.index("We"), text.index('."') + 1, "We will never bow to street terrorism.", "TURGOV",
                     speaker["name"])]  # fmt: skip
    con = duckdb.connect(str(db))  # the store as version 2 wrote it: quotes only in articles.meta
    con.execute("DROP TABLE quotes")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.con.execute('SELECT "start", "end", text, speaker_code, speaker_name FROM quotes').fetchall() == rows


def test_a_version_3_store_gains_the_mentions_column_and_reads_before_it(tmp_path):
    from thucydides.pipeline import Pipeline

    text = "Thousands protested in Tbilisi on Sunday. The protests spread, and the demonstrations went on."
    [(coded, events)] = list(Pipeline().code_articles([Article(text=text, id="m1", date="2025-03-24")]))
    merged = [e for e in events if e.mentions]
    assert merged, [(e.code, e.event_text.text) for e in events]
    db = tmp_path / "m.duckdb"
    with Store.open(db) as store:
        store.add(coded, events)
    con = duckdb.connect(str(db))  # the store as version 3 wrote it: no mentions column
    con.execute("ALTER TABLE events DROP COLUMN mentions")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store.open(db, read_only=True) as store:  # read as it is
        assert store.schema_version == 3
        assert {e.id for e in store.events()} == {e.id for e in events}
    with Store.open(db) as store:  # migrated when opened for writing
        assert store.schema_version == SCHEMA_VERSION
        store.add(Article(text="x", id="m2"), [])
        assert store.con.execute("SELECT count(*) FROM events WHERE mentions IS NULL").fetchone() == (len(events),)
