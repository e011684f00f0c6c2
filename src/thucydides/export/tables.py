"""The exporters' data tables (`data/export/*.tsv`): tab-separated, a header row, `#` comments."""

from __future__ import annotations

import csv
from functools import cache

from ..datafiles import read_data


def read_table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `data/export/NAME.tsv`, each a dict by the header's column names."""
    lines = [line for line in read_data(f"export/{name}.tsv").splitlines() if line and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def sector_names() -> dict[str, str]:
    """CAMEO role code -> sector name (GOV -> Government)."""
    return {row["role"]: row["sector"] for row in read_table("sectors")}
