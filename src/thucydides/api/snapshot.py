"""Live, lock-free reads of an event store that `thucydides ingest` may be writing.

What DuckDB 2.0.1 allows across processes (checked by hand and by
tests/api/test_snapshot.py and tests/api/test_live.py):

- A process with a read-write connection holds an exclusive lock on the file:
  no other process can open it, read-write *or* read-only ("Could not set lock
  on file ... Conflicting lock is held").
- A process with a read-only connection holds a shared lock: other readers are
  fine, but a writer cannot open the file. So a server that opened the live
  file read-only, even briefly per request, could make a `thucydides ingest`
  that starts at that moment fail.
- `thucydides ingest` commits per batch but keeps its read-write connection
  (and the lock) for the whole run, so "open read-only per request and retry
  on lock" would serve nothing for the length of an ingest.
- Copying the file's bytes (and its `FILE.wal`) takes no lock, and DuckDB opens
  the copy read-only, replaying the copied WAL in memory: every transaction
  committed before the copy is visible.

So the server never opens the live file with DuckDB. It serves from a private
*snapshot*: a copy of `FILE` and `FILE.wal` in a temporary directory, opened
read-only. A background thread looks every `refresh_s` seconds at the files'
(size, mtime); when they changed it copies them again and swaps to the new copy
only if
  (a) the last write is at least `settle_s` old (a batch is not being written),
  (b) neither file changed while being copied (same size and mtime_ns before
      and after: a commit or checkpoint during the copy could tear it), and
  (c) the copy opens, has the store schema and can be read.
Otherwise the current snapshot keeps serving and the next tick tries again.
Each request takes a cursor on the current snapshot; a replaced snapshot is
closed and deleted when its last request is done.

A server killed outright (kill -9) cannot delete its copies. Each server holds
an exclusive lock (flock) on a file `thucydides-serve-OWNER.lock` next to its
copies `thucydides-snapshot-OWNER-*` for as long as it runs; a server starting
in the same folder deletes the copies of every owner whose lock it can take,
which only a dead owner's is.

Costs: one full copy per change (time and disk proportional to the store, fine
for stores of a few GB), and reads lag the writer by `refresh_s` plus the copy
time. In exchange the writer is never blocked and neither process fails.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

import duckdb

from ..store import SCHEMA_VERSION, Store, StoreError

log = logging.getLogger(__name__)

Signature = tuple[tuple[int, int], ...]  # (size, mtime_ns) of the store file and its WAL


class SnapshotError(RuntimeError):
    """The store cannot be served (missing, not a store, wrong schema, never copyable)."""


def _signature(path: Path) -> Signature:
    parts = []
    for p in (path, _wal(path)):
        try:
            st = p.stat()
            parts.append((st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            parts.append((-1, 0))  # no WAL is a state too: a checkpoint removes it
    return tuple(parts)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@dataclass
class Snapshot:
    """One read-only copy of the store, shared by the requests that use it."""

    directory: Path
    con: duckdb.DuckDBPyConnection
    signature: Signature
    taken_at: datetime
    users: int = 0
    retired: bool = False

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


class SnapshotManager:
    """Keeps a fresh read-only snapshot of `db` and hands out cursors on it."""

    def __init__(
        self,
        db: str | Path,
        *,
        refresh_s: float = 5.0,
        settle_s: float = 0.25,
        workdir: str | Path | None = None,
    ) -> None:
        self.db = Path(db)
        self.refresh_s = refresh_s
        self.settle_s = settle_s
        self.workdir = Path(workdir) if workdir else None
        self._owner: Owner | None = None
        self._current: Snapshot | None = None
        self._lock = threading.Lock()  # guards _current and users counts
        self._refresh_lock = threading.Lock()  # one copy at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------

    def start(self, timeout_s: float = 30.0) -> None:
        """Take the first snapshot (retrying while the writer is busy), then refresh in the background."""
        if not self.db.is_file():
            raise SnapshotError(f"no event store at {self.db} (run 'thucydides ingest' first)")
        folder = self.workdir or Path(tempfile.gettempdir())
        remove_orphans(folder)
        self._owner = Owner.claim(folder)
        deadline = time.monotonic() + timeout_s
        try:
            while not self.refresh(force=True):
                if time.monotonic() > deadline:
                    raise SnapshotError(f"could not take a consistent copy of {self.db} within {timeout_s:.0f}s")
                time.sleep(0.2)
        except BaseException:
            self.stop()  # nothing to serve: leave no lock file behind
            raise
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="thucydides-snapshot", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)
        with self._lock:
            snap, self._current = self._current, None
        if snap:
            self._retire(snap)
        if self._owner:
            self._owner.release()
            self._owner = None

    def _loop(self) -> None:
        while not self._stop.wait(self.refresh_s):
            try:
                self.refresh()
            except Exception:  # noqa: BLE001 - a failed refresh must not kill the server; retried next tick
                log.exception("snapshot refresh failed")

    # --- refreshing ------------------------------------------------------------

    @property
    def taken_at(self) -> datetime | None:
        return self._current.taken_at if self._current else None

    def refresh(self, force: bool = False) -> bool:
        """Copy the store again if it changed; True when the snapshot is current.

        `force` copies even when unchanged or just written (the caller knows the
        write is complete); the copy is still rejected if torn.
        """
        with self._refresh_lock:
            before = _signature(self.db)
            if before[0][0] < 0:
                # The file went away (moved or deleted): keep serving what we have.
                if self._current:
                    return False
                raise SnapshotError(f"no event store at {self.db}")
            if self._current and self._current.signature == before and not force:
                return True
            newest = max(mtime for _, mtime in before)
            if not force and time.time_ns() - newest < self.settle_s * 1e9:
                return False  # being written right now; the next tick will do
            snap = self._copy(before)
            if snap is None:
                return False
            with self._lock:
                old, self._current = self._current, snap
            if old:
                self._retire(old)
            log.info("snapshot of %s refreshed", self.db)
            return True

    def _copy(self, before: Signature) -> Snapshot | None:
        owner = self._owner.name if self._owner else "unowned"
        directory = Path(tempfile.mkdtemp(prefix=f"thucydides-snapshot-{owner}-", dir=self.workdir))
        target = directory / "store.duckdb"
        try:
            shutil.copyfile(self.db, target)
            if before[1][0] >= 0:
                try:
                    shutil.copyfile(_wal(self.db), _wal(target))
                except FileNotFoundError:
                    pass  # checkpointed meanwhile: the signature check below rejects the copy
            if _signature(self.db) != before:
                shutil.rmtree(directory, ignore_errors=True)
                return None
            con = duckdb.connect(str(target), read_only=True)
        except (OSError, duckdb.Error) as err:
            log.warning("snapshot copy of %s failed: %s", self.db, err)
            shutil.rmtree(directory, ignore_errors=True)
            return None
        try:
            if _check_store(con, self.db) < SCHEMA_VERSION:
                con.close()
                con = _upgraded(target)
        except SnapshotError:
            con.close()
            shutil.rmtree(directory, ignore_errors=True)
            raise
        except (duckdb.Error, StoreError) as err:
            log.warning("snapshot of %s unreadable: %s", self.db, err)
            con.close()
            shutil.rmtree(directory, ignore_errors=True)
            return None
        return Snapshot(directory, con, before, datetime.now(timezone.utc))

    def _retire(self, snap: Snapshot) -> None:
        with self._lock:
            snap.retired = True
            idle = snap.users == 0
        if idle:
            snap.close()

    # --- reading ---------------------------------------------------------------

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor (its own DuckDB connection, so thread-safe) on the current snapshot."""
        with self._lock:
            snap = self._current
            if snap is None:
                raise SnapshotError("the event store is not loaded")
            snap.users += 1
        cur = snap.con.cursor()
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                snap.users -= 1
                done = snap.retired and snap.users == 0
            if done:
                snap.close()


