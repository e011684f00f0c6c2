"""Presenting scores: Rich tables, a JSON-ready dict, and the error listing."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from thucydides.model import Event

from .scoring import AGREEMENT_LEVEL, RecordResult, Scores

_COUNT_COLUMNS = ("gold", "found", "missed", "extra", "predicted")
_METRIC_COLUMNS = ("precision", "recall", "f1")


def fmt(value: float | None) -> str:
    """A metric for display; "-" when it is undefined (nothing to divide by)."""
    return "-" if value is None else f"{value:.3f}"


def levels_table(scores: Scores, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("level")
    for name in _COUNT_COLUMNS + _METRIC_COLUMNS:
        table.add_column("F1" if name == "f1" else name, justify="right")
    for level, counts in scores.levels.items():
        values = counts.to_dict()
        cells = [str(values[n]) for n in _COUNT_COLUMNS] + [fmt(values[n]) for n in _METRIC_COLUMNS]
        table.add_row(level, *cells)
    table.caption = (
        f"{len(scores.records)} records; predicted beyond matched per gold event (root): "
        f"{fmt(scores.predicted_per_gold)}"
    )
    return table


def agreement_table(scores: Scores) -> Table:
    title = f"field agreement over events found at {AGREEMENT_LEVEL}"
    table = Table(title=title, title_justify="left", min_width=60)
    for name, justify in (("field", "left"), ("agreed", "right"), ("compared", "right"), ("rate", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for label, agreement in scores.agreement.items():
        if agreement.compared:
            table.add_row(label, str(agreement.agreed), str(agreement.compared), fmt(agreement.rate))
    return table


def print_report(console: Console, name: str, scores: Scores) -> None:
    console.print(levels_table(scores, name))
    if any(a.compared for a in scores.agreement.values()):
        console.print(agreement_table(scores))


def event_summary(event: Event) -> dict[str, Any]:
    return {
        "code": event.code,
        "source": event.source.code if event.source else None,
        "target": event.target.code if event.target else None,
        "event_text": event.event_text.text,
        "rule": event.rule,
        "sentence": event.sentence_text,
    }


def error_entries(scores: Scores, level: str) -> list[dict[str, Any]]:
    """Records with a miss or an extra at `level`, with every prediction's status."""
    entries = []
    for result in scores.records:
        pairing = result.pairings[level]
        extras = result.extras(level)
        if pairing.missed or extras:
            entries.append(_entry(result, level, extras))
    return entries


def _entry(result: RecordResult, level: str, extras: list[int]) -> dict[str, Any]:
    found = {p for _, p in result.pairings[level].pairs}
    predictions = []
    for index, event in enumerate(result.predictions):
        status = _status(index, found, extras, result.violations)
        predictions.append({"status": status, **event_summary(event)})
    return {
        "id": result.record.id,
        "origin": result.record.origin,
        "text": result.record.text,
        "complete": result.record.complete,
        "absent": list(result.record.absent),
        "missed": [result.record.events[g] for g in result.pairings[level].missed],
        "predictions": predictions,
    }


def _status(index: int, found: set[int], extras: list[int], violations: list[int]) -> str:
    if index in found:
        return "found"
    if index in violations:
        return "extra (absent)"
    # An unpaired prediction in an incomplete record is not counted either way.
    return "extra" if index in extras else "unscored"


def print_errors(console: Console, name: str, level: str, entries: list[dict[str, Any]]) -> None:
    heading = f"{name}: {len(entries)} records with misses or extras at level {level}"
    console.print(Text(heading, style="bold"))
    for entry in entries:
        console.print(Text(f"\n{entry['id']}  ({entry['origin']})", style="bold"))
        console.print(Text(entry["text"]))
        if entry["absent"]:
            console.print(Text(f"  absent: {entry['absent']}"))
        for gold in entry["missed"]:
            console.print(Text(f"  missed: {json.dumps(gold, ensure_ascii=False)}", style="red"))
        for pred in entry["predictions"]:
            line = _prediction_line(pred, entry["text"])
            console.print(Text(line, style=_STATUS_STYLE.get(pred["status"], "")))


_STATUS_STYLE = {"found": "green", "extra": "red", "extra (absent)": "red", "unscored": "yellow"}


def _prediction_line(pred: dict[str, Any], record_text: str) -> str:
    line = (
        f"  {pred['status']}: {pred['code']} {pred['source'] or '-'} -> {pred['target'] or '-'}"
        f"  [{pred['event_text']}]  rule {pred['rule']}"
    )
    # Multi-sentence records: say which sentence the prediction came from.
    if pred["sentence"] and pred["sentence"].strip() != record_text.strip():
        line += f"\n      sentence: {pred['sentence']}"
    return line


def scores_json(by_file: dict[str, Scores], errors_level: str | None = None) -> dict[str, Any]:
    """{file: scores}, with each file's error listing when `errors_level` is given."""
    out: dict[str, Any] = {}
    for name, scores in by_file.items():
        out[name] = scores.to_dict()
        if errors_level:
            out[name]["errors"] = {"level": errors_level, "records": error_entries(scores, errors_level)}
    return out


def markdown_report(by_file: dict[str, Scores]) -> str:
    """One Markdown table for BENCHMARKS.md: a row per file and level."""
    head = ["set", "level", *_COUNT_COLUMNS, "precision", "recall", "F1", "extra/gold"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for path, scores in by_file.items():
        name = path.rsplit("/", 1)[-1].removesuffix(".jsonl")
        for level, counts in scores.levels.items():
            values = counts.to_dict()
            cells = [name, level, *(str(values[n]) for n in _COUNT_COLUMNS),
                     *(fmt(values[n]) for n in _METRIC_COLUMNS),
                     fmt(scores.predicted_per_gold) if level == "root" else ""]
            lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| set | field (over events found at " + AGREEMENT_LEVEL + ") | agreed | compared | rate |",
              "|---|---|---|---|---|"]
    for path, scores in by_file.items():
        name = path.rsplit("/", 1)[-1].removesuffix(".jsonl")
        for label, agreement in scores.agreement.items():
            if agreement.compared:
                lines.append(f"| {name} | {label} | {agreement.agreed} | {agreement.compared} | {fmt(agreement.rate)} |")
    return "\n".join(lines) + "\n"
