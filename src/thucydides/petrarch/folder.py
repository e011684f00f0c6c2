"""A folder (or a single file) of PETRARCH dictionaries, each file's kind recognised
by its name or, failing that, by its content; READMEs, licences and other files are
left out and said so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .actors import ActorDictionaryFile, read_actors
from .agents import AgentDictionaryFile, read_agents
from .discards import DiscardFile, read_discards
from .reading import ERROR, Issue, read_text
from .verbs import VerbDictionary, read_verbs

VERBS, ACTORS, AGENTS, DISCARDS = "verbs", "actors", "agents", "discards"
_NOT_DICTIONARIES = (".md", ".rst", ".xml", ".html", ".py", ".json", ".jsonl", ".yaml", ".yml", ".ini", ".cfg")


@dataclass
class Dictionaries:
    """What a folder holds, in file-name order, and the issues found reading it."""

    verbs: list[VerbDictionary] = field(default_factory=list)
    actors: list[ActorDictionaryFile] = field(default_factory=list)
    agents: list[AgentDictionaryFile] = field(default_factory=list)
    discards: list[DiscardFile] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    unreadable: list[Issue] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        per_file = [f.issues for files in (self.verbs, self.actors, self.agents, self.discards) for f in files]
        return [*self.unreadable, *(issue for issues in per_file for issue in issues)]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]


def kind_of(path: Path, text: str | None = None) -> str | None:
    """The kind of dictionary a file is, by name, else by content; None: not one."""
    name = path.name.lower()
    if name.startswith(("readme", "licen", "copying", "notice")) or name.endswith(_NOT_DICTIONARIES):
        return None
    for kind, words in ((VERBS, ("verbs", "cameo")), (AGENTS, ("agents",)), (ACTORS, ("actors",)),
                        (DISCARDS, ("discards",))):
        if any(w in name for w in words):
            return kind
    if "issue" in name or text is None:
        return None
    if re.search(r"^---\s.*\[[^\]]*\]", text, re.M):
        return VERBS
    if re.search(r"\[(?:~[A-Z]{3}|[A-Z]{3}~)", text):
        return AGENTS
    if re.search(r"^\s+\[[A-Z]{3}", text, re.M):
        return ACTORS
    return None


def load_dictionaries(path: Path | str) -> Dictionaries:
    """Read every dictionary file of a folder (or one file)."""
    path = Path(path)
    out = Dictionaries()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        _load_file(out, file)
    return out


def _load_file(out: Dictionaries, file: Path) -> None:
    try:
        text = read_text(file)
    except OSError as err:
        out.unreadable.append(Issue(file.name, 0, f"cannot read: {err.strerror or err}"))
        return
    kind = kind_of(file, text)
    if kind is None:
        why = "issue coding is not used" if "issue" in file.name.lower() else "not a dictionary file"
        out.ignored.append((file.name, why))
    elif kind == VERBS:
        out.verbs.append(read_verbs(text, file.name))
    elif kind == ACTORS:
        out.actors.append(read_actors(text, file.name))
    elif kind == AGENTS:
        out.agents.append(read_agents(text, file.name))
    else:
        out.discards.append(read_discards(text, file.name))
