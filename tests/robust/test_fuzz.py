"""The fuzz suite of issue #14: seeded hostile corpora (see tests/hostile_inputs.py)
through the readers, `ingest` (one process and --workers 2), `code` and the API.

Every good record is stored, every bad input is named with its reason, every
file is accounted for, and nothing hangs (each command runs in a subprocess
with a timeout). The seeds are fixed, so a failure reproduces.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from fastapi.testclient import TestClient

from hostile_inputs import MAX_BYTES, Corpus, accounted, hostile_corpus
from thucydides.api import create_app
from thucydides.ingest import read_articles

READER_SEEDS = range(60)  # in-process, no coding: ~8 s for ~3,700 inputs
E2E_SEED = 20260101  # through every command
EXE = str(Path(sys.executable).parent / "thucydides")


def lost(corpus: Corpus, stored: dict[str, str], errors: set[tuple[str, int | None]], warned: set[str]) -> list[str]:
    """What reading `corpus` failed to account for: `stored` maps article id to
    origin, `errors` holds (path, line) of each error, `warned` the warned paths."""
    named = {path for path, _ in errors}
    origins = set(stored.values())
    problems = [f"good record {i} not stored" for i in sorted(corpus.good - set(stored))]
    for path, line in sorted(corpus.bad, key=str):
        if (path, line) not in errors if line is not None else not accounted(path, named):
            problems.append(f"bad input {path}:{line} not named")
    problems += [f"{path} neither stored nor named" for path in sorted(corpus.files) if not accounted(path, origins | named)]
    problems += [f"{path} skipped without a warning" for path in sorted(corpus.warned - warned)]
    return problems


def test_readers_account_for_every_input_of_every_seed(tmp_path):
    tried = 0
    for seed in READER_SEEDS:
        corpus = hostile_corpus(tmp_path / f"seed-{seed}", seed)
        found = []
        articles = {a.id: a.origin for a in read_articles([corpus.root], max_bytes=MAX_BYTES, on_error=found.append)}
        errors = {(e.path, e.line) for e in found if not e.warning}
        assert not lost(corpus, articles, errors, {e.path for e in found if e.warning}), seed
        assert all(e.reason.strip() and "unexpected error" not in e.reason for e in found), seed
        tried += corpus.inputs
        shutil.rmtree(corpus.root)
    assert tried > 3000


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout)  # a hang fails the test
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _store(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": dict(q("SELECT id, origin FROM articles")),
            "texts": dict(q("SELECT id, text FROM articles")),
            "errors": q("SELECT path, line, reason FROM ingest_errors ORDER BY ALL"),
            "rows": {
                "articles": q("SELECT id, duplicate_of, n_events, text_hash, title, date, url, origin FROM articles ORDER BY id"),
                "events": q("SELECT * FROM events ORDER BY id"),
                "actors": q("SELECT * FROM actors ORDER BY ALL"),
                "quotes": q("SELECT * FROM quotes ORDER BY ALL"),
                "clusters": q("SELECT * EXCLUDE (first_seen, last_seen) FROM event_clusters ORDER BY ALL"),
                "mentions": q("SELECT * FROM event_mentions ORDER BY ALL"),
            },
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The corpus of E2E_SEED, ingested once in one process."""
    folder = tmp_path_factory.mktemp("fuzz")
    corpus = hostile_corpus(folder / "corpus", E2E_SEED)
    db = folder / "single.duckdb"
    done = _run("ingest", str(corpus.root), "--db", str(db), "--max-bytes", str(MAX_BYTES), "--batch-size", "8")
    assert done.returncode == 0, done.stderr
    return corpus, db, done


def _problems(store: dict) -> tuple[set[tuple[str, int | None]], set[str]]:
    errors = {(p, line) for p, line, reason in store["errors"] if not reason.startswith("warning: ")}
    return errors, {p for p, _, reason in store["errors"] if reason.startswith("warning: ")}


def test_ingest_stores_every_good_record_and_names_every_bad_input(ingested):
    corpus, db, done = ingested
    store = _store(db)
    errors, warned = _problems(store)
    assert not lost(corpus, store["articles"], errors, warned)
    assert all(reason.strip() for _, _, reason in store["errors"])
    assert store["rows"]["events"] and store["rows"]["mentions"]  # coded and clustered
    print(f"\nfuzz: {corpus.inputs} inputs, {len(corpus.good)} good records, {len(corpus.bad)} bad inputs, "
          f"{len(store['articles'])} articles stored, {len(errors)} errors, 0 lost")


def test_a_rerun_adds_nothing(ingested, tmp_path):
    corpus, db, _ = ingested
    again = tmp_path / "again.duckdb"
    shutil.copyfile(db, again)
    before = _store(again)
    done = _run("ingest", str(corpus.root), "--db", str(again), "--max-bytes", str(MAX_BYTES))
    assert done.returncode == 0 and " 0 articles coded" in " " + done.stdout, done.stdout
    after = _store(again)
    assert after["rows"] == before["rows"] and after["errors"] == before["errors"]


