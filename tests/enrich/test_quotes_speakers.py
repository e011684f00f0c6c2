"""Direct quotes, their speakers, and the events they carry."""

from __future__ import annotations

import pytest

from thucydides.actors import ActorResolver
from thucydides.enrich.quotes import attach_quotes, extract_quotes


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


def test_quote_then_speaker(nlp, resolver) -> None:
    text = '"We will respond," the Turkish minister said.'
    doc = nlp(text)
    [quote] = extract_quotes(doc, resolver)
    assert quote.text == "We will respond,"
    assert text[quote.start:quote.end] == quote.text
    assert quote.speaker is not None and quote.speaker["text"].endswith("minister")
    assert quote.speaker["code"].startswith("TUR")


def test_speaker_then_quote(nlp, resolver) -> None:
    doc = nlp('Turkish President Erdogan said: "The protests will not be tolerated."')
    [quote] = extract_quotes(doc, resolver)
    assert quote.text == "The protests will not be tolerated."
    assert quote.speaker is not None and "Erdogan" in quote.speaker["text"]


def test_curly_quotes_and_pronoun(nlp, resolver) -> None:
    doc = nlp("Turkish police arrested the mayor on Sunday. “This is a coup,” he said.")
    [quote] = extract_quotes(doc, resolver)
    assert quote.text == "This is a coup,"
    # "he" goes back to the nearest preceding subject that names someone.
    assert quote.speaker is not None and quote.speaker["text"] == "Turkish police"


def test_quote_without_speaker(nlp, resolver) -> None:
    doc = nlp('The banner read "No to war, no to occupation" in red letters.')
    [quote] = extract_quotes(doc, resolver)
    assert quote.speaker is None


def test_scare_quotes_are_not_quotes(nlp, resolver) -> None:
    assert extract_quotes(nlp('Officials called them "terrorists".'), resolver) == []


def test_events_carry_their_quote(nlp, resolver, make_event) -> None:
    text = '"Police arrested 12 people," the minister said.'
    doc = nlp(text)
    quotes = extract_quotes(doc, resolver)
    inside = make_event(doc, "arrested", code="173")
    statement = make_event(doc, "said", code="010")
    outside_doc = nlp("Police arrested the mayor.")
    attach_quotes([inside, statement], quotes, doc)
    assert inside.quote is not None and inside.quote.text == "Police arrested 12 people,"
    assert statement.quote == inside.quote
    assert inside.quote.speaker.text.endswith("minister")
    lone = make_event(outside_doc, "arrested", code="173")
    attach_quotes([lone], extract_quotes(outside_doc, resolver), outside_doc)
    assert lone.quote is None
