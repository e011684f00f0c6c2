"""Plain text given its metadata on the command line, and runs that read nothing (issue
#16 items 4 and 6): `code` and `ingest` with --date/--source/--url/--title on real
text through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app
from thucydides.ingest.defaults import ArticleDefaults
from thucydides.model import Article

_register_commands()
runner = CliRunner()
STORY = "Turkish police detained 1,879 protesters in Istanbul on Sunday.\n"


def _events(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_a_text_file_is_given_its_date(story: Path) -> None:
    undated = runner.invoke(app, ["code", str(story)])
    assert undated.exit_code == 0, undated.output
    assert [e["date"] for e in _events(undated.stdout)] == [None]
    assert "warning: 1 event has no date: give --date YYYY-MM-DD" in undated.stderr
    dated = runner.invoke(app, ["code", str(story), "--date", "2025-03-24"])
    assert dated.exit_code == 0, dated.output
    (event,) = _events(dated.stdout)
    assert (event["date"], event["date_text"]) == ("2025-03-23", "Sunday")  # "on Sunday", read from the given date
    assert "no date" not in dated.stderr


def test_the_input_records_own_metadata_wins(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    records = [{"id": "own", "text": STORY, "date": "2024-06-03", "source": "Wire"}, {"id": "bare", "text": STORY}]
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = runner.invoke(app, ["code", str(corpus), "--date", "2025-03-24"])
    assert result.exit_code == 0, result.output
    dates = {e["article_id"]: e["date"] for e in _events(result.stdout)}
    assert dates == {"own": "2024-06-02", "bare": "2025-03-23"}  # the Sunday before each article's date


def test_ingest_stores_the_given_metadata_on_articles_that_lack_it(story: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    args = ["--date", "2025-03-24", "--source", "Field notes", "--url", "https://notes.example/1", "--title", "Arrests"]
    result = runner.invoke(app, ["ingest", str(story), "--db", db, *args])
    assert result.exit_code == 0, result.output
    assert "no date" not in result.stderr
    con = duckdb.connect(db, read_only=True)
    try:
        row = con.execute("SELECT date::VARCHAR, source, url, title, id FROM articles").fetchone()
    finally:
        con.close()
    assert row[:4] == ("2025-03-24", "Field notes", "https://notes.example/1", "Arrests")
    assert row[4] == Article(text=STORY.strip()).id  # the id is the text's: a later run finds it stored


def test_ingest_warns_about_undated_events(story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(story), "--db", str(tmp_path / "events.duckdb")])
    assert result.exit_code == 0, result.output
    assert "warning: 1 event has no date: give --date YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_nothing_read_is_a_failure(command: str, tmp_path: Path) -> None:
    store = ["--db", str(tmp_path / "events.duckdb")] if command == "ingest" else []
    missing = runner.invoke(app, [command, str(tmp_path / "missing.txt"), *store])
    assert missing.exit_code == 1
    assert "missing.txt: no such file or directory" in missing.stderr
    assert "error: no article could be read from the input" in missing.stderr
    empty_stdin = runner.invoke(app, [command, "-", *store], input="")
    assert empty_stdin.exit_code == 1 and "<stdin>: no input" in empty_stdin.stderr
    (tmp_path / "empty").mkdir()
    empty_folder = runner.invoke(app, [command, str(tmp_path / "empty"), *store])
    assert empty_folder.exit_code == 1 and "no article could be read" in empty_folder.stderr


def test_defaults_fill_gaps_and_keep_the_id() -> None:
    bare = Article(text="Talks resumed.")
    filled = ArticleDefaults(date="2025-01-02", url="https://x.example/t").fill(bare)
    assert (filled.date, filled.url, filled.id) == ("2025-01-02", "https://x.example/t", bare.id)
    own = Article(text="Talks resumed.", date="2024-01-01", title="Talks")
    assert ArticleDefaults(date="2025-01-02", title="Other").fill(own) == own
    assert not ArticleDefaults() and list(ArticleDefaults().apply([bare])) == [bare]
