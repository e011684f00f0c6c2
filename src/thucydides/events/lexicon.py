"""The event lexicon: CAMEO codes and the predicate patterns that evidence them.

The lexicon is data (`data/lexicon/*.yaml`, one file per CAMEO root); users add
or override entries with files of their own. An entry names a code and the
words that express it, and how to find its arguments in the dependency parse:

    - id: arrest
      code: "173"
      verbs: [arrest, detain, round up]   # lemmas; a second word is a particle
      nouns: [arrest, detention]          # nominalisations: "the arrest of X by Y"
      noun_role: patient                  # "X's arrest": the possessor is the target
      objects: [sanction]                 # light verbs: the object must be one of these
                                          # ("*place": or a named place: "captured *Knin*")
      nominals: [suspension]              # nouns of the verbs that keep `objects`, found in the
                                          # noun's of-phrase: "the *suspension* of talks with X"
      subjects: [peacekeeper]             # a word the subject phrase must hold ("peacekeepers arrived")
      preps: [for]                        # a required preposition: "call for"
      complements: [attack, strike]       # a required xcomp: "threatened to attack"
                                          # ("*": any xcomp; "*clause": any that-clause;
                                          # "*own-clause": one about the speaker's own act)
      modals: [must, have]                # a required modal in the that-clause: "said X *must* go"
      adjectives: [pessimistic]           # predicative adjectives: "was *pessimistic* about"
      evaluation: negative                # a judgement of something with a word of data/grammar.yaml
                                          # negative_evaluations ("called the arrests *illegal*",
                                          # "said the verdict was *a farce*"; `true` says the same)
                                          # or positive_evaluations ("said the talks had been
                                          # *constructive*"); slot `evaluated` is what is judged
      excluded_deps: [dobj+oprd]          # dependents that rule it out ("+": all of them):
                                          # "called *the move* *a mistake*" is no phone call
      target: [obj, prep:against/at]      # where the target comes from, in order
      target_required: true
      reciprocal: false                   # "X and Y held talks" -> X->Y and Y->X
      joint_code: "062"                   # the code when several parties act together
                                          # ("Russia and China held drills": joint exercises)
      person_code: "173"                  # the code when every target is a person or people
                                          # ("sentenced a journalist": detained, not 116)
      state_code: "114"                   # the code when every source is a state, its government
                                          # or forces ("Manila protested": a diplomatic complaint)
      crowd_code: "145"                   # the code when every source is a crowd of people
                                          # ("irate residents torched a house": a riot)
      governs: true                       # embedded actions are subsumed by this one
                                          # ("family": only those its family covers)
      family: threaten                    # the embedded action refines the code (data/families.yaml)
      embedded_only: false                # only says what a governing pattern is about
      subordinate: false                  # dropped when its complement carries an event
      unstated_source: false              # "nine civilians were killed": coded with no source
      source_roles: [CVL, LAB]            # only sources with these roles (else the next pattern)
      source: none                        # only events whose agent is unstated or a crowd
      compound_venue: true                # "the *Geneva* talks": a city compound is the venue
      pattern: "* {humanitarian aid} (to +)"   # PETRARCH's pattern notation (petrarch/patterns.py):
                                          # words before/after the verb, {noun phrases}, (prep
                                          # phrases), &synonym sets, $ source and + target slots
      reverse_code: "043"                 # also code target -> source ("visited X": X hosted, 043)
      forms: [left]                       # surface forms, for verbs that are no lemma (PETRARCH's
                                          # "LEFT" block: "left" but not "leave")
      origin: "CAMEO.2.0.txt:717"         # where a converted entry came from (for `explain`)

`code: "---"` is the null code: when that pattern is the one that fits, the sense
is no event ("the market fell"), so less specific patterns of the word are not tried.

A synonym set is an item of its own, used as `&name` in `verbs` and in `pattern`::

    - synset: "&food"
      words: [food, relief supplies, "&grain"]

A discard is an item too: a sentence (or, with `story: true`, an article) in which
the phrase stands is not coded by the patterns of its layer and the layers below
(PETRARCH's discard list: sport, entertainment, history)::

    - discard: world cup          # a stem: "world cups" too; `whole_word: true` for an exact word
      story: true

A file's entries belong to a layer: the curated lexicon (`data/lexicon/*.yaml` and the
user's `--lexicon` files), the user's PETRARCH dictionaries (`--dictionaries`), then
the broad layer converted from the open PETRARCH-2 dictionaries
(`data/lexicon/broad/`). For a word, only the highest layer with a fitting pattern
is used: the curated lexicon wins wherever it fits.

Each entry expands into one `Pattern` per part of speech (and particle).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import yaml

from ..compiled import load_compiled
from ..datafiles import SafeLoader, data_path, load_yaml, read_data
from ..ontology import Ontology, default_ontology
from ..petrarch.patterns import PatternError, PhrasePattern, Term, parse_pattern, sequence_slot
from .arguments import SLOTS
from .phrases import CompiledPhrase, compile_phrase

NULL_CODE = "---"
PLACE_OBJECT = "*place"  # in `objects`: any object that is a named place
CURATED, DICTIONARY, BROAD = "curated", "dictionary", "broad"
LAYER_RANK = {CURATED: 0, DICTIONARY: 1, BROAD: 2}

ENTRY_KEYS = frozenset("""
    id code verbs nouns nominals adjectives evaluation forms noun_role objects subjects preps complements modals excluded_deps
    target noun_target target_required reciprocal joint_code person_code state_code crowd_code governs family embedded_only subordinate
    unstated_source source_roles source compound_venue pattern reverse_code origin
