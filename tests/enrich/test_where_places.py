"""Event places: the predicate's place before the sentence's, actors are not places,
and names resolve offline with the article's countries as context."""

from __future__ import annotations

import pytest

from thucydides.places import default_gazetteer
from thucydides.enrich.where import PlaceAttacher
from thucydides.model import Actor


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _place(nlp, gazetteer, make_event, text: str, word: str, **actors):
    doc = nlp(text)
    event = make_event(doc, word, **actors)
    PlaceAttacher(doc, gazetteer, [event]).attach(event, doc)
    return event.location.to_dict() if event.location else None  # the record's dict form


def _actor(doc_text: str, phrase: str, code: str = "TURCOP") -> Actor:
    start = doc_text.index(phrase)
    return Actor(code=code, text=phrase, start=start, end=start + len(phrase), country=code[:3])


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Istanbul", "TUR", "city"),
        ("Washington", "USA", "city"),
        ("Texas", "USA", "admin1"),
        ("the United States", "USA", "country"),
        ("Kiev", "UKR", "city"),  # an exonym
    ],
)
def test_gazetteer(gazetteer, name: str, country: str, precision: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None and (place.country, place.precision) == (country, precision)


def test_an_acronym_names_a_country_or_nothing(gazetteer) -> None:
    # "the U.N. mission said" had put events in Ūn, India
    assert gazetteer.resolve("U.N.") is None and gazetteer.resolve("UN") is None and gazetteer.resolve("PA") is None
    assert gazetteer.resolve("U.A.E.").country == "ARE" and gazetteer.resolve("DRC").country == "COD"
    assert gazetteer.resolve("GAZA") is not None  # a dateline in capitals is no acronym


def test_disambiguation_by_context(gazetteer) -> None:
    assert gazetteer.resolve("Paris").country == "FRA"  # most populous
    assert gazetteer.resolve("Paris, Texas").admin1 == "Texas"
    texas = gazetteer.resolve("Paris", countries={"USA"}, admin1s={"Texas"})
    assert (texas.country, texas.admin1) == ("USA", "Texas")
    assert gazetteer.resolve("Nowhereville") is None


def test_a_citys_division_is_context_outside_the_us(gazetteer) -> None:
    # Every city carries the division of its GeoNames admin-1 code, not only US cities
    assert gazetteer.resolve("Hyderabad").country == "IND"  # most populous
    assert gazetteer.resolve("Hyderabad", admin1s={"Sindh"}).admin1 == "Sindh"
    sindh = gazetteer.resolve("Hyderabad, Sindh")
    assert (sindh.country, sindh.admin1, sindh.precision) == ("PAK", "Sindh", "city")


def test_predicate_place(nlp, gazetteer, make_event) -> None:
    text = "Turkish police detained 1,879 protesters in Istanbul on Sunday."
    loc = _place(nlp, gazetteer, make_event, text, "detained", source=_actor(text, "Turkish police"))
    assert (loc["text"], loc["name"], loc["country"], loc["precision"]) == ("Istanbul", "Istanbul", "TUR", "city")
    assert loc["lat"] == pytest.approx(41.01, abs=0.1) and loc["lon"] == pytest.approx(28.95, abs=0.1)
    assert text[loc["start"]:loc["end"]] == "Istanbul"
    assert loc["geonameid"] == 745044


def test_relative_clause_place_stays_there(nlp, gazetteer, make_event) -> None:
    text = "Rubio, who met Fidan in Washington on March 25, said Turkey had arrested the mayor in Istanbul."
    assert _place(nlp, gazetteer, make_event, text, "met")["text"] == "Washington"
    assert _place(nlp, gazetteer, make_event, text, "arrested")["text"] == "Istanbul"


def test_actor_is_not_a_place(nlp, gazetteer, make_event) -> None:
    text = "Russia attacked Ukraine."
    loc = _place(nlp, gazetteer, make_event, text, "attacked", code="190",
                 source=_actor(text, "Russia", "RUS"), target=_actor(text, "Ukraine", "UKR"))
    # A country target of an attack is where it happened; the attacker never is.
    assert loc is None or loc["text"] == "Ukraine"
    text = "Russia condemned Ukraine."
    loc = _place(nlp, gazetteer, make_event, text, "condemned", code="111",
                 source=_actor(text, "Russia", "RUS"), target=_actor(text, "Ukraine", "UKR"))
    assert loc is None


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("KYIV, April 30 (Wire) - Russia and Ukraine exchanged prisoners in a swap mediated by the "
         "United Arab Emirates.", "exchanged", "Russia"),
        ("GEORGETOWN, July 22 (Wire) - Ali said he had spoken to Lula and asked him to press Caracas to "
         "respect the agreement.", "spoken", "Ali"),
    ],
)
def test_a_participant_of_another_clause_is_no_place(nlp, gazetteer, make_event, text: str, word: str,
                                                     actor: str) -> None:
    # A name that is someone's subject, object or agent is an actor of the story, not
    # where the event happened: the dateline is.
    loc = _place(nlp, gazetteer, make_event, text, word, source=_actor(text, actor, "RUS"))
    assert loc["text"] in {"KYIV", "GEORGETOWN"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("BEIRUT, Nov 27 (Wire) - Mikati welcomed the deal and called on Israel to abide by it.", "welcomed"),
        ("NAIROBI, Jan 5 (Wire) - The Security Council held an emergency meeting on Afghanistan.", "held"),
    ],
)
def test_a_country_after_on_is_whom_or_what_not_where(nlp, gazetteer, make_event, text: str, word: str) -> None:
    loc = _place(nlp, gazetteer, make_event, text, word)
    assert loc["text"] in {"BEIRUT", "NAIROBI"}, loc


def test_the_events_own_argument_or_relative_antecedent_stays_a_place(nlp, gazetteer, make_event) -> None:
    text = "The Sri Lankan air force bombed Pooneryn on Monday."
    assert _place(nlp, gazetteer, make_event, text, "bombed")["text"] == "Pooneryn"
    text = "Iraq, whose military targets have been bombed by US jets, backed Belgrade."
    loc = _place(nlp, gazetteer, make_event, text, "bombed", source=_actor(text, "US jets", "USAMIL"))
    assert loc["text"] == "Iraq"


def test_place_on_an_actor_phrase(nlp, gazetteer, make_event) -> None:
    text = "Police arrested protesters in Istanbul."
    loc = _place(nlp, gazetteer, make_event, text, "arrested", target=_actor(text, "protesters", "TURCVL"))
    assert loc["text"] == "Istanbul"


def test_city_of(nlp, gazetteer, make_event) -> None:
    text = "On Sunday, at least 25 civilians were killed in the city of Homs amid airstrikes."
    assert _place(nlp, gazetteer, make_event, text, "killed")["text"] == "Homs"


def test_dateline(nlp, gazetteer, make_event) -> None:
    text = "ISTANBUL, March 23 (Wire) - Police arrested the mayor."
    loc = _place(nlp, gazetteer, make_event, text, "arrested")
    assert (loc["text"], loc["country"]) == ("ISTANBUL", "TUR")
    assert (loc["start"], loc["end"]) == (0, 8)


def test_no_place(nlp, gazetteer, make_event) -> None:
    assert _place(nlp, gazetteer, make_event, "Police arrested the mayor.", "arrested") is None
