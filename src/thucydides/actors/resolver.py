"""Resolve an argument noun phrase to a CAMEO actor code.

`ActorResolver.resolve(token)` takes the syntactic head of an argument (the nsubj or
dobj of an event verb, say) and reads the noun phrase around it:

1. The phrase: the head and its modifiers -- determiners, compounds, adjectives
   (demonyms: "Turkish police"), possessives ("Istanbul's mayor"), appositions and titles
   ("U.S. Secretary of State Marco Rubio"), and prepositional phrases with of / in / from /
   at / for ("the president of France", "rebels in the Ivory Coast"). Relative clauses,
   conjuncts and other prepositions are left out. Quantities and containers are
   transparent: in "thousands of Iraqi Kurds" or "the city of Basra" the of-object is the
   effective head.
2. Dictionary matches over the phrase's words, longest first, left to right: country
   names, demonyms, capitals, metonyms ("the Kremlin"), regions, IGOs, named groups, and
   role nouns (by surface form or lemma). Places that spaCy tags GPE/LOC and the
   dictionary does not know go through the gazetteer (`places.py`, `country_of_place`).
3. The combination. The actor is the organisation or country closest to the effective
   head in the dependency tree (ties: organisation > country name > metonym > capital >
   demonym > place), the role the closest role noun: strong nouns ("troops") before a
   metonym's role (the Pentagon: MIL) before weak ones ("officials") before context
   nouns ("leader": GOV with a country). A country reached only through a preposition
   counts only when the phrase names someone ("the president of France", not "talks in
   Geneva"). "former"/"ex-" turns GOV, MIL, LEG, JUD and COP into ELI.

The code is country + role ("TURCOP"), an organisation's code (with the phrase's role
appended when the organisation's code carries none: "IGOUNOMIL"), or the role alone when
no country is known ("CVL"; the pipeline fills the country from context). A phrase with
neither a country nor an organisation nor a role is no actor: `resolve` returns None.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from ..model import Actor, trusted, trusted_replace
from ..nlp import children_of, conjuncts_of, doc_text, labelled_children, names_a_person, sentence_of, token_table
from ..places import LARGE_CITY, default_gazetteer
from .dictionary import (
    BLOCK,
    CAPITAL,
    CONTEXT,
    COUNTRY,
    DEMONYM,
    GROUP,
    IGO,
    METONYM,
    PERSON,
    PLACE,
    ROLE,
    STRONG,
    WEAK,
    ActorDictionary,
    Payload,
    RoleTerm,
)
from ..dateline import doc_dateline_end
from .coref import memory_for
from .grammar import ActorGrammar, default_actor_grammar
from .people import Person
from ..names import alias_key, words
from .normalize import case_ok

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SKIP_DEPS = frozenset(
    {
        "relcl", "acl", "conj", "cc", "preconj", "advcl", "parataxis", "ccomp", "xcomp", "mark",
        "aux", "auxpass", "nsubj", "nsubjpass", "csubj", "csubjpass", "dobj", "iobj", "dative",
        "agent", "attr", "acomp", "oprd", "pcomp", "neg", "advmod", "dep", "expl", "prt", "meta",
    }
)
NOUN_POS = frozenset({"NOUN", "PROPN", "X"})
# Entities of a phrase that can be places of a country (the gazetteer's): not facilities.
REGION_LABELS = frozenset({"GPE", "LOC"})
ELI_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
_KIND_RANK = {PERSON: 0, GROUP: 0, IGO: 0, COUNTRY: 1, METONYM: 2, CAPITAL: 3, DEMONYM: 4, PLACE: 5, "gazetteer": 6}
# Ties between role nouns at the same distance from the head go to the first here.
_ROLE_PRECEDENCE = {r: i for i, r in enumerate(
    "GOV MIL COP JUD LEG REB UAF OPP SPY PTY NGO IGO MED REL BUS EDU LAB HLH AGR CRM REF CVL ELI".split()
)}


@dataclass(eq=False)  # identity: a phrase holds one _Tok per token, and field-wise == was a hot spot
class _Tok:
    """One token of a phrase, as the matcher needs it (built from spaCy or plain text)."""

    index: int  # position in the document (or in the text's token list)
    text: str
    words: tuple[str, ...]
    lemma_words: tuple[str, ...]
    start: int
    end: int
    depth: int = 0  # tree distance from the effective head
    via_prep: bool = False  # reached from the effective head through a preposition
    noun: bool | None = None  # POS is a noun; None when unknown (plain text)
    ent: str = ""  # spaCy entity label
    ent_span: tuple[int, int] = (-1, -1)  # the entity's token range [start, end)
    parent: int = -1  # index of the syntactic head
    is_det: bool = False
    is_punct: bool = False
    plural: bool = False  # a plural noun (NNS, NNPS)
    possessive: bool = False  # "Moscow's plan": a possessor is a party, not a venue

    def clone(self) -> _Tok:
        """A copy (copy.copy goes through pickling hooks, several times slower)."""
        new = _Tok.__new__(_Tok)
        new.__dict__.update(self.__dict__)
        return new


_TOKENS_KEY = "thucydides.actor_tokens"


class _DocTokens:
    """What the resolver reads from one document's spaCy tokens, read once per token.

    spaCy makes a new Token object and looks up strings on every attribute access,
    and the ~20 argument phrases of an article, their name windows and the
    coreference scan visit the same tokens again and again. Lives on the Doc
    (`doc.user_data`), so it goes when the document goes.
    """

    def __init__(self, doc: Doc, articles: frozenset[str]) -> None:
        self.doc = doc
        self._parse = token_table(doc)  # its Token objects, labels and heads
        self._articles = articles  # determiners a phrase's text starts after
        self._full: dict[int, _Tok] = {}
        self._plain: dict[int, _Tok] = {}

    @staticmethod
    def of(doc: Doc, articles: frozenset[str]) -> _DocTokens:
        table = doc.user_data.get(_TOKENS_KEY)
        if table is None:
            table = doc.user_data[_TOKENS_KEY] = _DocTokens(doc, articles)
        return table

    def full(self, i: int) -> _Tok:
        """Token `i` with every field of a phrase token but depth and via_prep (a
        template: copy it before setting those)."""
        tok = self._full.get(i)
        if tok is None:
            t = self._parse.tokens[i]
            tag, dep = t.tag_, self._parse.deps[i]
            tok = self._full[i] = self._plain_tok(t)
            tok.noun = self._parse.pos[i] in NOUN_POS
            tok.ent = t.ent_type_
            tok.ent_span = _ent_bounds(t, self._parse.tokens) if tok.ent else (-1, -1)
            tok.parent = self._parse.heads[i]
            tok.is_det = dep in ("det", "predet") and t.lower_ in self._articles
            tok.plural = tag in ("NNS", "NNPS")
            tok.possessive = dep == "poss"
        return tok

    def plain(self, i: int) -> _Tok:
        """Token `i` as a name window sees it: words and offsets only (no POS, no
        entity), so any dictionary name in the window counts. Not to be mutated."""
        tok = self._plain.get(i)
        if tok is None:
            tok = self._plain[i] = self._plain_tok(self._parse.tokens[i])
        return tok

    @staticmethod
    def _plain_tok(t: Token) -> _Tok:
        text = t.text
        no_words = t.tag_ == "POS"  # the possessive "'s" is no word of a name
        return _Tok(
            index=t.i, text=text, words=() if no_words else words(text),
            lemma_words=() if no_words else words(t.lemma_), start=t.idx, end=t.idx + len(text),
            is_punct=t.is_punct,
        )

    def sentence(self, i: int) -> tuple[int, int]:
        """The token range [start, end) of token `i`'s sentence; the whole document
        when it has no sentence boundaries."""
        try:
            span = sentence_of(self.doc, i)[1]
        except ValueError:  # no parser or senter
            return 0, len(self.doc)
        return span.start, span.end


@dataclass
class _Match:
    toks: list[_Tok]
    entity: Payload | None
    role: RoleTerm | None

    @property
    def anchor(self) -> _Tok:
        return min(self.toks, key=lambda t: (t.depth, -t.index))

    @property
    def role_name(self) -> str | None:
        """The role the matched term gives (None for a context term or no term)."""
        return self.role.role if self.role is not None else None

    @property
    def last(self) -> int:
        return self.toks[-1].index


@dataclass
class _Candidate:
    kind: str
    depth: int
    index: int
    country: str | None = None
    org: str | None = None
    role: str | None = None  # metonym role, capital GOV (only at the head)
    head_demonym: bool = False
    person: Person | None = None

    def sort_key(self) -> tuple[int, int, int, int]:
        return (int(self.head_demonym), self.depth, _KIND_RANK.get(self.kind, 9), self.index)


@dataclass(frozen=True)
class Found:
    """A resolved phrase with what coreference needs to know about it."""

    actor: Actor
    kind: str  # PERSON, IGO, GROUP, COUNTRY (any other country-bearing phrase) or ROLE
    org: str | None = None  # organisation id
    plural: bool = False  # the head is a plural noun ("protesters", "Afghans")
    titles: frozenset[str] = frozenset()  # a person's title words (KB offices, phrase role nouns)
    gender: str | None = None  # a known person's ("f"/"m"), for "she"/"he"


@dataclass
class _Phrase:
    """A phrase being resolved: its tokens, its head and its dictionary matches."""

    toks: list[_Tok]
    content: list[_Tok]  # the tokens that are no punctuation
    head: _Tok
    matches: list[_Match]
    # Read for every phrase, so worked out at once (a cached_property costs more).
    role_matches: list[_Match] = field(init=False)
    strong: list[_Match] = field(init=False)  # strong role nouns ("troops"), closest to the head first
    weak: list[_Match] = field(init=False)  # weak role nouns ("officials"), closest to the head first

    def __post_init__(self) -> None:
        self.role_matches = [m for m in self.matches if m.role is not None]
        self.strong = self._roles(STRONG)  # ordered by `_role_key`
        self.weak = self._roles(WEAK)

    def _roles(self, strength: str) -> list[_Match]:
        return sorted((m for m in self.role_matches if m.role and m.role.strength == strength), key=_role_key)

    @cached_property
    def names_someone(self) -> bool:
        """A role noun, a person or a name at the head: a country reached through a
        preposition counts ("the president *of France*", not "talks *in Geneva*")."""
        head = self.head
        head_named = any(head in m.toks for m in self.matches if m.entity and m.entity.kind != BLOCK)
        return bool(self.role_matches) or head.ent == "PERSON" or head_named

    @cached_property
    def titles(self) -> frozenset[str]:
        """The words of its role nouns (a person's titles, for coreference)."""
        return frozenset(w for m in self.role_matches for t in m.toks for w in t.words)


@dataclass
class _Coded:
    """The code a phrase's candidate and role make, with what the actor carries."""

    code: str
    kind: str  # as `Found.kind`
    country: str | None = None
    role: str | None = None
    name: str | None = None
    wikidata: str | None = None
    titles: frozenset[str] = frozenset()  # a known person's title words for the office held


# Dependents of a head noun that may be coordinated country adjectives.
COUNTRY_MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
NAME_MEMO_SIZE = 50_000  # names remembered per resolver before the memo starts afresh
K = TypeVar("K")


def _remembered(memo: dict[K, str | None], key: K, compute: Callable[[], str | None]) -> str | None:
    """`compute()`, remembered under `key` in a memo that starts afresh when full."""
    if key not in memo:
        if len(memo) >= NAME_MEMO_SIZE:
            memo.clear()
        memo[key] = compute()
    return memo[key]


class ActorResolver:
    """Resolve spaCy argument heads (or plain strings) to `Actor`s with CAMEO codes."""

    def __init__(self, dictionary: ActorDictionary | None = None, grammar: ActorGrammar | None = None) -> None:
        self.dictionary = dictionary or ActorDictionary.load()
        self.grammar = grammar or default_actor_grammar()
        # Countries of names, which recur across a stream of articles ("Turkey", "the
        # Kremlin"): the same answer each time, so each is worked out once (bounded).
        self._text_countries: dict[tuple[str, str | None], str | None] = {}
        self._place_countries: dict[str, str | None] = {}

    # --- public API ---------------------------------------------------------------------

    def resolve(self, token: Token, date: str | None = None) -> Actor | None:
        """The actor named by the noun phrase headed by `token`, or None. Pronouns,
        definite descriptions ("the alliance") and bare surnames resolve to their
        antecedent in the document (see `coref.py`), keeping their own text and offsets."""
        return memory_for(self, token.doc, date).resolve(token)

    def resolve_many(self, token: Token, date: str | None = None) -> list[Actor]:
        """Like `resolve`, but a plural anaphor ("the two countries", "they" after
        "Russia and China") gives every actor it stands for."""
        return memory_for(self, token.doc, date).resolve_many(token)

    def resolve_phrase(self, token: Token, date: str | None = None) -> Found | None:
        """The phrase headed by `token` on its own, without coreference."""
        if token.is_punct or token.is_space:
            return None
        phrase, eff_head = self._phrase(token)
        toks = self._spacy_toks(phrase, eff_head)
        content = [t for t in toks if not t.is_punct]
        if not content:
            return None
        text = doc_text(token.doc)  # read once per document: offsets slice it
        doc = token.doc
        ents = [e for e in self._place_entities(toks, text) if not names_a_person(doc[e[1][0]: e[1][-1] + 1])]
        return self._resolve_toks(toks, ents, date, lambda start, end: text[start:end])

    def coordinated_countries(self, token: Token, found: Found) -> list[Actor]:
        """One actor per country of coordinated modifiers ("French and Egyptian warships",
        "US and British forces", "the leaders of Congo and Rwanda"); empty when the phrase
        names fewer than two countries."""
        actor = found.actor
        if found.kind != COUNTRY or actor.country is None:
            return []
        countries: list[str] = []
        mods = [c for c in children_of(token) if c.dep_ in COUNTRY_MODIFIER_DEPS and c.i < token.i]
        # "the leaders *of Congo and Rwanda*"
        mods += [o for p in children_of(token) if p.dep_ == "prep" and p.lower_ == "of"
                 for o in children_of(p) if o.dep_ == "pobj"]
        for mod in mods:
            for t in (mod, *conjuncts_of(mod)):
                payload = self.dictionary.entity(alias_key(t.text))
                if payload is not None and payload.kind in (COUNTRY, DEMONYM) and payload.ref not in countries:
                    countries.append(payload.ref)
        if len(countries) < 2 or actor.country not in countries:
            return []
        return [self._with_country(actor, code) for code in countries]

    def _with_country(self, actor: Actor, country: str) -> Actor:
        entry = self.dictionary.country(country)
        return trusted_replace(actor, country=country, code=country + (actor.role or ""),
                               name=entry.name if entry else None, wikidata=entry.wikidata if entry else None)

    def resolve_text(self, text: str, date: str | None = None) -> Actor | None:
        """Resolve a plain string without a parse ("Turkish police", "the Kremlin"). The
        last word before the first of/in/from/at/for is taken as the head."""
        toks = _text_toks(text, self.grammar.articles)
        if not toks:
            return None
        self._text_structure(toks)
        found = self._resolve_toks(toks, [], date, lambda start, end: text[start:end])
        actor = found.actor if found else None
        if actor is None:
            country = self.country_of_place(text)
            if country:
                entry = self.dictionary.country(country)
                span = [t for t in toks if not t.is_det and not t.is_punct] or toks
                start, end = span[0].start, span[-1].end
                actor = Actor(
                    code=country, text=text[start:end], start=start, end=end, country=country,
                    name=entry.name if entry else None, wikidata=entry.wikidata if entry else None,
                )
        return actor

    def country_of_text(self, text: str, date: str | None = None) -> str | None:
        """The country of the actor `resolve_text` finds, remembered per name and date."""
        def country() -> str | None:
            actor = self.resolve_text(text, date)
            return actor.country if actor is not None else None

        return _remembered(self._text_countries, (text, date), country)

    def country_of_name(self, name: str) -> str | None:
        """`country_of_place` with no preferred countries, remembered per name."""
        return _remembered(self._place_countries, name, lambda: self.country_of_place(name))

    def country_of_place(self, name: str, countries: Iterable[str] = ()) -> str | None:
        """The country (alpha-3) of a country, capital, region or city name: dictionary
        names first ("Gaza" -> PSE), then the gazetteer (`places.py`)
        ("Istanbul" -> TUR), among places it knows in `countries` first. Names without a
        capital letter are not looked up in the gazetteer."""
        name = name.strip()
        if not name:
            return None
        payload = self.dictionary.entity(alias_key(name))
        if payload and payload.kind == BLOCK:
            return None  # "Asia", "Latin America": no country
        bare = re.sub(r"^(?:the|The|THE)\s+", "", name)
        if payload and payload.kind in (COUNTRY, CAPITAL, METONYM, PLACE) and case_ok(payload.rule, [bare]):
            return payload.ref
        if not any(c.isupper() for c in bare):
            return None  # place names are proper nouns: not "police" (a Polish town)
        place = default_gazetteer().resolve(name, countries)  # the one enrichment places events with
        return place.country if place is not None and place.country in self.dictionary.countries else None

    def names_people(self, phrase: str) -> bool:
        """Whether a noun phrase (lemmas) names people by their role: "drug lord",
        "aid worker", "officials"."""
        term = self.dictionary.role_term(alias_key(phrase))
        return term is not None and term.role is not None

    def is_major_place(self, name: str) -> bool:
        """Whether a name is a country or place of the actor base, or else a region or a
        city of at least `LARGE_CITY` people in the gazetteer: the tagger takes "Goma" for
        a person and "Aleppo" for a nationality, but a town that size is what "captured
        Goma" took."""
        payload = self.dictionary.entity(alias_key(name.strip()))
        if payload is not None:
            return payload.kind in (COUNTRY, CAPITAL, PLACE)
        place = default_gazetteer().resolve(name)
        return place is not None and (place.precision != "city" or place.population >= LARGE_CITY)

    def is_venue(self, name: str) -> bool:
        """Whether a place name is a city or region, not a country: in "the *Geneva*
        talks", "the *Astana* process" it says where something happens, not who acts."""
        payload = self.dictionary.entity(alias_key(name.strip()))
        if payload is not None:
            return payload.kind in (CAPITAL, PLACE)
        return self.country_of_place(name) is not None

    # --- the phrase around a spaCy token ------------------------------------------------

    def _effective_head(self, head: Token) -> Token:
        transparent = self.dictionary.transparent
        seen = 0
        while seen < 5 and (head.lower_ in transparent or head.lemma_.lower() in transparent):
            pobj = None
            for dep, child in labelled_children(head):
                if dep == "prep" and child.lower_ == "of":
                    pobj = next((c for d, c in labelled_children(child) if d == "pobj"), None)
                    break
            if pobj is None:
                break
            head, seen = pobj, seen + 1
        return head

    def _phrase(self, head: Token) -> tuple[list[Token], Token]:
        eff_head = self._effective_head(head)
        kept = {head.i: head}
        stack = [head]
        while stack:
            tok = stack.pop()
            for dep, child in labelled_children(tok):
                if dep in SKIP_DEPS or (dep == "prep" and child.lower_ not in self.grammar.phrase_preps):
                    continue
                if dep == "appos" and tok.ent_type_ == "GPE":
                    continue  # "France, *the largest brandy exporter*": a country's description leaves it the country
                kept[child.i] = child
                stack.append(child)
        coordinated = [c.i for dep, c in labelled_children(head) if dep in {"cc", "conj"} and c.i > head.i]
        if coordinated:
            # "police and protesters *in La Paz*": a phrase hung on the first conjunct
            # past the others is the whole coordination's, no part of the first's span
            past = {t.i for dep, c in labelled_children(head) if dep == "prep" and c.i > min(coordinated) for t in c.subtree}
            kept = {i: t for i, t in kept.items() if i not in past}
        self._complete_names(head, kept)
        dateline = doc_dateline_end(head.doc)
        if 0 < dateline <= head.idx:  # "Feb 3 (Reuters) - M23 rebels": the dateline is no part of it
            kept = {i: t for i, t in kept.items() if t.idx >= dateline}
        content = [t for t in kept.values() if not t.is_punct]
        lo = min(t.i for t in content)
        hi = max(t.i for t in content)
        doc = head.doc
        if hi + 1 < len(doc) and doc[hi + 1].text == ")":
            inside = doc_text(doc)[doc[lo].idx : doc[hi].idx + len(doc[hi])]
            if inside.count("(") > inside.count(")"):
                hi += 1  # "the Revolutionary United Front (RUF)"
                kept[hi] = doc[hi]
        phrase = sorted((t for t in kept.values() if lo <= t.i <= hi), key=lambda t: t.i)
        return phrase, eff_head

    def _complete_names(self, head: Token, kept: dict[int, Token]) -> None:
        """Add back tokens of a dictionary name that the pruning cut in two ("Doctors
        Without Borders", "Committee to Protect Journalists") or that a misparse put
        outside the phrase ("Côte" as an adverb of the verb in "Côte d'Ivoire closed")."""
        doc = head.doc
        table = _DocTokens.of(doc, self.grammar.articles)
        sent_start, sent_end = table.sentence(head.i)
        first, last = min(kept), max(kept)
        pruned = head.right_edge.i > last or head.left_edge.i < first
        if not pruned and not any(
            sent_start <= i < sent_end and any(c.isupper() for c in doc[i].text)
            for i in (first - 1, last + 1)
        ):
            return  # nothing cut off, no capitalised neighbour: no name to complete
        reach = min(self.dictionary.max_words, 8)
        lo = max(sent_start, first - reach)
        hi = min(sent_end - 1, last + reach)
        toks = [table.plain(i) for i in range(lo, hi + 1)]
        # A name that starts past the phrase has no part in it. (Plain tokens carry no
        # entity label, so no misspelt person is ever found among them.)
        for m in self._names_in(toks, last_start=last):
            if m.entity is None or m.entity.kind == BLOCK:
                continue
            inside = [t.index in kept for t in m.toks]
            if any(inside) and not all(inside):
                for t in m.toks:
                    kept[t.index] = doc[t.index]

    def _spacy_toks(self, phrase: list[Token], eff_head: Token) -> list[_Tok]:
        table = _DocTokens.of(eff_head.doc, self.grammar.articles)
        in_phrase = {t.i: t for t in phrase}
        # Breadth-first from the effective head over tree edges inside the phrase:
        # children first, then the head (read from the token table, not from spaCy).
        info: dict[int, tuple[int, bool]] = {eff_head.i: (0, False)}
        queue = deque([eff_head])
        while queue:
            tok = queue.popleft()
            depth, prep = info[tok.i]
            for dep, child in labelled_children(tok):
                if child.i in in_phrase and child.i not in info:
                    info[child.i] = (depth + 1, prep or dep == "prep")
                    queue.append(child)
            parent = table.full(tok.i).parent
            if parent != tok.i and parent in in_phrase and parent not in info:
                info[parent] = (depth + 1, prep)
                queue.append(in_phrase[parent])
        toks = []
        for t in phrase:
            copy = table.full(t.i).clone()  # the template is shared by every phrase
            copy.depth, copy.via_prep = info.get(t.i, (99, True))
            toks.append(copy)
        return toks

    @staticmethod
    def _place_entities(toks: list[_Tok], text: str) -> list[tuple[str, list[int]]]:
        """GPE/LOC entities inside the phrase: (text, token indexes). Read from the
        tokens' IOB tags, so the cost is the phrase's, not the document's."""
        by_index = {t.index: t for t in toks}
        out = []
        seen: set[tuple[int, int]] = set()
        for i in sorted(by_index):
            if by_index[i].ent not in REGION_LABELS:
                continue
            start, end = by_index[i].ent_span
            if (start, end) in seen or not all(j in by_index for j in range(start, end)):
                continue
            seen.add((start, end))
            out.append((text[by_index[start].start : by_index[end - 1].end], list(range(start, end))))
        return out

    # --- plain text ---------------------------------------------------------------------

    def _text_structure(self, toks: list[_Tok]) -> None:
        """Approximate a parse for plain text: head, depths and prepositions."""
        content = [i for i, t in enumerate(toks) if not t.is_punct and t.words]
        if not content:
            return
        preps = self.grammar.phrase_preps
        prep_at = next((i for i in content if toks[i].text.lower() in preps and i != content[0]), None)
        head_end = prep_at if prep_at is not None else len(toks)
        before = [i for i in content if i < head_end]
        head = before[-1] if before else content[0]
        # "thousands of Iraqi Kurds": the of-object is the head.
        if (
            prep_at is not None
            and toks[prep_at].text.lower() == "of"
            and " ".join(toks[head].words) in self.dictionary.transparent
        ):
            rest = [i for i in content if i > prep_at]
            nxt = next((i for i in rest if toks[i].text.lower() in preps), None)
            after = [i for i in rest if nxt is None or i < nxt]
            if after:
                head = after[-1]
                prep_at = nxt
        for i, t in enumerate(toks):
            if prep_at is not None and i >= prep_at and i > head:
                t.via_prep = True
                t.depth = 1 + i - prep_at
            else:
                t.depth = abs(head - i)
            t.parent = toks[head].index

    # --- matching and combination -------------------------------------------------------

    def _matches(self, toks: list[_Tok]) -> list[_Match]:
        """Dictionary names and role terms in the phrase, longest first, left to right,
        within each run of adjacent tokens."""
        found = self._names_in(toks)
        return found + self._misspelt_people(toks, found)

    def _names_in(self, toks: list[_Tok], last_start: int | None = None) -> list[_Match]:
        """The dictionary matches of `_matches`, without the misspelt people; with
        `last_start`, the scan stops before a match that would start past that token
        index (what it finds before does not depend on the tokens it does not reach)."""
        found: list[_Match] = []
        for run in _runs(toks):
            a = 0
            while a < len(run):
                if last_start is not None and run[a].index > last_start:
                    return found
                best = self._longest_match(run, a) if run[a].words else None
                if best is None:
                    a += 1
                    continue
                b, entity, role = best
                found.append(_Match(run[a : b + 1], entity, role))
                a = b + 1
        return found

    def _longest_match(self, run: list[_Tok], a: int) -> tuple[int, Payload | None, RoleTerm | None] | None:
        """The longest name or role term that starts at `run[a]`: (its last token, what it names)."""
        d = self.dictionary
        best: tuple[int, Payload | None, RoleTerm | None] | None = None
        acc: tuple[str, ...] = ()
        for b in range(a, len(run)):
            acc += run[b].words
            if len(acc) > d.max_words:
                break
            if not run[b].words:
                continue
            keys = [acc]
            if run[b].lemma_words and run[b].lemma_words != run[b].words:
                keys.append(acc[: len(acc) - len(run[b].words)] + run[b].lemma_words)
            entry = self._entry(run[a : b + 1], keys)
            if entry is not None and not _inside_longer_name(run, b, entry[0]):
                best = (b, *entry)
            if not d.leads_to_key(acc):
                break  # every longer key would start with `acc` (lemma variants too)
        return best

    def _entry(self, span: list[_Tok], keys: list[tuple[str, ...]]) -> tuple[Payload | None, RoleTerm | None] | None:
        """What the first of `keys` (the span's words, then with its last word's lemma)
        names that the span can be: an entity, a role term or both."""
        d = self.dictionary
        for key in keys:
            entity = d.entity(key)
            if entity and not case_ok(entity.rule, [t.text for t in span]):
                entity = None
            if entity and entity.kind in (COUNTRY, CAPITAL, PLACE, METONYM) and _inside_person(span):
                entity = None  # "George Washington", "Michael Jordan"
            role = d.role_term(key)
            if role and span[-1].noun is False:
                role = None  # "general strike", "military policies"
            if entity or role:
                return entity, role
        return None

    def _misspelt_people(self, toks: list[_Tok], found: list[_Match]) -> list[_Match]:
        """A PERSON name the dictionary does not know, read as the known person whose
        name it misspells ("Francois Mitterand")."""
        matched = {t.index for m in found for t in m.toks}
        names = [t for t in toks if t.ent == "PERSON" and t.words and t.index not in matched]
        if len(names) < 2 or any(b.index != a.index + 1 for a, b in zip(names, names[1:])):
            return []
        entity = self.dictionary.similar_person(tuple(w for t in names for w in t.words))
        return [_Match(names, entity, None)] if entity else []

    def _venue(self, kind: str, anchor: _Tok, head: _Tok, names_someone: bool) -> bool:
        """A city or place modifying a meeting noun is where it is held: "the *Astana*
        talks" make no party of Kazakhstan (a country name or a possessive still does)."""
        if kind not in (CAPITAL, PLACE, "gazetteer") or names_someone or anchor.possessive or anchor is head:
            return False
        venues = self.dictionary.venues
        return " ".join(head.lemma_words) in venues or " ".join(head.words) in venues

    def _resolve_toks(
        self,
        toks: list[_Tok],
        place_ents: Sequence[tuple[str, list[int]]],
        date: str | None,
        source: Callable[[int, int], str],
    ) -> Found | None:
        """The phrase's actor in three steps: the candidates for whom it names, the
        role, and the code they make together (see the module's docstring)."""
        phrase = self._read(toks)
        if phrase is None:
            return None
        candidates = self._candidates(phrase, place_ents, date)
        chosen = _known_person_at_head(candidates, date) or _closest(candidates, phrase)
        head_is_people = any(c.head_demonym for c in candidates)
        role, role_match = self._role(phrase, chosen, head_is_people)
        coded = self._code(phrase, chosen, role, role_match, head_is_people, date)
        if coded is None or not coded.code:
            return None  # nothing to code it with: no actor
        return self._found(phrase, chosen, coded, source)

    def _read(self, toks: list[_Tok]) -> _Phrase | None:
        """The phrase's head and dictionary matches; None when the head names no
        actor whatever its modifiers say ("the *attack*")."""
        d = self.dictionary
        content = [t for t in toks if not t.is_punct]
        if not content:  # punctuation only ("--"): no phrase at all
            return None
        head = min(content, key=lambda t: (t.depth, -t.index))
        if " ".join(head.lemma_words) in d.nonactors or " ".join(head.words) in d.nonactors:
            return None
        before = next((t for t in content if t.index == head.index - 1), None)
        if before is not None and " ".join((*before.words, *head.words)) in d.nonactors:
            return None  # "the *international community*"
        return _Phrase(toks, content, head, self._matches(toks))

    # --- candidates: whom the phrase names ----------------------------------------------

    def _candidates(self, phrase: _Phrase, place_ents: Sequence[tuple[str, list[int]]],
                    date: str | None) -> list[_Candidate]:
        """The people, organisations, countries and places the phrase names, as
        candidates for its actor."""
        named = (self._named_candidate(m, phrase, date) for m in phrase.matches)
        candidates = self._drop_contradicted_people([c for c in named if c is not None], date)
        return candidates + self._place_candidates(phrase, place_ents, candidates)

    def _named_candidate(self, m: _Match, phrase: _Phrase, date: str | None) -> _Candidate | None:
        """The candidate of one dictionary name in the phrase, if it can be the actor."""
        payload = m.entity
        if payload is None or payload.kind == BLOCK:
            return None
        anchor = m.anchor
        if payload.kind == PERSON:
            if self.dictionary.is_broad_surname(payload.ref) and anchor.ent not in ("", "PERSON"):
                return None  # a bare surname of the broad layer that the text makes a place, a group...
            person = self.dictionary.person_named(payload.ref, date)
            if person is None or _other_given_name(m, phrase, person):
                return None
            return _Candidate(PERSON, anchor.depth, anchor.index, person=person)
        if self._names_no_party(payload.kind, anchor, phrase) or _opposed(m, phrase):
            return None
        head = phrase.head
        at_head = head in m.toks
        cand = _Candidate(kind=payload.kind, depth=anchor.depth, index=anchor.index)
        if payload.kind in (IGO, GROUP):
            cand.org = payload.ref
        else:
            cand.country = payload.ref
        if payload.kind == METONYM:
            cand.role = payload.role
        elif payload.kind == CAPITAL and at_head and not any(
            " ".join(t.words) in self.grammar.locatives for t in phrase.content if t not in m.toks
        ):
            cand.role = "GOV"  # "Washington said", not "central Washington"
        if payload.kind == DEMONYM and at_head and (payload.plural or head.noun is True):
            cand.head_demonym = True  # "Palestinians", "a Palestinian": people
        if payload.kind == DEMONYM and _ethnic(m, phrase):
            cand.country = None  # "ethnic Albanians" in Kosovo: placed where they live
        return cand

    def _place_candidates(self, phrase: _Phrase, place_ents: Sequence[tuple[str, list[int]]],
                          candidates: list[_Candidate]) -> list[_Candidate]:
        """Places the dictionary does not know, through the gazetteer. A place in a
        phrase that names its country is in that country ("Rwanda's Southern
        Province"), or else names no one here."""
        named = {c.country for c in candidates if c.country and c.kind in (COUNTRY, DEMONYM)}
        covered = {t.index for m in phrase.matches for t in m.toks}
        by_index = {t.index: t for t in phrase.toks}
        out = []
        for text, indexes in place_ents:
            if any(i in covered for i in indexes):
                continue
            country = self.country_of_place(text, named)
            if named and country not in named:
                continue
            ent_toks = [by_index[i] for i in indexes if i in by_index]
            if not country or not ent_toks:
                continue
            anchor = min(ent_toks, key=lambda t: t.depth)
            if not self._names_no_party("gazetteer", anchor, phrase):
                out.append(_Candidate("gazetteer", anchor.depth, anchor.index, country=country))
        return out

    def _names_no_party(self, kind: str, anchor: _Tok, phrase: _Phrase) -> bool:
        """A name reached through a preposition of a phrase that names no one ("talks
        *in Geneva*"), or the venue of a meeting noun (see `_venue`)."""
        names_someone = phrase.names_someone
        return anchor.via_prep and not names_someone or self._venue(kind, anchor, phrase.head, names_someone)

    # --- the role -----------------------------------------------------------------------

    def _role(self, phrase: _Phrase, chosen: _Candidate | None,
              head_is_people: bool) -> tuple[str | None, _Match | None]:
        """The role and the role noun that gives it: strong nouns ("troops") before a
        metonym's role before weak ones ("officials") before context nouns ("leader":
        GOV with a country); a people demonym at the head is civilians. "former"/"ex-"
        turns GOV, MIL, LEG, JUD and COP into ELI."""
        strong, weak = phrase.strong, phrase.weak
        context = [m for m in phrase.role_matches if m.role and m.role.strength == CONTEXT]
        role_match: _Match | None = None
        role: str | None = None
        if strong:
            role_match, role = strong[0], strong[0].role_name
        elif chosen is not None and chosen.role:
            role = chosen.role
        elif weak:
            role_match, role = weak[0], weak[0].role_name
        elif context and chosen is not None:
            role_match, role = context[0], "GOV"
        elif head_is_people:
            role = "CVL"
        if role in ELI_ROLES and self._is_former(phrase.toks, role_match, phrase.head):
            role = "ELI"
        return role, role_match

    # --- the code -----------------------------------------------------------------------

    def _code(self, phrase: _Phrase, chosen: _Candidate | None, role: str | None, role_match: _Match | None,
              head_is_people: bool, date: str | None) -> _Coded | None:
        """The code of the chosen candidate with the role; the role alone when there is
        no candidate; None when there is neither."""
        if chosen is None:
            return _Coded(role, ROLE, role=role) if role is not None else None
        if chosen.person is not None and chosen.depth > 0:
            # The person only qualifies the head ("Putin's troops", "Erdogan's government"):
            # the phrase's role with the person's country.
            holding = chosen.person.holding(date)
            country = holding.country or chosen.person.country
            if country is not None:
                return self._country_code(country, role)
            # a person of no country ("Osama bin Laden's network"): the person's own code
        if chosen.person is not None:
            return self._person_code(chosen.person, role, role_match, bool(phrase.strong), date)
        if chosen.org is not None:
            return self._organisation_code(chosen.org, role, head_is_people, date)
        return self._country_code(chosen.country, role)

    def _country_code(self, country: str | None, role: str | None) -> _Coded:
        entry = self.dictionary.country(country)
        coded = _Coded((country or "") + (role or ""), COUNTRY, country, role)
        if entry is not None:
            coded.name, coded.wikidata = entry.name, entry.wikidata
        return coded

    @staticmethod
    def _person_code(person: Person, role: str | None, role_match: _Match | None, strong: bool,
                     date: str | None) -> _Coded:
        """A known person heading the phrase: the knowledge base's office on the date
        beats the phrase's title (which may be a past one); "former" and a title for an
        office not in the base do not."""
        holding = person.holding(date)
        # Title words of the office held then: "the minister" is not a former one.
        coded = _Coded("", PERSON, name=person.name, wikidata=person.wikidata,
                       titles=frozenset(alias_key(holding.title or "")))
        if role == "ELI" and role_match is not None:
            coded.country = holding.country or person.country
            coded.code, coded.role = (coded.country or "") + "ELI", role
        elif role is not None and role_match is not None and (
            holding.title is None
            # Undated: the phrase's title picks among the person's offices
            # ("military chief General Colin Powell": his MIL office, not the last).
            or (date is None and strong and role != holding.role
                and any(o.role == role and o.code is None for o in person.offices))
        ):
            coded.country = holding.country or person.country
            coded.code, coded.role = (coded.country or "") + role, role
        else:
            coded.code, coded.country, coded.role = holding.code, holding.country, holding.role
        return coded

    def _organisation_code(self, org_id: str, role: str | None, head_is_people: bool, date: str | None) -> _Coded:
        """An organisation's code on the date with the phrase's role, unless its code
        carries one: Hamas stays PSEREB whatever the phrase says ("Hamas police")."""
        d = self.dictionary
        org = d.organisations[org_id]
        base = org.code_on(date)
        intrinsic = org.role_of(base)
        if intrinsic:
            code, role = org.full_code(date), intrinsic
        else:
            if role == "CVL" and head_is_people:
                role = None
            code = base + (role or "")
        return _Coded(code, org.kind, d.organisation_country(base), role, org.name, org.wikidata)

    def _found(self, phrase: _Phrase, chosen: _Candidate | None, coded: _Coded,
               source: Callable[[int, int], str]) -> Found:
        """The actor with what coreference needs to know of it. An unknown person
        ("Turkish President Turgut Ozal") is named as in the text."""
        head, toks = phrase.head, phrase.toks
        kind, name, wikidata = coded.kind, coded.name, coded.wikidata
        if kind != PERSON and head.ent == "PERSON":
            kind, wikidata = PERSON, None
            ent = [t for t in toks if head.ent_span[0] <= t.index < head.ent_span[1]]
            name = source(ent[0].start, ent[-1].end) if ent else head.text
        start, end = _span(toks)
        actor = trusted(  # every value a str (or None) or int of our own making
            Actor, code=coded.code, text=source(start, end), start=start, end=end, country=coded.country,
            role=coded.role, name=name, wikidata=wikidata,
        )
        person = chosen.person if chosen is not None and chosen.depth == 0 else None
        return Found(actor, kind, chosen.org if chosen else None, head.plural, phrase.titles | coded.titles,
                     person.gender if person is not None else None)

    def _drop_contradicted_people(self, candidates: list[_Candidate], date: str | None) -> list[_Candidate]:
        """A person of the broad layer whom the phrase itself places elsewhere ("King
        Hassan *of Morocco*" is not Jordan's Hassan, "*U.N.* mediator Diego Cordovez"
        is not Ecuador's minister) is not that person: the text wins over a namesake."""
        stated = [c for c in candidates if c.person is None and (c.country or c.org)]
        if not stated:
            return candidates
        d = self.dictionary
        codes = [d.organisations[c.org].code_on(date) if c.org else c.country or "" for c in stated]

        def placed_elsewhere(cand: _Candidate) -> bool:
            if cand.person is None or not d.is_broad(cand.person.id):
                return False
            held = cand.person.holding(date)
            return not any(code and (held.code.startswith(code) or held.country == code) for code in codes)

        return [c for c in candidates if not placed_elsewhere(c)]

    def _is_former(self, toks: list[_Tok], role_match: _Match | None, head: _Tok) -> bool:
        targets = {head.index}
        if role_match is not None:
            targets.update(t.index for t in role_match.toks)
        for t in toks:
            if " ".join(t.words) in self.dictionary.former or t.text.lower() in self.dictionary.former:
                if t.parent in targets or t.index + 1 in targets:
                    return True
        return False


def _known_person_at_head(candidates: list[_Candidate], date: str | None) -> _Candidate | None:
    """A person of the knowledge base who heads the phrase ("Turkish President Tayyip
    Erdogan"): their identity, unless a country in the phrase contradicts theirs."""
    person = next((c for c in candidates if c.person is not None and c.depth == 0), None)
    if person is None:
        return None
    holding = person.person.holding(date)  # type: ignore[union-attr]
    theirs = {holding.country, person.person.country}  # type: ignore[union-attr]
    if any(c.country and c.country not in theirs for c in candidates if c is not person):
        return None
    return person


def _closest(candidates: list[_Candidate], phrase: _Phrase) -> _Candidate | None:
    """The candidate closest to the head (see `_Candidate.sort_key`); when the role
    noun is a modifier ("the Japanese government's North Korea policy"), a country
    attached to it beats one attached elsewhere."""
    if not candidates:
        return None
    strong = phrase.strong
    role_toks = {t.index for t in strong[0].toks} if strong else set()
    parents = {t.index: t.parent for t in phrase.toks}
    head = phrase.head.index
    return min(candidates, key=lambda c: (not _attached(c.index, role_toks, head, parents), *c.sort_key()))


def _attached(index: int, role_toks: set[int], head: int, parents: dict[int, int]) -> bool:
    """Whether a token hangs from the role noun, below the head of the phrase."""
    if not role_toks or head in role_toks:
        return False
    for _ in range(8):
        if index in role_toks:
            return True
        if index == head or index not in parents or parents[index] == index:
            return False
        index = parents[index]
    return False


def _ent_bounds(tok: Token, tokens: list[Token]) -> tuple[int, int]:
    """The token range [start, end) of the named entity `tok` is in, or (-1, -1)
    (`tokens`: the document's, from its token table)."""
    if not tok.ent_type_:
        return (-1, -1)
    start = tok.i
    while tokens[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return (start, end)


def _inside_longer_name(run: list[_Tok], b: int, entity: Payload | None) -> bool:
    """A known person's name that the text's PERSON name goes on past: "*Moussa*
    Tchangari" is no Amr Moussa, whose surname is only this one's first name."""
    if entity is None or entity.kind != PERSON or b + 1 >= len(run):
        return False
    last, following = run[b], run[b + 1]
    if not following.words:
        return False
    if last.noun is None:  # plain text (an entity's words): a capitalised word goes on with the name
        return following.text[:1].isupper()
    return last.ent == "PERSON" and following.ent_span == last.ent_span


def _other_given_name(m: _Match, phrase: _Phrase, person: Person) -> bool:
    """A known surname that the text's PERSON name begins before with a given name the
    person does not bear: "Venancio *Mondlane*" is no Ricardo Mondlane."""
    if len(m.toks) > 1:
        return False  # a full name ("Furious *Theresa May*": the tagger's entity runs wider)
    first = m.toks[0]
    before = next((t for t in phrase.toks if t.index == first.index - 1), None)
    if before is None or before.ent != "PERSON" or before.ent_span != first.ent_span or not before.words:
        return False
    known = {w for name in (person.name, *person.aliases) for w in name.lower().split()}
    return not set(before.words) & known


def _inside_person(span: list[_Tok]) -> bool:
    """Whether the span is a strict part of a PERSON entity. A name that spaCy tags
    PERSON on its own ("Benin", "Sri Lanka") is still taken as the place."""
    for t in span:
        if t.ent == "PERSON" and (t.ent_span[0] < span[0].index or t.ent_span[1] > span[-1].index + 1):
            return True
    return False


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    """The phrase's tokens in runs of adjacent ones: a name never spans a gap."""
    runs: list[list[_Tok]] = []
    for t in toks:
        if runs and runs[-1][-1].index == t.index - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _role_key(m: _Match) -> tuple[int, int, int]:
    return (m.anchor.depth, _ROLE_PRECEDENCE.get(m.role_name or "", 99), -m.last)


def _span(toks: list[_Tok]) -> tuple[int, int]:
    content = [t for t in toks if not t.is_punct]
    i = 0
    while i < len(content) - 1 and content[i].is_det:
        i += 1
    end = content[-1].end
    if toks[-1].text == ")" and toks[-1].start >= end:
        end = toks[-1].end
    return content[i].start, end


_TEXT_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'’.][^\W_]+)*\.?|[^\w\s]")


def _text_toks(text: str, articles: frozenset[str]) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TEXT_TOKEN.finditer(text):
        piece, start = m.group(), m.start()
        pieces = [(piece, start)]
        poss = re.search(r"['’]s$", piece)
        if poss and len(piece) > 2:
            pieces = [(piece[: poss.start()], start), (piece[poss.start():], start + poss.start())]
        for p, s in pieces:
            is_poss = bool(re.fullmatch(r"['’]s", p))
            w = () if is_poss else words(p)
            toks.append(
                _Tok(
                    index=len(toks), text=p, words=w, lemma_words=w, start=s, end=s + len(p),
                    is_det=p.lower() in articles, is_punct=not w and not is_poss,
                )
            )
    return toks


def _opposed(m: _Match, phrase: _Phrase) -> bool:
    """A name after "anti-" says whom the phrase opposes: an "anti-Syria journalist"
    is no Syrian ("pro-" still says whose side someone is on)."""
    return "".join(t.text for t in _before(m, phrase, 2)).lower() == "anti-"


def _ethnic(m: _Match, phrase: _Phrase) -> bool:
    """ "*Ethnic* Albanians", "*ethnic* Turks" name a people, not a state's citizens:
    CAMEO places them in the country where they live (the clause's or the story's)."""
    return [t.words for t in _before(m, phrase, 1)] == [("ethnic",)]


def _before(m: _Match, phrase: _Phrase, n: int) -> list[_Tok]:
    """The phrase's tokens among the `n` right before the match, in order."""
    first = m.toks[0].index
    return sorted((t for t in phrase.toks if first - n <= t.index < first), key=lambda t: t.index)
