"""Event dates: the date expression attached to an event's predicate, resolved against
the article's publication date.

Attachment (see `parse.py`): a DATE/TIME entity in the predicate's own clause, nearest
first; else in the clause that governs it (xcomp, conj, advcl, ccomp); never a date from a
relative clause or another branch of the sentence. Resolution is offline and never lands
after the article date: common forms ("Sunday", "March 25", "last week", "in 2019") are
read with the rules below and the word lists in `data/enrich/dates.yaml`; anything else
goes to dateparser (relative base = article date, preferring the past). Results are
cached per (text, base date), so dateparser runs once per distinct expression.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from ..datafiles import load_yaml, read_data
from ..dateline import doc_dateline_end
from ..model import Article, Event
from ..nlp import doc_ents
from .numbers import UNITS
from .parse import clause_head, governing_clauses, predicate_token

DATE_LABELS = frozenset({"DATE", "TIME"})
MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
# "a few days ago", "several weeks": about three.
NUMBER_WORDS = {**{w: n for w, n in UNITS.items() if 0 < n <= 12}, "few": 3, "several": 3}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<mm>\d\d)-(?P<dd>\d\d)$")),
    ("month_day", re.compile(rf"^{_MONTH} {_DAY}(?:,? {_YEAR})?$")),
    ("day_month", re.compile(rf"^{_DAY} (?:of )?{_MONTH}(?:,? {_YEAR})?$")),
    ("month", re.compile(rf"^{_MONTH}(?:,? (?:of )?{_YEAR})?$")),
    ("year", re.compile(rf"^{_YEAR}$")),
    ("ago", re.compile(rf"^{_NUM} {_UNIT} ago$")),
    ("past", re.compile(rf"^(?:the )?(?:past|last|previous) (?:{_NUM} )?{_UNIT}$")),
]
# Clock times carry no date of their own ("10 a.m."): they are dropped from the text.
CLOCK = re.compile(r"\b(?:at )?\d{1,2}(?::\d\d)? ?(?:a\.?m\.?|p\.?m\.?)(?= |$)|\b\d{1,2}:\d\d\b|\b(?:gmt|utc|local time)\b")
# Decades and centuries are too coarse to date an event ("the 1990s").
DECADE = re.compile(r"\d0s\b|\bcentury\b")
DURATION = re.compile(rf"^(?:for |about |some |nearly |almost |more than |over |at least )?{_NUM} "
                      rf"(?:{_UNIT}|(?:hour|minute)s?)$")


@dataclass(frozen=True)
class Resolved:
    date: date
    precision: str  # day | week | month | year


@dataclass(frozen=True)
class DateWords:
    relative: dict[str, tuple[str, int]]
    qualifiers: tuple[str, ...]
    day_parts: frozenset[str]
    start_preps: frozenset[str]
    not_dates: tuple[str, ...]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    text = read_data("enrich/dates.yaml")
    data: dict[str, Any] = load_yaml(text)
    return DateWords(
        relative={k.lower(): (v["unit"], int(v["offset"])) for k, v in data["relative"].items()},
        # Longest first, so "on the" is stripped before "on".
        qualifiers=tuple(sorted((str(q).lower() for q in data["qualifiers"]), key=len, reverse=True)),
        day_parts=frozenset(str(w).lower() for w in data["day_parts"]),
        start_preps=frozenset(str(w).lower() for w in data["start_preps"]),
        not_dates=tuple(str(w).lower() for w in data["not_dates"]),
    )


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _relative(unit: str, offset: int, base: date) -> Resolved:
    if unit == "day":
        return Resolved(base - timedelta(days=offset), "day")
    if unit == "week":  # the Monday of that week
        monday = base - timedelta(days=base.weekday())
        return Resolved(monday - timedelta(weeks=offset), "week")
    if unit == "weekend":  # the most recent Saturday on or before the article date
        return Resolved(base - timedelta(days=(base.weekday() - 5) % 7), "week")
    if unit == "month":
        return Resolved(_shift_months(base, offset), "month")
    return Resolved(date(base.year - offset, 1, 1), "year")


def _number(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _match(text: str, base: date | None) -> Resolved | None:
    """The rule-based reading of a normalised expression, or None when no rule fits."""
    words = date_words()
    if text in words.relative:
        return _relative(*words.relative[text], base) if base else None
    first, _, rest = text.partition(" ")
    if first.rstrip(",") in WEEKDAYS:
        if rest and rest not in words.day_parts:  # "Sunday, March 23": the rest is the date
            return _match(rest, base)
        if base is None:
            return None
        return Resolved(base - timedelta(days=(base.weekday() - WEEKDAYS[first.rstrip(",")]) % 7), "day")
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        parts = m.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        if kind == "iso":
            return Resolved(date(int(parts["year"]), int(parts["mm"]), int(parts["dd"])), "day")
        if kind in {"month_day", "day_month"}:
            if year is None and base is None:
                return None
            month, day = MONTHS[parts["month"]], int(parts["day"])
            resolved = date(year or base.year, month, day)  # type: ignore[union-attr]
            if year is None and base is not None and resolved > base:
                resolved = resolved.replace(year=base.year - 1)  # "March 25" said in January
            return Resolved(resolved, "day")
        if kind == "month":
            if year is None and base is None:
                return None
            month = MONTHS[parts["month"]]
            if year is None:
                year = base.year if month <= base.month else base.year - 1  # type: ignore[union-attr]
            return Resolved(date(year, month, 1), "month")
        if kind == "year":
            return Resolved(date(int(parts["year"]), 1, 1), "year")
        if base is None:
            return None
        n, unit = _number(parts.get("n")), parts["unit"]
        if unit == "day":
            return Resolved(base - timedelta(days=n), "day")
        if unit == "week":
            return Resolved(base - timedelta(weeks=n), "day" if kind == "past" else "week")
        if unit == "month":
            return Resolved(_shift_months(base, n) if kind == "ago" else _shift_months(base, n), "month")
        return Resolved(date(base.year - n, 1, 1), "year")
    return None


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,;:")
    return re.sub(r"'s$", "", text)


@lru_cache(maxsize=4096)
def resolve_date(text: str, base: date | None) -> Resolved | None:
    """Resolve one date expression against the article date; None when it is no date of
    an event (a duration, an age), cannot be read, or would lie after the article date."""
    words = date_words()
    norm = _normalise(CLOCK.sub(" ", text.lower()))
    if not norm or DECADE.search(norm) or any(w in norm for w in words.not_dates) or DURATION.match(norm):
        return None
    resolved = None
    candidate = norm
    while resolved is None:
        try:
            resolved = _match(candidate, base)
        except ValueError:  # "February 30": no such day, so no date
            return None
        if resolved is not None:
            break
        stripped = next((candidate[len(q):].lstrip(" -") for q in words.qualifiers
                         if candidate.startswith(q + " ") or (q.endswith("-") and candidate.startswith(q))), None)
        if not stripped or stripped == candidate:
            break
        candidate = stripped
    if resolved is None and base is not None and re.search(r"\d|" + _MONTH, norm):
        resolved = _dateparser(norm, base)
    if resolved is None or (base is not None and resolved.date > base):
        return None
    return resolved


def _dateparser(text: str, base: date) -> Resolved | None:
    parser = _date_data_parser(base)
    try:
        data = parser.get_date_data(text, date_formats=None)
    except Exception:  # noqa: BLE001 - dateparser raises on odd input; no date then
        return None
    if data is None or data.date_obj is None:
        return None
    parsed = data.date_obj.date()
    period = data.period if data.period in {"day", "week", "month", "year"} else "day"
    if period == "month":
        parsed = parsed.replace(day=1)
    elif period == "year":
        parsed = parsed.replace(month=1, day=1)
    if parsed > base:
        return None
    return Resolved(parsed, period)


@lru_cache(maxsize=64)
def _date_data_parser(base: date) -> Any:
    # Imported lazily: dateparser is slow to import and most articles never need it.
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


@dataclass
class DateMention:
    text: str
    root: Token
    start: int
    end: int
    is_start: bool  # "since March 19": the date starts the state the event describes


class DateAttacher:
    """Per document: collect date mentions once, then resolve each event's date."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.base = _parse_iso(article.date)
        words = date_words()
        self.mentions: list[DateMention] = []
        dateline = doc_dateline_end(doc)  # its date is the story's, no event's
        for ent in doc_ents(doc):
            if ent.label_ not in DATE_LABELS or ent.start_char < dateline:
                continue
            prep = ent.root.head if ent.root.dep_ == "pobj" else None
            is_start = prep is not None and prep.lower_ in words.start_preps
            text = f"{prep.text} {ent.text}" if is_start and prep is not None else ent.text
            self.mentions.append(DateMention(text, ent.root, ent.start_char, ent.end_char, is_start))
        self._by_clause: dict[int, list[DateMention]] = {}
        for mention in self.mentions:
            self._by_clause.setdefault(clause_head(mention.root).i, []).append(mention)

    def resolve(self, mention: DateMention) -> Resolved | None:
        text = mention.text.split(" ", 1)[1] if mention.is_start else mention.text
        return resolve_date(text, self.base)

    def attach(self, event: Event, doc: Doc) -> None:
        predicate = predicate_token(doc, event)
        if predicate is None or not self.mentions:
            return
        clauses = [clause_head(predicate), *governing_clauses(predicate)]
        for level, head in enumerate(clauses):
            mentions = self._by_clause.get(head.i, [])
            # Nearest first; at the predicate's own clause, those in its own phrase before
            # the rest (a noun predicate shares its clause with the verb that governs it).
            def rank(m: DateMention, own_clause: bool = level == 0) -> tuple[bool, int]:
                return (own_clause and not _in_subtree(m.root, predicate), abs(m.root.i - predicate.i))

            for mention in sorted(mentions, key=rank):
                resolved = self.resolve(mention)
                if resolved is not None:
                    event.date = resolved.date.isoformat()
                    event.date_precision = resolved.precision
                    event.date_text = mention.text
                    return


def _in_subtree(token: Token, ancestor: Token) -> bool:
    return token is ancestor or ancestor.is_ancestor(token)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
