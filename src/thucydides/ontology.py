"""CAMEO event codes with their QuadClass, Goldstein score and PLOVER mapping.

The table is a package data file (`data/ontology/cameo.tsv`) built by
`tools/build_ontology.py`; users can pass their own table of the same shape.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .datafiles import read_data

# A code as PETRARCH dictionaries write it: two digits, up to two more, an extension
# letter ("174K"). A user's dictionaries may use codes outside CAMEO (WEIS's "223",
# a project's own "903"): PETRARCH copies any code to its output.
CODE_FORM = re.compile(r"^\d{2}\d{0,2}[A-Z]?$")


def is_residual(code: str) -> bool:
    """A root's residual code ("180", "190"), which says no more than its root: a more
    specific sibling may replace it."""
    return len(code) == 3 and code.endswith("0")


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    penta: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    plover_2016_type: str | None
    description: str


class Ontology:
    """Look-ups over the CAMEO code table."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self.codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> "Ontology":
        if path is None:
            return default_ontology()
        return cls(_read_table(path.read_text(encoding="utf-8")))

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        """The entry for `code`, or for an extension of a listed code (see `resolve`);
        raises KeyError naming the code when neither."""
        entry = self.resolve(code)
        if entry is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return entry

    def resolve(self, code: str) -> CameoCode | None:
        """The entry for `code`; for an extension of a listed code (PETRARCH
        dictionaries use "174K", "1717"), the nearest listed ancestor's classes under
        the code as written; None when the code extends nothing listed ("903")."""
        entry = self.codes.get(code)
        if entry is not None:
            return entry
        if not code[:2].isdigit():
            return None
        for size in range(len(code) - 1, 1, -1):
            parent = self.codes.get(code[:size]) or (self.codes.get(code[:2] + "0") if size == 2 else None)
            if parent is not None:
                return replace(parent, code=code, root=code[:2], name=f"{parent.name} ({code})")
        return None

    def outside(self, code: str) -> bool:
        """Whether `code` is well formed but extends no listed code ("903", "223"):
        an event may carry it as written, with no QuadClass, Goldstein score or PLOVER."""
        return self.resolve(code) is None and CODE_FORM.match(code) is not None


def _read_table(text: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        codes[row["code"]] = CameoCode(
            code=row["code"],
            root=row["root"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad=int(row["quad"]),
            penta=int(row["penta"]),
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
            plover_2016_type=row["plover_2016_type"] or None,
            description=row["description"],
        )
    return codes


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    text = read_data("ontology/cameo.tsv")
    return Ontology(_read_table(text))
