"""Reading the package's data files (lexicon, grammar words, dictionaries, ontology, gazetteer)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def data_path(relative: str) -> Traversable:
    """A bundled file or folder under `thucydides/data/`, e.g. `data_path("lexicon")`."""
    return resources.files("thucydides").joinpath("data", relative)


def read_data(relative: str) -> str:
    return data_path(relative).read_text("utf-8")