""".split())
SYNSET_KEYS = frozenset({"synset", "words"})
DISCARD_KEYS = frozenset({"discard", "story", "whole_word"})

VERB_TARGET_DEFAULT = ("obj",)
NOUN_TARGET_DEFAULT = ("of", "prep:on", "prep:against", "prep:with", "prep:to")
NOUN_PATIENT_TARGET_DEFAULT = ("of", "poss", "compound", "amod")


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used; the message names it."""


# A verb's words: lemma (or surface form) and particle ("call off" -> ("call", "off")).
LemmaKey = tuple[str, str | None]


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str  # NULL_CODE: this sense is no event
    pos: str  # "verb", "noun" or "adj"
    lemmas: tuple[str, ...]  # the words it is indexed under (lemmas, or `forms` when by_form)
    particle: str | None = None
    objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    complements: tuple[str, ...] = ()
    modals: tuple[str, ...] = ()
    target: tuple[str, ...] = VERB_TARGET_DEFAULT
    source: tuple[str, ...] = ("subj",)
    target_required: bool = False
    reciprocal: bool = False
    governs: bool = False
    governs_family_only: bool = False  # `governs: family`: absorbs only what its family refines
    subordinate: bool = False
    family: str | None = None
    embedded_only: bool = False
    unstated_source: bool = False
    source_roles: tuple[str, ...] = ()
    joint_code: str | None = None
    evaluation: str | None = None  # "negative" or "positive": the verb judges something with such a word
    person_code: str | None = None  # the code when every target is a person or people
    state_code: str | None = None  # the code when every source is a state, its government or forces
    crowd_code: str | None = None  # the code when every source is a crowd (grammar.yaml crowd_roles)
    excluded_deps: tuple[frozenset[str], ...] = ()  # each: dependents that together rule it out
    compound_venue: bool = False
    phrase: PhrasePattern | None = None  # `pattern`: PETRARCH's notation
    compiled: CompiledPhrase | None = field(default=None, compare=False, hash=False, repr=False)
    reverse_code: str | None = None  # the code of the target -> source event
    by_form: bool = False  # indexed by surface form, not lemma
    layer: str = CURATED
    origin: str | None = None

    @property
    def specificity(self) -> int:
        """Patterns with more constraints are tried first."""
        return (2 * bool(self.objects) + 2 * bool(self.subjects) + 2 * bool(self.complements) + 2 * bool(self.evaluation)
                + 3 * bool(self.modals) + bool(self.preps) + bool(self.particle)
                + (2 * self.phrase.size if self.phrase is not None else 0))

    @property
    def is_null(self) -> bool:
        return self.code == NULL_CODE


@dataclass(frozen=True)
class Family:
    """How a governing pattern (appeal, intent, demand, reject, threaten) is
    refined by the code of the action it embeds (`data/families.yaml`)."""

    name: str
    base: str
    prefixes: tuple[tuple[str, str], ...]  # (embedded code prefix, code), longest first

    def refine(self, embedded_code: str) -> str | None:
        return next((code for prefix, code in self.prefixes if embedded_code.startswith(prefix)), None)


