"""Helpers shared by tests/api and tests/e2e: the sample store and a server in a subprocess."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

SAMPLE = Path(__file__).parents[2] / "src/thucydides/data/sample/articles.jsonl"


def thucydides_exe() -> str:
    exe = Path(sys.executable).with_name("thucydides")
    return str(exe) if exe.exists() else (shutil.which("thucydides") or "thucydides")


def build_sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store built by the real `thucydides ingest`, once per session (shared by both suites)."""
    folder = tmp_path_factory.getbasetemp() / "thucydides-sample-store"
    db, done = folder / "sample.duckdb", folder / "complete"
    if not done.exists():
        folder.mkdir(exist_ok=True)
        db.unlink(missing_ok=True)
        run = subprocess.run([thucydides_exe(), "ingest", str(SAMPLE), "--db", str(db)], capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr
        done.touch()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, refresh: float = 1.0, snapshot_dir: Path | None = None) -> subprocess.Popen:
    # `python -m thucydides.cli.serve` is the `serve` command, runnable before the CLI registers it.
    cmd = [sys.executable, "-m", "thucydides.cli.serve", "--db", str(db), "--port", str(port), "--refresh", str(refresh)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if snapshot_dir:
        env["TMPDIR"] = str(snapshot_dir)
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server at {url} did not come up in {timeout:.0f}s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`thucydides serve` over `db` (its snapshots beside it) until the block ends: the base URL."""
    port = free_port()
    server = start_server(db, port, snapshot_dir=db.parent)
    try:
        wait_for(f"http://127.0.0.1:{port}/api/summary", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(server)
