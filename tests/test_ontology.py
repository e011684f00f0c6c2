from __future__ import annotations

import pytest

from thucydides.ontology import default_ontology


def test_quad_and_penta_follow_the_root() -> None:
    onto = default_ontology()
    assert (onto.get("010").quad, onto.get("010").penta) == (1, 0)
    assert (onto.get("0254").quad, onto.get("0254").penta) == (1, 0)
    assert (onto.get("040").quad, onto.get("040").penta) == (1, 1)
    assert onto.get("073").quad == 2
    assert onto.get("112").quad == 3
    assert onto.get("173").quad == 4 and onto.get("195").penta == 4


def test_goldstein_and_plover_come_from_the_tables() -> None:
    onto = default_ontology()
    arrest = onto.get("173")
    assert arrest.goldstein == -5.0
    assert arrest.plover_type == "COERCE"
    assert onto.get("0254").plover_type == "REQUEST"  # appeals fold into REQUEST
    assert onto.get("112").plover_2016_type == "DISAPPROVE"
    assert onto.get("010").plover_type is None


def test_every_code_has_a_valid_root() -> None:
    onto = default_ontology()
    assert len(onto.codes) > 300
    assert all(c.root == code[:2] and 1 <= int(c.root) <= 20 for code, c in onto.codes.items())


def test_unknown_code_names_itself() -> None:
    with pytest.raises(KeyError, match="9999"):
        default_ontology().get("9999")