@dataclass(frozen=True)
class Modifiers:
    """Sub-codes that a noun's modifiers select (`modifiers` in data/families.yaml):
    "*military* aid" 072, "*economic* reforms" 0832, "*bomb* attack" 183. Keys are
    code prefixes, longest first; within one, the first listed word present wins."""

    table: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def refine(self, code: str, words: set[str]) -> str | None:
        if not words:
            return None
        for prefix, entries in self.table:
            if code.startswith(prefix):
                return next((sub for word, sub in entries if word in words), None)
        return None


@dataclass(frozen=True)
class Families:
    by_name: dict[str, Family]
    future: tuple[str, ...] = ()
    future_negated: tuple[str, ...] = ()
    modifiers: Modifiers = field(default_factory=Modifiers)
    objects: Modifiers = field(default_factory=Modifiers)  # same, for a verb's object nouns

    def get(self, name: str | None) -> Family | None:
        return self.by_name.get(name) if name else None

    def with_base(self, code: str) -> Family | None:
        return next((f for f in self.by_name.values() if f.base == code), None)

    def recode(self, names: tuple[str, ...], code: str) -> str | None:
        """The first family in `names` that covers `code` ("033" for a future "071")."""
        for name in names:
            family = self.by_name.get(name)
            refined = family.refine(code) if family else None
            if refined:
                return refined
        return None


@dataclass(frozen=True)
class LayerSegment:
    """The patterns of one layer for a word, as the coder tries them. Those written in
    the pattern notation are indexed by the words of their first need (a pattern can
    fit only if the sentence holds one of them), so that of a verb's hundred patterns
    only the few whose words are there are looked at. Each pattern comes with its place
    in the word's list, which orders what fits."""

    layer: str
    rank: int
    plain: tuple[tuple[int, "Pattern"], ...]
    phrased: tuple[tuple[int, "Pattern"], ...]
    by_first_word: dict[str, tuple[int, ...]]  # word -> positions in `phrased`
    needless: tuple[int, ...]  # positions in `phrased` of patterns that need no word

    def phrased_for(self, words: frozenset[str]) -> list[tuple[int, "Pattern"]]:
        """The phrased patterns whose first need the sentence's `words` meet, in order."""
        hits = {j for w in words.intersection(self.by_first_word) for j in self.by_first_word[w]}
        return [self.phrased[j] for j in sorted(hits.union(self.needless))]


def _segments(candidates: list["Pattern"]) -> tuple[LayerSegment, ...]:
    by_layer: dict[str, list[tuple[int, Pattern]]] = {}
    for index, pattern in enumerate(candidates):
        by_layer.setdefault(pattern.layer, []).append((index, pattern))
    out = []
    for layer, items in sorted(by_layer.items(), key=lambda kv: LAYER_RANK[kv[0]]):
        phrased = tuple((i, p) for i, p in items if p.compiled is not None)
        by_word: dict[str, list[int]] = {}
        needless = []
        for j, (_, pattern) in enumerate(phrased):
            needs = pattern.compiled.needs if pattern.compiled is not None else ()
            if not needs:
                needless.append(j)
            for word in needs[0] if needs else ():
                by_word.setdefault(word, []).append(j)
        out.append(LayerSegment(layer, LAYER_RANK[layer], tuple((i, p) for i, p in items if p.compiled is None),
                                phrased, {w: tuple(js) for w, js in by_word.items()}, tuple(needless)))
    return tuple(out)


def _candidate_order(pattern: "Pattern") -> tuple[int, bool, bool, int]:
    """The curated layer first; a pattern for the word's very form ("left") before one
    for its lemma ("leave"); embedded-only patterns, which say what a governing pattern
    is about, after a real event pattern on the same word; the most specific first."""
    return (LAYER_RANK[pattern.layer], not pattern.by_form, pattern.embedded_only, -pattern.specificity)


