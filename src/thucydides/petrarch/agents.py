"""PETRARCH agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`).

Agents are generic nouns that give an actor its role: ``POLICE {} [~COP]`` (the code
follows the actor's: "Turkish police" -> TURCOP), ``HUMAN_RIGHTS_BODY [NGO~]`` (the
code leads). Regular plurals are generated; ``{...}`` lists irregular ones (``{}``:
none). Substitution markers expand one entry into several::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    CONGRESS!PERSON! [~LEG]      # congressman, congressmen, congresswoman ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .reading import ERROR, WARNING, Issue, Line, content_lines, phrase_words

_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*(?:;.*)?$")
_SUBSTITUTION = re.compile(r"^(?P<marker>![A-Z]+!)\s*=\s*(?P<items>.+)$")
_CODE = re.compile(r"^(?:~(?P<suffix>[A-Z0-9]{3,})|(?P<prefix>[A-Z0-9]{3,})~)$")


@dataclass(frozen=True)
class Agent:
    line: int
    words: tuple[str, ...]
    code: str  # the code blocks it adds ("COP", "GOVFRM", "NGO")
    leads: bool  # True for "NGO~": the code goes before the actor's
    plural: bool = False  # a plural form ("policemen")


@dataclass
class AgentDictionaryFile:
    file: str
    agents: list[Agent] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_agents(text: str, name: str) -> AgentDictionaryFile:
    """Read an agent dictionary; problems are listed in its `issues` (FILE:LINE)."""
    out = AgentDictionaryFile(name)
    substitutions: dict[str, list[str]] = {}
    for line in content_lines(text):
        body = line.text.strip()
        sub = _SUBSTITUTION.match(body)
        if sub:
            substitutions[sub.group("marker")] = [i.strip() for i in sub.group("items").split(",") if i.strip()]
            continue
        _agent_line(out, line, body, substitutions)
    return out


def _agent_line(out: AgentDictionaryFile, line: Line, body: str, substitutions: dict[str, list[str]]) -> None:
    match = _AGENT.match(body)
    if match is None:
        # PETRARCH skips such a line; so do we, but it is worth a look
        severity = WARNING if re.fullmatch(r"[A-Za-z0-9_\-' ]+", body) else ERROR
        out.issues.append(Issue(out.file, line.number, f"agent line {body!r} has no code ('PHRASE [~CODE]'): "
                                "skipped", severity))
        return
    if body.rstrip().endswith("}") and not body.rstrip().endswith("]"):
        out.issues.append(Issue(out.file, line.number, "code closed with '}' instead of ']'", WARNING))
    code = _CODE.match(match.group("code").strip().upper())
    if code is None:
        out.issues.append(Issue(out.file, line.number, f"malformed agent code [{match.group('code')}]"))
        return
    phrase = match.group("phrase").strip()
    markers = re.findall(r"![A-Z]+!", phrase)
    unknown = [m for m in markers if m not in substitutions]
    if unknown:
        out.issues.append(Issue(out.file, line.number, f"undefined substitution marker {unknown[0]}"))
        return
    leads = code.group("prefix") is not None
    blocks = code.group("prefix") or code.group("suffix")
    for text in _expand(phrase, substitutions):
        words = phrase_words(text)
        if not words:
            continue
        # Forms made by a substitution are taken as written: no plural of "congressmen".
        out.agents.append(Agent(line.number, words, blocks, leads))
        if not markers:
            for plural in _plurals(words, match.group("plurals")):
                out.agents.append(Agent(line.number, plural, blocks, leads, plural=True))


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", phrase)
    if found is None:
        return [phrase]
    return [form for item in substitutions[found.group()]
            for form in _expand(phrase[:found.start()] + item + phrase[found.end():], substitutions)]


def _plurals(words: tuple[str, ...], irregular: str | None) -> list[tuple[str, ...]]:
    if irregular is not None:
        return [phrase_words(p) for p in irregular.split() if phrase_words(p)]
    return [words[:-1] + (regular_plural(words[-1]),)]


def regular_plural(word: str) -> str:
    """PETRARCH's rule: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"
