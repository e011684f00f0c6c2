"""Tables at 80 columns (issue #16 item 6): every `-f table` output and `quotes` on the
sample store built by the real `ingest`, in a terminal of 80 columns: no line wider,
no header or number cut short, free text wrapped whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))  # the helpers shared with tests/api
from thuc_api_support import SAMPLE, build_sample_store  # noqa: E402

from thucydides.cli import _register_commands, app  # noqa: E402

_register_commands()
runner = CliRunner()
NARROW = {"COLUMNS": "80"}

COMMANDS = [
    ["dyads"], ["dyads", "--by", "day"], ["timeline", "TUR"], ["timeline", "USA", "--by", "week"],
    ["top"], ["top", "--by", "codes"], ["top", "--by", "places"], ["quotes", "--limit", "50"],
]  # fmt: skip


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_sample_store(tmp_path_factory))


def _check_fits(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines, "no output"
    too_wide = [line for line in lines if len(line) > 80]
    assert not too_wide, too_wide
    assert "…" not in output  # nothing cut short: the sample text has no ellipsis of its own
    return lines


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_tables_fit_80_columns_whole(sample_db: str, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", sample_db], env=NARROW)
    assert result.exit_code == 0, result.output
    _check_fits(result.stdout)


def test_headers_break_at_their_words(sample_db: str) -> None:
    lines = _check_fits(runner.invoke(app, ["timeline", "TUR", "--db", sample_db], env=NARROW).stdout)
    header = "\n".join(lines[:4])
    for word in ("period", "events", "source", "target", "goldstein", "sum", "mean", "articles"):
        assert word in header, word


def test_quotes_wrap_their_text_whole(sample_db: str) -> None:
    lines = _check_fits(runner.invoke(app, ["quotes", "-s", "TURGOV", "--db", sample_db], env=NARROW).stdout)
    words = " ".join(lines).split()
    assert "Erdoğan" in words and "TURGOV" in words  # a name wraps at its spaces, never inside a word


def test_code_table_fits_with_the_sentence(tmp_path: Path) -> None:
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    result = runner.invoke(app, ["code", "-", "-f", "table"], input=first, env=NARROW)
    assert result.exit_code == 0, result.output
    lines = _check_fits(result.stdout)
    assert "Maduro" in " ".join(lines) and "161" in " ".join(lines) and "VENGOV" in " ".join(lines)
