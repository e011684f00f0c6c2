"""The Python data API: a store's events as data frames.

    import thucydides
    with thucydides.open("events.duckdb") as store:
        arrests = store.events(country="TUR", since="2025-03-01", root="17")
        len(arrests)                    # counted in the store
        frame = arrests.to_pandas()     # or .to_arrow(), .to_polars(), or iterate Events

A query is lazy: nothing is read until it is counted, iterated or converted. Its
criteria are `query.EventFilter`'s (see `query.event_filter`), so the same criteria
select the same events as the CLI's and the API's filters. Frames have the typed
columns of Parquet export: codes are strings, the location a struct, figures a list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import query
from .model import Event
from .query import EventFilter, event_filter

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from .store import Store


class Dataset:
    """An event store opened read-only for analysis (`thucydides.open`)."""

    def __init__(self, path: str | Path) -> None:
        from .store import Store  # DuckDB: imported when a store is opened, not with the package

        self._store: Store = Store.open(path, read_only=True)

    @property
    def path(self) -> str:
        return self._store.path

    def events(self, **criteria: Any) -> "Events":
        """The events matching `criteria` (`query.event_filter`: since, until, actor,
        source, target, country, role, root, code, quad, modality, place, q, ...)."""
        return Events(self._store, event_filter(**criteria))

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<thucydides.Dataset {self.path}>"


class Events:
    """A lazy selection of stored events (see the module docstring)."""

    def __init__(self, store: "Store", where: EventFilter) -> None:
        self._store = store
        self.where = where

    def filter(self, **criteria: Any) -> "Events":
        """This selection with more criteria (one already set is replaced)."""
        more = event_filter(**criteria)
        return Events(self._store, replace(self.where, **{k: getattr(more, k) for k in _set_fields(more)}))

    def __iter__(self) -> Iterator[Event]:
        return self._store.events(self.where)

    def __len__(self) -> int:
        return query.count(self._store.con, self.where)

    def to_arrow(self) -> "pa.Table":
        """An Arrow table with the typed columns of Parquet export."""
        return self._store.arrow_reader(self.where).read_all()

    def to_pandas(self) -> "pd.DataFrame":
        """A pandas frame of Arrow-backed columns, so types survive: codes stay strings,
        integer offsets stay integers where some are missing, the location stays a struct
        (`frame["location"].struct.field("name")`)."""
        try:
            import pandas as pd
        except ImportError as err:
            raise ImportError("to_pandas needs pandas: pip install 'thucydides[dataframes]'") from err
        return self.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)

    def to_polars(self) -> "pl.DataFrame":
        try:
            import polars as pl
        except ImportError as err:
            raise ImportError("to_polars needs polars: pip install 'thucydides[dataframes]'") from err
        return pl.from_arrow(self.to_arrow())  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<thucydides.Events {self.where}>"


def _set_fields(f: EventFilter) -> set[str]:
    """The fields of `f` that differ from an empty filter."""
    return {k for k in EventFilter.__dataclass_fields__ if getattr(f, k) != getattr(query.ALL, k)}
