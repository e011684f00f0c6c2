"""PETRARCH actor dictionaries (`Phoenix.Countries.actors.txt`, `...International...`,
`...MilNonState...`, `PETR.Validate.actors.txt`).

A record is a primary phrase with an optional default code, synonyms on `+` lines,
and date restrictions on indented lines::

    HAMID_KARZAI_  ; CountryInfo.txt
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]      # from-to, inclusive
        [AFGGOV >011222]            # from this date on
        [AFGELI]                    # otherwise

Primary phrases that follow one another with no code between them are one record,
as PETRARCH reads them: the codes below the last apply to all of them (Phoenix
writes a leader's spellings so: `MIKHAIL_GORBACHEV_`, `+GORBACHEV`, ...,
`GENERAL_SECRETARY_GORBACHEV`, then the dated roles).

Dates are YYYYMMDD or YYMMDD; two-digit years up to 30 are 20YY, the rest 19YY (the
files write earlier years in full: 19270101).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .reading import WARNING, Issue, Line, content_lines, phrase_words

ACTOR_CODE_RE = re.compile(r"^[A-Z0-9]{3}(?:[A-Z0-9]{3})*$")
NULL_CODE = "---"
# A primary phrase and any bracketed codes or restrictions on the same line.
_PRIMARY = re.compile(r"^(?P<phrase>[^\[\];]+)(?P<brackets>(?:\[[^\]]*\]\s*)*)(?P<rest>.*)$")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?P<code>[^\s\]]+)(?:\s+(?P<when>[^\]]*))?$")
TWO_DIGIT_YEAR_PIVOT = 30


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str | None = None  # ISO dates, inclusive; None: open
    end: str | None = None


@dataclass
class ActorRecord:
    line: int
    names: list[tuple[str, ...]] = field(default_factory=list)  # the primary phrase first
    code: str | None = None  # the code when no restriction applies
    dated: list[DatedCode] = field(default_factory=list)
    null: bool = False  # an explicit [---]: the phrase codes nothing


@dataclass
class ActorDictionaryFile:
    file: str
    records: list[ActorRecord] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_actors(text: str, name: str) -> ActorDictionaryFile:
    """Read an actor dictionary; problems are listed in its `issues` (FILE:LINE)."""
    out = ActorDictionaryFile(name)
    current: ActorRecord | None = None
    for line in content_lines(text):
        body = line.text.strip()
        if line.text[:1].isspace() and body.startswith("["):
            if current is None:
                out.issues.append(Issue(name, line.number, "a date restriction before any actor"))
            else:
                _restrictions(out, current, line, body)
        elif body.startswith("+"):
            if current is None:
                out.issues.append(Issue(name, line.number, "a synonym before any actor"))
                continue
            words = phrase_words(body[1:].split("[")[0].split(";")[0])
            if words:
                current.names.append(words)
        elif body.startswith("["):
            # a restriction written without its indent
            if current is None:
                out.issues.append(Issue(name, line.number, "a date restriction before any actor"))
            else:
                out.issues.append(Issue(name, line.number, "a date restriction should be indented", WARNING))
                _restrictions(out, current, line, body)
        else:
            waiting = current if current is not None and _codeless(current) else None
            current = _primary(out, line, body)
            if waiting is not None and current is not None:
                current.names[:0] = waiting.names
                out.records.remove(waiting)
    out.records = [r for r in out.records if r.names]
    return out


def _codeless(record: ActorRecord) -> bool:
    return record.code is None and not record.dated and not record.null


def _primary(out: ActorDictionaryFile, line: Line, body: str) -> ActorRecord | None:
    match = _PRIMARY.match(body)
    if match is None or not phrase_words(match.group("phrase")):
        out.issues.append(Issue(out.file, line.number, f"malformed actor line {body!r}"))
        return None
    record = ActorRecord(line.number, [phrase_words(match.group("phrase"))])
    out.records.append(record)
    rest = match.group("rest").strip()
    if rest and not rest.startswith(";"):
        out.issues.append(Issue(out.file, line.number, f"text {rest!r} after the codes is ignored", WARNING))
    _restrictions(out, record, line, match.group("brackets"))
    return record


def _restrictions(out: ActorDictionaryFile, record: ActorRecord, line: Line, text: str) -> None:
    """The bracketed codes of a line: `[CODE]` (the default), `[CODE when]` (dated)."""
    rest = _BRACKET.sub("", text).strip()
    if rest and not rest.startswith(";"):
        out.issues.append(Issue(out.file, line.number, f"text {rest!r} beside the codes is ignored", WARNING))
    for inner in _BRACKET.findall(text):
        _restriction(out, record, line, inner.strip())


def _restriction(out: ActorDictionaryFile, record: ActorRecord, line: Line, inner: str) -> None:
    match = _RESTRICTION.match(inner)
    if match is None:
        out.issues.append(Issue(out.file, line.number, f"malformed code or date restriction [{inner}]"))
        return
    code = match.group("code").upper()
    if code != NULL_CODE and not ACTOR_CODE_RE.match(code):
        # PETRARCH copies any code to its output; only blocks of three can be read here
        out.issues.append(Issue(out.file, line.number, f"code [{match.group('code')}] is not made of three-letter "
                                "blocks; it is skipped", WARNING))
        return
    if code != match.group("code"):
        out.issues.append(Issue(out.file, line.number, f"lower-case code [{match.group('code')}] read as upper "
                                "case", WARNING))
    when = (match.group("when") or "").strip()
    if code == NULL_CODE:
        record.null = record.null or not when
        return  # no code (for that period): nothing to record
    if not when:
        record.code = code
        return
    period = _period(when)
    if period is None:
        # PETRARCH reads such a restriction as undated ([GBRGOV >201005011]): its code
        # is kept as the default, unless the record has one
        out.issues.append(Issue(out.file, line.number, f"unreadable dates {when!r}; the code is read as undated",
                                WARNING))
        record.code = record.code or code
        return
    record.dated.append(DatedCode(code, *period))


def _period(when: str) -> tuple[str | None, str | None] | None:
    if when.startswith("<"):
        end = iso_date(when[1:])
        return (None, end) if end else None
    if when.startswith(">"):
        start = iso_date(when[1:])
        return (start, None) if start else None
    first, dash, last = when.partition("-")
    start, end = iso_date(first), iso_date(last)
    return (start, end) if dash and start and end else None


def iso_date(text: str) -> str | None:
    """ "750101" -> "1975-01-01"; "011222" -> "2001-12-22"; "19270101" -> "1927-01-01"."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        year, rest = text[:4], text[4:]
    elif re.fullmatch(r"\d{6}", text):
        two = int(text[:2])
        year, rest = str(2000 + two if two <= TWO_DIGIT_YEAR_PIVOT else 1900 + two), text[2:]
    else:
        return None
    month, day = int(rest[:2]), int(rest[2:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{rest[:2]}-{rest[2:]}"
