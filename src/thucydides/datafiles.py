"""Reading the package's data files (lexicon, grammar words, dictionaries, ontology, gazetteer)."""

from __future__ import annotations

import csv
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# libyaml's parser, when PyYAML was built with it (the wheels are): the pure-Python one
# is about ten times slower. Same YAML 1.1 resolution and constructors either way.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(relative: str) -> Traversable:
    """A bundled file or folder under `thucydides/data/`, e.g. `data_path("lexicon")`."""
    return resources.files("thucydides").joinpath("data", relative)


def read_data(relative: str) -> str:
    return data_path(relative).read_text("utf-8")


def read_tsv(relative: str) -> tuple[dict[str, str], ...]:
    """The rows of a bundled tab-separated table (a header row, `#` comment lines), each a
    dict by the header's column names; fields are never quoted."""
    lines = [line for line in read_data(relative).splitlines() if line and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_yaml(text: str, loader: type[yaml.SafeLoader] = SafeLoader) -> Any:
    """Parse YAML with the safe loader (C when available); raises yaml.YAMLError."""
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, never the full one
