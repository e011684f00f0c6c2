"""Figures: how many people were arrested, detained, charged, killed, injured, displaced
or protesting, and sums of money, attached to the event whose clause holds them.

A number counts for an event when its phrase is an argument of a verb or noun of a kind
("detained 1,879 protesters", "12 people were killed", "killing 12", "the death toll
rose to 12", "12 deaths", "thousands of protesters"; word lists in
`data/enrich/figures.yaml`) and the phrase sits in the event predicate's clause (or a
clause coordinated with it, or inside the event's actors). Years, dates, times, ages,
percentages and ordinals never count: spaCy tags most of them (DATE, TIME, PERCENT,
ORDINAL) and the rest are caught by their context ("aged 17", "in 1999", "5%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import LIKE_NUM, LOWER
from spacy.tokens import Doc, Token

from ..datafiles import load_yaml, read_data
from ..model import Event
from ..model import Figure as FigureRecord
from ..nlp import children_of, conjuncts_of, doc_ents, doc_text
from .numbers import SCALES, UNITS
from .parse import clause_head, event_actors, in_actor, predicate_token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DOER, UNDERGOER = "doer", "undergoer"
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY"})


@dataclass(frozen=True)
class FigureWords:
    verb_kinds: dict[str, str]
    noun_kinds: dict[str, str]
    toll_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    people: frozenset[str]
    vague: dict[str, tuple[int, int]]
    qualifiers: dict[str, str]
    currencies: dict[str, str]
    phrases: dict[tuple[str, str], str]  # (verb, object) -> kind
    doer_kinds: dict[str, str]  # CAMEO code prefix -> kind of a count that does the event
    undergoer_kinds: dict[str, str]  # ... of a count the event is done to
    age_words: frozenset[str]
    rate_words: frozenset[str]


@lru_cache(maxsize=1)
def figure_words() -> FigureWords:
    text = read_data("enrich/figures.yaml")
    data: dict[str, Any] = load_yaml(text)
    verbs = {v: kind for kind, entry in data["kinds"].items() for v in entry.get("verbs", ())}
    nouns = {n: kind for kind, entry in data["kinds"].items() for n in entry.get("nouns", ())}
    return FigureWords(
        verb_kinds=verbs,
        noun_kinds=nouns,
        toll_verbs=frozenset(data["toll_verbs"]),
        toll_nouns=frozenset(data["toll_nouns"]),
        people=frozenset(str(w).lower() for w in data["people"]),
        vague={k: (int(v[0]), int(v[1])) for k, v in data["vague"].items()},
        qualifiers=dict(sorted(data["qualifiers"].items(), key=lambda kv: -len(kv[0]))),
        currencies={str(k).lower(): v for k, v in data["currencies"].items()},
        phrases={(str(verb), str(noun)): kind for kind, pairs in data["phrases"].items() for verb, noun in pairs},
        doer_kinds={str(k): str(v) for k, v in data["doer_kinds"].items()},
        undergoer_kinds={str(k): str(v) for k, v in data["undergoer_kinds"].items()},
        age_words=frozenset(str(w).lower() for w in data["age_words"]),
        rate_words=frozenset(str(w).lower() for w in data["rate_words"]),
    )


# -- reading a number -----------------------------------------------------------------


@dataclass
class Amount:
    value: float | None
    low: float | None = None
    high: float | None = None
    approximate: bool = False


def parse_amount(text: str) -> Amount | None:
    """"1,879", "1.2 million", "twenty-five", "two dozen", "thousands", "tens of thousands"."""
    words = figure_words()
    norm = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if norm in words.vague:
        low, high = words.vague[norm]
        return Amount(None, low, high, approximate=True)
    total, current, seen = 0.0, 0.0, False
    for word in norm.split():
        number = word.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", number):
            current += float(number)
        elif word in UNITS:
            current += UNITS[word] if word != "dozen" else 0
            if word == "dozen":
                current = (current or 1) * 12
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif word == "and":
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return Amount(int(value) if value == int(value) else value)


def _qualify(amount: Amount, qualifier: str | None) -> Amount:
    if qualifier is None or amount.value is None:
        return amount
    value = amount.value
    if qualifier == "min":
        amount.low = value
    elif qualifier == "over":
        amount.low = value + 1 if float(value).is_integer() else value
    elif qualifier == "max":
        amount.high = value
    elif qualifier == "under":
        amount.high = value - 1 if float(value).is_integer() else value
    elif qualifier == "about":
        amount.approximate = True
    return amount


# -- number mentions in a document ----------------------------------------------------


@dataclass
class NumberMention:
    start: int  # character span of the number with its qualifier ("at least 12")
    end: int
    root: Token  # the number's syntactic head
    amount: Amount
    money: str | None = None  # ISO currency of a sum of money


def _qualifier(doc: Doc, start_token: int, text: str) -> tuple[str | None, int]:
    """The qualifier in or just before a number ("at least 12") and the token it starts at."""
    words = figure_words()
    lowered = text.lower()
    for phrase, kind in words.qualifiers.items():
        if lowered.startswith(phrase + " "):
            return kind, start_token
    before = doc[max(0, start_token - 3):start_token]
    tail = " ".join(t.lower_ for t in before)
    for phrase, kind in words.qualifiers.items():
        if tail == phrase or tail.endswith(" " + phrase):
            return kind, start_token - len(phrase.split())
    return None, start_token


def _strip_qualifier(text: str) -> str:
    lowered = text.lower()
    for phrase in figure_words().qualifiers:
        if lowered.startswith(phrase + " "):
            return text[len(phrase) + 1:]
    return text


def number_mentions(doc: Doc) -> list[NumberMention]:
    words = figure_words()
    mentions: list[NumberMention] = []
    covered: set[int] = set()
    for ent in doc_ents(doc):
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in {"CARDINAL", "MONEY"}:
            continue
        qualifier, first = _qualifier(doc, ent.start, ent.text)
        body = _strip_qualifier(ent.text)
        currency = None
        if ent.label_ == "MONEY":
            body, currency = _money_body(body)
            if currency is None:
                continue
        amount = parse_amount(body)
        if amount is None:
            continue
        mentions.append(NumberMention(doc[first].idx, ent.end_char, ent.root, _qualify(amount, qualifier), currency))
    # Numbers and vague quantities spaCy left untagged ("thousands", "dozens"). Read from
    # the attribute arrays: building a Token object per word is the expensive part.
    vague_ids = {doc.vocab.strings.add(w) for w in words.vague}
    # (as Python lists: reading a NumPy array item by item costs more than the list)
    for i, (like_num, lower) in enumerate(doc.to_array([LIKE_NUM, LOWER]).tolist()):
        if i in covered or not (like_num or lower in vague_ids):
            continue
        tok = doc[i]
        if tok.lower_ in {"tens", "hundreds"} and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
                and doc[tok.i + 2].lower_ in {"thousands", "millions"}:
            text, root, end = f"{tok.lower_} of {doc[tok.i + 2].lower_}", tok, doc[tok.i + 2]
            covered.update({tok.i + 1, tok.i + 2})
        else:
            text, root, end = tok.text, tok, tok
        amount = parse_amount(text)
        if amount is None:
            continue
        qualifier, first = _qualifier(doc, tok.i, text)
        mentions.append(NumberMention(doc[first].idx, end.idx + len(end.text), root, _qualify(amount, qualifier)))
    return [m for m in mentions if not _not_a_count(m)]


def _money_body(text: str) -> tuple[str, str | None]:
    currencies = figure_words().currencies
    lowered = text.lower().strip()
    for symbol in sorted(currencies, key=len, reverse=True):
        if not symbol.isalpha() and lowered.startswith(symbol):
            return text.strip()[len(symbol):].strip(), currencies[symbol]
    parts = lowered.split()
    if parts and parts[-1] in currencies:
        return " ".join(text.split()[:-1]), currencies[parts[-1]]
    return text, None


def _not_a_count(mention: NumberMention) -> bool:
    """Ages, years, percentages and clock times that escaped spaCy's entity tags."""
    root = mention.root
    if mention.money:
        return False
    doc = root.doc
    prev = doc[root.i - 1].lower_ if root.i > 0 else ""
    nxt = doc[root.i + 1].lower_ if root.i + 1 < len(doc) else ""
    words = figure_words()
    if prev in words.age_words or root.head.lower_ in words.age_words or nxt in words.rate_words:
        return True
    if root.ent_type_ in NOT_COUNT_LABELS:
        return True
    value = mention.amount.value
    # A bare four-digit number between 1800 and 2100 without a thousands comma is a year.
    return value is not None and re.fullmatch(r"(1[89]|20)\d\d", root.text) is not None


