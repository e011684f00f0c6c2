"""`thucydides code` and `explain` on real text with the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app

_register_commands()
runner = CliRunner()
ARREST = "Turkish police detained 1,879 protesters in Istanbul on Sunday."


def _events(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_code_reads_stdin_and_writes_a_173_event_with_evidence() -> None:
    result = runner.invoke(app, ["code", "-"], input=ARREST + "\n")
    assert result.exit_code == 0, result.output
    (event,) = [e for e in _events(result.stdout) if e["code"] == "173"]
    assert event["root"] == "17" and event["quad"] == 4 and event["goldstein"] == -5.0
    assert event["plover"]["type"] == "COERCE"
    assert event["source"]["code"].startswith("TUR") and event["target"]["code"].startswith("TUR")
    text = ARREST
    for role in ("source", "target"):
        span = event[role]
        assert text[span["start"]:span["end"]] == span["text"]
    assert text[event["event_text"]["start"]:event["event_text"]["end"]] == "detained"
    assert event["rule"] == "coerce.arrest.v"
    assert event["sentence"] == {"index": 0, "text": ARREST, "start": 0}
    assert event["article_id"] and event["id"].startswith("ev-")


def test_code_jsonl_file_keeps_the_record_ids_and_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": "Turkish police detained 1,879 protesters.", "date": "2025-03-24"}) + "\n"
        + json.dumps({"id": "a2", "text": "The European Union imposed sanctions on Iran."}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["code", str(corpus)])
    events = _events(result.stdout)
    by_article = {e["article_id"]: e for e in events}
    assert set(by_article) == {"a1", "a2"}
    assert by_article["a1"]["date"] == "2025-03-24"
    assert by_article["a2"]["code"].startswith("16")


def test_code_csv_has_a_header_and_one_row_per_event() -> None:
    result = runner.invoke(app, ["code", "-", "--format", "csv"], input=ARREST)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["code"] == "173"


def test_negated_events_are_withheld_unless_asked_for() -> None:
    text = "Israel did not attack Iran."
    plain = _events(runner.invoke(app, ["code", "-"], input=text).stdout)
    assert plain == []
    everything = _events(runner.invoke(app, ["code", "-", "--all-modalities"], input=text).stdout)
    assert [e["modality"] for e in everything] == ["negated"]


def test_bad_input_is_reported_and_the_rest_is_coded(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARREST, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["code", str(tmp_path)])
    assert result.exit_code == 0
    assert any(e["code"] == "173" for e in _events(result.stdout))
    assert "empty.txt" in result.stderr and "blob.bin" in result.stderr


def test_explain_shows_why_patterns_fired_or_not() -> None:
    result = runner.invoke(app, ["explain", "--json", "Israel did not attack Iran. Police detained him."])
    sentences = json.loads(result.stdout)
    fired = {c["rule"]: c for s in sentences for c in s["candidates"]}
    assert fired["fight.attack.v"]["modality"] == "negated"
    assert "neg" in {t["dep"] for t in sentences[0]["tokens"]}


@pytest.mark.parametrize("script", ["thucydides", "thuc"])
def test_console_scripts_are_installed(script: str) -> None:
    exe = Path(sys.executable).parent / script
    done = subprocess.run([str(exe), "code", "-"], input=ARREST, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _events(done.stdout)[0]["code"] == "173"


# --- standard input is read as bytes, like a file (issue #14, points 6 and 7) -------


def _stdin_inputs(tmp_path: Path) -> dict[str, bytes]:
    sys.path.insert(0, str(Path(__file__).parents[1] / "ingest"))
    from test_ingest_warc import write_warc

    write_warc(tmp_path / "crawl.warc.gz", compress=True)
    return {
        "utf-16": ARREST.encode("utf-16"),
        "latin-1": ("Le président de la République a déclaré: " + ARREST).encode("latin-1"),
        "invalid utf-8": ARREST.encode() + b"\n\n\xff\xfe\xfa caf\xe9 \x81\n",
        "warc.gz": (tmp_path / "crawl.warc.gz").read_bytes(),
    }


def test_code_reads_stdin_in_any_encoding_or_format_as_it_would_a_file(tmp_path: Path) -> None:
    for name, data in _stdin_inputs(tmp_path).items():
        path = tmp_path / f"input-{name.replace(' ', '-')}"
        path.write_bytes(data)
        from_file = runner.invoke(app, ["code", str(path)])
        from_stdin = runner.invoke(app, ["code", "-"], input=data)
        assert from_stdin.exit_code == 0, (name, from_stdin.output)
        assert "surrogates" not in from_stdin.stderr
        events = _events(from_stdin.stdout)
        assert events and events == _events(from_file.stdout), name
        assert name == "warc.gz" or any(e["code"] == "173" for e in events), name


def test_stdin_without_a_newline_stops_at_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run([str(Path(sys.executable).parent / "thucydides"), "ingest", "-", "--db", ":memory:",
                               "--max-bytes", "1000000"], stdin=zeros, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "<stdin>: input larger than the limit of 1,000,000 bytes" in done.stderr
