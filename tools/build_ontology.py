"""Build the package's CAMEO ontology table from the shared reference tables.

    python tools/build_ontology.py ../shared/reference src/thucydides/data/ontology/cameo.tsv

The output is the project's own data file (committed); the reference tables are
only read as its specification. Columns: code, root, name, goldstein, quad,
penta, plover_type, plover_mode, plover_context, description.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path


def quad_of(root: str) -> int:
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def penta_of(root: str) -> int:
    """Phoenix's class (its pipeline's `quad_conversion`, which ConfliBERT's labels
    follow): statements and appeals are 0, and reducing relations is a *verbal*
    conflict (3) there, unlike GDELT's QuadClass."""
    r = int(root)
    if r <= 2:
        return 0
    if r == 16:
        return 3
    return quad_of(root)


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        mapping[m.group(1)] = (parts[0].upper(), parts[1], parts[2])
    return mapping


def plover_2016_for(code: str, type_2021: str) -> str:
    """The PLOVER v0.5b1 (2016) type, which older gold sets (and users' data) speak."""
    root = code[:2]
    if root == "09":
        return "INVESTIGATE"
    if root in ("19", "20"):
        return "FIGHT"
    if code.startswith("181"):
        return "COERCE"
    return {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}.get(type_2021, type_2021)


def plover_for(code: str, plover: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    if code.startswith("01"):
        return "", "", ""  # PLOVER has no type for plain statements.
    if code.startswith("02"):
        # PLOVER folds CAMEO appeals into REQUEST; the mode follows the parallel 10x demand.
        ptype, pmode, pctx = plover_for("10" + code[2:], plover)
        return ptype, pmode, pctx
    # Walk up the code hierarchy until the table names a type.
    for k in range(len(code), 1, -1):
        entry = plover.get(code[:k])
        if entry and entry[0]:
            mode, context = entry[1], entry[2]
            if k != len(code):
                exact = plover.get(code)
                mode = exact[1] if exact else ""
                context = exact[2] if exact else context
            return entry[0], mode, context
    return "", "", ""


# Codes of the CAMEO 1.1b3 manual that the reference table lacks; Goldstein
# scores are their nearest sibling's.
SUPPLEMENT = [
    {"code": "155", "name": "Mobilize or increase cyber-forces", "goldstein": "-7.2", "description": ""},
    {"code": "176", "name": "Attack cybernetically", "goldstein": "-5", "description": ""},
    {"code": "1834", "name": "Carry out location bombing", "goldstein": "-10", "description": ""},
]


def main(reference: Path, out: Path) -> None:
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    with open(reference / "cameo-codes.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    known = {r["code"] for r in rows}
    rows += [r for r in SUPPLEMENT if r["code"] not in known]
    rows.sort(key=lambda r: (r["code"][:2], r["code"].ljust(4, " ")))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad", "penta",
                    "plover_type", "plover_mode", "plover_context", "plover_2016_type", "description"])
        for row in rows:
            code = row["code"].strip()
            root = code[:2]
            ptype, pmode, pctx = plover_for(code, plover)
            desc = (row["description"] or "").strip()
            w.writerow([code, root, row["name"].strip(), row["goldstein"], quad_of(root),
                        penta_of(root), ptype, pmode, pctx,
                        plover_2016_for(code, ptype) if ptype else "", "" if desc == "NA" else desc])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
