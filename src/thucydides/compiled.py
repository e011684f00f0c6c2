"""Compiled language data: objects built from data files once, then loaded from a binary cache.

Building the lexicon, the actor dictionary and the gazetteers from YAML and GeoNames
takes seconds; unpickling what they built takes milliseconds. `load_compiled(name,
sources, build)` returns `build()`'s result, kept as a pickle in the cache folder
(`THUCYDIDES_CACHE_DIR`, else `$XDG_CACHE_HOME/thucydides`, else `~/.cache/thucydides`)
under a key that covers everything the result depends on:

* the contents (and paths) of the source files, a folder standing for every file under
  it, so a data file added to a bundled folder is part of the key without being named
  (a user's folder, such as a folder of PETRARCH dictionaries, is a source the same way);
* the package version and the source of the package's own modules, so a changed builder
  never serves an object built by the old one (an editable install keeps its version);
  a slow, self-contained builder may name the few modules it depends on instead;
* the Python version and pickle protocol, and the versions of the third-party packages
  whose data the builder reads (GeoNames, ISO 3166).

Any change gives a new key, so the object is rebuilt on next use. The cache is only ever
a shortcut: a folder that cannot be written, a file that cannot be read, or a truncated
or corrupt file means building in memory (and rewriting the file when possible), never
an error. Files are written to a temporary name and renamed, so two processes building
at once each write a whole file and readers never see half of one.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from . import __version__

CACHE_ENV = "THUCYDIDES_CACHE_DIR"
PROTOCOL = 5
SUFFIX = ".pickle"
STALE_AFTER_S = 3600  # entries of the same name unused this long go when a new one is written

T = TypeVar("T")
Source = Path | Traversable
_MAGIC = b"thucydides-compiled 1\n"


def cache_dir() -> Path:
    """Where compiled objects are kept (the folder need not exist yet)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "thucydides"


def load_compiled(name: str, sources: Iterable[Source], build: Callable[[], T],
                  packages: Iterable[str] = (), modules: tuple[str, ...] | None = None) -> T:
    """`build()`, or its cached result when nothing it depends on has changed.

    `name` labels the object (and its cache file); `sources` are the files and folders
    `build` reads; `packages` the installed distributions whose data it reads. `modules`
    names the only modules of ours whose code `build` runs and whose classes the result
    holds, for a builder that is slow and self-contained (the gazetteers), so that an
    edit elsewhere in the package does not rebuild it; by default any edit does.
    """
    try:
        key = cache_key(name, sources, packages, modules)
    except OSError:
        return build()  # an unreadable source: the builder reports it in its own words
    path = cache_dir() / f"{name}-{key[:32]}{SUFFIX}"
    found = _read(path, key)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    value = share_equal(build())
    _write(path, key, value)
    return value


def share_equal(value: T) -> T:
    """`value` with equal strings, tuples and frozensets of strings, and equal instances of
    our frozen dataclasses, made one object each. A built table repeats them (the words of
    every alias key and of its prefixes, a code on each of its aliases); pickle writes an
    object once however often it is referred to, so the file, the load and the memory
    shrink (the actor dictionary with a Phoenix-sized layer: 32 -> 25 MB). Lists, dicts,
    sets and our objects are updated in place; values stay equal and of the same type."""
    return _Sharer().share(value)


_PLAIN = (str, int, bool, type(None))  # not float: 0.0 == -0.0


class _Sharer:
    def __init__(self) -> None:
        self._memo: dict[object, object] = {}
        # Ids of the shared objects: equal to another only if made of the same values of
        # the same types, all the way down ((1,) == (True,), and a dataclass field left
        # out of == would hide a difference).
        self._canonical: set[int] = set()

    def _plain(self, value: object) -> bool:
        return type(value) in _PLAIN or id(value) in self._canonical

    def _identity(self, value: object) -> object:
        # What a part contributes to its container's key: a shared object by identity (an
        # equal one of other types would be another object), a plain value with its type.
        return id(value) if id(value) in self._canonical else (type(value), value)

    def _one(self, key: object, value: T) -> T:
        shared = self._memo.setdefault(key, value)
        self._canonical.add(id(shared))
        return shared  # type: ignore[return-value]

    def share(self, value: T) -> T:
        return cast("T", self._share(value))

    def _share(self, value: Any) -> Any:
        # Walks any structure of containers and the package's objects, so untyped inside.
        kind = type(value)
        if kind is str:
            return self._one(value, value)
        if kind is tuple or kind is frozenset:
            items = kind(map(self._share, value))
            if all(map(self._plain, items)):
                return self._one((kind, kind(map(self._identity, items))), items)
            return items
        if kind is list:
            value[:] = map(self._share, value)
        elif kind is dict or kind is set:
            items = [(self._share(k), self._share(v)) for k, v in value.items()] if kind is dict \
                else list(map(self._share, value))
            value.clear()
            value.update(items)
        elif kind.__module__.startswith(__package__ + "."):
            state = _state(value)
            if state is None:
                return value
            for name, item in state.items():
                shared = self._share(item)
                if shared is not item:
                    object.__setattr__(value, name, shared)  # frozen dataclasses too
                    state[name] = shared
            if _frozen_value(kind) and all(map(self._plain, state.values())):  # type: ignore[arg-type]  # classes hash
                return self._one((kind, *((name, self._identity(v)) for name, v in state.items())), value)
        return value


