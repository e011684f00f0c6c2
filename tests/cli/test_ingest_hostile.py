"""`ingest` and `code` on hostile input (issue #14): one bad article, file or link
never costs the others, and a rerun goes on from where the last one stopped."""

from __future__ import annotations

import json
import os

from typer.testing import CliRunner

from hostile_inputs import HUGE
from test_ingest_cli import WIRE, run_ingest
from thucydides.cli import _register_commands, app
from thucydides.model import Article
from thucydides.query import EventFilter
from thucydides.store import Store

_register_commands()



def _record(i: int) -> dict:
    if i == 50:
        return {"id": "huge", "text": HUGE, "date": "2024-03-03"}
    if i == 60:
        return {"id": "word", "text": "x" * 3_000_000, "date": "2024-03-03"}  # one 3 MB "word"
    return {"id": f"a{i:03d}", "text": f"Police in district {i} arrested {i + 2} protesters.", "date": "2024-03-03"}


def test_an_article_over_a_million_characters_is_coded_with_the_others(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(_record(i)) + "\n" for i in range(100)), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 100 and counts["errors"] == 0
    with Store.open(db, read_only=True) as store:
        events = list(store.events(EventFilter(article="huge")))
        assert store.counts()["articles"] == 100
        clustered = store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        assert clustered == store.counts()["events"]  # the run went on to aggregate
    assert {e.code for e in events} == {"173", "180"}  # detained; killed
    for event in events:
        assert HUGE[event.event_text.start : event.event_text.end] == event.event_text.text
        assert HUGE[event.source.start : event.source.end] == event.source.text
    assert max(e.event_text.start for e in events) > 1_000_000
    _, again = run_ingest(str(corpus), "--db", str(db))
    assert again["skipped"] == 100 and again["coded"] == 0


def test_an_article_that_cannot_be_stored_is_reported_and_the_batch_stored(tmp_path):
    # A lone surrogate cannot be written as UTF-8: the store, not the reader, fails.
    articles = [Article(text=t, id=f"s{i}") for i, t in enumerate(["Talks resumed.", "Bad \ud800 text.", "Rebels fled."])]
    failed: list[str] = []
    with Store.open(tmp_path / "events.duckdb") as store:
        added = store.add_many([(a, []) for a in articles], on_error=lambda a, err: failed.append(a.id))
        assert added == 2 and failed == ["s1"]
        assert store.known_article_ids(["s0", "s1", "s2"]) == {"s0", "s2"}


def test_links_to_themselves_or_to_nothing_are_named_and_the_folder_read(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.jsonl").write_text(json.dumps({"id": "g", "text": WIRE[0]}) + "\n", encoding="utf-8")
    os.symlink("loop", folder / "loop")  # a link to itself: stat raises ELOOP
    os.symlink("gone.txt", folder / "broken")
    os.symlink(".", folder / "here")  # back into the folder being read
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(folder), str(folder / "loop"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert counts["coded"] == 1 and counts["errors"] == 4
    with Store.open(db, read_only=True) as store:
        reasons = {os.path.relpath(e["path"], folder): e["reason"] for e in store.errors()}
    assert reasons == {
        "broken": "no such file or directory",
        "loop": "cannot read: Too many levels of symbolic links",
        "here": "link back to a folder already being read, skipped",
    }
    coded = CliRunner().invoke(app, ["code", str(folder)])
    assert coded.exit_code == 0
    assert {json.loads(line)["article_id"] for line in coded.stdout.splitlines()} == {"g"}
    assert f"{folder / 'loop'}: cannot read: Too many levels of symbolic links" in coded.stderr


def test_a_rerun_clusters_the_events_a_stopped_run_left_unclustered(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"w{i}", "text": t}) + "\n" for i, t in enumerate(WIRE)), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    # --no-aggregate leaves the store as a run killed after its last commit does.
    result, counts = run_ingest(str(corpus), "--db", str(db), "--no-aggregate")
    assert result.exit_code == 0 and counts["events"] > 0
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 0
    result, counts = run_ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 0 and counts["coded"] == 0
    with Store.open(db, read_only=True) as store:
        events, mentions = store.con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions)").fetchone()
    assert mentions == events > 0


def test_warnings_are_printed_counted_and_kept_in_the_store(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / ".notes.txt").write_text("Not for the store.", encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps({"id": "w", "text": WIRE[0], "date": "yesterday"}) + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result, counts = run_ingest(str(folder), "--db", str(db))
    assert result.exit_code == 0 and counts["coded"] == 1 and counts["errors"] == 0
    assert "2 warnings" in result.stderr
    assert f"{folder / 'wire.jsonl'}:1: warning: date 'yesterday' is not a calendar date" in result.stderr
    with Store.open(db, read_only=True) as store:
        assert sorted(e["reason"].split(":")[0] for e in store.errors()) == ["warning", "warning"]
        assert store.con.execute("SELECT date FROM articles").fetchone() == (None,)


def test_a_damaged_store_is_named_without_a_traceback(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    import duckdb

    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"w{i}", "text": t}) + "\n" for i, t in enumerate(WIRE)), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    assert run_ingest(str(corpus), "--db", str(db))[0].exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    block = con.execute("SELECT min(block_id) FROM pragma_storage_info('events') WHERE block_id >= 0").fetchone()[0]
    block_size = con.execute("PRAGMA database_size").fetchone()[2]
    con.close()
    data = bytearray(db.read_bytes())
    at = 3 * 4096 + block * block_size + 64  # past the file's three headers: inside the events' block
    data[at : at + 64] = b"\xab" * 64  # its checksum no longer matches: it opens, but reading events fails
    db.write_bytes(bytes(data))
    exe = str(Path(sys.executable).parent / "thucydides")
    for command in (["stats"], ["export", "--format", "csv"], ["ingest", str(corpus)]):
        done = subprocess.run([exe, *command, "--db", str(db)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"error: the event store {db} cannot be read, it may be damaged: Corrupt database file" in done.stderr
