"""Text normalisation and case rules used for matching."""

from __future__ import annotations

import pytest

from thucydides.actors.normalize import (
    CASE_ACRONYM,
    CASE_ANY,
    CASE_CAPITALISED,
    case_ok,
    case_rule,
    demonym_plurals,
    plural,
)
from thucydides.names import alias_key, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", ("us",)),
        ("Côte d'Ivoire", ("cote", "d", "ivoire")),
        ("Côte d’Ivoire", ("cote", "d", "ivoire")),
        ("al-Qaeda", ("al", "qaeda")),
        ("Trinidad & Tobago", ("trinidad", "and", "tobago")),
        ("Saint Lucia", ("st", "lucia")),
        ("St. Lucia", ("st", "lucia")),
        ("People's Republic", ("people", "republic")),
        ("Secretary-General", ("secretary", "general")),
        ("Türkiye", ("turkiye",)),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_alias_key_drops_leading_article():
    assert alias_key("The Hague") == ("hague",)
    assert alias_key("the") == ("the",)


def test_case_rules():
    assert case_rule("US") == CASE_ACRONYM
    assert case_rule("U.S.") == CASE_ACRONYM
    assert case_rule("Turkey") == CASE_CAPITALISED
    assert case_rule("al-Qaeda") == CASE_ANY
    assert case_rule("police") == CASE_ANY
    assert case_ok(CASE_ACRONYM, ["US"])
    assert case_ok(CASE_ACRONYM, ["U.S."])
    assert not case_ok(CASE_ACRONYM, ["us"])
    assert not case_ok(CASE_ACRONYM, ["Us"])
    assert case_ok(CASE_CAPITALISED, ["Turkey"])
    assert not case_ok(CASE_CAPITALISED, ["turkey"])
    assert case_ok(CASE_ANY, ["whatever"])


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("troop", "troops"),
        ("policeman", "policemen"),
        ("authority", "authorities"),
        ("member of parliament", "members of parliament"),
        ("secretary of state", "secretaries of state"),
        ("police", "police"),
        ("child", "children"),
        ("riot police", "riot police"),
        ("ministry", "ministries"),
        ("church", "churches"),
    ],
)
def test_plural(term, expected):
    assert plural(term) == expected


def test_demonym_plurals():
    assert demonym_plurals("Afghan") == ["Afghans"]
    assert demonym_plurals("Frenchman") == ["Frenchmen"]
    assert demonym_plurals("Chinese") == []
    assert demonym_plurals("British") == []
    assert demonym_plurals("Swiss") == []
    assert demonym_plurals("Czech") == ["Czechs"]
