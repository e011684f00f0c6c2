"""`thucydides dictionaries check`: what a folder of PETRARCH dictionaries holds, and its problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app

_register_commands()
runner = CliRunner()
REFERENCE = Path("/work/shared/reference")


def _folder(tmp_path: Path, verbs: str) -> Path:
    (tmp_path / "my.verbs.txt").write_text(verbs, encoding="utf-8")
    (tmp_path / "my.actors.txt").write_text("GONDOR_ [GON]\n+MINAS_TIRITH\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    return tmp_path


def test_check_prints_contents_and_passes(tmp_path):
    result = runner.invoke(app, ["dictionaries", "check", str(_folder(tmp_path, "--- AID [070] ---\nAID\n- * FOOD [073]\n"))])
    assert result.exit_code == 0, result.output
    assert "1 verbs in 1 blocks, 1 patterns" in result.output
    assert "1 actors, 2 names" in result.output and "left out: README.md" in result.output


def test_check_names_file_and_line_of_a_malformed_line_and_fails(tmp_path):
    folder = _folder(tmp_path, "--- AID [070] ---\nAID\n- * FOOD\n- * HELP [071]\n")
    result = runner.invoke(app, ["dictionaries", "check", str(folder)])
    assert result.exit_code == 1
    assert "my.verbs.txt:3: error: a pattern needs a code in brackets" in result.output


def test_check_fails_on_a_folder_without_dictionaries(tmp_path):
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["dictionaries", "check", str(tmp_path)])
    assert result.exit_code == 1 and "no dictionary files" in result.output


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared reference files not present")
def test_the_open_dictionaries_check_clean():
    result = runner.invoke(app, ["dictionaries", "check", str(REFERENCE / "petrarch2-dictionaries")])
    assert result.exit_code == 0, result.output
    assert "4,667 patterns" in result.output and "Phoenix.agents.txt" in result.output
