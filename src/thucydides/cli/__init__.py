"""Command-line interface: one module per command, all registered on `app`."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable

from .app import app

# Each module registers its command(s) on `app` when imported.
_COMMAND_MODULES = (
    "code", "explain", "ingest", "export", "stats", "evaluate", "aggregate", "dyads", "timeline", "top", "quotes",
    "serve", "dictionaries",
)
_MODULE_OF = {"eval": "evaluate"}  # commands named otherwise than their module


def _register_commands(modules: Iterable[str] = _COMMAND_MODULES) -> None:
    # Imported on demand so that `import thucydides.cli` stays cheap.
    for name in modules:
        importlib.import_module(f"{__name__}.{name}")


def _modules_for(args: list[str]) -> tuple[str, ...]:
    """The module of the command `args` invoke, so that a command imports only what it
    uses (`stats` never imports spaCy, `code` never DuckDB); all of them for anything
    else (help, a misspelt command), so that Typer can list them."""
    module = _MODULE_OF.get(args[0], args[0]) if args else None
    return (module,) if module in _COMMAND_MODULES else _COMMAND_MODULES


def main() -> None:
    _register_commands(_modules_for(sys.argv[1:]))
    app()


__all__ = ["app", "main"]
