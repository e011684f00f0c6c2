"""A stand-in for the PETRARCH/Phoenix actor layer, for start-up benchmarks: the Phoenix
actor dictionaries rewritten as one actor YAML file of ours (`--actors`).

Entries with dated codes become people with offices (code, start, end), entries with a
plain code groups, `+` lines aliases. It is only as big as the real layer (~18,000
actors, ~55,000 names), not a faithful translation of it: use it to measure loading.

    .venv/bin/python benchmarks/phoenix_actors.py ../shared/reference/petrarch2-dictionaries --out /tmp/phoenix.yaml
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE = re.compile(r"\[([A-Z0-9~]+)(?:\s+([<>]?\d{6})(?:-(\d{6}))?)?\]")


def _name(raw: str) -> str:
    return raw.strip().strip("_").replace("_", " ").title()


def _date(yymmdd: str | None) -> str | None:
    if not yymmdd:
        return None
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    return f"{1900 + yy if yy >= 30 else 2000 + yy}-{mm}-{dd}"


def _entries(text: str) -> list[dict]:
    entries: list[dict] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+") and entries:
            entries[-1]["aliases"].append(_name(line[1:]))
            continue
        head = CODE.split(line, maxsplit=1)[0]
        if not line[0].isspace() and head.strip():
            entries.append({"name": _name(head), "aliases": [], "codes": []})
        if entries:
            for code, start, end in CODE.findall(line):
                if code.startswith("~") or not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", code):
                    continue
                start_date = _date(start.lstrip("<>")) if start and not start.startswith("<") else None
                end_date = _date(end) or (_date(start[1:]) if start and start.startswith("<") else None)
                entries[-1]["codes"].append((code, start_date, end_date))
    return [e for e in entries if e["codes"] and e["name"]]


def convert(folder: Path) -> dict:
    people: dict[str, dict] = {}
    groups: dict[str, dict] = {}
    for name in FILES:
        for n, entry in enumerate(_entries((folder / name).read_text(encoding="utf-8", errors="replace"))):
            ident = f"phx_{name.split('.')[1].lower()}_{n}"
            aliases = sorted(set(entry["aliases"]) - {entry["name"]})
            if any(start or end for _, start, end in entry["codes"]):
                offices = [[code, "", start, end] for code, start, end in entry["codes"]]
                people[ident] = {"name": entry["name"], "country": entry["codes"][0][0][:3], "surname": None,
                                 "aliases": aliases, "offices": offices}
            else:
                groups[ident] = {"name": entry["name"], "code": entry["codes"][0][0], "aliases": aliases}
    return {"people": people, "groups": groups}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the petrarch2-dictionaries folder")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    data = convert(args.folder)
    args.out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    names = sum(1 + len(e["aliases"]) for section in data.values() for e in section.values())
    print(f"{len(data['people'])} people, {len(data['groups'])} groups, {names} names -> {args.out}")


if __name__ == "__main__":
    main()
