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
