"""What the coder's steps hand each other: the `Match` of a pattern on a predicate,
the `Candidate` event built from it, and what they need from actor resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from typing import Protocol

from spacy.tokens import Token

from ..model import Actor
from .focus import CountryNames
from .lexicon import CURATED, NULL_CODE, Pattern
from .modality import Modality

# CAMEO roots of acts that ask others to act (appeal, demand): what they embed is the
# targets' act.
ASKING_ROOTS = ("02", "10")


class ActorLookup(CountryNames, Protocol):
    """What the coder needs from actor resolution (see `thucydides.actors`)."""

    def resolve(self, token: Token, date: str | None = None) -> Actor | None: ...

    def resolve_many(self, token: Token, date: str | None = None) -> list[Actor]: ...

    def resolve_phrase(self, token: Token, date: str | None = None) -> object | None: ...
    def is_venue(self, name: str) -> bool: ...
    def is_major_place(self, name: str) -> bool: ...
    def names_people(self, word: str) -> bool: ...


@dataclass
class Match:
    """A predicate token that fits a pattern, before its actors are found."""

    pattern: Pattern
    predicate: Token
    light_object: Token | None = None  # the noun of a light-verb pattern ("imposed *sanctions*")
    complement: Token | None = None
    subsumed_by: "Match | None" = None
    embedded: "Match | None" = None  # the action a governing pattern is about ("to *withdraw*")
    also_embedded: list["Match"] = field(default_factory=list)  # the others, closest first
    means: "Match | None" = None  # the weapon or attack a violent act used ("in a *bomb attack*")
    anaphoric: set[tuple[int, int]] = field(default_factory=set)  # actor spans from pronouns
    named: tuple[Token, ...] = ()  # the words a `pattern:` matched ("NOT *": the "not")
    sequence: tuple[Token, ...] = ()  # the heads of its words after the verb, in order
    mutual: bool = False  # its sources are the parties of a meeting ("talks between X and Y failed")
    trace: list[str] = field(default_factory=list)


@dataclass
class Candidate:
    match: Match
    sources: list[Actor]
    targets: list[Actor]
    modality: Modality
    dropped: str | None = None  # why this candidate produced no event
    unstated_source: bool = False  # "nine civilians were killed": no source is stated
    code: str = ""  # the pattern's code, refined by an embedded action or a stated future

    def __post_init__(self) -> None:
        self.code = self.code or self.match.pattern.code

    @property
    def reciprocal(self) -> bool:
        """Whether coordinated sources act on each other: the pattern says so, or a
        governing pattern embeds such an act ("the US and South Korea *failed to
        reach agreement*": each failed the other), or they are the parties of a
        meeting that acts ("talks between X and Y failed")."""
        return self.match.pattern.reciprocal or self.match.mutual or self._embeds_reciprocal

    @property
    def _embeds_reciprocal(self) -> bool:
        embedded = self.match.embedded if self.match.pattern.governs else None
        if embedded is None or not embedded.pattern.reciprocal:
            return False
        # "Cuba and Norway urged *both sides* to return to talks": an appeal or a demand asks
        # its targets to act together, its sources do not act on each other
        return not (self.targets and self.code[:2] in ASKING_ROOTS)

    def dyads(self) -> list[tuple[Actor | None, Actor | None]]:
        """Each (source, target) pair: coordinated actors give one event each;
        a reciprocal predicate with several sources and no target pairs them up. A
        statement about the speaker's own side ("officials said Kyiv would...", "Zarif
        said Iran had...") has no target, nor an appeal to it ("Xi said the two
        countries should be partners" is no appeal of China's to China)."""
        if self.reciprocal and len(self.sources) > 1 and (not self.targets or self._embeds_reciprocal):
            # "Armenia and Azerbaijan agreed to *exchange* prisoners": each agreed with the
            # other; the prisoners are what the embedded act is done to
            return [(a, b) for a, b in product(self.sources, self.sources) if a is not b]
        unstated: list[Actor | None] = [None] if self.unstated_source else []
        sources: list[Actor | None] = [*self.sources] or unstated
        pairs: list[tuple[Actor | None, Actor | None]] = []
        for source in sources:
            # "X said *he* ...": the source's own mention is no target of its act.
            targets: list[Actor | None] = [
                t for t in self.targets if source is None or not self._same_mention(source, t)
                and not (self.code.startswith("01") and source.code.startswith(t.code))
                and not (self.code.startswith("02") and _own_country(source, t))]
            pairs.extend((source, t) for t in targets or [None])
        return pairs

    def coded_dyads(self) -> list[tuple[str, Actor | None, Actor | None]]:
        """(code, source, target) of each event: the dyads, and for a paired code
        ("visited X": 042, and X hosted: 043) each dyad reversed under the second code."""
        # a broad pattern's actor acting on itself ("Netanyahu said he would convene *his
        # government*": ISRGOV -> ISRGOV) is no dyad (the curated lexicon knows when one is)
        broad = self.match.pattern.layer != CURATED
        pairs = [(s, t) for s, t in self.dyads() if not (broad and s and t and s.code == t.code)]
        out = [(self.code, s, t) for s, t in pairs]
        reverse = self.match.pattern.reverse_code
        if reverse:
            out += [(reverse, t, s) for s, t in pairs if t is not None and s is not None]
        return [(c, s, t) for c, s, t in out if c != NULL_CODE]

    def _same_mention(self, source: Actor, target: Actor) -> bool:
        """An artefact dyad: the two actors are one mention ("Turkish police" and
        "Turkish"), or one is a pronoun for the other ("X said *he* ...")."""
        if source.start < target.end and target.start < source.end:
            return True
        anaphoric = self.match.anaphoric
        return source.code == target.code and (
            (source.start, source.end) in anaphoric or (target.start, target.end) in anaphoric)


def _own_country(source: Actor, target: Actor) -> bool:
    """Whether the target is the source's own country as a whole ("China" for Xi)."""
    return target.role is None and target.country is not None and target.country == source.country
