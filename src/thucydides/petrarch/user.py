"""A user's PETRARCH dictionaries, read and converted for the pipeline
(`--dictionaries DIR`, `dictionaries = [...]` in thucydides.toml)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..compiled import load_compiled
from ..datafiles import data_path
from ..ontology import Ontology
from .convert import Converted, LemmaCheck, convert
from .folder import load_dictionaries
from .reading import Issue

LAYER = "dictionary"  # rule ids of their patterns read "dictionary/attack.1234.v"


def load_user_dictionaries(paths: Iterable[str], ontology: Ontology, lemma_of: LemmaCheck | None = None,
                           known_countries: frozenset[str] = frozenset()) -> Converted:
    """Every folder (or file) converted into one set of lexicon items and actor layers;
    the problems of reading and converting them, FILE:LINE, in `issues` (the lines
    they name are skipped, the rest is used). Converted once per set of files and
    kept compiled (see `compiled.py`)."""
    paths = list(paths)
    if not paths:
        return Converted()
    sources = [*map(Path, paths), *([data_path("actors")] if known_countries else [])]
    return load_compiled("dictionaries", sources, lambda: _convert_all(paths, ontology, lemma_of, known_countries))


def _convert_all(paths: list[str], ontology: Ontology, lemma_of: LemmaCheck | None,
                 known_countries: frozenset[str]) -> Converted:
    merged = Converted()
    for path in paths:
        found = load_dictionaries(path)
        converted = convert(found, LAYER, ontology, lemma_of, known_countries)
        merged.lexicon.extend(converted.lexicon)
        merged.actors.update({f"{path}/{name}": layer for name, layer in converted.actors.items()})
        merged.issues.extend([*found.issues, *converted.issues])
    return merged


__all__ = ["Issue", "LAYER", "load_user_dictionaries"]