# -- attaching to events --------------------------------------------------------------


@dataclass
class Figure:
    kind: str | None  # None: a count of people whose kind the event's code gives (`role`)
    mention: NumberMention
    end: int  # end of the counted phrase ("1,879 protesters")
    anchor: Token  # the word the count belongs to (its verb, or the number itself)
    role: str | None = None  # for a kindless count: DOER or UNDERGOER of its verb

    def to_dict(self, doc: Doc) -> dict[str, Any]:
        amount = self.mention.amount
        out: dict[str, Any] = {
            "kind": self.kind,
            "value": amount.value,
            "text": doc_text(doc)[self.mention.start:self.end],
            "start": self.mention.start,
            "end": self.end,
        }
        if amount.low is not None:
            out["min"] = amount.low
        if amount.high is not None:
            out["max"] = amount.high
        if amount.approximate:
            out["approximate"] = True
        if self.mention.money:
            out["currency"] = self.mention.money
        return out


def _counted(root: Token) -> tuple[Token | None, Token]:
    """(the counted noun, the token that fills the argument slot) of a number."""
    if root.dep_ in {"nummod", "quantmod", "amod", "compound"} and root.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return root.head, root.head
    for child in children_of(root):  # "thousands of protesters", "12 of them"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in children_of(child):
                if obj.dep_ == "pobj":
                    return obj, root
    return None, root


