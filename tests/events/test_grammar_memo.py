"""The per-document memo of `objects_of` gives what working it out afresh gives, to
each caller its own list, and is dropped with the document's other memos."""

from __future__ import annotations

from thucydides.events.grammar import _objects_of, objects_of
from thucydides.nlp import release
from thucydides.pipeline import Pipeline

TEXT = "Police arrested dozens of protesters and detained two journalists. The talks were held in Cairo."


def test_objects_memo_is_the_plain_reading(pipeline: Pipeline) -> None:
    doc = pipeline.nlp(TEXT)
    grammar = pipeline.coder.grammar
    for token in doc:
        assert [o.i for o in objects_of(token, grammar)] == [o.i for o in _objects_of(token, grammar)]
    arrested = doc[1]
    first = objects_of(arrested, grammar)
    first.clear()  # a caller's list is its own
    assert [o.text for o in objects_of(arrested, grammar)] == ["dozens", "protesters"]
    release(doc)
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("thucydides.")]
