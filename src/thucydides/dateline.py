"""The dateline at the head of a wire story: "ISTANBUL, March 23 (Reuters) - ".

It says where the story was filed (a fallback place for its events) and is no part
of the first sentence's grammar: the parser often makes "KYIV" a subject alongside
the real one, so no actor is taken from it, and the pipeline component below makes
it a sentence of its own before the parser runs ("KYIV, May 22 (Reuters) - Russia and
Ukraine each handed over ..." was parsed with "KYIV" as the subject and "Russia and
Ukraine" an apposition of "Reuters").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import doc_text

# An upper-case place at the very start of the article, before a comma, a parenthesis or a dash.
PLACE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'’-]{1,40}?[A-Z])(?=\s*(?:,|\(|[-–—]{1,2}\s))")
# The whole dateline: the place, an optional ", date or region" and "(Agency)", then the dash.
WHOLE = re.compile(PLACE.pattern + r"(?:,[^\n()–—]{0,60}?)?\s*(?:\([^()\n]{0,60}\))?\s*(?:--?|–|—)\s")


def dateline_end(text: str) -> int:
    """Where the article's dateline ends (0 when it has none)."""
    m = WHOLE.match(text[:160])
    return m.end() if m else 0


_END_KEY = "thucydides.dateline_end"


def doc_dateline_end(doc: Doc) -> int:
    """`dateline_end` of a parsed document, computed once per Doc (the coder asks
    for it for every argument slot)."""
    end = doc.user_data.get(_END_KEY)
    if end is None:
        end = doc.user_data[_END_KEY] = dateline_end(doc_text(doc))
    return end


DATELINE_COMPONENT = "thucydides_dateline"
_HEAD_TOKENS = 60  # a dateline is shorter than this (WHOLE reads 160 characters)


@Language.component(DATELINE_COMPONENT)
def dateline_sentence(doc: Doc) -> Doc:
    """Start a sentence after the dateline (run before the parser, which keeps a
    sentence start set before it)."""
    end = dateline_end(doc[:_HEAD_TOKENS].text)
    if end:
        first = next((t for t in doc if t.idx >= end), None)
        if first is not None:
            first.is_sent_start = True
    return doc