def load_families(text: str | None = None) -> Families:
    if text is None:
        text = read_data("families.yaml")
    data = load_yaml(text, _LexiconLoader) or {}
    modifiers = _table(data.pop("modifiers", None) or {})
    objects = _table(data.pop("objects", None) or {})
    families = {}
    for name, spec in data.items():
        if not isinstance(spec, dict):
            continue
        prefixes = sorted(((str(k), str(v)) for k, v in spec.get("map", {}).items()), key=lambda kv: -len(kv[0]))
        families[name] = Family(name, str(spec["base"]), tuple(prefixes))
    return Families(families, _words(data.get("future")), _words(data.get("future_negated")), modifiers, objects)


def _table(spec: dict[Any, Any]) -> Modifiers:
    return Modifiers(tuple(sorted(
        ((str(prefix), tuple((str(w).lower(), str(c)) for w, c in (words or {}).items()))
         for prefix, words in spec.items()),
        key=lambda kv: -len(kv[0]))))


@dataclass
class Lexicon:
    patterns: list[Pattern]
    by_lemma: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    by_form: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    families: Families = field(default_factory=lambda: Families({}))
    synsets: dict[str, frozenset[Term]] = field(default_factory=dict)
    discards: tuple[Discard, ...] = ()

    def __post_init__(self) -> None:
        lemmas: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        forms: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            for word in pattern.lemmas:
                (forms if pattern.by_form else lemmas)[(pattern.pos, word)].append(pattern)
        for candidates in [*lemmas.values(), *forms.values()]:
            if any(p.layer == CURATED for p in candidates):
                # A word the curated lexicon knows keeps its decisions ("called the move
                # a mistake" is no phone call): a broad pattern may only add a sense
                # with more to it than the bare word.
                candidates[:] = [p for p in candidates if p.layer == CURATED or p.specificity > 0]
            # The curated layer first; embedded-only patterns say what a governing
            # pattern is about, so a real event pattern on the same word goes first.
            candidates.sort(key=_candidate_order)
        self.by_lemma = dict(lemmas)
        self.by_form = dict(forms)
        self._segments = {key: _segments(c) for key, c in self.by_lemma.items()}
        self._discard_patterns = _discard_patterns(self.discards)

    def segments(self, pos: str, lemma: str, form: str | None = None) -> tuple[LayerSegment, ...]:
        """`candidates(pos, lemma, form)` split by layer, highest first, as the coder
        tries them (worked out once per word when the lexicon is built)."""
        if form is not None and (pos, form) in self.by_form:
            return _segments(self.candidates(pos, lemma, form))
        return self._segments.get((pos, lemma), ())

    def discarded_rank(self, text: str | Sequence[str], story: bool = False) -> int | None:
        """The highest layer (lowest rank) whose discard phrases stand in `text` (or in
        its words, lower case, as `DiscardIndex.words` splits them): its patterns and
        those of lower layers do not code it. None when none does."""
        words = DiscardIndex.words(text) if isinstance(text, str) else text
        for rank, index in self._discard_patterns.get(story, ()):
            if index.search_words(words):
                return rank
        return None

    def candidates(self, pos: str, lemma: str, form: str | None = None) -> list[Pattern]:
        found = self.by_lemma.get((pos, lemma), [])
        if form is not None and self.by_form:
            by_form = self.by_form.get((pos, form))
            if by_form:
                return sorted([*found, *by_form], key=_candidate_order)
        return found

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), ontology: Ontology | None = None,
             dictionary_entries: Sequence[dict[str, Any]] = (), bundled: bool = True,
             lemma_of: Callable[[str], str | None] | None = None,
             dictionary_sources: Sequence[str | Path] = ()) -> "Lexicon":
        """The bundled lexicon (curated and broad layers) unless `bundled` is false, the
        entries converted from the user's PETRARCH dictionaries (read from the folders
        `dictionary_sources`), then each extra file; a later entry with the same id
        replaces it. `lemma_of` (see `nlp.verb_lemma_checker`) makes a verb that is no
        lemma a load error.

        Built once per set of source files and kept compiled (see `compiled.py`).
        """
        def build() -> "Lexicon":
            return cls.build(extra_files, ontology or default_ontology(), dictionary_entries, bundled, lemma_of)

        if (ontology is not None and ontology is not default_ontology()) or (dictionary_entries and not dictionary_sources):
            return build()  # codes checked against a table of the caller's, or entries with no files to key on
        sources = [*([data_path("lexicon")] if bundled else []), data_path("families.yaml"), data_path("ontology"),
                   *map(Path, dictionary_sources), *map(Path, extra_files)]
        return load_compiled("lexicon" if bundled else "lexicon-alone", sources, build)

    @classmethod
    def build(cls, extra_files: Sequence[str | Path], ontology: Ontology,
              dictionary_entries: Sequence[dict[str, Any]] = (), bundled: bool = True,
              lemma_of: Callable[[str], str | None] | None = None) -> "Lexicon":
        """The lexicon read from its files: `load` without the compiled form."""
        entries: dict[str, dict[str, Any]] = {}
        synsets: dict[str, list[str]] = {}
        discards: list[Discard] = []
        if bundled:
            for name, text, layer in _bundled_files():
                _collect(entries, synsets, discards, name, text, layer)
        for entry in dictionary_entries:
            _add_item(entries, synsets, discards, entry.get("origin", "<dictionary>"), DICTIONARY, entry)
        for path in extra_files:
            _collect(entries, synsets, discards, str(path), Path(path).read_text(encoding="utf-8"), CURATED)
        families = load_families()
        expanded = _expand_synsets(synsets)
        if lemma_of is not None:
            lemma_of = lru_cache(maxsize=None)(lemma_of)  # the same verbs recur in many entries
        patterns = [p for entry in entries.values() for p in expand_entry(entry, ontology, expanded, lemma_of)]
        for prefix, words in families.modifiers.table + families.objects.table:
            for word, sub in words:
                if sub not in ontology:
                    raise LexiconError(f"families.yaml: modifier {word!r} under {prefix!r} has unknown code {sub!r}")
        for pattern in patterns:
            if pattern.family and families.get(pattern.family) is None:
                raise LexiconError(f"pattern {pattern.id!r} names unknown family {pattern.family!r}")
        return cls(patterns, families=families, synsets=expanded, discards=tuple(discards))


