"""A running server sees what a concurrent `thucydides ingest` adds, and neither process fails."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx

from thuc_api_support import free_port, start_server, stop_server, thucydides_exe, wait_for


def test_server_sees_a_concurrent_ingest(db_copy: Path, tmp_path: Path):
    # Three new stories (copies of stored ones would be linked as near-duplicates, not coded).
    texts = [
        "Russia and China held talks in Beijing on Monday about trade.",
        "Turkish police detained 40 protesters in Istanbul on Sunday.",
        "Japan pledged aid to the Philippines after the typhoon.",
    ]
    new = tmp_path / "new.jsonl"
    new.write_text("".join(json.dumps({"id": f"live-{i}", "date": f"2030-01-0{i + 1}", "text": t}) + "\n" for i, t in enumerate(texts)))
    port = free_port()
    base = f"http://127.0.0.1:{port}/api"
    server = start_server(db_copy, port)
    try:
        wait_for(f"{base}/summary", server)
        before = httpx.get(f"{base}/summary").json()
        ingest = subprocess.Popen([thucydides_exe(), "ingest", str(new), "--db", str(db_copy), "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Poll all along: every request must succeed while the writer holds the file.
        deadline = time.monotonic() + 240  # spaCy's load dominates; the lag itself is ~1 s
        seen = before["articles"]
        while time.monotonic() < deadline and seen < before["articles"] + 3:
            res = httpx.get(f"{base}/events", params={"article": "live-0"}, timeout=10)
            assert res.status_code == 200, res.text
            seen = httpx.get(f"{base}/summary", timeout=10).json()["articles"]
            time.sleep(0.25)
        out, err = ingest.communicate(timeout=240)
        assert ingest.returncode == 0, err
        assert seen == before["articles"] + 3, "the server did not see the ingest in time"
        after = [httpx.get(f"{base}/articles/live-{i}").json() for i in range(3)]
        assert all(a["events"] for a in after), "each new article was coded and is served with its events"
        assert server.poll() is None, "the server must survive the ingest"
        # And the writer is never blocked by the server: a second ingest run opens the file fine.
        again = subprocess.run([thucydides_exe(), "ingest", str(new), "--db", str(db_copy)], capture_output=True, text=True, timeout=240)
        assert again.returncode == 0 and "3 skipped" in again.stdout, again.stderr
    finally:
        stop_server(server)
