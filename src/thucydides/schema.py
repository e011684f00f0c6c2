"""The flat view of an event, derived from `model.Event`: one column per scalar.

The store's `events` table and Parquet export share these columns. A record the
event declares `flat` (its actors, its trigger span) becomes prefixed columns
(`source_code`, `event_start`); any other record or list (location, quote,
figures) one compact JSON column in the store, and a typed struct or list column
in Parquet and Arrow (`json_structure`). CSV (export, `code --format csv`, the
API) also flattens the location (`location_name`, `location_lat`...): `CSV_COLUMNS`.
Column SQL types follow the Python annotations unless a field names its own
(`quad` is a TINYINT, `date` a DATE); Arrow types follow the SQL.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterator, Mapping
from dataclasses import Field, fields, is_dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

from .model import Event, has_default, plain

if TYPE_CHECKING:
    import pyarrow as pa

_SQL = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


def _bare(annotation: Any) -> Any:
    """`X | None` -> X."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _sql(f: Field[Any], annotation: Any) -> str:
    bare = _bare(annotation)
    if "sql" in f.metadata:
        return f.metadata["sql"]
    if is_dataclass(bare) or get_origin(bare) is list:
        return "JSON"
    if get_origin(bare) is Literal:  # a closed set of words: a location's precision
        return "VARCHAR"
    return _SQL[bare]


def record_columns(cls: type, prefix: str = "") -> dict[str, str]:
    """Column name -> SQL type of a record of scalars (an actor: code, text, start...)."""
    hints = get_type_hints(cls)
    return {f"{prefix}{f.name}": _sql(f, hints[f.name]) for f in fields(cls)}


Layout = tuple[tuple[str, str, str, "str | None"], ...]


def _event_columns(also_flat: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, str, str | None]]:
    """(column, SQL type, event field, sub-record field) for every flat column, in order.
    Fields in `also_flat` are flattened too, their columns prefixed with the field name."""
    hints = get_type_hints(Event)
    for f in fields(Event):
        prefix = f.metadata.get("flat") or (f.name if f.name in also_flat else None)
        if prefix is None:
            yield f.name, _sql(f, hints[f.name]), f.name, None
            continue
        record = _bare(hints[f.name])
        for name, sql in record_columns(record).items():
            yield f"{prefix}_{name}", sql, f.name, name


_LAYOUT: Layout = tuple(_event_columns())
# CSV has no nested values a spreadsheet could read: the location is columns too.
_CSV_LAYOUT: Layout = tuple(_event_columns(frozenset({"location"})))

# The flat columns, in order, and their DuckDB types.
COLUMNS: tuple[str, ...] = tuple(c for c, *_ in _LAYOUT)
COLUMN_TYPES: dict[str, str] = {c: sql for c, sql, *_ in _LAYOUT}
JSON_COLUMNS: tuple[str, ...] = tuple(c for c, sql in COLUMN_TYPES.items() if sql == "JSON")
# The CSV columns (the flat columns with `location_*` for `location`) and their types.
CSV_COLUMNS: tuple[str, ...] = tuple(c for c, *_ in _CSV_LAYOUT)
CSV_TYPES: dict[str, str] = {c: sql for c, sql, *_ in _CSV_LAYOUT}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flatten(event: Event, layout: Layout = _LAYOUT) -> dict[str, Any]:
    """`event` as one flat row keyed by `COLUMNS`. Scalars keep their Python type
    (None stays None); JSON columns are compact JSON text (None when absent)."""
    row: dict[str, Any] = {}
    for column, sql, name, part in layout:
        value = getattr(event, name)
        if part is not None:
            value = None if value is None else getattr(value, part)
        elif sql == "JSON":
            value = None if value is None else _dumps(plain(value))
        row[column] = value
    return row


def flatten_csv(event: Event) -> dict[str, Any]:
    """`event` as one flat row keyed by `CSV_COLUMNS` (see `flatten`)."""
    return flatten(event, _CSV_LAYOUT)


@cache
def _parts() -> dict[str, list[tuple[str, str]]]:
    """Event field -> its (column, sub-record field) pairs, for the flat records."""
    out: dict[str, list[tuple[str, str]]] = {}
    for column, _, name, part in _LAYOUT:
        if part is not None:
            out.setdefault(name, []).append((column, part))
    return out


def unflatten(row: Mapping[str, Any]) -> Event:
    """Inverse of `flatten`. A flat record is None when its first column is (an
    event without a target); any other NULL takes the field's default."""
    values: dict[str, Any] = {}
    parts = _parts()
    for f in fields(Event):
        if f.name in parts:
            columns = parts[f.name]
            value = None if row.get(columns[0][0]) is None else {p: row.get(c) for c, p in columns}
        elif COLUMN_TYPES[f.name] == "JSON" and isinstance(row.get(f.name), str):
            value = json.loads(row[f.name])
        else:
            value = row.get(f.name)
        if value is not None or not has_default(f):
            values[f.name] = value
    return Event(**values)


# --- typed nested columns --------------------------------------------------------


def json_structure(annotation: Any) -> Any:
    """The DuckDB `from_json` structure of a value of this type: a record is an object
    of its fields' structures, a list a one-item list, a scalar its SQL type. A number
    that may be an int or a float (a figure's value) is a DOUBLE."""
    bare = _bare(annotation)
    if is_dataclass(bare):
        hints = get_type_hints(bare)
        return {f.name: json_structure(hints[f.name]) for f in fields(bare)}
    if get_origin(bare) is list:
        return [json_structure(get_args(bare)[0])]
    if get_origin(bare) is Literal:
        return "VARCHAR"
    if get_origin(bare) in (Union, types.UnionType):
        return "DOUBLE"  # int | float
    return _SQL[bare]


@cache
def json_structures() -> dict[str, str]:
    """JSON column -> its `from_json` structure, as the JSON text DuckDB takes."""
    hints = get_type_hints(Event)
    return {c: json.dumps(json_structure(hints[c])) for c in JSON_COLUMNS}


# DuckDB type -> Arrow type, for writing rows of any store table through Arrow.
def _arrow_type(sql: str) -> pa.DataType:
    import pyarrow as pa  # only writing needs Arrow: read-only commands start faster without it

    return {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),  # DuckDB casts VARCHAR -> JSON on insert
        "INTEGER": pa.int64(),
        "TINYINT": pa.int64(),
        "BOOLEAN": pa.bool_(),
        "DOUBLE": pa.float64(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "BLOB": pa.binary(),
    }[sql]


def arrow_schema(column_types: Mapping[str, str]) -> pa.Schema:
    """The Arrow schema of columns with these DuckDB types."""
    import pyarrow as pa

    return pa.schema([(c, _arrow_type(t)) for c, t in column_types.items()])
