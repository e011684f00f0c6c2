"""Named people with dated offices: the `people` section of the actor dictionary.

A person entry (bundled `data/actors/people.yaml`, or a user's file)::

    people:
      erdogan:                          # stable id; a later file with the same id merges
        name: Recep Tayyip Erdoğan      # canonical name (always an alias)
        country: TUR                    # country of the person's offices by default
        wikidata: Q39259                # or null
        gender: m                       # f or m (or null): which of "she"/"he" can refer to them
        surname: Erdoğan                # alias for later mentions; default: the name's last
                                        # word; null for none (common surnames: Kim, Singh)
        aliases: [Tayyip Erdogan]       # more names ("Erdogan" = "Erdoğan": accents fold)
        offices:                        # [role or code, title, start, end]: ISO dates, end
          - [GOV, Prime Minister, 2003-03-14, 2014-08-28]   # null while in office
          - [GOV, President, 2014-08-28, null]
          - {code: IGONAT, title: Secretary General, start: 2014-10-01}   # -> IGONATGOV
        out_of_office: ELI              # role between/after offices (default ELI); the
                                        # person's country alone before the first office

An office's first element is a role (three letters: the code is country + role) or a
full code (IGOUNO, PSEREB: the code as written, its role the explicit `role` or the
code's last block). `OPP`, `PTY`, `REB` periods are offices too: "opposition leader
2017-2023" is `[OPP, Leader of the Opposition, 2017-..., 2023-...]`.

On an article date the office covering it decides the code ("Trump" is USAGOV in 2019
and 2025, USAELI in 2022: a former head of government, as "former president" reads);
with no date the most recent office does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


ROLE_RE = re.compile(r"[A-Z]{3}")
CODE_RE = re.compile(r"[A-Z]{3}(?:[A-Z0-9]{3})+")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: CAMEO role blocks (the three-letter codes after the country).
ROLE_CODES = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB INS UAF SEP CVL MED BUS EDU REL REF LAB NGO HLH CRM ELI "
    "SPY AGR HRI DEV ENV MOD RAD".split()
)


class PersonError(ValueError):
    """A person entry that cannot be used (the message names the entry)."""


@dataclass(frozen=True)
class Office:
    role: str | None
    title: str
    start: str | None
    end: str | None
    code: str | None = None  # a full code (IGO heads); else country + role
    country: str | None = None  # overrides the person's country

    def covers(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Holding:
    """What a person is on a date: code, country and role for the Actor, and the title."""

    code: str
    country: str | None
    role: str | None
    title: str | None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]
    out_of_office: str | None = "ELI"
    gender: str | None = None  # "f" or "m"

    def office_on(self, date: str | None) -> Office | None:
        """The office held on `date`; with no date, the most recent office."""
        if not self.offices:
            return None
        if date is None:
            return max(self.offices, key=lambda o: (o.end is None, o.start or ""))
        day = date[:10]
        covering = [o for o in self.offices if o.covers(day)]
        # Overlapping offices (PM and foreign minister): the one taken last.
        return max(covering, key=lambda o: o.start or "") if covering else None

    def served_before(self, date: str) -> bool:
        day = date[:10]
        return any(o.start is not None and o.start <= day for o in self.offices)

    def relevance(self, date: str | None) -> tuple[int, str]:
        """Ranks namesakes ("Bush", "Li"): in office on the date first, then the most
        recent office started before it, then the most recent office at all."""
        if date is None:
            latest = self.office_on(None)
            return (1 if latest and latest.end is None else 0, (latest.start or "") if latest else "")
        day = date[:10]
        if self.office_on(day) is not None:
            return (2, "")
        before = [o.start or "" for o in self.offices if (o.start or "") <= day]
        return (1, max(before)) if before else (0, "")

    def holding(self, date: str | None) -> Holding:
        office = self.office_on(date)
        if office is not None:
            country = office.country or (None if office.code else self.country)
            if office.code:
                head = office.code[:3]
                country = office.country or (None if head in ("IGO", "NGO", "IMG") else head)
                role = office.role or (office.code[-3:] if office.code[-3:] in ROLE_CODES else None)
                if role is None and head in ("IGO", "NGO"):
                    role = "GOV"  # an organisation's head, as "UN chief" reads: IGOUNOGOV
                code = office.code if role is None or office.code.endswith(role) else office.code + role
                return Holding(code, country, role, office.title)
            return Holding((country or "") + (office.role or ""), country, office.role, office.title)
        role = self.out_of_office if date is not None and self.served_before(date) else None
        return Holding((self.country or "") + (role or ""), self.country, role, None)


def surname_of(name: str) -> str:
    return name.split()[-1] if name.split() else name


def parse_person(ident: str, data: dict[str, Any], where: str) -> Person:
    """A `Person` from a merged YAML entry; raises PersonError with `where` in it."""
    name = data.get("name")
    if not name or not isinstance(name, str):
        raise PersonError(f"{where}: a person needs a 'name'")
    country = data.get("country")
    if country is not None and not ROLE_RE.fullmatch(str(country)):
        raise PersonError(f"{where}: country codes are three capital letters, got {country!r}")
    aliases = [name, *[str(a) for a in data.get("aliases") or [] if a]]
    surname = data.get("surname", surname_of(name))
    if surname:
        aliases.append(str(surname))
    offices = tuple(_office(o, f"{where}.offices") for o in data.get("offices") or [])
    out = data.get("out_of_office", "ELI")
    if out is not None and not ROLE_RE.fullmatch(str(out)):
        raise PersonError(f"{where}: out_of_office is a role code or null, got {out!r}")
    gender = data.get("gender")
    if gender not in (None, "f", "m"):
        raise PersonError(f"{where}: gender is f, m or null, got {gender!r}")
    return Person(
        id=ident, name=name, country=country, wikidata=data.get("wikidata"),
        aliases=tuple(dict.fromkeys(aliases)), offices=offices, out_of_office=out, gender=gender,
    )


def _office(value: Any, where: str) -> Office:
    if isinstance(value, (list, tuple)):
        value = dict(zip(("code", "title", "start", "end"), value))
    if not isinstance(value, dict):
        raise PersonError(f"{where}: an office is [role, title, start, end] or a mapping")
    head = value.get("code") or value.get("role")
    head = str(head) if head else None
    role = value.get("role")
    code = None
    if head and ROLE_RE.fullmatch(head):
        role = head
    elif head and CODE_RE.fullmatch(head):
        code = head
    else:
        raise PersonError(f"{where}: an office needs a role (GOV) or a code (IGOUNO), got {head!r}")
    if role is not None and not ROLE_RE.fullmatch(str(role)):
        raise PersonError(f"{where}: roles are three capital letters, got {role!r}")
    country = value.get("country")
    return Office(
        role=str(role) if role else None, title=str(value.get("title") or ""),
        start=_date(value.get("start"), where), end=_date(value.get("end"), where, end=True),
        code=code, country=str(country) if country else None,
    )


def _date(value: Any, where: str, end: bool = False) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)  # YAML parses 2003-03-14 as a date
    # Month or year precision: the period is taken at its widest (ISO strings compare
    # as dates, so "-31" closes any month).
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-31" if end else "-01"
    elif re.fullmatch(r"\d{4}", text):
        text += "-12-31" if end else "-01-01"
    if not DATE_RE.fullmatch(text):
        raise PersonError(f"{where}: dates are YYYY-MM-DD (or YYYY-MM), got {value!r}")
    return text