def _state(value: object) -> dict[str, object] | None:
    """An object's attributes: its `__dict__`, or those of its slots (slotted dataclasses)."""
    if hasattr(value, "__dict__"):
        return dict(vars(value))
    slots = [name for klass in type(value).__mro__ for name in getattr(klass, "__slots__", ())]
    return {name: getattr(value, name) for name in slots if hasattr(value, name)} if slots else None


@lru_cache(maxsize=None)
def _frozen_value(kind: type) -> bool:
    """A frozen dataclass that compares every field: equal instances are interchangeable."""
    params = getattr(kind, "__dataclass_params__", None)
    return bool(params and params.frozen and params.eq) and all(f.compare for f in fields(kind))


def cache_key(name: str, sources: Iterable[Source], packages: Iterable[str] = (),
              modules: tuple[str, ...] | None = None) -> str:
    digest = hashlib.blake2b(digest_size=32)
    for part in (_MAGIC, name, __version__, sys.version, str(PROTOCOL), _code_fingerprint(modules)):
        _update(digest, part)
    for package in packages:
        _update(digest, f"{package}=={_package_version(package)}")
    for label, data in _source_files(sources):
        _update(digest, label)
        _update(digest, data)
    return digest.hexdigest()


def _update(digest: "hashlib.blake2b", part: str | bytes) -> None:
    # Length-prefixed, so no two different sequences of parts hash alike.
    data = part.encode("utf-8") if isinstance(part, str) else part
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def _source_files(sources: Iterable[Source]) -> Iterator[tuple[str, bytes]]:
    """(label, contents) of every file, folders walked in name order."""
    for source in sources:
        if source.is_dir():
            for label, item in _walk(source, str(source)):
                yield label, item.read_bytes()
        else:
            yield str(source), source.read_bytes()


def _walk(folder: Source, label: str) -> Iterator[tuple[str, Source]]:
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            yield from _walk(item, f"{label}/{item.name}")
        else:
            yield f"{label}/{item.name}", item


@lru_cache(maxsize=8)
def _code_fingerprint(modules: tuple[str, ...] | None) -> bytes:
    """A digest of the source of `modules` and of this one (all of the package's by
    default), read once per process."""
    digest = hashlib.blake2b(digest_size=32)
    if modules is None:
        root = Path(__file__).parent
        files = [(str(path.relative_to(root)), path) for path in sorted(root.rglob("*.py"))]
    else:
        files = [(module, _module_file(module)) for module in sorted({__name__, *modules})]
    for label, path in files:
        _update(digest, label)
        _update(digest, path.read_bytes())
    return digest.digest()


def _module_file(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ValueError(f"no source file for module {module!r}")
    return Path(spec.origin)


def _package_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return ""


class _Missing:
    pass


_MISSING = _Missing()


def _header(key: str) -> bytes:
    return _MAGIC + key.encode("ascii") + b"\n"


def _read(path: Path, key: str) -> object:
    """The object cached at `path`, or _MISSING when there is none or it is unusable."""
    header = _header(key)
    try:
        with open(path, "rb") as file:
            if file.read(len(header)) != header:
                return _MISSING
            value = _unpickle(file)
    except Exception:  # noqa: BLE001 - absent, unreadable, truncated or corrupt: rebuild
        return _MISSING
    _touch(path)
    return value


def _unpickle(file: BinaryIO) -> object:
    # Unpickling allocates tens of thousands of objects, which would set off full
    # collections of the whole heap (spaCy's included) that can find no garbage here:
    # they took ~40 ms of a 55 ms dictionary load.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if was_enabled:
            gc.enable()


def _touch(path: Path) -> None:
    # The modification time says when an entry was last used (see _prune).
    try:
        os.utime(path)
    except OSError:
        pass


def _write(path: Path, key: str, value: object) -> None:
    """Cache `value` at `path`, atomically; a folder that cannot be written is skipped."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as file:
            file.write(_header(key))
            pickle.dump(value, file, protocol=PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return
    finally:
        if tmp is not None:
            _unlink(Path(tmp))
    _prune(path)


def _prune(fresh: Path) -> None:
    """Remove entries of the same name that nothing has used for a while: each change
    of data or code leaves one behind."""
    stem = fresh.name[: -len(SUFFIX) - 33]  # "<name>-<32 hex digits>.pickle"
    cutoff = time.time() - STALE_AFTER_S
    for old in fresh.parent.glob(f"{stem}-*{SUFFIX}"):
        try:
            if old != fresh and len(old.name) == len(fresh.name) and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
