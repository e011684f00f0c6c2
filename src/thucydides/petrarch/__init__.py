"""PETRARCH-format dictionaries: reading them, and turning them into the package's
own lexicon entries and actor layers.

    from thucydides.petrarch import load_dictionaries
    found = load_dictionaries("petrarch2-dictionaries/")   # verbs, actors, agents, discards
    found.errors                                            # FILE:LINE problems

The format is PETRARCH's own (`dictionaries.rst` of the PETRARCH-2 distribution);
each module documents the part it reads.
"""

from __future__ import annotations

from .folder import Dictionaries, kind_of, load_dictionaries
from .reading import ERROR, WARNING, Issue

__all__ = ["ERROR", "WARNING", "Dictionaries", "Issue", "kind_of", "load_dictionaries"]
