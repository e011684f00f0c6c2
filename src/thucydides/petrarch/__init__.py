"""PETRARCH-format dictionaries: reading them, and turning them into the package's
own lexicon entries and actor layers.

    from thucydides.petrarch import load_dictionaries
    found = load_dictionaries("petrarch2-dictionaries/")   # verbs, actors, agents, discards
    found.errors                                            # FILE:LINE problems

The format is PETRARCH's own (`dictionaries.rst` of the PETRARCH-2 distribution);
each module documents the part it reads.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Imported on first use: the lexicon needs only `patterns`, and a run without
# --dictionaries never reads a dictionary file.
_EXPORTS = {"ERROR": "reading", "WARNING": "reading", "Issue": "reading", "Dictionaries": "folder",
            "kind_of": "folder", "load_dictionaries": "folder"}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)


__all__ = list(_EXPORTS)  # noqa: PLE0605 - the lazily imported names
