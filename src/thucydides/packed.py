"""Large read-only tables packed into a few flat buffers.

The gazetteers map ~200,000 place names to places. As Python dicts of strings and
tuples they cost ~50 MB and ~90 ms to unpickle; packed into one byte string of sorted
keys and arrays of offsets and numbers they take a tenth of the memory, load in a few
milliseconds (a pickle of a few buffers), and give the cyclic garbage collector nothing
to scan. A look-up is a short binary search: ~2 microseconds.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _ends(lengths: Iterable[int]) -> array:
    return array("I", accumulate(lengths))  # "I": 4 bytes on every platform Python supports


class PackedStrings(Sequence[str]):
    """An immutable list of strings stored as one UTF-8 buffer and their end offsets."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, items: Iterable[str] = ()) -> None:
        encoded = [item.encode("utf-8") for item in items]
        self._blob = b"".join(encoded)
        self._ends = _ends(map(len, encoded))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]  # no slices
        if i < 0:
            i += len(self._ends)
        return self._blob[self._ends[i - 1] if i else 0:self._ends[i]].decode("utf-8")

    def __getstate__(self) -> tuple[bytes, array]:
        return self._blob, self._ends

    def __setstate__(self, state: tuple[bytes, array]) -> None:
        self._blob, self._ends = state


class PackedIndex:
    """An immutable map from strings to tuples of non-negative ints (< 2**32).

    Keys are kept sorted in one UTF-8 buffer (byte order is code point order, so the
    buffer can be searched as bytes), values in one array with the end of each key's run.
    The keys that share their first bytes lie together; a look-up searches only those.
    """

    __slots__ = ("_keys", "_key_ends", "_values", "_value_ends", "_ranges")

    PREFIX = 3  # bytes: ~10,000 ranges for the gazetteers' 145,000 names, ~10 keys to search each

    def __init__(self, mapping: Mapping[str, Sequence[int]]) -> None:
        keys = sorted(mapping)
        encoded = [key.encode("utf-8") for key in keys]
        self._keys = b"".join(encoded)
        self._key_ends = _ends(map(len, encoded))
        self._values = array("I", (v for key in keys for v in mapping[key]))
        self._value_ends = _ends(len(mapping[key]) for key in keys)
        ranges: dict[bytes, list[int]] = {}
        for i, key in enumerate(encoded):
            ranges.setdefault(key[:self.PREFIX], [i, i])[1] = i + 1
        self._ranges = {prefix: (lo, hi) for prefix, (lo, hi) in ranges.items()}

    def __len__(self) -> int:
        return len(self._key_ends)

    def __contains__(self, key: str) -> bool:
        return self._find(key.encode("utf-8")) >= 0

    def get(self, key: str) -> tuple[int, ...]:
        """The values of `key`, () when it is absent."""
        i = self._find(key.encode("utf-8"))
        if i < 0:
            return ()
        return tuple(self._values[self._value_ends[i - 1] if i else 0:self._value_ends[i]])

    def _find(self, key: bytes) -> int:
        """The position of `key` among the keys, -1 when absent."""
        found = self._ranges.get(key[:self.PREFIX])
        if found is None:
            return -1
        lo, hi = found
        blob, ends = self._keys, self._key_ends
        while lo < hi:
            mid = (lo + hi) >> 1
            if blob[ends[mid - 1] if mid else 0:ends[mid]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < found[1] and blob[ends[lo - 1] if lo else 0:ends[lo]] == key:
            return lo
        return -1

    def __getstate__(self) -> tuple[bytes, array, array, array, dict[bytes, tuple[int, int]]]:
        return self._keys, self._key_ends, self._values, self._value_ends, self._ranges

    def __setstate__(self, state: tuple[bytes, array, array, array, dict[bytes, tuple[int, int]]]) -> None:
        self._keys, self._key_ends, self._values, self._value_ends, self._ranges = state


class PickledMapping(Mapping[K, V]):
    """An immutable mapping whose values stay pickled, in small chunks, until first read.

    For large tables a run reads a few entries of (the people and organisations of the
    actor dictionary): loading costs their pickled bytes, not a Python object per value,
    and a chunk is unpickled once, when one of its values is first asked for. Chunks of
    `CHUNK` values share one pickle's memo (class names, field names, common strings).
    """

    CHUNK = 32

    def __init__(self, items: Mapping[K, V]) -> None:
        self._keys = list(items)
        self._index: dict[K, int] = {key: i for i, key in enumerate(self._keys)}
        self._read: dict[K, V] = dict(items)  # values unpickled (or given) so far
        self._blob, self._ends = b"", array("I")

    def __getitem__(self, key: K) -> V:
        try:
            return self._read[key]
        except KeyError:
            i = self._index[key]  # KeyError for a key it does not have
        chunk = i // self.CHUNK
        values = pickle.loads(self._blob[self._ends[chunk - 1] if chunk else 0:self._ends[chunk]])
        # Set one by one: a thread reading the same chunk at once only repeats the work.
        for k, value in zip(self._keys[chunk * self.CHUNK:(chunk + 1) * self.CHUNK], values):
            self._read[k] = value
        return self._read[key]

    def __contains__(self, key: object) -> bool:
        return key in self._index  # without unpickling anything

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __getstate__(self) -> tuple[list[K], bytes, array]:
        keys, size = self._keys, self.CHUNK
        chunks = [pickle.dumps([self[k] for k in keys[i:i + size]], protocol=pickle.HIGHEST_PROTOCOL)
                  for i in range(0, len(keys), size)]
        return keys, b"".join(chunks), _ends(map(len, chunks))

    def __setstate__(self, state: tuple[list[K], bytes, array]) -> None:
        self._keys, self._blob, self._ends = state
        self._index = {key: i for i, key in enumerate(self._keys)}
        self._read = {}
