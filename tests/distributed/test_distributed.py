"""`ingest --workers 2`: a 2-process Dask LocalCluster gives the same store as one process."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app
from thucydides.store import Store

pytest.importorskip("distributed")
_register_commands()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from thucydides.nlp import ModelNotInstalled, load_model
    from thucydides.settings import load_settings

    try:
        load_model(load_settings().model)
    except ModelNotInstalled as err:
        pytest.skip(str(err))
    sample = resources.files("thucydides") / "data" / "sample" / "articles.jsonl"
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()[:5]]
    copy = dict(records[0], id="syndicated", url=None, text="(Other Wire) " + records[0]["text"].split(" - ", 1)[-1])
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [*records, copy]), encoding="utf-8")
    return str(path)


def snapshot(db):
    with Store.open(db, read_only=True) as store:
        q = store.con.execute
        return {
            "articles": q("SELECT id, duplicate_of, n_events, text_hash FROM articles ORDER BY id").fetchall(),
            "events": q("SELECT * EXCLUDE (confidence) FROM events ORDER BY id").fetchall(),
            "actors": q("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "signatures": q("SELECT * FROM article_signatures ORDER BY ALL").fetchall(),
            "clusters": q("SELECT * EXCLUDE (first_seen, last_seen) FROM event_clusters ORDER BY ALL").fetchall(),
            "mentions": q("SELECT * FROM event_mentions ORDER BY ALL").fetchall(),
        }


def test_two_workers_store_equals_one_process(corpus, tmp_path):
    single, dist = str(tmp_path / "single.duckdb"), str(tmp_path / "dist.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", corpus, "--db", single])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", corpus, "--db", dist, "--workers", "2", "--chunk-size", "2"])
    assert result.exit_code == 0, result.output
    assert "5 articles coded" in result.stdout and "1 near-duplicate" in result.stderr
    one, two = snapshot(single), snapshot(dist)
    assert one["events"] and ("syndicated", "sample-001") in [a[:2] for a in one["articles"]]
    for table in one:
        assert one[table] == two[table], table
    assert not list((tmp_path).glob("dist.duckdb.parts/*.parquet"))  # partitions merged and removed
    # Resume under workers: nothing new, nothing coded, no cluster started.
    result = runner.invoke(app, ["ingest", corpus, "--db", dist, "--workers", "2"])
    assert result.exit_code == 0 and "0 articles coded (6 skipped" in result.stdout


def test_local_workers_keep_glibc_default_memory_trimming():
    # Dask's MALLOC_TRIM_THRESHOLD_=65536 makes spaCy's parse ~15 % slower in a worker.
    from thucydides.distributed import DaskCoder
    from thucydides.settings import load_settings

    with DaskCoder(load_settings(), workers=1) as coder:
        seen = coder._client.run(lambda: __import__("os").environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]


def test_two_workers_code_a_huge_article_with_the_others_and_leave_no_parts(corpus, tmp_path):
    from hostile_inputs import HUGE

    records = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    records.insert(2, {"id": "huge", "text": HUGE, "date": "2024-03-03"})
    path = tmp_path / "with-huge.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "dist.duckdb"
    parts = tmp_path / "dist.duckdb.parts"
    parts.mkdir()
    (parts / "part-00000007-0000-articles.parquet").write_bytes(b"left by a run killed before its merge")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "2", "--chunk-size", "2"])
    assert result.exit_code == 0, result.output
    assert "6 articles coded (0 skipped as already stored, 0 errors)" in result.stdout
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT max(event_start) FROM events WHERE article_id = 'huge'").fetchone()[0] > 1_000_000
    assert not parts.exists()


def test_a_chunk_that_fails_costs_only_the_article_that_fails(tmp_path):
    from thucydides.distributed import Chunk, DaskCoder
    from thucydides.model import Article
    from thucydides.settings import load_settings

    # A lone surrogate in a title parses but cannot be written to Parquet: the task fails.
    articles = [Article(text="Police arrested the mayor.", id="c0"),
                Article(text="Rebels fled the town.", id="c1", title="Bad \ud800 title"),
                Article(text="Iran threatened Israel.", id="c2")]
    with DaskCoder(load_settings(), workers=1, parts_dir=tmp_path / "parts") as coder:
        partitions = list(coder.code([Chunk(0, articles)]))
    assert sorted(p.articles for p in partitions) == [0, 1, 1]
    (error,) = [e for p in partitions for e in p.errors]
    assert "the worker's task failed for article c1: UnicodeEncodeError" in error.reason
    assert len({path for p in partitions for path in p.paths.values()}) == 2 * 5  # two articles, five tables
