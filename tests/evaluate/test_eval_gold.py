"""Reading and validating gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.evaluate import GoldFormatError, half_of, parse_record, read_gold

DEV_GOLD = Path("/work/shared/gold/dev")


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good(id: str, **extra) -> str:
    return json.dumps({"id": id, "text": "Gondor attacked Mordor.", "events": [{"code": "19"}], **extra})


def test_reads_records_and_defaults(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [good("a", date="2020-01-02", complete=True), "", good("b")])
    gold = read_gold(path)
    assert gold.errors == []
    assert [r.id for r in gold.records] == ["a", "b"]
    assert gold.records[0].complete and not gold.records[1].complete
    assert gold.records[1].absent == ()
    assert gold.records[0].origin == f"{path}:1"
    article = gold.records[0].to_article()
    assert (article.id, article.date, article.text) == ("a", "2020-01-02", "Gondor attacked Mordor.")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        (json.dumps({"id": "x", "text": "t", "events": [{"sorce": "USA"}]}), "unknown gold event field 'sorce'"),
        (json.dumps({"id": "x", "text": "t", "events": [{"code": "19a"}]}), "'code'"),
        (json.dumps({"id": "x", "text": "t", "events": [{"penta": 5}]}), "'penta'"),
        (json.dumps({"id": "x", "text": "t", "events": [{"location": {"lat": 1}}]}), "both 'lat' and 'lon'"),
        (json.dumps({"id": "x", "text": "t", "events": [{"code": "14"}], "absent": ["*"]}), "forbids every"),
        (json.dumps({"id": "x", "text": "t", "events": [{"code": "141"}], "absent": ["14"]}), "absent"),
        (json.dumps({"id": "", "text": "t", "events": []}), "'id'"),
        (json.dumps({"id": "x", "text": "t", "events": [], "complete": "yes"}), "'complete'"),
        (json.dumps({"id": "x", "text": "t", "events": [], "date": "2020/01/01"}), "'date'"),
    ],
)
def test_malformed_line_is_skipped_with_file_and_line(tmp_path, line, message):
    path = write_lines(tmp_path / "g.jsonl", [good("a"), line, good("b")])
    gold = read_gold(path)
    assert [r.id for r in gold.records] == ["a", "b"]
    assert len(gold.errors) == 1
    assert gold.errors[0].startswith(f"{path}:2:")
    assert message in gold.errors[0]


def test_duplicate_id_is_an_error(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [good("a"), good("a")])
    gold = read_gold(path)
    assert len(gold.records) == 1
    assert "duplicate id 'a'" in gold.errors[0] and f"{path}:2" in gold.errors[0]


def test_limit_keeps_first_valid_records(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", ["{bad", good("a"), good("b"), good("c")])
    assert [r.id for r in read_gold(path, limit=2).records] == ["a", "b"]


def test_parse_record_raises():
    with pytest.raises(GoldFormatError, match="here: 'text'"):
        parse_record({"id": "x", "events": []}, "here")


@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason="shared dev gold not present")
def test_dev_gold_files_are_valid():
    files = sorted(DEV_GOLD.glob("*.jsonl"))
    assert files
    for path in files:
        gold = read_gold(path)
        assert gold.errors == [], gold.errors[:3]
        assert gold.records


def test_halves_split_every_record_once_and_stay_put(tmp_path):
    ids = [f"rec-{n}" for n in range(200)]
    path = write_lines(tmp_path / "g.jsonl", [good(i) for i in ids])
    a = [r.id for r in read_gold(path, half="a").records]
    b = [r.id for r in read_gold(path, half="b").records]
    assert sorted(a + b) == sorted(ids) and not set(a) & set(b)
    assert 70 < len(a) < 130  # a hash split, roughly even
    assert all(half_of(i) == "a" for i in a) and all(half_of(i) == "b" for i in b)
    # a record's half depends on its id alone, not on the other records of the file
    shuffled = write_lines(tmp_path / "s.jsonl", [good(i) for i in reversed(ids[50:])])
    assert {r.id for r in read_gold(shuffled, half="a").records} == set(a) - set(ids[:50])


def test_half_must_be_a_or_b(tmp_path):
    with pytest.raises(ValueError, match="half"):
        read_gold(write_lines(tmp_path / "g.jsonl", [good("a")]), half="c")
