"""JSON Lines, single JSON files and gold-format records."""

from __future__ import annotations

import io
import json

from thucydides.model import make_article_id


def test_gold_record_keeps_its_id_and_text(fixtures, read):
    path = fixtures / "gold-record.jsonl"
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    articles, errors = read(path)
    assert errors == []
    assert [a.id for a in articles] == [line["id"] for line in lines]
    assert [a.text for a in articles] == [line["text"] for line in lines]  # exactly, offsets depend on it
    assert articles[0].id == "CAMEO-010-1"
    assert articles[1].date == "1995-01-01"
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2"]
    assert all(a.meta == {} for a in articles)  # gold events, meta etc. are not article data


def test_jsonl_fields_and_errors_per_line(tmp_path, read):
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": 7, "text": "Rebels took Kidal.", "title": " Kidal falls ", "date": "2012-04-01T09:30:00+02:00",
                            "source": "Wire", "url": "https://ex.com/kidal", "extra": [1, 2]}),
                '{"id": "x", "text": "broken" "missing comma"}',
                json.dumps({"id": "no-text"}),
                json.dumps({"id": "blank", "text": "   "}),
                json.dumps({"text": 42}),
                "[1, 2]",
                "",
                json.dumps({"text": "  Talks resumed on Monday.  ", "date": "not a date at all"}),
                json.dumps({"text": "Talks resumed.", "url": "https://ex.com/talks", "date": "March 5, 2024"}),
            ]
        )
        + "\n"
    )
    articles, problems = read(path)
    errors = [e for e in problems if not e.warning]
    assert [str(e) for e in problems if e.warning] == [
        f"{path}:8: warning: date 'not a date at all' is not a calendar date (day, month and year); stored without a date"
    ]
    first, second, third = articles
    assert (first.id, first.title, first.date, first.source, first.url, first.origin) == (
        "7", "Kidal falls", "2012-04-01", "Wire", "https://ex.com/kidal", f"{path}:1",
    )  # fmt: skip
    assert second.text == "  Talks resumed on Monday.  " and second.date is None
    assert second.id == make_article_id("Talks resumed on Monday.")
    assert third.id == make_article_id("", "https://ex.com/talks") and third.date == "2024-03-05"
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (2, "malformed JSON"),
        (3, "record has no 'text' field"),
        (4, "record has empty text"),
        (5, "'text' is int, not a string"),
        (6, "expected a JSON object, got list"),
    ]
    assert str(errors[0]) == f"{path}:2: malformed JSON: Expecting ',' delimiter: line 1 column 30 (char 29)"
    assert all(e.path == str(path) for e in errors)


def test_jsonl_overlong_line_is_skipped(tmp_path, read):
    path = tmp_path / "long.ndjson"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "Short one."}) + "\n")
    articles, errors = read(path, max_bytes=100)
    assert [a.text for a in articles] == ["Short one."]
    assert [(e.line, e.reason) for e in errors] == [(1, "line longer than the limit of 100 bytes, skipped")]


def test_jsonl_undecodable_line(tmp_path, read):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "' + bytes(range(0x80, 0x100)) + b'"}\n{"text": "Fine."}\n')
    articles, errors = read(path)
    assert [a.text for a in articles] == ["Fine."]
    assert errors[0].line == 1 and errors[0].reason.startswith("cannot decode text")


def test_json_object_and_list(tmp_path, read):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "s1", "text": "Rebels took Kidal.", "date": "2012-04-01"}, indent=2))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "text": "One."}, {"title": "no text"}, {"id": "m3", "text": "Three."}]))
    articles, errors = read(single, many)
    assert [(a.id, a.origin) for a in articles] == [("s1", str(single)), ("m1", f"{many}#1"), ("m3", f"{many}#3")]
    assert [str(e) for e in errors] == [f"{many}#2: record has no 'text' field"]


def test_json_file_holding_json_lines(tmp_path, read):
    path = tmp_path / "lines.json"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    articles, errors = read(path)
    assert errors == [] and [a.origin for a in articles] == [f"{path}:1", f"{path}:2"]


