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
    uses (`stats` never imports spaCy, `code` never DuckDB); none for --version; all of
    them for anything else (help, a misspelt command), so that Typer can list them."""
    if args[:1] == ["--version"]:
        return ()  # answered by the group itself
    module = _MODULE_OF.get(args[0], args[0]) if args else None
    return (module,) if module in _COMMAND_MODULES else _COMMAND_MODULES


def main() -> None:
    _register_commands(_modules_for(sys.argv[1:]))
    try:
        app()
    except Exception as err:
        if not _is_store_error(err):
            raise
        # A store that opened but whose pages fail their checksums, say: a command
        # cannot work around that, but it can say what is wrong without a traceback.
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        print(f"error: the event store {_store_path(sys.argv)} cannot be read, it may be damaged: {first}", file=sys.stderr)
        print("Restore it from a copy, or ingest again into a new file.", file=sys.stderr)
        raise SystemExit(1) from err


def _store_path(argv: list[str]) -> str:
    """The store a command line names (--db), else the configured one."""
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--db="):
            return arg.removeprefix("--db=")
    from ..settings import load_settings

    return load_settings().db


def _is_store_error(err: Exception) -> bool:
    # DuckDB is imported only by the commands that open a store; if it was never
    # imported, the error cannot be one of its.
    duckdb = sys.modules.get("duckdb")
    return duckdb is not None and isinstance(err, duckdb.Error)


__all__ = ["app", "main"]