def _kind_of_phrase(arg: Token, noun: Token | None) -> tuple[str | None, Token | None]:
    """The kind of a verb + object phrase about the count: "260 facing charges" (the
    count the verb's subject, or, as spaCy often parses it, the object's number)."""
    phrases = figure_words().phrases
    verb = arg.head if arg.dep_ in SUBJECT_DEPS else None
    if verb is not None:
        for obj in children_of(verb):
            if obj.dep_ in {"dobj", "attr"} and (verb.lemma_.lower(), obj.lemma_.lower()) in phrases:
                return phrases[(verb.lemma_.lower(), obj.lemma_.lower())], verb
    if noun is not None:
        for mod in children_of(noun):
            if mod.dep_ in {"amod", "acl"} and (mod.lemma_.lower(), noun.lemma_.lower()) in phrases:
                return phrases[(mod.lemma_.lower(), noun.lemma_.lower())], mod
    return None, None


def _kind_of_governor(arg: Token) -> tuple[str | None, Token | None]:
    """The kind given by the verb or noun that takes `arg` as an argument."""
    words = figure_words()
    current = arg
    while current.dep_ == "conj":  # "killed nine civilians and 24 others"
        current = current.head
    head = current.head
    if current.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
        head = head.head
    if head is current:
        return None, None
    lemma = head.lemma_.lower()
    if lemma in words.verb_kinds and head.pos_ in {"VERB", "AUX", "ADJ"}:
        return words.verb_kinds[lemma], head
    if lemma in words.noun_kinds:
        return words.noun_kinds[lemma], head
    if lemma in words.toll_verbs:  # "the death toll rose to 12"
        for subj in children_of(head):
            if subj.dep_ == "nsubj" and subj.lemma_.lower() in words.toll_nouns:
                for mod in children_of(subj):
                    kind = words.noun_kinds.get(mod.lemma_.lower())
                    if kind:
                        return kind, head
    return None, None


