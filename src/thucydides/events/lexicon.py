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
      subjects: [peacekeeper]             # a word the subject phrase must hold ("peacekeepers arrived")
      preps: [for]                        # a required preposition: "call for"
      complements: [attack, strike]       # a required xcomp: "threatened to attack"
                                          # ("*": any xcomp; "*clause": any that-clause;
                                          # "*own-clause": one about the speaker's own act)
      modals: [must, have]                # a required modal in the that-clause: "said X *must* go"
      adjectives: [pessimistic]           # predicative adjectives: "was *pessimistic* about"
      excluded_deps: [dobj+oprd]          # dependents that rule it out ("+": all of them):
                                          # "called *the move* *a mistake*" is no phone call
      target: [obj, prep:against/at]      # where the target comes from, in order
      target_required: true
      reciprocal: false                   # "X and Y held talks" -> X->Y and Y->X
      joint_code: "062"                   # the code when several parties act together
                                          # ("Russia and China held drills": joint exercises)
      governs: true                       # embedded actions are subsumed by this one
                                          # ("family": only those its family covers)
      family: threaten                    # the embedded action refines the code (data/families.yaml)
      embedded_only: false                # only says what a governing pattern is about
      subordinate: false                  # dropped when its complement carries an event
      unstated_source: false              # "nine civilians were killed": coded with no source
      source_roles: [CVL, LAB]            # only sources with these roles (else the next pattern)
      source: none                        # only events whose agent is unstated or a crowd
      compound_venue: true                # "the *Geneva* talks": a city compound is the venue

Each entry expands into one `Pattern` per part of speech.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from ..compiled import load_compiled
from ..datafiles import SafeLoader, data_path, load_yaml, read_data
from ..ontology import Ontology, default_ontology
from .arguments import SLOTS

