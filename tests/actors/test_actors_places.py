"""country_of_place: dictionary names first, then geonames cities by population."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Istanbul", "TUR"),
        ("Gaza", "PSE"),
        ("the Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("East Jerusalem", "PSE"),
        ("Jerusalem", "ISR"),
        ("Turkey", "TUR"),
        ("Ankara", "TUR"),
        ("the Kremlin", "RUS"),
        ("Basra", "IRQ"),
        ("Mosul", "IRQ"),
        ("Samarra", "IRQ"),
        ("Aleppo", "SYR"),
        ("Kandahar", "AFG"),
        ("Paris", "FRA"),  # not Paris, Texas: the largest population wins
        ("London", "GBR"),
        ("Moscow", "RUS"),
        ("Juba", "SSD"),
        ("Soroti", "UGA"),
        ("Goražde", "BIH"),
        ("Gorazde", "BIH"),
        ("Texas", "USA"),
        ("New Jersey", "USA"),
        ("Scotland", "GBR"),
        ("Crimea", "UKR"),
        ("Pristina", "XKX"),
        ("Kirkuk", "IRQ"),
    ],
)
def test_country_of_place(resolver, name, code):
    assert resolver.country_of_place(name) == code


@pytest.mark.parametrize("name", ["", "Qwertyville", "Nowhereville", "the dollar"])
def test_unknown_places(resolver, name):
    assert resolver.country_of_place(name) is None


def test_place_names_need_a_capital_letter(resolver):
    assert resolver.country_of_place("Police") == "POL"  # a town in Poland
    assert resolver.country_of_place("police") is None
    assert resolver.country_of_place("us") is None
    assert resolver.country_of_place("US") == "USA"


def test_blocked_names_are_no_place(resolver):
    assert resolver.country_of_place("Asia") is None  # not Asia, Philippines
    assert resolver.country_of_place("Latin America") is None


@pytest.mark.parametrize("name", ["Geneva", "Astana", "Doha", "Paris", "Crimea"])
def test_cities_and_regions_are_venues(resolver, name):
    assert resolver.is_venue(name)


@pytest.mark.parametrize("name", ["Switzerland", "US", "Russia", "the Kremlin", "Qwertyville"])
def test_countries_metonyms_and_unknown_names_are_not_venues(resolver, name):
    assert not resolver.is_venue(name)


@pytest.mark.parametrize("name", ["St. Petersburg", "Washington", "Amara", "Pando", "Deraa"])
def test_resolver_and_event_places_agree(resolver, name):
    from thucydides.places import default_gazetteer

    assert resolver.country_of_place(name) == default_gazetteer().resolve(name).country


def test_regions_of_two_countries_are_no_country(resolver):
    assert resolver.country_of_place("Punjab") is None  # India's or Pakistan's


@pytest.mark.parametrize(("name", "code"), [("Moscow Oblast", "RUS"), ("Lagos State", "NGA"), ("Tuscany", "ITA")])
def test_divisions_under_their_other_names_are_their_countries(resolver, name, code):
    # The gazetteer's other names of divisions (GeoNames'): before, none of these was a place
    from thucydides.places import default_gazetteer

    assert resolver.country_of_place(name) == code == default_gazetteer().resolve(name).country
