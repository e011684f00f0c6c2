"""`thucydides quotes`: who said what, from a store built by the real `ingest`."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from thucydides.cli import _register_commands, app

_register_commands()

ARTICLES = [
    {"id": "a1", "date": "2025-03-24",
     "text": 'Turkish President Tayyip Erdogan said: "We will never bow to street terrorism." '
             "Police detained dozens of protesters in Istanbul."},
    {"id": "a2", "date": "2025-03-25",
     "text": 'U.S. Secretary of State Marco Rubio told reporters: "We are concerned about the arrests." '
             "He met Turkish Foreign Minister Hakan Fidan in Washington."},
]  # fmt: skip


def _store(tmp_path) -> str:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    db = str(tmp_path / "q.duckdb")
    assert CliRunner().invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    return db


def test_quotes_by_speaker_and_words(tmp_path):
    db = _store(tmp_path)
    every = json.loads(CliRunner().invoke(app, ["quotes", "--db", db, "--format", "json"]).stdout)
    assert [(q["date"], q["speaker_code"]) for q in every] == [("2025-03-25", "USAGOV"), ("2025-03-24", "TURGOV")]
    turkish = json.loads(CliRunner().invoke(app, ["quotes", "--db", db, "-s", "tur", "-f", "json"]).stdout)
    assert [q["text"] for q in turkish] == ["We will never bow to street terrorism."]
    arrests = CliRunner().invoke(app, ["quotes", "--db", db, "-q", "ARRESTS", "-f", "csv"]).stdout.splitlines()
    assert len(arrests) == 2 and "concerned about the arrests" in arrests[1]


def test_a_store_without_the_quotes_table_is_explained(tmp_path):
    db = _store(tmp_path)
    con = duckdb.connect(db)
    con.execute("DROP TABLE quotes")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    result = CliRunner().invoke(app, ["quotes", "--db", db])
    assert result.exit_code == 1 and "predates the quotes table" in result.stderr
