"""One grammar across the commands (issue #16 item 6), on the sample store built by the
real `thucydides ingest`: --from/--to checked before any query, --format everywhere
(old --json kept, unlisted), --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))  # the helpers shared with tests/api
from thuc_api_support import build_sample_store, thucydides_exe  # noqa: E402

from thucydides import __version__  # noqa: E402
from thucydides.cli import _register_commands, app  # noqa: E402

_register_commands()
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_sample_store(tmp_path_factory))


def test_version_is_printed_by_the_installed_script() -> None:
    done = subprocess.run([thucydides_exe(), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"thucydides {__version__}"


@pytest.mark.parametrize("command", [["timeline", "TUR"], ["dyads"], ["top"], ["quotes"]], ids=lambda c: c[0])
@pytest.mark.parametrize("option", ["--from", "--to"])
def test_a_bad_date_is_a_one_line_usage_error(sample_db: str, command: list[str], option: str) -> None:
    result = runner.invoke(app, [*command, "--db", sample_db, option, "2024-13-01"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "2024-13-01" in line]
    assert len(errors) == 1 and "is not a date: give YYYY-MM-DD" in errors[0] and option in errors[0]
    assert "Traceback" not in result.stderr and "damaged" not in result.stderr and not result.stdout


def test_dates_are_checked_on_every_command_that_takes_one(sample_db: str) -> None:
    for args in (["explain", "Talks resumed.", "--date", "March 3"], ["code", "-", "--date", "2024-02-30"],
                 ["ingest", "-", "--db", sample_db, "--date", "yesterday"]):  # fmt: skip
        result = runner.invoke(app, args, input="Talks resumed.")
        assert result.exit_code == 2 and "is not a date: give YYYY-MM-DD" in result.stderr, args


def test_from_after_to_is_refused(sample_db: str) -> None:
    result = runner.invoke(app, ["dyads", "--db", sample_db, "--from", "2025-01-01", "--to", "2024-01-01"])
    assert result.exit_code == 2 and "2025-01-01 is after --to 2024-01-01" in result.stderr


def test_a_good_date_filters(sample_db: str) -> None:
    result = runner.invoke(app, ["timeline", "UKR", "--db", sample_db, "--from", "2025-01-01", "-f", "json"])
    assert result.exit_code == 0, result.output
    periods = [row["period"] for row in json.loads(result.stdout)]
    assert periods and min(periods) >= "2025-01-01"


def test_format_json_and_the_old_json_flag_agree(sample_db: str) -> None:
    new = runner.invoke(app, ["stats", "--db", sample_db, "--format", "json"])
    old = runner.invoke(app, ["stats", "--db", sample_db, "--json"])
    assert new.exit_code == old.exit_code == 0
    assert json.loads(new.stdout) == json.loads(old.stdout) and json.loads(new.stdout)["events"] > 100
    help_text = runner.invoke(app, ["stats", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--format" in help_text and "--json" not in help_text  # kept for scripts, not advertised


def test_explain_takes_format_json() -> None:
    result = runner.invoke(app, ["explain", "-f", "json", "--date", "2025-03-24", "Police detained him on Sunday."])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["candidates"]


def test_top_actors_are_named_by_role_not_by_office_holder(sample_db: str) -> None:
    result = runner.invoke(app, ["top", "--by", "actors", "--db", sample_db, "-f", "json"])
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert rows["RUSGOV"]["label"] == "Government of Russia" and rows["USAGOV"]["label"] == "Government of the United States"
    assert "name" not in rows["RUSGOV"]  # one office-holder's name ("Vladimir Putin") is no name for RUSGOV


def test_timeline_of_a_country_code_covers_every_actor_of_the_country(sample_db: str) -> None:
    import duckdb

    rows = json.loads(runner.invoke(app, ["timeline", "TUR", "--db", sample_db, "--by", "year", "-f", "json"]).stdout)
    by_country = json.loads(runner.invoke(
        app, ["timeline", "TUR", "--db", sample_db, "--by", "year", "--match", "country", "-f", "json"]).stdout)
    con = duckdb.connect(sample_db, read_only=True)
    try:
        codes = {c for (c,) in con.execute("SELECT source_code FROM events WHERE source_country = 'TUR' UNION "
                                           "SELECT target_code FROM events WHERE target_country = 'TUR'").fetchall()}
        events = con.execute("SELECT count(*), count(*) FILTER (WHERE source_country = 'TUR') FROM events "
                             "WHERE source_country = 'TUR' OR target_country = 'TUR'").fetchone()
    finally:
        con.close()
    assert {"TURGOV", "TURCOP", "TURCVL", "TUROPP"} <= codes  # the prefix TUR takes them all
    assert (sum(r["events"] for r in rows), sum(r["as_source"] for r in rows)) == events
    assert rows == by_country
