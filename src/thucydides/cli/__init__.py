"""Command-line interface: one module per command, all registered on `app`."""

from __future__ import annotations

import importlib

from .app import app

# Each module registers its command(s) on `app` when imported.
_COMMAND_MODULES = (
    "code", "explain", "ingest", "export", "stats", "evaluate", "aggregate", "dyads", "timeline", "top", "quotes",
    "serve", "dictionaries",
)


def _register_commands() -> None:
    # Imported on demand so that `import thucydides.cli` stays cheap.
    for name in _COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}")


def main() -> None:
    _register_commands()
    app()


__all__ = ["app", "main"]