class _LexiconLoader(SafeLoader):  # type: ignore[valid-type,misc]  # the C loader when PyYAML has it
    """YAML 1.1 reads `on`, `off`, `yes`, `no` as booleans, but in a lexicon they
    are words ("call *on*"); only `true` and `false` are booleans here."""


_LexiconLoader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _bundled_files() -> Iterable[tuple[str, str, str]]:
    """(name, text, layer) of the bundled lexicon files: the curated ones, then the
    broad layer in `broad/`."""
    for folder, layer, prefix in ((data_path("lexicon"), CURATED, ""), (data_path("lexicon/broad"), BROAD, "broad/")):
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda f: f.name):
            if item.name.endswith((".yaml", ".yml")):
                yield prefix + item.name, item.read_text(encoding="utf-8"), layer


def _collect(entries: dict[str, dict[str, Any]], synsets: dict[str, list[str]], discards: list[Discard],
             name: str, text: str, layer: str) -> None:
    try:
        data = load_yaml(text, _LexiconLoader) or []
    except yaml.YAMLError as err:
        raise LexiconError(f"{name}: not valid YAML: {err}") from None
    if not isinstance(data, list):
        raise LexiconError(f"{name}: a lexicon file is a list of entries")
    for position, item in enumerate(data, 1):
        _add_item(entries, synsets, discards, f"{name}: entry {position}", layer, item, name)


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool
    whole_word: bool
    rank: int  # the layer's rank: it applies to that layer and those below