def test_two_workers_store_what_one_process_stores(ingested, tmp_path):
    corpus, db, _ = ingested
    dist = tmp_path / "dist.duckdb"
    done = _run("ingest", str(corpus.root), "--db", str(dist), "--max-bytes", str(MAX_BYTES),
                "--workers", "2", "--chunk-size", "8")
    assert done.returncode == 0, done.stderr
    one, two = _store(db), _store(dist)
    for table in one["rows"]:
        if table != "articles":
            assert one["rows"][table] == two["rows"][table], table
    assert {row[:6] for row in one["rows"]["articles"]} == {row[:6] for row in two["rows"]["articles"]}
    assert {(p, line, r) for p, line, r in one["errors"]} == {(p, line, r) for p, line, r in two["errors"]}
    assert not list(tmp_path.glob("*.parts"))


def test_code_codes_what_ingest_stored_and_names_the_rest(ingested):
    corpus, db, _ = ingested
    done = _run("code", str(corpus.root), "--max-bytes", str(MAX_BYTES))
    assert done.returncode == 0, done.stderr
    coded: dict[str, set[str]] = {}
    for line in done.stdout.splitlines():
        event = json.loads(line)
        coded.setdefault(event["article_id"], set()).add(event["id"])
    store = _store(db)
    originals = {row[0] for row in store["rows"]["articles"] if row[1] is None}  # not near-duplicates
    stored: dict[str, set[str]] = {}
    for row in store["rows"]["events"]:
        stored.setdefault(row[1], set()).add(row[0])
    assert {a: coded.get(a, set()) for a in originals} == {a: stored.get(a, set()) for a in originals}
    errors, _ = _problems(store)
    for path, _line in errors:  # ingest named it: code names it too
        assert path in done.stderr, path


HOSTILE = ["", "'", "\"; DROP TABLE events; --", "../../../../etc/passwd", "%00", "\x00", "\u202e", "é" * 300,
           "x" * 5000, "USA' OR '1'='1", "<script>alert(1)</script>", "-1", "1e309", "NaN", "2024-02-30", "☃", "%2e%2e%2f"]
PATHS = ["/api/events", "/api/dyads", "/api/actors", "/api/timeline", "/api/quotes", "/api/summary", "/api/events/{}",
         "/api/articles/{}", "/static/{}", "/article", "/{}"]
PARAMS = ["limit", "offset", "sort", "format", "actor", "source", "target", "country", "root", "code", "quad",
          "from", "to", "q", "place", "article", "unique", "interval", "speaker", "search", "min_events", "directed"]


def test_the_api_serves_every_stored_article_and_answers_hostile_requests(ingested, tmp_path):
    corpus, db, _ = ingested
    store = _store(db)
    rng = random.Random(E2E_SEED)
    copy = tmp_path / "api.duckdb"
    shutil.copyfile(db, copy)
    app = create_app(copy, token="fuzz-token", snapshot_dir=tmp_path)
    statuses: dict[int, int] = {}
    posted: dict[int, int] = {}
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        for article_id, text in store["texts"].items():
            res = client.get(f"/api/articles/{quote(article_id, safe='')}")
            assert res.status_code == 200 and res.json()["text"] == text, article_id
        for _ in range(400):
            path = rng.choice(PATHS).format(quote(rng.choice(HOSTILE), safe=""))
            params = {rng.choice(PARAMS): rng.choice(HOSTILE) for _ in range(rng.randint(0, 4))}
            res = client.get(path, params=params)
            statuses[res.status_code] = statuses.get(res.status_code, 0) + 1
            assert res.status_code < 500, (path, params, res.text)
        for body in _hostile_bodies(rng):
            res = client.post("/api/articles", content=body, headers={"Authorization": "Bearer fuzz-token",
                                                                        "Content-Type": "application/json"})
            assert res.status_code < 500, (body[:200], res.text)
            posted[res.status_code] = posted.get(res.status_code, 0) + 1
            if res.status_code == 201 and res.json()["added"]:
                assert client.get(f"/api/articles/{res.json()['article_id']}").status_code == 200
    assert statuses.get(200) and statuses.get(422)  # both kinds of answer were exercised
    assert posted == {201: 4, 400: 2, 422: 11}  # blank text and impossible dates are refused too


def _hostile_bodies(rng: random.Random) -> list[bytes]:
    texts = ["Russia attacked \\ud800 Ukraine.", "Police \\u0000 arrested him.", "x" * 200_001, "", " ",
             "Iran threatened Israel." * 1000, "\\udfff", "Rebels fled.\\r\\n\\r\\nTalks resumed."]
    bodies = ['{{"text": "{}"}}'.format(t).encode() for t in texts]  # JSON escapes kept as written
    bodies += [b"[" * 100_000 + b"]" * 100_000, b"not json", b"{}", b'{"text": 5}', b'{"text": "ok", "id": "../x"}',
               b'{"text": "ok", "date": "yesterday"}', b'{"text": "ok", "date": "2024-02-30"}',
               b'{"text": "Police arrested him.", "url": "javascript:alert(1)"}',
               bytes(rng.randrange(256) for _ in range(300))]
    return bodies
