"""`thucydides ingest`: store, idempotent re-runs, resume, bad input in the batch.

Every test runs the real pipeline; the first group spies on which articles it
is asked to parse, so resume can be checked to skip what is stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import pytest
from typer.testing import CliRunner

import thucydides.cli.export  # noqa: F401 - registers the command
import thucydides.cli.ingest as ingest_cli
import thucydides.cli.stats  # noqa: F401 - registers the command
from thucydides.cli import app
from thucydides.query import EventFilter
from thucydides.store import Store

WIRE = [
    "Turkish police detained 1,879 protesters in Istanbul on Sunday.",
    "Israeli troops killed three Palestinians in the West Bank on Monday, the health ministry said.",
    "The United States imposed sanctions on Iran's central bank.",
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    "Protesters demonstrated outside the parliament in Nairobi.",
    "The European Union praised Kenya's election commission.",
]

SUMMARY = re.compile(
    r"(\d+) articles coded \((\d+) skipped as already stored, (\d+) errors\), (\d+) events → (.+)"
)


def write_corpus(path, texts: Iterable[str], start: int = 0):
    lines = [json.dumps({"id": f"wire-{i}", "text": t, "date": "2024-03-03"}) for i, t in enumerate(texts, start)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_ingest(*args: str):
    result = CliRunner().invoke(app, ["ingest", *args])
    match = SUMMARY.search(result.stdout)
    assert match, f"no summary line (exit {result.exit_code}):\n{result.output}\n{result.exception!r}"
    coded, skipped, errors, events = map(int, match.groups()[:4])
    return result, {"coded": coded, "skipped": skipped, "errors": errors, "events": events}


def snapshot(db):
    with Store.open(db, read_only=True) as store:
        articles = store._con.execute("SELECT id, text, n_events FROM articles ORDER BY id").fetchall()
        return store.counts(), articles, [e.to_dict() for e in store.events()]




def test_ingest_stores_articles_and_events(tmp_path, recording_pipeline):
    corpus = write_corpus(tmp_path / "wire.jsonl", WIRE)
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(corpus), "--db", str(db), "--batch-size", "4")
    assert result.exit_code == 0, result.output
    assert {k: counts[k] for k in ("coded", "skipped", "errors")} == {"coded": 6, "skipped": 0, "errors": 0}
    assert result.stdout.strip().endswith(f"→ {db}")
    store_counts, articles, events = snapshot(db)
    assert store_counts["articles"] == 6 and store_counts["events"] == counts["events"] > 0
    assert [a[0] for a in articles] == [f"wire-{i}" for i in range(6)]


def test_re_ingest_changes_nothing_and_does_not_load_the_coder(tmp_path, recording_pipeline, monkeypatch):
    corpus = write_corpus(tmp_path / "wire.jsonl", WIRE)
    db = tmp_path / "events.duckdb"
    run_ingest(str(corpus), "--db", str(db))
    before = snapshot(db)

    def no_coder(settings):  # noqa: ANN001, ANN202
        raise AssertionError("nothing new to code: the model must not be loaded")

    monkeypatch.setattr(ingest_cli, "_load_pipeline", no_coder)
    result, counts = run_ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts == {"coded": 0, "skipped": 6, "errors": 0, "events": 0}
    assert snapshot(db) == before


def test_resume_after_an_interrupted_run(tmp_path, recording_pipeline):
    full = write_corpus(tmp_path / "full.jsonl", WIRE)
    # The "interrupted" run got through the first three articles only.
    partial = write_corpus(tmp_path / "partial.jsonl", WIRE[:3])
    db, reference = tmp_path / "resumed.duckdb", tmp_path / "single.duckdb"
    run_ingest(str(partial), "--db", str(db))
    recording_pipeline.parsed.clear()
    result, counts = run_ingest(str(full), "--db", str(db), "--batch-size", "2")
    assert {k: counts[k] for k in ("coded", "skipped", "errors")} == {"coded": 3, "skipped": 3, "errors": 0}
    assert recording_pipeline.parsed == ["wire-3", "wire-4", "wire-5"]  # stored ones were never parsed
    run_ingest(str(full), "--db", str(reference))
    assert snapshot(db) == snapshot(reference)


def test_duplicates_within_one_run_are_stored_once(tmp_path, recording_pipeline):
    corpus = write_corpus(tmp_path / "wire.jsonl", WIRE[:2] + WIRE[:2])
    corpus.write_text(corpus.read_text().replace("wire-2", "wire-0").replace("wire-3", "wire-1"))
    _, counts = run_ingest(str(corpus), "--db", str(tmp_path / "events.duckdb"))
    assert {k: counts[k] for k in ("coded", "skipped", "errors")} == {"coded": 2, "skipped": 2, "errors": 0}


def test_bad_inputs_are_reported_and_the_rest_stored(tmp_path, recording_pipeline):
    good = write_corpus(tmp_path / "good.jsonl", WIRE[:2])
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps({"id": "m1", "text": WIRE[2]}) + "\n{not json\n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(good), str(tmp_path / "missing.jsonl"), str(mixed), str(binary), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 3 and counts["errors"] == 3
    assert "missing.jsonl: no such file" in result.stderr
    assert f"{mixed}:2: malformed JSON" in result.stderr
    assert "blob.txt: binary file" in result.stderr
    with Store.open(db, read_only=True) as store:
        assert store.known_article_ids(["wire-0", "wire-1", "m1"]) == {"wire-0", "wire-1", "m1"}
        assert {(e["path"].rsplit("/", 1)[-1], e["line"]) for e in store.errors()} == {
            ("missing.jsonl", None), ("mixed.jsonl", 2), ("blob.txt", None),
        }  # fmt: skip


def test_nothing_readable_is_a_failure(tmp_path, recording_pipeline):
    _, counts = run_ingest(str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "events.duckdb"))
    assert counts == {"coded": 0, "skipped": 0, "errors": 1, "events": 0}
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 1


def test_an_interruption_keeps_the_articles_already_coded(tmp_path, monkeypatch, recording_pipeline):
    class Interrupted(recording_pipeline):
        def code_articles(self, articles, on_error=None):  # noqa: ANN001, ANN202
            for i, item in enumerate(super().code_articles(articles, on_error)):
                if i == 3:
                    raise KeyboardInterrupt
                yield item

    monkeypatch.setattr(ingest_cli, "_load_pipeline", Interrupted)
    corpus = write_corpus(tmp_path / "wire.jsonl", WIRE)
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(corpus), "--db", str(db), "--batch-size", "2")
    assert result.exit_code == 130
    assert counts["coded"] == 3
    monkeypatch.setattr(ingest_cli, "_load_pipeline", recording_pipeline)
    _, counts = run_ingest(str(corpus), "--db", str(db))
    assert {k: counts[k] for k in ("coded", "skipped", "errors")} == {"coded": 3, "skipped": 3, "errors": 0}


# --- with the real coder -------------------------------------------------------


@pytest.fixture(scope="module")
def real_pipeline():
    pytest.importorskip("thucydides.pipeline", exc_type=ImportError)  # present but not importable yet: skip too
    from thucydides.nlp import ModelNotInstalled, load_model
    from thucydides.settings import load_settings

    try:
        load_model(load_settings().model)
    except ModelNotInstalled as err:
        pytest.skip(str(err))


def test_real_ingest_resume_and_idempotence(tmp_path, real_pipeline):
    full = write_corpus(tmp_path / "full.jsonl", WIRE)
    partial = write_corpus(tmp_path / "partial.jsonl", WIRE[:2])
    single, resumed = tmp_path / "single.duckdb", tmp_path / "resumed.duckdb"

    result, counts = run_ingest(str(full), "--db", str(single))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 6 and counts["events"] > 0
    once = snapshot(single)
    assert once[0]["events"] == counts["events"]
    with Store.open(single, read_only=True) as store:
        detained = [e for e in store.events(EventFilter(article="wire-0"))]
    assert detained and all(e.sentence_text.startswith("Turkish police") for e in detained)
    assert any(e.root == "17" for e in detained)  # arrest/detain is coercion

    # Same input again: nothing changes.
    _, again = run_ingest(str(full), "--db", str(single))
    assert again == {"coded": 0, "skipped": 6, "errors": 0, "events": 0}
    assert snapshot(single) == once

    # Interrupted after two articles, then resumed with the full set.
    run_ingest(str(partial), "--db", str(resumed))
    _, counts = run_ingest(str(full), "--db", str(resumed))
    assert counts["coded"] == 4 and counts["skipped"] == 2
    assert snapshot(resumed) == once


def test_real_ingest_with_a_bad_file_in_the_batch(tmp_path, real_pipeline):
    good = write_corpus(tmp_path / "good.jsonl", WIRE[:3])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(bad), str(good), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 3 and counts["errors"] == 1
    assert "bad.jsonl:1: malformed JSON" in result.stderr
    exported = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "gdelt"])
    assert exported.exit_code == 0
    lines = exported.stdout.splitlines()
    assert len(lines) == counts["events"] and all(len(line.split("\t")) == 61 for line in lines)


def test_an_article_the_coder_fails_on_is_recorded_and_the_rest_stored(tmp_path, monkeypatch, recording_pipeline):
    class FailsOnOne(recording_pipeline):
        def code_doc(self, doc, article):  # noqa: ANN001, ANN202
            if article.id == "wire-1":
                raise ValueError("day is out of range for month")
            return super().code_doc(doc, article)

    monkeypatch.setattr(ingest_cli, "_load_pipeline", FailsOnOne)
    corpus = write_corpus(tmp_path / "wire.jsonl", WIRE[:3])
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 2 and counts["errors"] == 1
    assert "coding failed for article wire-1" in result.stderr
    with Store.open(db, read_only=True) as store:
        assert store.known_article_ids(["wire-0", "wire-1", "wire-2"]) == {"wire-0", "wire-2"}
        assert [e["path"].endswith("wire.jsonl:2") for e in store.errors()] == [True]


def test_user_actor_file_changes_the_stored_codes(tmp_path, real_pipeline):
    corpus = write_corpus(tmp_path / "wire.jsonl", ["Ruritanian police detained dozens of protesters."])
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "countries:\n  RUR:\n    name: Ruritania\n    names: [Ruritania]\n    demonyms: [Ruritanian]\n",
        encoding="utf-8",
    )
    db = tmp_path / "events.duckdb"
    result, _ = run_ingest(str(corpus), "--db", str(db), "--actors", str(actors))
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        assert [e.source.code for e in store.events()] == ["RURCOP"]
