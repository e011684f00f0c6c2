"""Number words ("nine", "dozen", "million"): the one table (`data/enrich/numbers.yaml`)
that figures and dates read."""

from __future__ import annotations

from ..datafiles import load_yaml, read_data

_DATA = load_yaml(read_data("enrich/numbers.yaml"))
UNITS: dict[str, int] = {str(k): int(v) for k, v in _DATA["units"].items()}
SCALES: dict[str, int] = {str(k): int(v) for k, v in _DATA["scales"].items()}
