"""Reading gold files (format: `shared/GOLD-FORMAT.md`, version 1).

A gold file is JSON Lines, one record per text unit. Gold events stay plain dicts
because every field is optional and the scorer checks exactly the fields a gold
event has. Records are validated strictly: a misspelt field name (`sorce`) would
otherwise go unchecked and inflate the scores, so it is an error, and the line
is skipped with a message naming `file:line`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from thucydides.model import Article

GoldEvent = dict[str, Any]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Two digits, then digits or letters: PETRARCH's gold has extended codes such as "174K".
_CODE = re.compile(r"^\d{2}[0-9A-Z]{0,3}$")
_RECORD_FIELDS = {"id", "text", "date", "title", "source", "url", "events", "complete", "absent", "meta"}
_LOCATION_FIELDS = {"country", "name", "lat", "lon", "text"}
HALVES = ("a", "b")


class GoldFormatError(ValueError):
    """A gold record that does not follow the format; the message names file:line."""


@dataclass
class GoldRecord:
    id: str
    text: str
    events: list[GoldEvent]
    complete: bool = False
    absent: tuple[str, ...] = ()
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # file:line, for messages and error listings

    def to_article(self) -> Article:
        # `meta` is not passed on: it can hold labels (GLOCON's) the coder must not see.
        return Article(
            text=self.text,
            id=self.id,
            title=self.title,
            date=self.date,
            source=self.source,
            url=self.url,
            origin=self.origin,
        )


@dataclass
class GoldSet:
    """The valid records of one gold file and a message per skipped line."""

    path: Path
    records: list[GoldRecord]
    errors: list[str]


def half_of(record_id: str) -> str:
    """The half ("a" or "b") a record falls in, by a hash of its id: a split that
    stays put as files grow, so one half can be worked from and the other kept unseen."""
    return HALVES[hashlib.sha256(record_id.encode("utf-8")).digest()[0] & 1]


def read_gold(path: Path | str, limit: int | None = None, half: str | None = None) -> GoldSet:
    """Read a gold file; malformed lines are skipped and reported in `errors`.

    `limit` keeps the first N valid records; `half` only the records of that half
    (see `half_of`).
    """
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, got {half!r}")
    path = Path(path)
    records: list[GoldRecord] = []
    errors: list[str] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = parse_record(json.loads(line), where)
                if record.id in seen:
                    raise GoldFormatError(f"{where}: duplicate id {record.id!r}")
            except json.JSONDecodeError as err:
                errors.append(f"{where}: not valid JSON ({err.msg})")
                continue
            except GoldFormatError as err:
                errors.append(str(err))
                continue
            seen.add(record.id)
            if half is None or half_of(record.id) == half:
                records.append(record)
    return GoldSet(path=path, records=records, errors=errors)


def parse_record(data: Any, where: str = "<record>") -> GoldRecord:
    """A validated `GoldRecord` from one decoded JSON object."""
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: a record must be a JSON object")
    unknown = sorted(set(data) - _RECORD_FIELDS)
    _require(not unknown, where, f"unknown record field(s) {unknown}")
    _require(isinstance(data.get("id"), str) and data["id"] != "", where, "'id' must be a non-empty string")
    _require(isinstance(data.get("text"), str), where, "'text' must be a string")
    for name in ("title", "source", "url"):
        _require(data.get(name) is None or isinstance(data[name], str), where, f"{name!r} must be a string")
    _require(data.get("date") is None or _is_date(data["date"]), where, "'date' must be YYYY-MM-DD")
    _require(isinstance(data.get("complete", False), bool), where, "'complete' must be true or false")
    _require(isinstance(data.get("meta", {}), dict), where, "'meta' must be an object")
    absent = data.get("absent", [])
    _require(_is_str_list(absent, allow_empty=True), where, "'absent' must be a list of code prefixes")
    events = data.get("events", [])
    _require(isinstance(events, list), where, "'events' must be a list")
    for index, event in enumerate(events):
        check_event(event, f"{where}: events[{index}]")
    _check_consistent(events, absent, where)
    return GoldRecord(
        id=data["id"],
        text=data["text"],
        events=events,
        complete=data.get("complete", False),
        absent=tuple(absent),
        date=data.get("date"),
        title=data.get("title"),
        source=data.get("source"),
        url=data.get("url"),
        meta=data.get("meta", {}),
        origin=where,
    )


def check_event(event: Any, where: str) -> None:
    """Raise GoldFormatError when a gold event has an unknown or mistyped field."""
    if not isinstance(event, dict):
        raise GoldFormatError(f"{where}: a gold event must be a JSON object")
    for name, value in event.items():
        check = _EVENT_CHECKS.get(name)
        if check is None:
            raise GoldFormatError(f"{where}: unknown gold event field {name!r}")
        problem = check(value)
        if problem:
            raise GoldFormatError(f"{where}: {name!r} {problem}")


def gold_codes(event: GoldEvent) -> list[str]:
    """The acceptable codes of a gold event (empty when it has no `code`)."""
    code = event.get("code")
    if code is None:
        return []
    return [code] if isinstance(code, str) else list(code)


def _check_consistent(events: list[GoldEvent], absent: list[str], where: str) -> None:
    # Gold that both asks for and forbids a code cannot be met by any coder.
    if "*" in absent and events:
        raise GoldFormatError(f"{where}: 'absent' ['*'] forbids every event, but 'events' is not empty")
    for event in events:
        for code in gold_codes(event):
            if any(code.startswith(prefix) for prefix in absent):
                raise GoldFormatError(f"{where}: gold code {code!r} starts with an 'absent' prefix")


def _check_code(value: Any) -> str | None:
    codes = [value] if isinstance(value, str) else value
    if not _is_str_list(codes) or not all(_CODE.match(c) for c in codes):
        return "must be a CAMEO code (two digits, then up to three digits or capitals) or a list of them"
    return None


def _check_actor(value: Any) -> str | None:
    codes = [value] if isinstance(value, str) else value
    return None if _is_str_list(codes) else 'must be an actor code, a list of codes, or "" (no actor)'


def _check_int_range(low: int, high: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return None if ok else f"must be an integer from {low} to {high}"

    return check


def _check_text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _check_date(value: Any) -> str | None:
    return None if _is_date(value) else "must be YYYY-MM-DD"


def _check_location(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "must be a non-empty object"
    unknown = set(value) - _LOCATION_FIELDS
    if unknown:
        return f"has unknown field(s) {sorted(unknown)}"
    if ("lat" in value) != ("lon" in value):
        return "needs both 'lat' and 'lon'"
    for name in ("lat", "lon"):
        if name in value and (not isinstance(value[name], (int, float)) or isinstance(value[name], bool)):
            return f"{name!r} must be a number"
    for name in ("country", "name"):
        if name in value and _check_text(value[name]):
            return f"{name!r} must be a non-empty string"
    if "text" in value:
        texts = [value["text"]] if isinstance(value["text"], str) else value["text"]
        if not _is_str_list(texts) or not all(t.strip() for t in texts):
            return "'text' must be a non-empty string or list of strings"
    return None


_EVENT_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "code": _check_code,
    "quad": _check_int_range(1, 4),
    "penta": _check_int_range(0, 4),
    "plover": _check_text,
    "source": _check_actor,
    "target": _check_actor,
    "source_text": _check_text,
    "target_text": _check_text,
    "event_text": _check_text,
    "date": _check_date,
    "location": _check_location,
}


def _is_str_list(value: Any, allow_empty: bool = False) -> bool:
    return (
        isinstance(value, list)
        and (allow_empty or len(value) > 0)
        and all(isinstance(item, str) for item in value)
    )


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and bool(_DATE.match(value))


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise GoldFormatError(f"{where}: {message}")