@dataclass
class Owner:
    """The lock that marks a live server's copies in a folder (see the module doc)."""

    folder: Path
    name: str
    handle: IO[bytes]

    @classmethod
    def claim(cls, folder: Path) -> "Owner":
        # Locked under a temporary name, then renamed: no other server ever
        # sees this lock file unlocked and takes it for a dead one's.
        fd, temporary = tempfile.mkstemp(prefix=".thucydides-serve-", dir=folder)
        handle = os.fdopen(fd, "wb")
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        name = Path(temporary).name.removeprefix(".thucydides-serve-")
        os.rename(temporary, folder / f"thucydides-serve-{name}.lock")
        return cls(folder, name, handle)

    def release(self) -> None:
        (self.folder / f"thucydides-serve-{self.name}.lock").unlink(missing_ok=True)
        self.handle.close()


def remove_orphans(folder: Path) -> list[str]:
    """Delete the copies of servers that died without cleaning up; their owner names."""
    removed = []
    for lock in folder.glob("thucydides-serve-*.lock"):
        try:
            with lock.open("rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                owner = lock.name.removeprefix("thucydides-serve-").removesuffix(".lock")
                for copy in folder.glob(f"thucydides-snapshot-{owner}-*"):
                    shutil.rmtree(copy, ignore_errors=True)
                lock.unlink(missing_ok=True)
                removed.append(owner)
        except OSError:  # locked: its server runs (or the file went meanwhile)
            continue
    return removed


def _upgraded(copy: Path) -> duckdb.DuckDBPyConnection:
    """Migrate the private copy of an older store to the current schema, reopened read-only.

    The copy is ours alone, so the live file keeps its version while every query
    can count on the current tables (event clusters appeared in version 2).
    """
    Store.open(copy).close()
    return duckdb.connect(str(copy), read_only=True)


def _check_store(con: duckdb.DuckDBPyConnection, db: Path) -> int:
    """The store's schema version, after checking that it is a store this server reads."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if not {"meta", "articles", "events", "actors"} <= tables:
        raise SnapshotError(f"{db} is not a Thucydides event store")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    # Schema changes so far are additive: an older copy is migrated (see `_upgraded`).
    if not 1 <= version <= SCHEMA_VERSION:
        raise SnapshotError(f"{db} has store schema version {version}; this server reads 1 to {SCHEMA_VERSION}")
    con.execute("SELECT count(*) FROM events").fetchone()  # proves the copy reads
    return version
