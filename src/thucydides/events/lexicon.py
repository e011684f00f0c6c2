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
      preps: [for]                        # a required preposition: "call for"
      complements: [attack, strike]       # a required xcomp: "threatened to attack"
      target: [obj, prep:against/at]      # where the target comes from, in order
      target_required: true
      reciprocal: false                   # "X and Y held talks" -> X->Y and Y->X
      governs: true                       # embedded actions are subsumed by this one
      subordinate: false                  # dropped when its complement carries an event

Each entry expands into one `Pattern` per part of speech.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

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
    preps: tuple[str, ...] = ()
    complements: tuple[str, ...] = ()
    target: tuple[str, ...] = VERB_TARGET_DEFAULT
    source: tuple[str, ...] = ("subj",)
    target_required: bool = False
    reciprocal: bool = False
    governs: bool = False
    subordinate: bool = False

    @property
    def specificity(self) -> int:
        """Patterns with more constraints are tried first."""
        return 2 * bool(self.objects) + 2 * bool(self.complements) + bool(self.preps) + bool(self.particle)


@dataclass
class Lexicon:
    patterns: list[Pattern]
    by_lemma: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            index[(pattern.pos, pattern.lemma)].append(pattern)
        for candidates in index.values():
            candidates.sort(key=lambda p: -p.specificity)
        self.by_lemma = dict(index)

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self.by_lemma.get((pos, lemma), [])

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), ontology: Ontology | None = None) -> "Lexicon":
        """The bundled lexicon, then each extra file; a later entry with the same id replaces it."""
        ontology = ontology or default_ontology()
        entries: dict[str, dict[str, Any]] = {}
        for name, text in _bundled_files():
            _collect(entries, name, text)
        for path in extra_files:
            _collect(entries, str(path), Path(path).read_text(encoding="utf-8"))
        patterns = [p for name, entry in entries.items() for p in expand_entry(entry, ontology)]
        return cls(patterns)


def _bundled_files() -> Iterable[tuple[str, str]]:
    folder = resources.files("thucydides").joinpath("data/lexicon")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith((".yaml", ".yml")):
            yield item.name, item.read_text(encoding="utf-8")


def _collect(entries: dict[str, dict[str, Any]], name: str, text: str) -> None:
    try:
        data = yaml.safe_load(text) or []
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


def expand_entry(entry: dict[str, Any], ontology: Ontology) -> list[Pattern]:
    code = str(entry["code"])
    if code not in ontology:
        raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown CAMEO code {code!r}")
    common = dict(
        code=code,
        objects=_words(entry.get("objects")),
        preps=_words(entry.get("preps")),
        complements=_words(entry.get("complements")),
        target_required=bool(entry.get("target_required", False)),
        reciprocal=bool(entry.get("reciprocal", False)),
        governs=bool(entry.get("governs", False)),
        subordinate=bool(entry.get("subordinate", False)),
    )
    patterns: list[Pattern] = []
    verb_target = _words(entry.get("target")) or VERB_TARGET_DEFAULT
    for slot in verb_target + _words(entry.get("noun_target")):
        if not slot.startswith("prep:") and slot not in SLOTS:
            raise LexiconError(f"{entry['_file']}: entry {entry['id']!r} has unknown argument slot {slot!r}")
    for phrase in _words(entry.get("verbs")):
        lemma, _, particle = phrase.partition(" ")
        patterns.append(
            Pattern(id=f"{entry['id']}.v", pos="verb", lemma=lemma, particle=particle or None,
                    target=verb_target, **common)
        )
    patient = entry.get("noun_role", "agent") == "patient"
    noun_target = _words(entry.get("noun_target")) or (
        NOUN_PATIENT_TARGET_DEFAULT if patient else NOUN_TARGET_DEFAULT
    )
    # "Russia's attack", "Israeli strikes", "Russia launched an attack": the agent;
    # "the arrest of X by Y", "police made arrests": a patient noun's source.
    noun_source = ("prep:by", "light_subj") if patient else ("poss", "prep:by", "amod", "compound", "light_subj")
    noun_common = {**common, "objects": (), "complements": ()}
    for lemma in _words(entry.get("nouns")):
        patterns.append(
            Pattern(id=f"{entry['id']}.n", pos="noun", lemma=lemma, target=noun_target,
                    source=noun_source, **noun_common)
        )
    return patterns
