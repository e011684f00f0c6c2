"""Near-duplicate articles: signatures, the LSH index, and linking at ingest across runs."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app
from thucydides.dedup import DuplicateIndex, from_bytes, shingles, signature, to_bytes
from wire_stories import COPY, OTHER, STORY

_register_commands()  # a lone command would become the app itself



def test_shingles_are_normalised_word_ngrams():
    assert shingles("The  Cat sat on the MAT today.", k=3) == shingles("the cat sat on the mat today", k=3)
    assert shingles("Two words") == {b"two words"}
    assert signature("  ... ") is None


def test_index_links_copies_not_other_stories():
    index = DuplicateIndex()
    index.add("story", signature(STORY))
    assert index.original_of(signature(COPY)) == "story"
    assert index.original_of(signature(OTHER)) is None
    # Signatures survive the round trip through the store's BLOB column.
    assert index.original_of(from_bytes(to_bytes(signature(COPY)))) == "story"


def _corpus(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_ingest_links_duplicates_and_remembers_them_across_runs(tmp_path, recording_pipeline):
    db = str(tmp_path / "events.duckdb")
    first = _corpus(tmp_path / "a.jsonl", [
        {"id": "orig", "text": STORY, "date": "2019-01-24"},
        {"id": "copy-1", "text": COPY, "date": "2019-01-24"},
        {"id": "other", "text": OTHER, "date": "2019-02-27"},
    ])  # fmt: skip
    result = CliRunner().invoke(app, ["ingest", first, "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 articles coded" in result.stdout and "1 near-duplicate" in result.stderr
    assert recording_pipeline.parsed == ["orig", "other"]  # the copy was never coded
    # A later run (fresh process state): the index is rebuilt from stored signatures.
    second = _corpus(tmp_path / "b.jsonl", [{"id": "copy-2", "text": COPY.upper(), "date": "2019-01-25"}])
    result = CliRunner().invoke(app, ["ingest", second, "--db", db])
    assert result.exit_code == 0, result.output
    assert recording_pipeline.parsed == ["orig", "other"]
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT id, duplicate_of, n_events FROM articles ORDER BY id").fetchall()
    assert [(i, d) for i, d, _ in rows] == [("copy-1", "orig"), ("copy-2", "orig"), ("orig", None), ("other", None)]
    n_events = {i: n for i, _, n in rows}
    assert n_events["copy-1"] == n_events["copy-2"] == 0 and n_events["orig"] > 0
    assert con.execute("SELECT count(*) FROM events").fetchone() == (n_events["orig"] + n_events["other"],)
    assert sorted(r[0] for r in con.execute("SELECT article_id FROM article_signatures").fetchall()) == ["orig", "other"]
    con.close()


def test_no_dedup_codes_every_copy(tmp_path, recording_pipeline):
    corpus = _corpus(tmp_path / "a.jsonl", [{"id": "orig", "text": STORY}, {"id": "copy", "text": COPY}])
    result = CliRunner().invoke(app, ["ingest", corpus, "--db", str(tmp_path / "e.duckdb"), "--no-dedup"])
    assert result.exit_code == 0 and recording_pipeline.parsed == ["orig", "copy"]


def test_a_version_1_store_is_migrated(tmp_path):
    from thucydides.store import SCHEMA_VERSION, Store

    db = tmp_path / "v1.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))  # make it look like a v1 store
    con.execute("ALTER TABLE articles DROP COLUMN duplicate_of")
    for table in ("article_signatures", "event_clusters", "event_mentions"):
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store.open(db, read_only=True) as store:  # readers see it as it is
        assert store.schema_version == 1 and not store.has_table("event_clusters")
        assert list(store.cluster_records()) == []
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION and store.has_table("event_clusters")
        assert store.con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone() == (0,)


def test_shared_permutations_give_the_signature_of_a_fresh_minhash():
    # Stored signatures must stay comparable: drawing the permutations once per
    # process gives the hash values a MinHash seeded from scratch gives.
    from datasketch import MinHash

    from thucydides.dedup import NUM_PERM, SCHEME, SEED

    for text in (STORY, COPY, OTHER, "Two words"):
        fresh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        fresh.update_batch(list(shingles(text)))
        assert to_bytes(signature(text)) == to_bytes(fresh)
    assert signature(STORY).jaccard(signature(COPY)) > 0.8  # signatures made with shared parameters compare


def test_signatures_do_not_change_the_shared_permutations():
    from thucydides.dedup import _permutations

    before = _permutations(128).copy()
    signature(STORY)
    signature(OTHER)
    assert (_permutations(128) == before).all()
    assert not _permutations(128).flags.writeable