class DiscardIndex:
    """Discard phrases of one scope and layer, looked up word by word: a phrase matches
    from the start of a word; its last word may be a stem ("champion" in "champions")
    unless it is whole (PETRARCH's trailing "_"). Words are split as spaCy splits them
    ("women's" -> "women", "'s"), so the coder can hand over a parse's own words."""

    WORD = re.compile(r"\w+|'\w+|[^\w\s]")

    def __init__(self, discards: list[Discard]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
        self.stems: set[str] = set()  # one-word stems, found by the prefixes of a word
        for d in discards:
            words = tuple(self.words(d.phrase))
            if len(words) == 1 and not d.whole_word:
                self.stems.add(words[0])
            elif words:
                self.by_first[words[0]].append((words, d.whole_word))
        self.stem_lengths = sorted({len(stem) for stem in self.stems})
        self.shortest = self.stem_lengths[0] if self.stem_lengths else 0
        # How the stems start, as long as the shortest: most words start otherwise and
        # are done with in one look-up.
        self.stem_heads = {stem[:self.shortest] for stem in self.stems}

    @classmethod
    def words(cls, text: str) -> list[str]:
        return cls.WORD.findall(text.lower())

    def search(self, text: str) -> bool:
        return self.search_words(self.words(text))

    def search_words(self, words: Sequence[str]) -> bool:
        """Whether a phrase stands in `words` (lower case, split as `words` splits)."""
        for i, word in enumerate(words):
            if len(word) >= self.shortest and self.stems and self._has_stem(word):
                return True
            if word in self.by_first and any(_phrase_at(words, i, phrase, whole)
                                             for phrase, whole in self.by_first[word]):
                return True
        return False

    def _has_stem(self, word: str) -> bool:
        if word[:self.shortest] not in self.stem_heads:
            return False
        for n in self.stem_lengths:
            if n > len(word):
                return False
            if word[:n] in self.stems:
                return True
        return False


def _phrase_at(words: Sequence[str], i: int, phrase: tuple[str, ...], whole: bool) -> bool:
    end = i + len(phrase)
    if end > len(words) or tuple(words[i:end - 1]) != phrase[:-1]:
        return False
    last = words[end - 1]
    return last == phrase[-1] or (not whole and last.startswith(phrase[-1]))


def _discard_patterns(discards: tuple[Discard, ...]) -> dict[bool, tuple[tuple[int, DiscardIndex], ...]]:
    """One index per (scope, layer), highest layer first."""
    grouped: dict[tuple[bool, int], list[Discard]] = defaultdict(list)
    for d in discards:
        grouped[(d.story, d.rank)].append(d)
    out: dict[bool, list[tuple[int, DiscardIndex]]] = defaultdict(list)
    for (story, rank), items in sorted(grouped.items(), key=lambda kv: kv[0][1]):
        out[story].append((rank, DiscardIndex(items)))
    return {story: tuple(indexes) for story, indexes in out.items()}


def _add_item(entries: dict[str, dict[str, Any]], synsets: dict[str, list[str]], discards: list[Discard],
              where: str, layer: str, item: Any, name: str | None = None) -> None:
    """One list item of a lexicon file: an entry, a synonym set or a discard phrase,
    checked against the schema."""
    if isinstance(item, dict) and "discard" in item:
        unknown = set(item) - DISCARD_KEYS
        phrase = " ".join(str(item["discard"]).lower().split())
        if unknown or not phrase:
            raise LexiconError(f"{where}: a discard is {{discard: 'phrase', story: false, whole_word: false}}"
                               + (f"; unknown key(s) {', '.join(sorted(map(str, unknown)))}" if unknown else ""))
        discards.append(Discard(phrase, bool(item.get("story")), bool(item.get("whole_word")), LAYER_RANK[layer]))
        return
    if isinstance(item, dict) and "synset" in item:
        unknown = set(item) - SYNSET_KEYS
        ref = str(item["synset"]).lower()
        if unknown or not ref.startswith("&") or not isinstance(item.get("words"), list):
            raise LexiconError(f"{where}: a synonym set is {{synset: '&name', words: [...]}}"
                               + (f"; unknown key(s) {', '.join(sorted(map(str, unknown)))}" if unknown else ""))
        synsets.setdefault(ref, []).extend(str(w).lower() for w in item["words"])
        return
    if not isinstance(item, dict) or "id" not in item or "code" not in item:
        raise LexiconError(f"{where} needs at least 'id' and 'code'")
    unknown = set(item) - ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{name or where}: entry {item['id']!r} has unknown key(s) "
                           f"{', '.join(sorted(map(str, unknown)))}")
    entries[str(item["id"])] = {**item, "_file": name or where, "_layer": layer}


def _expand_synsets(synsets: dict[str, list[str]]) -> dict[str, frozenset[Term]]:
    """Each synonym set as the terms it stands for, sets named inside it expanded."""
    done: dict[str, frozenset[Term]] = {}

    def expand(ref: str, seen: tuple[str, ...]) -> frozenset[Term]:
        if ref in done:
            return done[ref]
        if ref not in synsets:
            raise LexiconError(f"synonym set {ref} is used but not defined")
        if ref in seen:
            raise LexiconError(f"synonym set {ref} contains itself ({' -> '.join(seen + (ref,))})")
        terms: set[Term] = set()
        for member in synsets[ref]:
            options: list[list[str]] = [[]]
            for word in member.replace("_", " ").split():
                alternatives = [list(t) for t in expand(word, seen + (ref,))] if word.startswith("&") else [[word]]
                options = [o + a for o in options for a in alternatives]
            terms.update(tuple(o) for o in options if o)
        done[ref] = frozenset(terms)
        return done[ref]

    for ref in synsets:
        expand(ref, ())
    return done


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(str(v).strip().lower() for v in value)


