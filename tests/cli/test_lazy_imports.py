"""Commands that only read the store start without spaCy: run as the user runs them (the
installed `thucydides` script, in a fresh process) with Python's import log on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))  # the helpers shared with tests/api
from thuc_api_support import build_sample_store, free_port, thucydides_exe, wait_for  # noqa: E402

READERS = [
    ["stats"],
    ["export", "--format", "csv"],
    ["dyads", "--format", "csv"],
    ["timeline", "TUR", "--format", "csv"],
    ["top", "--by", "actors", "--format", "csv"],
    ["quotes", "--format", "csv"],
]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory)


def _imported(import_log: str) -> set[str]:
    """Top-level packages named in a `python -X importtime` log."""
    return {line.split("|")[-1].strip().split(".")[0] for line in import_log.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_reading_commands_never_import_spacy(sample_db: Path, args: list[str]) -> None:
    run = subprocess.run([sys.executable, "-X", "importtime", thucydides_exe(), *args, "--db", str(sample_db)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip()  # it did its work
    imported = _imported(run.stderr)
    assert "duckdb" in imported  # the log is read right
    assert not imported & {"spacy", "thinc", "pyarrow", "datasketch"}


def test_serve_never_imports_spacy(sample_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-X", "importtime", thucydides_exe(), "serve", "--db", str(sample_db),
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/api/summary", server)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    imported = _imported(log)
    assert "fastapi" in imported
    assert "spacy" not in imported and "thinc" not in imported


def test_code_imports_spacy_but_no_store(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-X", "importtime", thucydides_exe(), "code", "-"],
                         input="Turkish police detained 1,879 protesters in Istanbul on Sunday.\n",
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"code": "173"' in run.stdout
    imported = _imported(run.stderr)
    assert "spacy" in imported
    assert not imported & {"duckdb", "pyarrow", "datasketch", "scipy"}
