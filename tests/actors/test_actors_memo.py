"""The resolver's look-up shortcuts give what the plain reads would: the per-document
token table (`_DocTokens`), the children table (`children_of`), the dictionary's key
prefixes and the name scan cut short past a phrase."""

from __future__ import annotations

from thucydides.actors.grammar import default_actor_grammar
from thucydides.actors.resolver import _DocTokens
from thucydides.nlp import children_of, conjuncts_of, doc_text, labelled_children, noun_chunks, pos_of, token_table

ARTICLES = default_actor_grammar().articles

TEXT = (
    "The United Nations Security Council met on Monday. Russia vetoed the draft. "
    "Doctors Without Borders said its staff in Gaza were safe. The Kremlin said nothing."
)


def test_sentence_bounds_are_token_sent(nlp) -> None:
    doc = nlp(TEXT)
    table = _DocTokens.of(doc, ARTICLES)
    for token in doc:
        assert table.sentence(token.i) == (token.sent.start, token.sent.end)


def test_sentence_bounds_without_a_parse(nlp) -> None:
    doc = nlp.make_doc("No parser ran on these words")
    assert _DocTokens.of(doc, ARTICLES).sentence(3) == (0, len(doc))


def test_token_table_reads_the_token(nlp) -> None:
    doc = nlp(TEXT)
    table = _DocTokens.of(doc, ARTICLES)
    assert _DocTokens.of(doc, ARTICLES) is table  # one per document
    for token in doc:
        full = table.full(token.i)
        assert (full.index, full.text, full.start, full.end) == (token.i, token.text, token.idx, token.idx + len(token))
        assert (full.parent, full.ent, full.is_punct) == (token.head.i, token.ent_type_, token.is_punct)
        assert doc_text(doc)[full.start : full.end] == token.text
        plain = table.plain(token.i)
        assert (plain.words, plain.ent, plain.noun) == (full.words, "", None)


def test_children_table_is_token_children(nlp) -> None:
    doc = nlp(TEXT)
    for token in doc:
        assert [c.i for c in children_of(token)] == [c.i for c in token.children]
    unparsed = nlp.make_doc("No parser ran on these words")
    assert all(children_of(token) == () for token in unparsed)


def test_labelled_children_are_children_with_their_labels(nlp) -> None:
    doc = nlp(TEXT)
    for token in doc:
        assert [(dep, c.i) for dep, c in labelled_children(token)] == [(c.dep_, c.i) for c in token.children]


def test_token_table_reads_the_parse(nlp) -> None:
    doc = nlp(TEXT)
    table = token_table(doc)
    assert token_table(doc) is table  # one per document
    for token in doc:
        assert (table.tokens[token.i].i, table.deps[token.i], table.heads[token.i]) == (token.i, token.dep_, token.head.i)
        assert pos_of(token) == table.pos[token.i] == token.pos_


def test_conjuncts_are_spacy_conjuncts(nlp) -> None:
    doc = nlp("France, Germany and Italy met Spain and Portugal. Police arrested, charged and jailed him.")
    for token in doc:
        assert [c.i for c in conjuncts_of(token)] == [c.i for c in token.conjuncts]


def test_noun_chunks_are_spacy_noun_chunks(nlp) -> None:
    doc = nlp(TEXT + " Police and soldiers, the army's men, met him and the French and British envoys.")
    assert [(c.start, c.end, c.label_) for c in noun_chunks(doc)] == [
        (c.start, c.end, c.label_) for c in doc.noun_chunks]


def test_document_text_is_spacy_text(nlp) -> None:
    for text in (TEXT, "", "  two  spaces\n\nand lines  "):
        doc = nlp(text)
        assert doc_text(doc) == doc.text == text


def test_name_scan_cut_short_finds_the_same_names(nlp, resolver) -> None:
    doc = nlp(TEXT)
    table = _DocTokens.of(doc, ARTICLES)
    toks = [table.plain(i) for i in range(len(doc))]
    every = [(m.toks[0].index, m.toks[-1].index) for m in resolver._names_in(toks)]
    for last in range(len(doc)):
        cut = [(m.toks[0].index, m.toks[-1].index) for m in resolver._names_in(toks, last_start=last)]
        assert cut == [span for span in every if span[0] <= last]


def test_tables_belong_to_their_document(nlp) -> None:
    first, second = nlp("Russia vetoed the draft."), nlp("China vetoed the draft.")
    assert _DocTokens.of(first, ARTICLES).full(0).text == "Russia"
    assert _DocTokens.of(second, ARTICLES).full(0).text == "China"


def test_phrase_templates_are_not_shared_between_phrases(nlp, resolver) -> None:
    doc = nlp("Turkish police detained dozens of protesters in Istanbul on Monday.")
    police, protesters = doc[1], doc[5]
    first = resolver.resolve_phrase(police)
    resolver.resolve_phrase(protesters)
    again = resolver.resolve_phrase(police)
    assert first is not None and again is not None
    assert (first.actor.code, first.actor.text) == (again.actor.code, again.actor.text) == ("TURCOP", "Turkish police")
    assert _DocTokens.of(doc, ARTICLES).full(1).depth == 0  # templates keep their defaults


def test_longest_name_still_wins_over_its_prefixes(code_of) -> None:
    # "United Nations" and "United Nations Security Council" are both keys; the
    # scan stops only once no key starts with the words read so far.
    assert code_of("The United Nations Security Council condemned the attack.", "Council") == "IGOUNO"
    assert code_of("The United Nations condemned the attack.", "Nations") == "IGOUNO"


def test_key_prefixes(resolver) -> None:
    d = resolver.dictionary
    assert d.leads_to_key(("united",)) and d.leads_to_key(("united", "nations"))
    assert not d.leads_to_key(("condemned",))
    assert all(d.leads_to_key(key) for key in list(d._entities)[:200])


def test_offsets_slice_the_document_text(nlp, resolver) -> None:
    doc = nlp("Officials said the Revolutionary United Front (RUF) attacked Freetown.")
    front = next(t for t in doc if t.text == "Front")
    found = resolver.resolve_phrase(front)
    assert found is not None
    actor = found.actor
    assert doc_text(doc)[actor.start : actor.end] == actor.text
    assert actor.text.endswith("(RUF)")
