"""kill -9 at random moments of `ingest`, during aggregation too, then resume:
the store ends up as a clean run's (issue #14)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

SAMPLE = Path(__file__).parents[2] / "src/thucydides/data/sample/articles.jsonl"
EXE = str(Path(sys.executable).parent / "thucydides")
SEED = 14


def _ingest(corpus: Path, db: Path) -> list[str]:
    return [EXE, "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]


def _store(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": q("SELECT id, duplicate_of, n_events, text_hash, title, date, url, origin, meta FROM articles ORDER BY id"),
            "events": q("SELECT * FROM events ORDER BY id"),
            "actors": q("SELECT * FROM actors ORDER BY ALL"),
            "quotes": q("SELECT * FROM quotes ORDER BY ALL"),
            "signatures": q("SELECT * FROM article_signatures ORDER BY ALL"),
            "clusters": q("SELECT * EXCLUDE (first_seen, last_seen) FROM event_clusters ORDER BY ALL"),
            "mentions": q("SELECT * FROM event_mentions ORDER BY ALL"),
            "errors": q("SELECT DISTINCT path, line, reason FROM ingest_errors ORDER BY ALL"),
        }
    finally:
        con.close()


def _clustered(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions)").fetchone()
    finally:
        con.close()


def _kill_after(command: list[str], seconds: float) -> bool:
    """Run `command`, kill -9 it after `seconds`; whether it was still running."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def _kill_in_aggregation(command: list[str]) -> None:
    """Run `command` and kill -9 it as soon as it says it is updating event clusters."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            if line.startswith("updating event clusters"):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=300)


def test_kill_minus_nine_anywhere_then_resume_gives_the_clean_store(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:50]  # with near-duplicates among them
    corpus.write_text("\n".join([*lines[:20], '{"id": "broken", "text": ', *lines[20:]]) + "\n", encoding="utf-8")
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"

    # A first run may compile the language data (seconds more than any later run): the
    # kill moments are fractions of a run with the compiled data at hand.
    subprocess.run(_ingest(corpus, tmp_path / "warm-up.duckdb"), capture_output=True, text=True, timeout=600)
    started = time.monotonic()
    done = subprocess.run(_ingest(corpus, clean), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    whole = time.monotonic() - started

    rng = random.Random(SEED)
    # Up to 0.7 of a whole run: a resumed run is shorter than the clean one (it skips what
    # is stored), and a kill after it ended would test nothing and leave no aggregation to
    # interrupt below.
    for moment in sorted(rng.uniform(0.3, 0.7) * whole for _ in range(2)):
        _kill_after(_ingest(corpus, resumed), moment)
    # Code the rest, then die inside aggregation: the events are stored, their clusters not.
    _kill_in_aggregation(_ingest(corpus, resumed))
    events, mentions = _clustered(resumed)
    assert events == _clustered(clean)[0] and mentions < events
    done = subprocess.run(_ingest(corpus, resumed), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "updating event clusters" in done.stderr  # nothing left to code, the clusters caught up

    one, other = _store(clean), _store(resumed)
    assert one["events"] and one["clusters"] and one["errors"]
    for table in one:
        assert one[table] == other[table], table
