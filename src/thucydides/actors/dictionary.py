"""The actor dictionary: countries, role nouns, IGOs, named groups and people, from YAML.

The bundled files live in `thucydides/data/actors/` (countries.yaml, roles.yaml,
igos.yaml, groups.yaml, people.yaml; README.md there describes them). A user's files use
the same format -- any of the top-level sections `countries`, `blocks`, `roles`, `weak`,
`context`, `transparent`, `nonactors`, `venues`, `former`, `igos`, `groups`, `people` (see
`people.py`), `anaphora` (see `coref.py`) -- and are applied after the bundled ones, in order:

* an entry of `countries`, `igos`, `groups` or `people` with a known key is merged into the
  existing one (lists such as `names` or `aliases` are extended, mappings such as
  `metonyms` updated, scalars replaced); `replace: true` replaces it wholesale; a new
  key adds an entry;
* a name or role term that a later file lists again belongs to the later file (a user's
  file can move "spokesman" from GOV to MED, or "Congo" from one country to another).

A layer marked `broad: true` (the Phoenix actors and agents converted from the open
PETRARCH-2 dictionaries, `data/actors/phoenix/`) adds names and role terms only where
no other layer has them: it never takes a name from the curated files or the user's.

Everything is precomputed into two look-up tables keyed by normalised word tuples
(see `normalize.py`), so resolving a phrase is a handful of dict look-ups per token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..compiled import load_compiled
from ..datafiles import data_path, load_yaml
from ..names import alias_key
from ..packed import PickledMapping
from .grammar import GRAMMAR_FILE
from .normalize import CASE_ANY, case_rule, demonym_plurals, plural
from .people import ROLE_CODES, Person, PersonError, parse_person

BUNDLED_FILES = ("countries.yaml", "roles.yaml", "igos.yaml", "groups.yaml", "people.yaml")

SECTIONS = frozenset(
    "countries blocks roles weak context transparent nonactors venues former igos groups people anaphora broad "
    "notice".split()
)
BROAD_FOLDER = "phoenix"

# Entity kinds, and which of them a country-bearing alias can be.
COUNTRY = "country"
DEMONYM = "demonym"
CAPITAL = "capital"
METONYM = "metonym"
PLACE = "place"
BLOCK = "block"
IGO = "igo"
GROUP = "group"
PERSON = "person"
PARTY = "party"  # an anaphor's kind: any actor, person, group or state ("both sides")
SPOKESBODY = "spokesbody"  # an anaphor's kind: the body or state that spoke just before ("a spokesperson")
ROLE = "role"  # a resolved phrase's kind when it names a role and no one in particular

STRONG = "strong"
WEAK = "weak"
CONTEXT = "context"


class DictionaryError(ValueError):
    """A dictionary file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    official: str | None = None
    iso2: str | None = None
    wikidata: str | None = None
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    capitals: tuple[str, ...] = ()
    metonyms: tuple[tuple[str, str], ...] = ()
    places: tuple[str, ...] = ()
    historical: bool = False


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        day = date[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Organisation:
    """An IGO, NGO or named group (armed group, party, national organ, media outlet)."""

    id: str
    kind: str  # IGO or GROUP
    name: str
    code: str
    role: str | None = None  # explicit role; else derived from the code's last block
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    dated: tuple[DatedCode, ...] = ()

    def code_on(self, date: str | None = None) -> str:
        """The code in force on `date` (ISO), or the plain code."""
        if date:
            for period in self.dated:
                if period.covers(date):
                    return period.code
        return self.code

    def role_of(self, code: str) -> str | None:
        """The role the organisation carries: the explicit role, else the code's last
        block when that is a role code (PSEREB -> REB, NGO -> NGO)."""
        if self.role:
            return self.role
        tail = code[-3:]
        return tail if tail in ROLE_CODES else None

    def full_code(self, date: str | None = None) -> str:
        """The code on `date` with the organisation's role block (ICC -> IGOICCJUD)."""
        code = self.code_on(date)
        role = self.role_of(code)
        return code if role is None or code.endswith(role) else code + role


@dataclass(frozen=True)
class Payload:
    """What an alias names: an entity of `kind` (a country code or an organisation id)."""

    kind: str
    ref: str
    rule: int = 0  # case rule, normalize.CASE_*
    role: str | None = None  # metonyms: the role they stand for
    plural: bool = False  # demonyms: a plural noun ("Afghans")


@dataclass(frozen=True)
class RoleTerm:
    role: str | None  # None for context terms
    strength: str  # STRONG, WEAK or CONTEXT


@dataclass(frozen=True)
class Anaphor:
    """What a definite description ("the alliance", "the minister") can refer back to."""

    kind: str  # PERSON, IGO, GROUP, COUNTRY or PARTY (any of them)
    ids: frozenset[str] = frozenset()  # organisation ids it is restricted to
    roles: frozenset[str] = frozenset()  # roles the antecedent must carry
    count: int = 1  # "the two countries": 2
    otherwise: str | None = None  # the kind looked for where none of `kind` fits


@dataclass
class _Builder:
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    orgs: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    anaphora: dict[tuple[str, ...], Anaphor] = field(default_factory=dict)
    entity_regs: list[tuple[tuple[str, ...], Payload]] = field(default_factory=list)
    role_regs: list[tuple[tuple[str, ...], RoleTerm]] = field(default_factory=list)
    transparent: set[str] = field(default_factory=set)
    nonactors: set[str] = field(default_factory=set)
    venues: set[str] = field(default_factory=set)
    former: set[str] = field(default_factory=set)
    # registrations of `broad` layers: used only for keys no other layer registers
    broad_entity_regs: list[tuple[tuple[str, ...], Payload]] = field(default_factory=list)
    broad_role_regs: list[tuple[tuple[str, ...], RoleTerm]] = field(default_factory=list)
    broad_ids: set[str] = field(default_factory=set)  # people and organisations of broad layers
    surnames: set[str] = field(default_factory=set)  # refs of surnames given explicitly


MISSPELLING_MIN_LENGTH = 6  # shorter words are other names, not misspellings ("Kim", "Lee")


def _one_word_misspelt(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    if len(words) != len(name) or words == name:
        return False
    differing = [(w, n) for w, n in zip(words, name) if w != n]
    return len(differing) == 1 and min(map(len, differing[0])) >= MISSPELLING_MIN_LENGTH \
        and _one_edit_apart(*differing[0])


def _misspelling_index(people_index: dict[str, tuple[str, ...]]) -> dict[tuple[int, tuple[str, ...]], list[str]]:
    """Every multi-word name under (position, its other words), for each long word: a
    misspelt name is looked up by the words it gets right instead of scanning all names."""
    index: dict[tuple[int, tuple[str, ...]], list[str]] = {}
    for ref in people_index:
        name = tuple(ref.split())
        if len(name) < 2:
            continue
        for i, word in enumerate(name):
            if len(word) >= MISSPELLING_MIN_LENGTH:
                index.setdefault((i, name[:i] + name[i + 1:]), []).append(ref)
    return index


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, deleted or replaced (Levenshtein distance 1)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None and str(v).strip()]
    raise DictionaryError(f"{where}: expected a list of strings, got {type(value).__name__}")


def _check_role(role: Any, where: str) -> str:
    if not isinstance(role, str) or not re.fullmatch(r"[A-Z]{3}", role):
        raise DictionaryError(f"{where}: role codes are three capital letters, got {role!r}")
    return role


def _merge_entry(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    if old is None or new.get("replace"):
        return {k: v for k, v in new.items() if k != "replace"}
    merged = dict(old)
    for key, value in new.items():
        if key == "replace":
            continue
        if isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + [v for v in value if v not in merged[key]]
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _register_names(b: _Builder, names: Iterable[str], kind: str, ref: str, **extra: Any) -> None:
    for name in names:
        key = alias_key(name)
        if key:
            b.entity_regs.append((key, Payload(kind, ref, case_rule(name), **extra)))


def _apply_countries(b: _Builder, section: Any, where: str) -> None:
    if not isinstance(section, dict):
        raise DictionaryError(f"{where}: 'countries' must map codes to entries")
    for code, data in section.items():
        here = f"{where}: countries.{code}"
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(f"{here}: country codes are three capital letters")
        if not isinstance(data, dict):
            raise DictionaryError(f"{here}: expected a mapping")
        if data.get("replace"):
            b.entity_regs = [
                r for r in b.entity_regs
                if not (r[1].ref == code and r[1].kind in (COUNTRY, DEMONYM, CAPITAL, METONYM, PLACE))
            ]
        merged = _merge_entry(b.countries.get(code), data)
        if not merged.get("name"):
            raise DictionaryError(f"{here}: a new country needs a 'name'")
        b.countries[code] = merged
        # Registration order sets precedence within this file: names win over the rest.
        _register_names(b, _as_list(data.get("places"), here), PLACE, code)
        _register_names(b, _as_list(data.get("capitals"), here), CAPITAL, code)
        metonyms = data.get("metonyms") or {}
        if not isinstance(metonyms, dict):
            raise DictionaryError(f"{here}: 'metonyms' must map names to role codes")
        for name, role in metonyms.items():
            _register_names(b, [name], METONYM, code, role=_check_role(role, f"{here}.metonyms"))
        for form in _as_list(data.get("demonyms"), here):
            _register_names(b, [form], DEMONYM, code)
            _register_names(b, demonym_plurals(form), DEMONYM, code, plural=True)
        names = _as_list(data.get("names"), here)
        if data.get("name"):
            names = [data["name"], *names]
        _register_names(b, names, COUNTRY, code)


def _section_entries(section: Any, label: str, where: str, keys: str = "ids") -> Iterator[tuple[str, dict, str]]:
    """(id, entry, where-message prefix) for each entry of a YAML section that maps ids
    to mappings; a malformed section or entry raises `DictionaryError` naming it."""
    if not isinstance(section, dict):
        raise DictionaryError(f"{where}: '{label}' must map {keys} to entries")
    for ident, data in section.items():
        here = f"{where}: {label}.{ident}"
        if not isinstance(data, dict):
            raise DictionaryError(f"{here}: expected a mapping")
        yield str(ident), data, here


def _apply_orgs(b: _Builder, section: Any, kind: str, where: str) -> None:
    label = "igos" if kind == IGO else "groups"
    for ident, data, here in _section_entries(section, label, where):
        if data.get("replace"):
            b.entity_regs = [r for r in b.entity_regs if not (r[1].ref == ident and r[1].kind in (IGO, GROUP))]
        merged = _merge_entry(b.orgs.get(ident), data)
        merged["_kind"] = b.orgs.get(ident, {}).get("_kind", kind)
        if not merged.get("name") or not merged.get("code"):
            raise DictionaryError(f"{here}: an entry needs a 'name' and a 'code'")
        if not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", str(merged["code"])):
            raise DictionaryError(f"{here}: codes are blocks of three capitals, got {merged['code']!r}")
        if merged.get("role") is not None:
            _check_role(merged["role"], here)
        for period in merged.get("dated") or []:
            if not isinstance(period, dict) or "code" not in period:
                raise DictionaryError(f"{here}: 'dated' entries need a 'code'")
        b.orgs[ident] = merged
        names = _as_list(data.get("aliases"), here)
        if data.get("name"):
            names = [str(data["name"]), *names]
        _register_names(b, names, merged["_kind"], ident)


def _apply_people(b: _Builder, section: Any, where: str) -> None:
    for ident, data, here in _section_entries(section, "people", where):
        merged = _merge_entry(b.people.get(ident), data)
        try:
            person = parse_person(ident, merged, here)  # validates now, built again at the end
        except PersonError as err:
            raise DictionaryError(str(err)) from err
        b.people[ident] = merged
        if merged.get("surname"):
            b.surnames.add(" ".join(alias_key(str(merged["surname"]))))
        # The payload's ref is the alias itself: namesakes ("Bush", "Li") share it and the
        # date picks one (ActorDictionary.person_named).
        for alias in person.aliases:
            key = alias_key(alias)
            if key:
                b.entity_regs.append((key, Payload(PERSON, " ".join(key), case_rule(alias))))


_ANAPHOR_KINDS = {"person": PERSON, "igo": IGO, "group": GROUP, "country": COUNTRY, "party": PARTY,
                  "spokesbody": SPOKESBODY}


def _apply_anaphora(b: _Builder, section: Any, where: str) -> None:
    if not isinstance(section, dict):
        raise DictionaryError(f"{where}: 'anaphora' must map descriptions to entries")
    for text, data in section.items():
        here = f"{where}: anaphora.{text}"
        if not isinstance(data, dict) or data.get("kind") not in _ANAPHOR_KINDS:
            raise DictionaryError(f"{here}: needs a kind: one of {', '.join(_ANAPHOR_KINDS)}")
        b.anaphora[alias_key(str(text))] = Anaphor(
            kind=_ANAPHOR_KINDS[data["kind"]],
            ids=frozenset(_as_list(data.get("ids"), here)),
            roles=frozenset(_check_role(r, here) for r in _as_list(data.get("roles"), here)),
            count=int(data.get("count") or 1),
            otherwise=_otherwise_kind(data, here),
        )


def _otherwise_kind(data: dict[str, Any], where: str) -> str | None:
    """ "the two leaders": two people named before, otherwise two countries."""
    kind = data.get("otherwise")
    if kind is None:
        return None
    if kind not in _ANAPHOR_KINDS:
        raise DictionaryError(f"{where}: 'otherwise' is one of {', '.join(_ANAPHOR_KINDS)}")
    return _ANAPHOR_KINDS[kind]


def _apply_roles(b: _Builder, section: Any, strength: str, where: str) -> None:
    if strength == CONTEXT:
        for term in _as_list(section, f"{where}: context"):
            for form in {term, plural(term)}:
                b.role_regs.append((alias_key(form), RoleTerm(None, CONTEXT)))
        return
    if not isinstance(section, dict):
        raise DictionaryError(f"{where}: '{'roles' if strength == STRONG else 'weak'}' must map role codes to terms")
    for role, terms in section.items():
        role = _check_role(role, f"{where}: roles")
        for term in _as_list(terms, f"{where}: roles.{role}"):
            for form in {term, plural(term)}:
                key = alias_key(form)
                if key:
                    b.role_regs.append((key, RoleTerm(role, strength)))


def _apply_layer(b: _Builder, doc: Any, where: str) -> None:
    if doc is None:
        return
    if not isinstance(doc, dict):
        raise DictionaryError(f"{where}: expected a mapping of sections")
    if doc.get("broad"):
        _apply_broad_layer(b, doc, where)
        return
    unknown = set(doc) - SECTIONS
    if unknown:
        raise DictionaryError(
            f"{where}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
            f"expected some of {', '.join(sorted(SECTIONS))}"
        )
    if "countries" in doc:
        _apply_countries(b, doc["countries"], where)
    if "blocks" in doc:  # matched in any case: "central American" is no American
        for name in _as_list(doc["blocks"], f"{where}: blocks"):
            if alias_key(name):
                b.entity_regs.append((alias_key(name), Payload(BLOCK, "", CASE_ANY)))
    if "roles" in doc:
        _apply_roles(b, doc["roles"], STRONG, where)
    if "weak" in doc:
        _apply_roles(b, doc["weak"], WEAK, where)
    if "context" in doc:
        _apply_roles(b, doc["context"], CONTEXT, where)
    for name, target in (("transparent", b.transparent), ("nonactors", b.nonactors), ("venues", b.venues),
                         ("former", b.former)):
        if name in doc:
            target.update(" ".join(alias_key(t)) for t in _as_list(doc[name], f"{where}: {name}"))
    if "igos" in doc:
        _apply_orgs(b, doc["igos"], IGO, where)
    if "groups" in doc:
        _apply_orgs(b, doc["groups"], GROUP, where)
    if "people" in doc:
        _apply_people(b, doc["people"], where)
    if "anaphora" in doc:
        _apply_anaphora(b, doc["anaphora"], where)


def _apply_broad_layer(b: _Builder, doc: dict[str, Any], where: str) -> None:
    """Apply a `broad` layer with its registrations set aside (see `_Builder`)."""
    strong_entities, strong_roles, known = b.entity_regs, b.role_regs, {*b.people, *b.orgs}
    b.entity_regs, b.role_regs = [], []
    try:
        _apply_layer(b, {k: v for k, v in doc.items() if k != "broad"}, where)
    finally:
        b.broad_entity_regs += b.entity_regs
        b.broad_role_regs += b.role_regs
        b.entity_regs, b.role_regs = strong_entities, strong_roles
        b.broad_ids |= {*b.people, *b.orgs} - known


class ActorDictionary:
    """Look-up tables for actor resolution. Immutable once built; build with `load`."""

    def __init__(self, builder: _Builder) -> None:
        self.countries: dict[str, Country] = {
            code: Country(
                code=code,
                name=str(d["name"]),
                official=d.get("official"),
                iso2=d.get("iso2"),
                wikidata=d.get("wikidata"),
                names=tuple(_as_list(d.get("names"), code)),
                demonyms=tuple(_as_list(d.get("demonyms"), code)),
                capital=d.get("capital"),
                capitals=tuple(_as_list(d.get("capitals"), code)),
                metonyms=tuple((d.get("metonyms") or {}).items()),
                places=tuple(_as_list(d.get("places"), code)),
                historical=bool(d.get("historical")),
            )
            for code, d in builder.countries.items()
        }
        # People and organisations: thousands, of which a run meets a few, so kept pickled
        # until read (`PickledMapping`).
        self.organisations: Mapping[str, Organisation] = PickledMapping({
            ident: Organisation(
                id=ident,
                kind=d["_kind"],
                name=str(d["name"]),
                code=str(d["code"]),
                role=d.get("role"),
                wikidata=d.get("wikidata"),
                aliases=tuple(_as_list(d.get("aliases"), ident)),
                dated=tuple(
                    DatedCode(str(p["code"]), _date(p.get("start")), _date(p.get("end")))
                    for p in d.get("dated") or []
                ),
            )
            for ident, d in builder.orgs.items()
        })
        self.people: Mapping[str, Person] = PickledMapping({
            ident: parse_person(ident, d, ident) for ident, d in builder.people.items()
        })
        index: dict[str, list[str]] = {}
        # Namesakes tie on relevance when both are in office: a person of the curated
        # files (or the user's) goes before one of a broad layer.
        ordered = sorted(self.people.values(), key=lambda p: p.id in builder.broad_ids)
        for person in ordered:
            for alias in person.aliases:
                ids = index.setdefault(" ".join(alias_key(alias)), [])
                if person.id not in ids:
                    ids.append(person.id)
        self._people_index = {key: tuple(ids) for key, ids in index.items()}
        self._broad_ids = frozenset(builder.broad_ids)
        # Bare surnames that only people of a broad layer bear (the converter gives one
        # where it names no one else): read with more care (`person_named`, the resolver).
        self._broad_surnames = frozenset(
            ref for ref in builder.surnames
            if self._people_index.get(ref) and all(i in self._broad_ids for i in self._people_index[ref]))
        self.anaphora: dict[tuple[str, ...], Anaphor] = dict(builder.anaphora)
        # Later registrations win: bundled files first, then the user's, in order.
        # The same name written twice ("Hamas", "HAMAS") keeps the looser case rule.
        self._entities: dict[tuple[str, ...], Payload] = {}
        for key, payload in builder.entity_regs:
            old = self._entities.get(key)
            if old is not None and (old.kind, old.ref, old.role) == (payload.kind, payload.ref, payload.role):
                payload = replace(payload, rule=min(old.rule, payload.rule), plural=old.plural and payload.plural)
            self._entities[key] = payload
        self._roles: dict[tuple[str, ...], RoleTerm] = {}
        for key, term in builder.role_regs:
            self._roles[key] = term
        broad_entities = {k: p for k, p in builder.broad_entity_regs if k not in self._entities}
        broad_roles = {k: t for k, t in builder.broad_role_regs if k not in self._roles and k not in self._entities}
        self._entities.update((k, p) for k, p in broad_entities.items() if k not in self._roles)
        self._roles.update(broad_roles)
        self.max_words = max(map(len, [*self._entities, *self._roles]), default=1)
        # Every leading part of a key ("united", "united nations" for "united nations
        # security council"): a phrase scan stops extending a word sequence once it
        # leads to no key, instead of trying every length up to `max_words`.
        self._prefixes = frozenset(key[:n] for key in (*self._entities, *self._roles) for n in range(1, len(key) + 1))
        self.transparent = frozenset(builder.transparent)
        self.nonactors = frozenset(builder.nonactors)
        self.venues = frozenset(builder.venues)
        self.former = frozenset(builder.former)
        self._by_iso2 = {c.iso2: c.code for c in self.countries.values() if c.iso2 and not c.historical}

    # --- construction -------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), extra_layers: Sequence[tuple[str, Any]] = (),
             bundled: bool = True, layer_sources: Sequence[str | Path] = ()) -> "ActorDictionary":
        """The bundled dictionary (unless `bundled` is false), then `extra_layers`
        (parsed documents, such as the converted PETRARCH dictionaries of the folders
        `layer_sources`), then the user's files (same format), applied in order; built
        once per set of sources and kept compiled (see `compiled.py`)."""
        if isinstance(extra_files, (str, Path)):
            extra_files = [extra_files]
        if not extra_files and not extra_layers and bundled:
            return default_dictionary()
        # Without the bundled folder the role terms' plurals still come from its grammar file.
        bundled_data = data_path("actors") if bundled else data_path(GRAMMAR_FILE)
        sources = [bundled_data, *map(Path, layer_sources), *map(Path, extra_files)]
        read = lambda: cls._read(extra_files, extra_layers, bundled)  # noqa: E731
        if extra_layers and not layer_sources:
            return read()  # layers without files to key a compiled form on
        return load_compiled("actors" if bundled else "actors-alone", sources, read)

    @classmethod
    def _read(cls, extra_files: Sequence[str | Path], extra_layers: Sequence[tuple[str, Any]] = (),
              bundled: bool = True) -> "ActorDictionary":
        """Built from the bundled files, the extra layers and the user's YAML: `load`
        without the compiled form."""
        layers = [*(_bundled_layers() if bundled else ()), *extra_layers]
        for path in extra_files:
            path = Path(path)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as err:
                raise DictionaryError(f"cannot read actor dictionary {path}: {err}") from err
            try:
                layers.append((str(path), load_yaml(text)))
            except yaml.YAMLError as err:
                raise DictionaryError(f"{path}: not valid YAML: {err}") from err
        return cls.from_layers(layers)

    @classmethod
    def from_layers(cls, layers: Iterable[tuple[str, Any]]) -> "ActorDictionary":
        """Build from parsed YAML documents given as (name for messages, document)."""
        builder = _Builder()
        for where, doc in layers:
            _apply_layer(builder, doc, where)
        return cls(builder)

    # --- look-ups -----------------------------------------------------------------------

    def entity(self, key: tuple[str, ...]) -> Payload | None:
        return self._entities.get(key)

    def alias_keys(self) -> Iterator[tuple[tuple[str, ...], str, int, bool]]:
        """Each entity alias key with its payload's kind, its case rule and whether only a
        broad layer knows it (the re-casing of caseless text reads them, `casing.py`)."""
        for key, payload in self._entities.items():
            yield key, payload.kind, payload.rule, self._only_broad(payload)

    def _only_broad(self, payload: Payload) -> bool:
        if payload.kind == PERSON:
            ids = self._people_index.get(payload.ref, ())
            return bool(ids) and all(i in self._broad_ids for i in ids)
        return payload.ref in self._broad_ids

    def role_term(self, key: tuple[str, ...]) -> RoleTerm | None:
        return self._roles.get(key)

    @cached_property
    def _misspellings(self) -> dict[tuple[int, tuple[str, ...]], list[str]]:
        # Built when a name is first looked up as a misspelling, not loaded with the rest;
        # among the curated people only: the broad layer's 18,000 are matched as written
        # (its own files list the variants it knows).
        return _misspelling_index({key: ids for key, ids in self._people_index.items()
                                   if any(i not in self._broad_ids for i in ids)})

    def similar_person(self, key: tuple[str, ...]) -> Payload | None:
        """A full name one letter off a known person's ("Francois Mitterand" for
        "François Mitterrand"): news copy misspells names. Only a name of two or more
        words whose other words agree, one long word apart, and only one such person."""
        if len(key) < 2:
            return None
        found = {
            ref
            for i, word in enumerate(key) if len(word) >= MISSPELLING_MIN_LENGTH
            for ref in self._misspellings.get((i, key[:i] + key[i + 1:]), ())
            if _one_word_misspelt(key, tuple(ref.split()))
        }
        return Payload(PERSON, found.pop()) if len(found) == 1 else None

    def leads_to_key(self, words: tuple[str, ...]) -> bool:
        """Whether some entity or role key starts with `words` (or is `words`)."""
        return words in self._prefixes

    def person_named(self, ref: str, date: str | None = None) -> Person | None:
        """The person a PERSON payload's alias names on `date`: among namesakes the one
        in office then, else the one whose last office began most recently before it."""
        people = [self.people[i] for i in self._people_index.get(ref, ())]
        if ref in self._broad_surnames and date is not None:
            # a bare surname of the broad layer names its bearer only while in office:
            # "Baker" in 2025 is not the secretary of state of 1990
            people = [p for p in people if p.office_on(date) is not None]
        if not people:
            return None
        return max(people, key=lambda p: p.relevance(date))  # max keeps the first on ties

    def is_broad_surname(self, ref: str) -> bool:
        """Whether a PERSON payload's ref is a bare surname only the broad layer gives."""
        return ref in self._broad_surnames

    def is_broad(self, ident: str) -> bool:
        """Whether a person or organisation comes from a broad layer (the Phoenix actors)."""
        return ident in self._broad_ids

    def country(self, code: str | None) -> Country | None:
        return self.countries.get(code) if code else None

    def country_for_iso2(self, iso2: str) -> str | None:
        return self._by_iso2.get(iso2)

    def organisation_country(self, code: str) -> str | None:
        """The country of an organisation's code (PSEREB -> PSE; IGO..., IMG... -> None)."""
        head = code[:3]
        return head if head in self.countries else None

    def __repr__(self) -> str:
        return (
            f"ActorDictionary({len(self.countries)} countries, {len(self.organisations)} organisations, "
            f"{len(self._roles)} role terms, {len(self.people)} people)"
        )


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)  # YAML may have parsed it as a date
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise DictionaryError(f"dates are YYYY-MM-DD, got {value!r}")
    return text


