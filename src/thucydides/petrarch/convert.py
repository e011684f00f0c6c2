"""PETRARCH dictionaries as the package's own data: verb dictionaries become lexicon
entries (`events/lexicon.py`), actor and agent dictionaries an actor-dictionary
layer (`actors/dictionary.py`), discards a list of phrases.

Used at run time for `--dictionaries DIR` and once, by `tools/convert_petrarch.py`,
to write the bundled broad layer (`data/lexicon/broad/`, `data/actors/phoenix/`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..ontology import Ontology
from .folder import Dictionaries
from .patterns import PREPOSITIONS, parse_pattern
from .reading import WARNING, Issue
from .verbs import Verb, VerbBlock, VerbDictionary, VerbPattern

NULL_CODE = "---"
PARTICLES = frozenset("up down out off in on over back away forward aside through around along together apart "
                      "about across ahead behind into onto".split())
# Where a pattern's target is looked for when it marks none (+): the object, the one
# given something, the usual prepositions of a recipient or an opponent.
DEFAULT_TARGET = ("obj", "dative", "prep:against/with/to/toward/towards/on/at/into/from")
# ... then, as PETRARCH reads a verb phrase, its first actor ("welcomed a resumption of
# ties *with X*"): faithful to a user's dictionaries, too loose for the bundled broad
# layer on news text ("died as a result of torture in *police* custody").
PHRASE_TARGET = "phrase"
# CAMEO roots whose code is refined by the action they embed ("urged X to *withdraw*").
FAMILY_OF_ROOT = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
STATEMENT_ROOT = "01"

# Words of a pattern that name nothing: prepositions and verb particles ("* ON", "* BACK").
PARTICLES = PREPOSITIONS | {"back", "ahead", "away", "up", "down", "out", "off", "together", "forward", "apart"}
LemmaCheck = Callable[[str], str | None]


def verb_entries(verbs: VerbDictionary, layer: str, ontology: Ontology, lemma_of: LemmaCheck | None = None,
                 issues: list[Issue] | None = None, faithful: bool = True) -> list[dict[str, Any]]:
    """Lexicon items (synonym sets and entries) for a verb dictionary; `layer` prefixes
    the entry ids ("broad/attack.1234"), which become the events' rule ids.

    `faithful` reads the patterns as PETRARCH does: a verb's target may be the first
    actor anywhere in its phrase (PHRASE_TARGET), a verb whose complement holds an
    event yields to it ("said it will *break* relations"), and one that attributes what
    comes before it ("X will restore ties, *an official said*") codes nothing, even a
    governing one (the validation dictionary's SAID is [023]). The bundled broad layer is
    read more strictly, below the curated lexicon that handles those constructions."""
    issues = issues if issues is not None else []
    targets = [*DEFAULT_TARGET, *([PHRASE_TARGET] if faithful else [])]
    items: list[dict[str, Any]] = [
        {"synset": name, "words": [" ".join(t) for t in members]} for name, members in verbs.synsets.items()
    ]
    slugs: set[str] = set()
    for block in verbs.blocks:
        slug = _unique_slug(block, slugs)
        items.extend(_block_items(verbs.file, block, f"{layer}/{slug}", ontology, lemma_of, issues, targets,
                                  faithful))
    if faithful:
        for item in items:
            if "id" in item:
                item["subordinate"] = True
    return items


def _unique_slug(block: VerbBlock, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", block.name.lower()).strip("-") or "block"
    if slug in taken:
        slug = f"{slug}-{block.line}"
    taken.add(slug)
    return slug


def _block_items(file: str, block: VerbBlock, ident: str, ontology: Ontology, lemma_of: LemmaCheck | None,
                 issues: list[Issue], targets: list[str], faithful: bool) -> list[dict[str, Any]]:
    simple = [v for v in block.verbs if _is_simple(v)]
    lemmas = [_verb_phrase(v) for v in simple if not _not_lemma(v, lemma_of)]
    forms = [v.verb for v in simple if _not_lemma(v, lemma_of)]
    if not lemmas and not forms:
        return []
    verb_set = f"&verbs.{ident.split('/', 1)[1]}"
    items: list[dict[str, Any]] = [{"synset": verb_set, "words": lemmas}] if lemmas else []
    words: dict[str, Any] = {"verbs": [verb_set]} if lemmas else {}
    if forms:
        words["forms"] = forms
    for verb in block.verbs:  # bare verbs: their own code, or the block's (see `_bare_code`)
        code = _bare_code(verb, block, faithful)
        if code != (None, None) and _is_simple(verb):
            keys = {**_one_verb(verb, lemma_of), "target": list(targets)}
            items.append(_entry(f"{ident}.{verb.line}", code, keys, file, verb.line, ontology, issues, faithful))
        elif code != (None, None):
            keys = {_verb_key(verb, lemma_of): [verb.verb], "pattern": _verb_pattern(verb),
                    "target": list(targets)}
            items.append(_entry(f"{ident}.{verb.line}", code, keys, file, verb.line, ontology, issues, faithful))
    for pattern in block.patterns:
        own = None if faithful or _names_things(pattern) else _written_for(pattern, simple)
        verb_keys = _one_verb(own, lemma_of) if own is not None else words
        items.append(_entry(f"{ident}.{pattern.line}", (pattern.code, pattern.reverse),
                            {**verb_keys, **_pattern_keys(pattern, targets)}, file, pattern.line, ontology, issues,
                            faithful))
    if faithful:  # PETRARCH: "multi-word verbs are treated in patterns just as single-word verbs"
        for verb in (v for v in block.verbs if not _is_simple(v)):
            for pattern in block.patterns:
                keys = {_verb_key(verb, lemma_of): [verb.verb], **_pattern_keys(_with_verb(pattern, verb), targets)}
                items.append(_entry(f"{ident}.{verb.line}.{pattern.line}", (pattern.code, pattern.reverse), keys,
                                    file, pattern.line, ontology, issues, faithful))
    return [i for i in items if i]


def _names_things(pattern: VerbPattern) -> bool:
    """Whether a pattern names a word beyond prepositions and particles: "* EMBASSY"
    fits every synonym of its block ("opened", "set up" an embassy), "* ON" only the
    verb it was written for."""
    words = [w for term in (*pattern.phrase.before, *pattern.phrase.after) for w in term]
    return any(w not in PARTICLES for w in words) or any(p.object for p in pattern.phrase.preps)


def _written_for(pattern: VerbPattern, verbs: list[Verb]) -> Verb | None:
    """The verb of the block a pattern's comment names ("- * ON [190] # PRESS"): CAMEO.2.0
    gathered each verb's own patterns under a block of synonyms, and a pattern of mere
    prepositions or particles reads differently with each: "* on" [190] is "pressed
    on", not "wanted ... on"; "* (for)" [042] is "headed for", not "addressed ... for".
    The bundled broad layer gives such a pattern to that verb alone; a user's
    dictionary is read as PETRARCH reads it, block-wide."""
    named = pattern.note.split()[0].lower() if pattern.note.split() else ""
    return next((v for v in verbs if named in (v.verb, "_".join(v.words))), None)


def _with_verb(pattern: VerbPattern, verb: Verb) -> VerbPattern:
    """A block's pattern for one of its multi-word verbs: "WILL NOT *" for WIRE_+TAP
    reads "will not wire *"."""
    words = [_verb_pattern(verb) if token == "*" else token for token in pattern.phrase.notation().split()]
    return replace(pattern, phrase=parse_pattern(" ".join(words)))


def _bare_code(verb: Verb, block: VerbBlock, faithful: bool) -> tuple[str | None, str | None]:
    """The code of a verb standing alone. A user's dictionary is read as documented:
    the block's code is "used for all other verbs unless these have their own code".
    In the bundled broad layer only a verb's own code is: the block codes of CAMEO.2.0
    ("--- ESTIMATE [010]", "--- INTRUDE [013]", "--- BETRAY [160]") code news text
    badly alone (on the sample corpus nearly every such event was wrong), and the
    synonyms gathered under a block (WordNet's: "go", "leave", "depart" under
    GO_SOMEWHERE [040]) share its patterns, not its code."""
    if verb.code:
        return verb.code
    return block.code if faithful else (None, None)


def _is_simple(verb: Verb) -> bool:
    """A one-word verb, or a verb and its particle ("call off")."""
    extra = verb.words[verb.verb_index + 1:]
    return verb.verb_index == 0 and (not extra or (len(extra) == 1 and extra[0] in PARTICLES))


def _verb_phrase(verb: Verb) -> str:
    return " ".join(verb.words)


def _not_lemma(verb: Verb, lemma_of: LemmaCheck | None) -> bool:
    return lemma_of is not None and lemma_of(verb.verb) is not None


def _verb_key(verb: Verb, lemma_of: LemmaCheck | None) -> str:
    """The lexicon key a verb goes under: `verbs` for a lemma, `forms` for any other form."""
    return "forms" if _not_lemma(verb, lemma_of) else "verbs"


def _one_verb(verb: Verb, lemma_of: LemmaCheck | None) -> dict[str, Any]:
    return {"forms": [verb.verb]} if _not_lemma(verb, lemma_of) else {"verbs": [_verb_phrase(verb)]}


def _verb_pattern(verb: Verb) -> str:
    """ "+TAKE_LEAVE" -> "* leave", "WIRE_+TAP" -> "wire *"."""
    words = list(verb.words)
    words[verb.verb_index] = "*"
    return " ".join(words)


def _pattern_keys(pattern: VerbPattern, targets: list[str]) -> dict[str, Any]:
    phrase = pattern.phrase
    keys: dict[str, Any] = {"pattern": phrase.notation()}
    bare_preps = [f"prep:{p.prep}" for p in phrase.preps if p.object is None and p.marker is None]
    keys["target"] = [phrase.target] if phrase.target else [*dict.fromkeys(bare_preps), *targets]
    if phrase.source:
        keys["source"] = [phrase.source]
    if phrase.compound:
        keys["reciprocal"] = True
    return keys


def _entry(ident: str, code: tuple[str | None, str | None], keys: dict[str, Any], file: str, line: int,
           ontology: Ontology, issues: list[Issue], faithful: bool) -> dict[str, Any]:
    forward, reverse = code
    for value in (forward, reverse):
        if value is None or ontology.resolve(value) is not None:
            continue
        if faithful and ontology.outside(value):
            # PETRARCH copies any code to its output: so does a user's dictionary
            issues.append(Issue(file, line, f"code {value} extends no CAMEO code: its events keep it, with root "
                                f"{value[:2]} and no QuadClass, Goldstein score or PLOVER type", WARNING))
            continue
        issues.append(Issue(file, line, f"code {value} extends no CAMEO code; the pattern is not used", WARNING))
        return {}
    # PETRARCH codes a verb only with both a source and a target (its `require_dyad`)
    entry: dict[str, Any] = {"id": ident, "code": forward or NULL_CODE, **keys, "target_required": True,
                             "origin": f"{file}:{line}"}
    if reverse:
        entry["reverse_code"] = reverse
    root = (forward or "")[:2]
    if root in FAMILY_OF_ROOT:
        entry.update(family=FAMILY_OF_ROOT[root], governs=True)
    elif root == STATEMENT_ROOT:
        entry["subordinate"] = True
    return entry


# --- actors, agents, discards ------------------------------------------------------

ROLE_BLOCKS = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB INS UAF SEP CVL MED BUS EDU REL REF LAB NGO HLH CRM ELI "
    "SPY AGR HRI DEV ENV MOD RAD".split()
)
ORG_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
CONNECTORS = frozenset("of in on at to by and the for".split())


def display_name(words: tuple[str, ...]) -> str:
    """ "hamid", "karzai" -> "Hamid Karzai"; connectors stay lower case ("President of
    the United States"), two-letter and dotted words capitals ("UN", "U.N."). PETRARCH
    writes every name in capitals, so an acronym cannot be told from a name ("GHOR",
    "NATO"): capitalised, the actor dictionary matches both "NATO" and "Ghor" (a
    capital first letter), never "nato" or "ghor"."""
    return " ".join(_display_word(w, first=i == 0) for i, w in enumerate(words))


def _display_word(word: str, first: bool) -> str:
    if word in CONNECTORS and not first:
        return word
    if len(word) <= 2 or ("." in word and len(word) <= 5):
        return word.upper()
    return word.capitalize()


def actor_document(files: list[Any], agents: list[Any], known_countries: frozenset[str],
                   issues: list[Issue], institutions: bool = True, taken: Callable[[str], bool] | None = None,
                   ) -> dict[str, Any]:
    """One actor-dictionary layer (`actors/dictionary.py` format) for PETRARCH actor and
    agent files: people with dated codes, organisations and groups, country names.
    Without `institutions`, a country's organs written as names ("US_PRESIDENT_",
    "AFGHAN_NATIONAL_ARMY [AFGMIL]") are left to the actor dictionary, which reads
    them from their country and role words. A name `taken` says another layer has is
    left out (a broad layer adds only what the curated files lack)."""
    free = (lambda name: not taken(name)) if taken is not None else (lambda name: True)
    people: dict[str, Any] = {}
    groups: dict[str, Any] = {}
    igos: dict[str, Any] = {}
    countries: dict[str, Any] = {}
    for actors in files:
        stem = re.sub(r"[^a-z0-9]+", "-", actors.file.lower().removesuffix(".txt")).strip("-")
        for record in actors.records:
            ident = f"{stem}-{record.line}"
            if record.dated:
                person = _person(record, issues, actors.file, free)
                if person:
                    people[ident] = person
            elif record.code and COUNTRY_CODE.match(record.code):
                _country_names(countries, record, known_countries, as_places=not institutions, free=free)
            elif record.code and not institutions and _is_institution(record.code, known_countries):
                continue
            elif record.code and ORG_CODE.match(record.code):
                target = igos if record.code.startswith(("IGO", "NGO")) else groups
                target[ident] = {"name": display_name(record.names[0]), "code": record.code,
                                 "aliases": [display_name(n) for n in record.names[1:]]}
    _drop_shared_places(countries)
    document: dict[str, Any] = {}
    for name, section in (("countries", countries), ("igos", igos), ("groups", groups), ("people", people)):
        if section:
            document[name] = section
    roles = _agent_roles(agents)
    if roles:
        document["roles"] = roles
    return document


STATE_ORGANS = frozenset("GOV MIL COP JUD LEG SPY".split())


def _is_institution(code: str, known_countries: frozenset[str]) -> bool:
    """An organ of a state ("AFGHAN_NATIONAL_ARMY [AFGMIL]"), not a named non-state
    group ("ANGRY_BRIGADE_ [ITAREB]")."""
    return len(code) == 6 and code[:3] in known_countries and code[3:] in STATE_ORGANS


def _person(record: Any, issues: list[Issue], file: str, free: Callable[[str], bool]) -> dict[str, Any] | None:
    offices = []
    elite = (record.code or "")[3:6] == "ELI"
    for period in record.dated:
        if len(period.code) < 6 or not ORG_CODE.match(period.code):
            continue  # a country alone names no office
        if period.code[3:6] == "ELI":
            elite = True  # an elite between offices: the actor dictionary's out_of_office
            continue
        if period.start and period.end and period.start > period.end:
            issues.append(Issue(file, record.line, f"[{period.code} {period.start}-{period.end}] ends before it "
                                "starts; left out", WARNING))
            continue
        offices.append({"code": period.code, "start": period.start, "end": period.end})
    names = [n for n in (display_name(n) for n in _without_titles(record.names)) if free(n)]
    if not offices or not names:
        return None
    country = next((p["code"][:3] for p in offices if not p["code"].startswith(("IGO", "NGO", "IMG", "MNC"))
                    and COUNTRY_CODE.match(p["code"][:3])), None)
    out_of_office = "ELI" if elite and country else None
    return {"name": names[0], "country": country, "surname": None, "aliases": names[1:],
            "out_of_office": out_of_office, "offices": offices}


def _without_titles(names: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The names that are not another name with a title before it: "PRESIDENT_KARZAI_"
    beside "KARZAI_", "US_PRESIDENT_BILL_CLINTON" beside "BILL_CLINTON". The actor
    dictionary reads the title itself, and the office from the date."""
    return [n for n in names if not any(len(o) < len(n) and n[-len(o):] == o for o in names)]


def _country_names(countries: dict[str, Any], record: Any, known: frozenset[str], as_places: bool,
                   free: Callable[[str], bool]) -> None:
    """A country's names in PETRARCH ("AFGHANISTAN_ [AFG] +AFGHAN_ +KABUL_ +HELMAND").
    Below the curated files (`as_places`) they name places of a country those files
    already know; a user's dictionary names its countries with them (new ones too)."""
    names = [display_name(n) for n in record.names]
    if as_places:
        if record.code in known:
            entry = countries.setdefault(record.code, {"places": []})
            entry["places"].extend(n for n in names if n not in entry["places"] and free(n))
        return
    entry = countries.setdefault(record.code, {"names": []} if record.code in known else {"name": names[0], "names": []})
    entry["names"].extend(n for n in names if n not in entry["names"])


def _drop_shared_places(countries: dict[str, Any]) -> None:
    """A place listed under two countries ("Cocos Islands") names neither for sure."""
    owners: dict[str, set[str]] = {}
    for code, entry in countries.items():
        for place in entry.get("places", ()):
            owners.setdefault(place.lower(), set()).add(code)
    for entry in countries.values():
        if "places" in entry:
            entry["places"] = [p for p in entry["places"] if len(owners[p.lower()]) == 1]


def _agent_roles(agents: list[Any]) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for file in agents:
        for agent in file.agents:
            if agent.leads:
                continue  # "HUMAN_RIGHTS_BODY [NGO~]": names an organisation, not a role
            role = agent.code[:3]
            if role not in ROLE_BLOCKS:
                continue  # religions ("CHRISTIAN [~CHR]") are identities, not roles, and first names
            term = " ".join(agent.words)
            if term not in roles.setdefault(role, []):
                roles[role].append(term)
    return roles


def discard_items(files: list[Any]) -> list[dict[str, Any]]:
    """Lexicon items for discard phrases (a sentence, or with `story`, an article, in
    which the phrase stands is not coded by the layer's patterns)."""
    return [{"discard": d.phrase, **({"story": True} if d.story else {}), **({"whole_word": True} if d.whole_word else {})}
            for file in files for d in file.discards]


@dataclass
class Converted:
    """A folder of PETRARCH dictionaries as the package's data."""

    lexicon: list[dict[str, Any]] = field(default_factory=list)
    actors: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # file -> (sources, document)
    issues: list[Issue] = field(default_factory=list)

    def actor_layers(self) -> list[tuple[str, dict[str, Any]]]:
        return [(sources, document) for sources, document in self.actors.values()]


def convert(found: Dictionaries, layer: str, ontology: Ontology, lemma_of: LemmaCheck | None = None,
            known_countries: frozenset[str] = frozenset(), institutions: bool = True,
            taken: Callable[[str], bool] | None = None, faithful: bool = True) -> Converted:
    """Everything a folder holds, converted; problems of conversion in `issues`
    (`institutions`, `taken`: see `actor_document`; `faithful`: `verb_entries`)."""
    out = Converted()
    for verbs in found.verbs:
        out.lexicon.extend(verb_entries(verbs, layer, ontology, lemma_of, out.issues, faithful))
    out.lexicon.extend(discard_items(found.discards))
    for actors in found.actors:
        name = re.sub(r"[^a-z0-9]+", "-", actors.file.lower().removesuffix(".txt")).strip("-") + ".yaml"
        out.actors[name] = (actors.file, actor_document([actors], [], known_countries, out.issues, institutions,
                                                        taken))
    if found.agents:
        out.actors["agents.yaml"] = (", ".join(a.file for a in found.agents),
                                     actor_document([], found.agents, known_countries, out.issues, taken=taken))
    return out


# A surname shorter than this is too often a word or a common name ("Lee", "Roy").
SURNAME_MIN_LETTERS = 4


def give_distinctive_surnames(documents: list[dict[str, Any]], taken: Callable[[str], bool],
                              key: Callable[[str], tuple[str, ...]]) -> int:
    """Give each person of the layer a bare surname ("Tudjman" for Franjo Tudjman) when
    it names no one else: the last word of one person's names only, no word elsewhere
    in any name, no name of a group, place or anything `taken` (the curated files).
    News names a leader by surname after the first mention, and sentences quoted alone
    (the CAMEO manual's) often only by it. `key` is the actor dictionary's alias key.
    Returns how many surnames were given."""
    last: dict[str, set[str]] = {}
    inner: set[str] = set()
    names_of_things: set[str] = set()
    for document in documents:
        for ident, person in (document.get("people") or {}).items():
            for name in (person["name"], *person.get("aliases", ())):
                words = key(name)
                if len(words) >= 2:
                    last.setdefault(words[-1], set()).add(ident)
                    inner.update(words[:-1])
                else:
                    inner.update(words)
        for section in ("groups", "igos"):
            for org in (document.get(section) or {}).values():
                for name in (org["name"], *org.get("aliases", ())):
                    names_of_things.update(key(name))
        for country in (document.get("countries") or {}).values():
            for values in country.values():
                for name in values if isinstance(values, list) else ():
                    names_of_things.update(key(str(name)))
    given = 0
    for document in documents:
        for ident, person in (document.get("people") or {}).items():
            words = key(person["name"])
            if len(words) < 2:
                continue
            surname = words[-1]
            if (len(surname) >= SURNAME_MIN_LETTERS and surname.isalpha() and last.get(surname) == {ident}
                    and surname not in inner and surname not in names_of_things and not taken(surname)):
                person["surname"] = person["name"].split()[-1]
                given += 1
    return given