VERB_TARGET_DEFAULT = ("obj",)
NOUN_TARGET_DEFAULT = ("of", "prep:on", "prep:against", "prep:with", "prep:to")
NOUN_PATIENT_TARGET_DEFAULT = ("of", "poss", "compound", "amod")


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used; the message names it."""


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    pos: str  # "verb" or "noun"
    lemma: str
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
    excluded_deps: tuple[frozenset[str], ...] = ()  # each: dependents that together rule it out
    compound_venue: bool = False

    @property
    def specificity(self) -> int:
        """Patterns with more constraints are tried first."""
        return (2 * bool(self.objects) + 2 * bool(self.subjects) + 2 * bool(self.complements)
                + 2 * bool(self.modals) + bool(self.preps) + bool(self.particle))


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
    families: Families = field(default_factory=lambda: Families({}))

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            index[(pattern.pos, pattern.lemma)].append(pattern)
        for candidates in index.values():
            # Embedded-only patterns say what a governing pattern is about; a real
            # event pattern on the same word goes first.
            candidates.sort(key=lambda p: (p.embedded_only, -p.specificity))
        self.by_lemma = dict(index)

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self.by_lemma.get((pos, lemma), [])

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), ontology: Ontology | None = None) -> "Lexicon":
        """The bundled lexicon, then each extra file; a later entry with the same id replaces it.

        Built once per set of source files and kept compiled (see `compiled.py`).
        """
        if ontology is not None and ontology is not default_ontology():
            return cls.build(extra_files, ontology)  # codes checked against a table of the caller's
        sources = [data_path("lexicon"), data_path("families.yaml"), data_path("ontology"), *map(Path, extra_files)]
        return load_compiled("lexicon", sources, lambda: cls.build(extra_files, default_ontology()))

    @classmethod
    def build(cls, extra_files: Sequence[str | Path], ontology: Ontology) -> "Lexicon":
        """The lexicon read from its YAML files: `load` without the compiled form."""
        entries: dict[str, dict[str, Any]] = {}
        for name, text in _bundled_files():
            _collect(entries, name, text)
        for path in extra_files:
            _collect(entries, str(path), Path(path).read_text(encoding="utf-8"))
        families = load_families()
        patterns = [p for name, entry in entries.items() for p in expand_entry(entry, ontology)]
        for prefix, words in families.modifiers.table + families.objects.table:
            for word, sub in words:
                if sub not in ontology:
                    raise LexiconError(f"families.yaml: modifier {word!r} under {prefix!r} has unknown code {sub!r}")
        for pattern in patterns:
            if pattern.family and families.get(pattern.family) is None:
                raise LexiconError(f"pattern {pattern.id!r} names unknown family {pattern.family!r}")
        return cls(patterns, families=families)


class _LexiconLoader(SafeLoader):
    """YAML 1.1 reads `on`, `off`, `yes`, `no` as booleans, but in a lexicon they
    are words ("call *on*"); only `true` and `false` are booleans here."""


_LexiconLoader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _bundled_files() -> Iterable[tuple[str, str]]:
    folder = data_path("lexicon")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith((".yaml", ".yml")):
            yield item.name, item.read_text(encoding="utf-8")


def _collect(entries: dict[str, dict[str, Any]], name: str, text: str) -> None:
    try:
        data = load_yaml(text, _LexiconLoader) or []
    except yaml.YAMLError as err:
        raise LexiconError(f"{name}: not valid YAML: {err}") from None
    if not isinstance(data, list):
        raise LexiconError(f"{name}: a lexicon file is a list of entries")
    for position, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or "id" not in entry or "code" not in entry:
            raise LexiconError(f"{name}: entry {position} needs at least 'id' and 'code'")
        entries[str(entry["id"])] = {**entry, "_file": name}


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(str(v).strip().lower() for v in value)


def _known_code(entry: dict[str, Any], key: str, ontology: Ontology) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if str(value) not in ontology:
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown CAMEO {key.replace('_', ' ')} {str(value)!r}")
    return str(value)


def expand_entry(entry: dict[str, Any], ontology: Ontology) -> list[Pattern]:
    code = _known_code(entry, "code", ontology)
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
        compound_venue=bool(entry.get("compound_venue", False)),
    )
    patterns: list[Pattern] = []
    verb_target = _words(entry.get("target")) or VERB_TARGET_DEFAULT
    for slot in verb_target + _words(entry.get("noun_target")):
        if not slot.startswith("prep:") and slot not in SLOTS:
            raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown argument slot {slot!r}")
    verb_source = () if str(entry.get("source", "")).lower() == "none" else ("subj",)
    for phrase in _words(entry.get("verbs")):
        lemma, _, particle = phrase.partition(" ")
        patterns.append(
            Pattern(id=f"{entry['id']}.v", pos="verb", lemma=lemma, particle=particle or None,
                    target=verb_target, source=verb_source, **common)
        )
    patient = entry.get("noun_role", "agent") == "patient"
    noun_target = _words(entry.get("noun_target")) or (
        NOUN_PATIENT_TARGET_DEFAULT if patient else NOUN_TARGET_DEFAULT
    )
    # "Russia's attack", "Israeli strikes", "Russia launched an attack": the agent;
    # "the arrest of X by Y", "police made arrests": a patient noun's source.
    noun_source = ("prep:by", "light_subj") if patient else ("poss", "prep:by", "amod", "compound", "light_subj")
    noun_common = {**common, "objects": (), "subjects": (), "complements": ()}
    for lemma in _words(entry.get("nouns")):
        patterns.append(
            Pattern(id=f"{entry['id']}.n", pos="noun", lemma=lemma, target=noun_target,
                    source=noun_source, **noun_common)
        )
    # "was *pessimistic* about", "is *confident* that": the copula's subject is the source.
    for lemma in _words(entry.get("adjectives")):
        patterns.append(
            Pattern(id=f"{entry['id']}.a", pos="adj", lemma=lemma, target=verb_target,
                    **{**common, "objects": ()})
        )
    return patterns