def _evaluation(entry: dict[str, Any]) -> str | None:
    """An entry's `evaluation`: "negative" (or `true`, the older form), "positive" or none."""
    value = entry.get("evaluation")
    if value in (None, False):
        return None
    kind = "negative" if value is True else str(value)
    if kind not in ("negative", "positive"):
        raise LexiconError(f"entry {entry['id']!r}: evaluation is 'negative' or 'positive', not {value!r}")
    return kind

def _known_code(entry: dict[str, Any], key: str, ontology: Ontology) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if key == "code" and str(value) == NULL_CODE:
        return NULL_CODE
    if entry.get("_layer") == DICTIONARY and ontology.outside(str(value)):
        return str(value)  # PETRARCH codes a user's dictionaries as written, CAMEO or not
    if ontology.resolve(str(value)) is None:
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown CAMEO {key.replace('_', ' ')} {str(value)!r}")
    return str(value)


def _verb_groups(entry: dict[str, Any], synsets: dict[str, frozenset[Term]],
                 lemma_of: Callable[[str], str | None] | None) -> list[tuple[str | None, tuple[str, ...]]]:
    """The entry's verbs as (particle, lemmas) groups, synonym sets expanded; a verb
    that is no lemma is an error naming the entry."""
    by_particle: dict[str | None, list[str]] = {}
    for phrase in _words(entry.get("verbs")):
        for words in (sorted(synsets[phrase]) if phrase in synsets else [tuple(phrase.split())]):
            if phrase.startswith("&") and phrase not in synsets:
                raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} uses undefined synonym set {phrase}")
            lemma, particle = words[0], " ".join(words[1:]) or None
            wrong = lemma_of(lemma) if lemma_of is not None else None
            if wrong is not None:
                raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has verb {lemma!r}, which is no "
                                   f"lemma (spaCy reads it as {wrong!r}); write the lemma or use 'forms'")
            group = by_particle.setdefault(particle, [])
            if lemma not in group:
                group.append(lemma)
    return [(particle, tuple(lemmas)) for particle, lemmas in by_particle.items()]


def _phrase(entry: dict[str, Any], synsets: dict[str, frozenset[Term]]) -> PhrasePattern | None:
    text = entry.get("pattern")
    if text is None:
        return None
    try:
        phrase = parse_pattern(str(text))
    except PatternError as err:
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has a malformed pattern: {err}") from None
    missing = phrase.synsets() - set(synsets)
    if missing:
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} uses undefined synonym set(s) "
                           f"{', '.join(sorted(missing))}")
    return phrase


