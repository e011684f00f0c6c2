"""Packed string tables (`packed.py`): the same answers as the dicts and lists they replace."""

from __future__ import annotations

import pickle

from thucydides.packed import PackedIndex, PackedStrings

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
