"""The snapshot reader against a writer in another process (DuckDB's one-writer rule)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from thucydides.api import snapshot as snap_mod
from thucydides.api.snapshot import SnapshotError, SnapshotManager

# A writer that, like `thucydides ingest`, holds the file for its whole run:
# it commits, reports, then keeps the connection open until told to go.
WRITER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
for line in sys.stdin:
    con.execute("INSERT INTO ingest_errors VALUES (?, 1, 'test', now())", [line.strip()])
    print("committed", flush=True)
"""


def errors(mgr: SnapshotManager) -> int:
    with mgr.cursor() as cur:
        return cur.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]


def test_reads_what_a_live_writer_committed(db_copy: Path, tmp_path: Path):
    # The facts the design rests on, in DuckDB 2.0.1: while a writer holds the
    # file, no other process can open it at all, but a byte copy (with its WAL) reads.
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_copy)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    mgr = SnapshotManager(db_copy, refresh_s=3600, settle_s=0, workdir=tmp_path)
    try:
        writer.stdin.write("one\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "committed"
        with pytest.raises(duckdb.IOException, match="lock"):
            duckdb.connect(str(db_copy), read_only=True)
        mgr.start()
        assert errors(mgr) == 1
        writer.stdin.write("two\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "committed"  # the reader never blocks the writer
        assert mgr.refresh() and errors(mgr) == 2
    finally:
        writer.stdin.close()
        assert writer.wait(timeout=30) == 0
        mgr.stop()
    assert not list(tmp_path.glob("thucydides-snapshot-*")), "snapshots are deleted when retired"


def test_a_copy_torn_by_a_write_is_not_used(db_copy: Path, tmp_path: Path, monkeypatch):
    mgr = SnapshotManager(db_copy, refresh_s=3600, settle_s=0, workdir=tmp_path)
    mgr.start()
    try:
        first = mgr.taken_at
        calls = iter(range(1000))
        # Every second look at the files sees them changed: as if written mid-copy.
        monkeypatch.setattr(snap_mod, "_signature", lambda p: ((100, next(calls) % 2), (-1, 0)))
        assert mgr.refresh(force=True) is False
        assert mgr.taken_at == first and errors(mgr) == 0
    finally:
        mgr.stop()


def test_a_cursor_outlives_a_refresh(db_copy: Path, tmp_path: Path):
    mgr = SnapshotManager(db_copy, refresh_s=3600, settle_s=0, workdir=tmp_path)
    mgr.start()
    try:
        with mgr.cursor() as cur:
            assert mgr.refresh(force=True)  # the old snapshot is retired while in use...
            assert cur.execute("SELECT count(*) FROM articles").fetchone()[0] > 0  # ...and still reads
        assert len(list(tmp_path.glob("thucydides-snapshot-*"))) == 1
    finally:
        mgr.stop()


def test_refuses_what_is_not_a_store(tmp_path: Path):
    with pytest.raises(SnapshotError, match="no event store"):
        SnapshotManager(tmp_path / "missing.duckdb").start()
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(SnapshotError, match="not a Thucydides event store"):
        SnapshotManager(other, workdir=tmp_path).start()


def test_an_older_store_is_served_through_a_migrated_copy(db_copy: Path, tmp_path: Path):
    con = duckdb.connect(str(db_copy))  # make the store look like schema version 1 (before event clusters)
    con.execute("ALTER TABLE articles DROP COLUMN duplicate_of")
    for table in ("article_signatures", "event_clusters", "event_mentions"):
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    mgr = SnapshotManager(db_copy, refresh_s=3600, settle_s=0, workdir=tmp_path)
    mgr.start()
    try:
        with mgr.cursor() as cur:
            assert cur.execute("SELECT count(*) FROM event_clusters").fetchone() == (0,)
    finally:
        mgr.stop()
    live = duckdb.connect(str(db_copy), read_only=True)  # the live file itself is left as it was
    assert live.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
    live.close()


def test_a_server_killed_outright_has_its_copy_removed_by_the_next(db_copy: Path, tmp_path: Path):
    copies = tmp_path / "copies"
    copies.mkdir()
    from thuc_api_support import free_port, start_server, wait_for

    port = free_port()
    server = start_server(db_copy, port, snapshot_dir=copies)  # its TMPDIR: where the copies go
    try:
        wait_for(f"http://127.0.0.1:{port}/api/summary", server)
        live = SnapshotManager(db_copy, refresh_s=3600, workdir=copies)
        live.start()  # another server beside it: the killed one is not yet dead
        assert len(list(copies.glob("thucydides-snapshot-*"))) == 2
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    assert len(list(copies.glob("thucydides-snapshot-*"))) == 2  # kill -9: no clean-up
    mgr = SnapshotManager(db_copy, refresh_s=3600, workdir=copies)
    mgr.start()
    try:
        assert len(list(copies.glob("thucydides-snapshot-*"))) == 2  # the live one's and this one's
        assert len(list(copies.glob("thucydides-serve-*.lock"))) == 2
    finally:
        mgr.stop()
        live.stop()
    assert not list(copies.iterdir())
