"""The dateline at the head of a wire story: "ISTANBUL, March 23 (Reuters) - ".

It says where the story was filed (a fallback place for its events) and is no part
of the first sentence's grammar: the parser often makes "KYIV" a subject alongside
the real one, so no actor is taken from it.
"""

from __future__ import annotations

import re

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
