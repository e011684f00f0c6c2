"""`thucydides eval`: report formats on fixed predictions, and the real pipeline end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from thucydides.cli import app as real_app
from thucydides.cli import evaluate as evaluate_cli

runner = CliRunner()

GOLD = [
    {"id": "a", "text": "Gondor attacked Mordor.", "events": [{"code": "19", "source": "GON", "target": "MOR"}],
     "complete": True},
    {"id": "b", "text": "Students marched in Pretoria.", "events": [], "absent": ["14"]},
]


def cli_app() -> typer.Typer:
    # Typer runs a lone command without its name; a callback keeps `eval` a subcommand
    # whatever other command modules exist yet.
    wrapper = typer.Typer()

    @wrapper.callback()
    def _root() -> None:
        pass

    wrapper.command("eval")(evaluate_cli.eval_command)
    return wrapper


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "small.jsonl"
    lines = [json.dumps(r) for r in GOLD] + ['{"id": "c", "text": "x", "events": [{"cod": "19"}]}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def fake_coder(monkeypatch, make_event):
    predictions = {
        "a": [make_event("190", "GON", "MOR", article_id="a"), make_event("042", "GON", "MOR", article_id="a")],
        "b": [make_event("141", "STU", article_id="b", rule="protest-verb")],
    }
    seen: list[str] = []

    def coder(records):
        seen.extend(r.id for r in records)
        return {r.id: predictions.get(r.id, []) for r in records}

    monkeypatch.setattr(evaluate_cli, "make_coder", lambda model, *dictionaries: coder)
    return seen


def test_eval_is_registered_on_the_app():
    assert "eval" in [c.name for c in real_app.registered_commands]


def test_json_output(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    code = data[str(gold_file)]["levels"]["code"]
    assert (code["gold"], code["found"], code["missed"], code["extra"], code["predicted"]) == (1, 1, 0, 2, 3)
    assert code["precision"] == pytest.approx(1 / 3)
    assert fake_coder == ["a", "b"]  # the malformed record was not coded
    assert "skipped malformed gold record" in result.stderr
    assert f"{gold_file}:3" in result.stderr


def test_table_output(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file)])
    assert result.exit_code == 0, result.output
    for word in ("root+dyad", "code+dyad", "precision", "F1", "field agreement", "source (full)"):
        assert word in result.stdout


def test_markdown_output(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file), "--markdown"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("| small | root |")]
    # gold 1, found 1, missed 0, extra: one unmatched in the complete record + one absent violation
    assert rows and rows[0].split("|")[3:8] == [" 1 ", " 1 ", " 0 ", " 2 ", " 3 "]


def test_errors_listing(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file), "--errors", "--level", "root"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "extra: 042 GON -> MOR" in out
    assert "extra (absent): 141 STU -> -" in out and "protest-verb" in out
    assert "Students marched in Pretoria." in out


def test_errors_in_json(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file), "--json", "--errors", "--limit", "1"])
    data = json.loads(result.stdout)[str(gold_file)]
    assert data["records"] == 1
    [entry] = data["errors"]["records"]
    assert entry["id"] == "a"
    assert [p["status"] for p in entry["predictions"]] == ["found", "extra"]


def test_bad_level(gold_file, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(gold_file), "--errors", "--level", "nope"])
    assert result.exit_code != 0


def test_missing_gold_file(tmp_path, fake_coder):
    result = runner.invoke(cli_app(), ["eval", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0


def test_end_to_end_with_pipeline(gold_file):
    from thucydides.cli import _register_commands

    _register_commands()
    app = real_app if len(real_app.registered_commands) > 1 else cli_app()
    result = runner.invoke(app, ["eval", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)[str(gold_file)]
    assert data["records"] == 2
    root = data["levels"]["root"]
    assert root["gold"] == 1
    assert root["found"] + root["missed"] == 1
    assert root["predicted"] >= root["found"]


def test_make_coder_maps_articles_to_record_ids(make_record):
    records = [
        make_record([], id="x", text="Turkish police detained dozens of protesters in Istanbul."),
        make_record([], id="y", text="The weather was mild."),
    ]
    predictions = evaluate_cli.make_coder(None)(records)
    assert predictions["x"] and all(e.article_id == "x" for e in predictions["x"])
    assert predictions.get("y", []) == []


@pytest.mark.parametrize("case", ["lower", "upper"])
def test_make_coder_codes_texts_in_the_case_asked(make_record, case):
    text = "Turkish police detained dozens of protesters in Istanbul."
    records = [make_record([], id="x", text=text)]
    (event,) = evaluate_cli.make_coder(None, case=case)(records)["x"]
    assert event.source.code == "TURCOP"
    changed = text.lower() if case == "lower" else text.upper()
    assert event.event_text.text.lower() in changed.lower()
    assert changed[event.event_text.start:event.event_text.end].lower() == event.event_text.text.lower()


def test_eval_rejects_an_unknown_case(gold_file):
    result = runner.invoke(real_app, ["eval", str(gold_file), "--case", "title"])
    assert result.exit_code != 0 and "--case" in result.output
