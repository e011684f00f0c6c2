"""The exporters' data tables (`data/export/*.tsv`): tab-separated, a header row, `#` comments."""

from __future__ import annotations

from functools import cache

from ..datafiles import read_tsv


def read_table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `data/export/NAME.tsv`, each a dict by the header's column names."""
    return read_tsv(f"export/{name}.tsv")


@cache
def sector_names() -> dict[str, str]:
    """CAMEO role code -> sector name (GOV -> Government)."""
    return {row["role"]: row["sector"] for row in read_table("sectors")}