def _figure(mention: NumberMention) -> Figure | None:
    words = figure_words()
    noun, arg = _counted(mention.root)
    end = max(mention.end, noun.idx + len(noun.text)) if noun is not None and noun.i > mention.root.i else mention.end
    if mention.money:
        return Figure("money", mention, mention.end, arg)
    kind, governor = _kind_of_phrase(arg, noun)
    if kind is not None:
        return Figure(kind, mention, end, governor or arg)
    kind, governor = _kind_of_governor(arg)
    if kind is None and noun is not None:
        # "12 people killed": a participle on the counted noun.
        for child in children_of(noun):
            if child.dep_ in {"acl", "amod", "relcl", "conj"} and child.lemma_.lower() in words.verb_kinds:
                kind, governor = words.verb_kinds[child.lemma_.lower()], child
                break
    noun_lemma = noun.lemma_.lower() if noun is not None else None
    if kind is None and noun_lemma in words.noun_kinds:
        return Figure(words.noun_kinds[noun_lemma], mention, end, noun)  # type: ignore[arg-type]
    people = noun is None or noun_lemma in words.people or noun.lower_ in words.people \
        or noun.ent_type_ in {"NORP", "PERSON"} or noun_lemma in words.noun_kinds
    if not people:
        return None  # "destroyed 12 houses", "killed 300 cattle"
    if kind is None:
        return _kindless(mention, end, arg)
    return Figure(kind, mention, end, governor or arg)


def _kindless(mention: NumberMention, end: int, arg: Token) -> Figure | None:
    """A count of people that is its verb's subject or object: the event gives its kind."""
    if arg.dep_ in SUBJECT_DEPS - {"nsubjpass"}:
        return Figure(None, mention, end, arg.head, role=DOER)
    if arg.dep_ in {"dobj", "nsubjpass"}:
        return Figure(None, mention, end, arg.head, role=UNDERGOER)
    return None


def _kind_for_event(figure: Figure, code: str) -> str | None:
    """The kind of a kindless count by the event's code (longest prefix of the table)."""
    words = figure_words()
    table = words.doer_kinds if figure.role == DOER else words.undergoer_kinds
    for length in range(len(code), 0, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


class FigureAttacher:
    """Per document: find every count once, then hand each event the counts in its clause."""

    def __init__(self, doc: Doc) -> None:
        self.figures = [f for f in (_figure(m) for m in number_mentions(doc)) if f is not None]
        self._clauses = [clause_head(f.anchor) for f in self.figures]

    def attach(self, event: Event, doc: Doc) -> None:
        if not self.figures:
            return
        predicate = predicate_token(doc, event)
        if predicate is None:
            return
        own = clause_head(predicate)
        # Coordinated clauses and participial adjuncts report one incident: "9 were killed
        # and 24 others wounded", "attacked the village, killing 12".
        related = {own.i} | {c.i for c in conjuncts_of(own)} | {c.i for c in children_of(own) if c.dep_ == "advcl"}
        actors = event_actors(event)
        found: list[FigureRecord] = []
        for figure, head in zip(self.figures, self._clauses):
            if figure.kind is None:
                # Only the event's own verb's subject or object: "thousands took to the streets".
                kind = _kind_for_event(figure, event.code) if figure.anchor.i == predicate.i else None
                if kind is not None:
                    found.append(FigureRecord(**{**figure.to_dict(doc), "kind": kind}))
            elif head.i in related or in_actor(figure.mention.start, figure.mention.end, actors):
                found.append(FigureRecord(**figure.to_dict(doc)))
        if found:
            event.figures = found
