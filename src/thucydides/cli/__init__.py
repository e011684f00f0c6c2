"""Command-line interface: one module per command, all registered on `app`."""

from __future__ import annotations

import importlib

from .app import app

# Each module registers its command(s) on `app` when imported.
_COMMAND_MODULES = ("code", "explain", "ingest", "export", "stats", "evaluate")


def _register_commands() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise


def main() -> None:
    _register_commands()
    app()


__all__ = ["app", "main"]