def _bundled_layers(broad: bool = True) -> tuple[tuple[str, Any], ...]:
    """The curated files, then (with `broad`) the broad layer (`phoenix/`), which adds
    only what they lack."""
    base = data_path("actors")
    curated = [(f"thucydides/data/actors/{name}", base.joinpath(name)) for name in BUNDLED_FILES]
    broad_folder = base.joinpath(BROAD_FOLDER)
    broad_files = [(f"thucydides/data/actors/{BROAD_FOLDER}/{p.name}", p) for p in
                   sorted(broad_folder.iterdir(), key=lambda p: p.name) if p.name.endswith((".yaml", ".json"))] \
        if broad and broad_folder.is_dir() else []
    return tuple((name, _parse(name, path.read_text("utf-8"))) for name, path in [*curated, *broad_files])


def _parse(name: str, text: str) -> Any:
    """A layer's document: JSON for the large generated files (parsed ten times
    faster than YAML), YAML otherwise."""
    return json.loads(text) if name.endswith(".json") else load_yaml(text)


def curated_dictionary() -> ActorDictionary:
    """The curated files alone, without the broad layer (what the broad layer must
    not take names from; see tools/convert_petrarch.py)."""
    return ActorDictionary.from_layers(_bundled_layers(broad=False))


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The bundled dictionary, loaded once per process from its compiled form."""
    return load_compiled("actors", [data_path("actors")], lambda: ActorDictionary.from_layers(_bundled_layers()))