def expand_entry(entry: dict[str, Any], ontology: Ontology, synsets: dict[str, frozenset[Term]] | None = None,
                 lemma_of: Callable[[str], str | None] | None = None) -> list[Pattern]:
    entry.setdefault("_file", "<entry>")
    synsets = synsets or {}
    code = _known_code(entry, "code", ontology)
    phrase = _phrase(entry, synsets)
    common = dict(
        code=code,
        objects=_words(entry.get("objects")),
        subjects=_words(entry.get("subjects")),
        preps=_words(entry.get("preps")),
        complements=_words(entry.get("complements")),
        modals=_words(entry.get("modals")),
        target_required=bool(entry.get("target_required", False)),
        reciprocal=bool(entry.get("reciprocal", False)),
        governs=bool(entry.get("governs", False)),
        governs_family_only=entry.get("governs") == "family",
        subordinate=bool(entry.get("subordinate", False)),
        family=str(entry["family"]) if entry.get("family") else None,
        embedded_only=bool(entry.get("embedded_only", False)),
        unstated_source=bool(entry.get("unstated_source", False)),
        source_roles=tuple(str(r).upper() for r in entry.get("source_roles") or ()),
        excluded_deps=tuple(frozenset(item.split("+")) for item in _words(entry.get("excluded_deps"))),
        joint_code=_known_code(entry, "joint_code", ontology),
        evaluation=_evaluation(entry),
        person_code=_known_code(entry, "person_code", ontology),
        state_code=_known_code(entry, "state_code", ontology),
        crowd_code=_known_code(entry, "crowd_code", ontology),
        compound_venue=bool(entry.get("compound_venue", False)),
        reverse_code=_known_code(entry, "reverse_code", ontology),
        layer=entry.get("_layer", CURATED),
        origin=str(entry["origin"]) if entry.get("origin") else None,
        compiled=compile_phrase(phrase, synsets) if phrase is not None else None,
    )
    patterns: list[Pattern] = []
    verb_target = _words(entry.get("target")) or VERB_TARGET_DEFAULT
    verb_source = _verb_source(entry)
    for slot in verb_target + _words(entry.get("noun_target")) + verb_source:
        if not slot.startswith("prep:") and slot not in SLOTS and sequence_slot(slot) is None:
            raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown argument slot {slot!r}")
    for particle, lemmas in _verb_groups(entry, synsets, lemma_of):
        patterns.append(
            Pattern(id=f"{entry['id']}.v", pos="verb", lemmas=lemmas, particle=particle,
                    target=verb_target, source=verb_source, phrase=phrase, **common)
        )
    forms = _words(entry.get("forms"))
    if forms:
        patterns.append(Pattern(id=f"{entry['id']}.v", pos="verb", lemmas=forms, target=verb_target,
                                source=verb_source, phrase=phrase, by_form=True, **common))
    if phrase is not None and (entry.get("nouns") or entry.get("adjectives")):
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r}: a 'pattern' is for verbs only")
    patient = entry.get("noun_role", "agent") == "patient"
    noun_target = _words(entry.get("noun_target")) or (
        NOUN_PATIENT_TARGET_DEFAULT if patient else NOUN_TARGET_DEFAULT
    )
    # "Russia's attack", "Israeli strikes", "Russia launched an attack": the agent;
    # "the arrest of X by Y", "police made arrests": a patient noun's source.
    noun_source = ("prep:by", "light_subj") if patient else ("poss", "prep:by", "amod", "compound", "light_subj")
    noun_common = {**common, "objects": (), "subjects": (), "complements": (), "compiled": None}
    for lemma in _words(entry.get("nouns")):
        patterns.append(
            Pattern(id=f"{entry['id']}.n", pos="noun", lemmas=(lemma,), target=noun_target,
                    source=noun_source, **noun_common)
        )
    patterns += _nominal_patterns(entry, verb_target, common)
    # "was *pessimistic* about", "is *confident* that": the copula's subject is the source.
    for lemma in _words(entry.get("adjectives")):
        patterns.append(
            Pattern(id=f"{entry['id']}.a", pos="adj", lemmas=(lemma,), target=verb_target,
                    **{**common, "objects": ()})
        )
    return patterns


def _nominal_patterns(entry: dict[str, Any], verb_target: tuple[str, ...], common: dict[str, Any]) -> list[Pattern]:
    """The noun of a verb whose object the pattern names, with that object in its
    of-phrase: "Iran announced *the suspension of talks* with the IAEA", "Russia's
    *annexation of* Crimea". The of-phrase holds the patient, so a possessor, a
    by-phrase or a light verb's subject is the agent; the verb's object slot is the
    of-phrase."""
    nominals = _words(entry.get("nominals"))
    if nominals and not entry.get("objects"):
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r}: 'nominals' need the 'objects' they keep")
    target = tuple(dict.fromkeys("of" if slot == "obj" else slot for slot in verb_target if slot != "poss"))
    nominal_common = {**common, "subjects": (), "complements": (), "compiled": None}
    return [Pattern(id=f"{entry['id']}.n", pos="noun", lemmas=(lemma,), target=target,
                    source=("poss", "prep:by", "light_subj"), **nominal_common) for lemma in nominals]


def _verb_source(entry: dict[str, Any]) -> tuple[str, ...]:
    """`source: none` (no stated agent), a list of slots, or the subject."""
    value = entry.get("source")
    if isinstance(value, str) and value.lower() == "none":
        return ()
    return _words(value) or ("subj",)
