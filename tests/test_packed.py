"""Packed string tables (`packed.py`): the same answers as the dicts and lists they replace."""

from __future__ import annotations

import pickle

import pytest

from thucydides.packed import PackedIndex, PackedStrings, PickledMapping

MAPPING = {"paris": (3, 17), "istanbul": (0,), "zürich": (5,), "são paulo": (2, 9, 11), "a": (1,), "": (4,)}


def test_every_key_finds_its_values_and_nothing_else_is_found() -> None:
    index = PackedIndex(MAPPING)
    assert len(index) == len(MAPPING)
    for key, values in MAPPING.items():
        assert index.get(key) == values and key in index
    for absent in ("", "0", "aa", "par", "parisx", "zz", "zürichs", "\uffff"):
        if absent not in MAPPING:
            assert index.get(absent) == () and absent not in index


def test_an_empty_index_finds_nothing() -> None:
    assert PackedIndex({}).get("paris") == ()


def test_strings_come_back_by_position_and_survive_pickling() -> None:
    items = ["Istanbul", "", "Zürich", "São Paulo", "北京"]
    packed = pickle.loads(pickle.dumps(PackedStrings(items), protocol=5))
    assert list(packed) == items and packed[-1] == "北京" and len(packed) == 5
    index = pickle.loads(pickle.dumps(PackedIndex(MAPPING), protocol=5))
    assert all(index.get(k) == v for k, v in MAPPING.items())


class Noted:
    """A value that notes when it is unpickled."""

    unpickled: list[str] = []

    def __init__(self, name: str) -> None:
        self.name = name

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        Noted.unpickled.append(self.name)


def test_a_pickled_mapping_unpickles_only_the_chunk_asked_for() -> None:
    items = {f"p{i}": Noted(f"p{i}") for i in range(100)}
    loaded = pickle.loads(pickle.dumps(PickledMapping(items), protocol=5))
    Noted.unpickled = []
    assert list(loaded) == list(items) and len(loaded) == 100 and "p99" in loaded and "p100" not in loaded
    assert Noted.unpickled == []
    assert loaded["p40"].name == "p40"
    chunk = PickledMapping.CHUNK
    assert Noted.unpickled == [f"p{i}" for i in range(chunk, 2 * chunk)]  # p40's chunk, once
    assert loaded["p41"].name == "p41" and len(Noted.unpickled) == chunk
    assert [v.name for v in loaded.values()] == list(items)
    with pytest.raises(KeyError):
        loaded["nobody"]