def test_malformed_json_file(tmp_path, read):
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "One."}, ')
    articles, errors = read(path)
    assert articles == [] and len(errors) == 1
    assert str(errors[0]).startswith(f"{path}: malformed JSON: ")


DEEP = '{"text": "Too deep.", "extra": ' + "[" * 20_000 + "]" * 20_000 + "}"  # 40 kB, deeper than Python reads


def test_an_over_deep_line_is_an_error_of_its_line_and_the_file_goes_on(tmp_path, read):
    good = [json.dumps({"id": f"g{i}", "text": "Rebels took Kidal."}) for i in range(2)]
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([good[0], DEEP, good[1]]) + "\n")
    unnamed = tmp_path / "deep-first"  # no extension: the format is sniffed from the deep line
    unnamed.write_text("\n".join([DEEP, good[0], good[1]]) + "\n")
    articles, errors = read(path, unnamed)
    assert [a.id for a in articles] == ["g0", "g1", "g0", "g1"]
    assert [str(e) for e in errors] == [f"{path}:2: malformed JSON: nested too deeply to read",
                                        f"{unnamed}:1: malformed JSON: nested too deeply to read"]


def test_an_over_deep_json_file_or_stdin_is_named(tmp_path, read):
    path = tmp_path / "deep.json"
    path.write_text("[" + DEEP + "]")
    assert [str(e) for e in read(path)[1]] == [f"{path}: malformed JSON: nested too deeply to read"]
    articles, errors = read("-", stdin=io.BytesIO((json.dumps({"text": "Fine."}) + "\n" + DEEP + "\n").encode()))
    assert [a.text for a in articles] == ["Fine."]
    assert [str(e) for e in errors] == ["<stdin>:2: malformed JSON: nested too deeply to read"]


def test_ids_the_api_could_not_serve_are_errors_of_their_record(tmp_path, read):
    path = tmp_path / "ids.jsonl"
    records = [{"id": {"a": 1}, "text": "One."}, {"id": "a/b c", "text": "Two."}, {"id": True, "text": "Three."},
               {"id": 42, "text": "Four."}, {"id": "x" * 129, "text": "Five."}, {"id": "wire:2024-05.1", "text": "Six."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["42", "wire:2024-05.1"]
    assert [(e.line, e.reason) for e in errors] == [
        (1, "'id' is dict, not a string or integer"),
        (2, "'id' 'a/b c' is not 1 to 128 letters, digits, '_', '.', ':' or '-'"),
        (3, "'id' is bool, not a string or integer"),
        (5, f"'id' '{'x' * 57}...' is not 1 to 128 letters, digits, '_', '.', ':' or '-'"),
    ]


def test_unpaired_surrogates_are_replaced_in_place_and_said(tmp_path, read):
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "s", "text": "Rebels \\ud800took Kidal.", "title": "\\udfff", "date": "yesterday"}\n')
    (article,), problems = read(path)
    assert article.text == "Rebels \ufffdtook Kidal." and article.title == "\ufffd" and article.date is None
    assert [e.reason for e in problems] == [
        "warning: 'text' has 1 unpaired surrogate escapes (not characters), replaced by U+FFFD",
        "warning: 'title' has 1 unpaired surrogate escapes (not characters), replaced by U+FFFD",
        "warning: date 'yesterday' is not a calendar date (day, month and year); stored without a date",
    ]
    assert all(e.warning and e.path == f"{path}:1" for e in problems)


def test_a_binary_line_costs_only_its_line(tmp_path, read):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\x00\x01\x02 binary\n" + json.dumps({"id": "g", "text": "Rebels took Kidal."}).encode() + b"\n")
    articles, errors = read(path)
    assert [a.id for a in articles] == ["g"]
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [(1, "malformed JSON")]
    blob = tmp_path / "blob.jsonl"  # binary through and through: one error for the file
    blob.write_bytes(bytes(range(256)) * 40)
    assert [str(e) for e in read(blob)[1]] == [f"{blob}: binary file (contains NUL bytes)"]
