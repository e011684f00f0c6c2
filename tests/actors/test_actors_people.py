"""Named people: dated offices from people.yaml, namesakes, user overrides."""

from __future__ import annotations

import re

import pytest
import yaml

from thucydides.actors import ActorDictionary, ActorResolver, DictionaryError
from thucydides.names import alias_key


@pytest.mark.parametrize(
    ("date", "code"),
    [
        ("2019-05-01", "USAGOV"),  # first term
        ("2022-05-01", "USAELI"),  # between terms: a former head of government
        ("2025-05-01", "USAGOV"),  # second term
        ("2015-05-01", "USA"),  # before any office
        (None, "USAGOV"),  # no date: the most recent office
    ],
)
def test_same_name_different_dates_give_different_codes(code_of, date, code):
    assert code_of("Trump criticized the decision.", "Trump", date=date) == code


def test_person_actor_fields(resolve):
    actor = resolve("Erdogan criticized the decision.", "Erdogan", date="2024-01-10")
    assert (actor.code, actor.country, actor.role) == ("TURGOV", "TUR", "GOV")
    assert actor.name == "Recep Tayyip Erdoğan"
    assert actor.wikidata == "Q39259"
    assert (actor.text, actor.start, actor.end) == ("Erdogan", 0, 7)


@pytest.mark.parametrize(
    ("sentence", "word", "date", "code"),
    [
        ("Lavrov met his counterpart.", "Lavrov", "2023-03-01", "RUSGOV"),
        ("Putin met his counterpart.", "Putin", "2010-03-01", "RUSGOV"),  # prime minister then
        ("Guterres urged a ceasefire.", "Guterres", "2024-03-01", "IGOUNOGOV"),
        ("Guterres urged a ceasefire.", "Guterres", "2010-03-01", "IGOUNOGOV"),  # UNHCR
        ("Stoltenberg warned Moscow.", "Stoltenberg", "2020-03-01", "IGONATGOV"),
        ("Stoltenberg warned Moscow.", "Stoltenberg", "2010-03-01", "NORGOV"),
        ("Rutte warned Moscow.", "Rutte", "2025-03-01", "IGONATGOV"),
        ("Rutte warned Moscow.", "Rutte", "2020-03-01", "NLDGOV"),
        ("Sinwar rejected the offer.", "Sinwar", "2023-03-01", "PSEREB"),
        ("Haniyeh rejected the offer.", "Haniyeh", "2006-06-01", "PSEGOV"),
        ("Navalny criticized the Kremlin.", "Navalny", "2020-03-01", "RUSOPP"),
        ("Starmer attacked the government.", "Starmer", "2022-03-01", "GBROPP"),
        ("Starmer attacked the government.", "Starmer", "2025-03-01", "GBRGOV"),
        ("Netanyahu attacked the government.", "Netanyahu", "2022-03-01", "ISROPP"),
        ("Jolani met the envoy.", "Jolani", "2020-03-01", "SYRREB"),
        ("Sharaa met the envoy.", "Sharaa", "2025-03-01", "SYRGOV"),
        ("Zelenskyy met Biden.", "Zelenskyy", "2023-03-01", "UKRGOV"),
        ("Zelensky met Biden.", "Biden", "2023-03-01", "USAGOV"),
        ("Zelensky met Biden.", "Biden", "2012-03-01", "USAGOV"),  # vice president
    ],
)
def test_dated_offices(code_of, sentence, word, date, code):
    assert code_of(sentence, word, date=date) == code


@pytest.mark.parametrize(
    ("date", "name"),
    [("2000-06-01", "Li Peng"), ("2015-06-01", "Li Keqiang"), ("2024-06-01", "Li Qiang")],
)
def test_namesakes_are_told_apart_by_date(resolve, date, name):
    assert resolve("Li visited Moscow.", "Li", date=date).name == name


def test_former_in_the_text_makes_an_office_holder_an_elite(code_of):
    assert code_of("Former President Trump criticized Biden.", "Trump", date="2023-05-01") == "USAELI"


def test_person_as_possessor_gives_country_and_the_phrase_role(code_of):
    assert code_of("Putin's troops attacked the city.", "troops", date="2024-01-01") == "RUSMIL"


def test_bundled_people_do_not_shadow_places_or_organisations():
    from thucydides.actors import dictionary as mod

    without = ActorDictionary.from_layers([lay for lay in mod._bundled_layers()
                                           if "people" not in lay[0] and "phoenix" not in lay[0]])
    full = ActorDictionary.load()
    clashes = [
        (p.id, alias) for p in full.people.values() if not full.is_broad(p.id) for alias in p.aliases
        if without.entity(alias_key(alias)) or without.role_term(alias_key(alias))
    ]
    assert clashes == []


def test_broad_people_never_take_a_curated_name():
    full = ActorDictionary.load()
    curated = ActorDictionary.from_layers([(n, d) for n, d in _layers() if "phoenix" not in n])
    broad = [p for p in full.people.values() if full.is_broad(p.id)]
    assert len(broad) > 15000
    clashes = [(p.id, a) for p in broad for a in p.aliases
               if curated.entity(alias_key(a)) or curated.role_term(alias_key(a))]
    assert clashes == []


def _layers():
    from thucydides.actors import dictionary as mod

    return mod._bundled_layers()


def test_every_bundled_office_is_well_formed():
    d = ActorDictionary.load()
    assert len(d.people) >= 400
    for person in d.people.values():
        assert person.offices, person.id
        for office in person.offices:
            assert office.start is None or office.end is None or office.start <= office.end, person.id


def _user_file(tmp_path, data) -> str:
    path = tmp_path / "people.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


def test_user_file_adds_a_person(nlp, tmp_path):
    path = _user_file(tmp_path, {"people": {"mabunda": {
        "name": "John Mabunda", "country": "ZAF", "wikidata": None,
        "offices": [["GOV", "Minister of Police", "2024-07-03", None]],
    }}})
    resolver = ActorResolver(ActorDictionary.load([path]))
    doc = nlp("Mabunda visited the township.")
    actor = resolver.resolve(doc[0], "2024-08-01")
    assert (actor.code, actor.name) == ("ZAFGOV", "John Mabunda")


def test_user_file_overrides_a_person(nlp, tmp_path):
    path = _user_file(tmp_path, {"people": {"trump": {
        "replace": True, "name": "Donald Trump", "country": "USA", "out_of_office": None,
        "offices": [["GOV", "President", "2017-01-20", "2021-01-20"]],
    }}})
    resolver = ActorResolver(ActorDictionary.load([path]))
    doc = nlp("Trump criticized the decision.")
    assert resolver.resolve(doc[0], "2022-05-01").code == "USA"  # plain country out of office


def test_bad_person_entries_are_reported(tmp_path):
    path = _user_file(tmp_path, {"people": {"x": {"name": "X Y", "offices": [["GOVERNMENT", "P", "2020-01-01", None]]}}})
    with pytest.raises(DictionaryError, match="people.x"):
        ActorDictionary.load([path])
    path = _user_file(tmp_path, {"people": {"x": {"name": "X Y", "offices": [["GOV", "P", "January 2020", None]]}}})
    with pytest.raises(DictionaryError, match="YYYY-MM-DD"):
        ActorDictionary.load([path])


def test_month_precision_dates_cover_the_whole_month(tmp_path):
    path = _user_file(tmp_path, {"people": {"x": {"name": "Xavier Quux", "country": "FRA",
                                                 "offices": [["GOV", "Minister", "2020-03", "2020-05"]]}}})
    person = ActorDictionary.load([path]).people["x"]
    assert person.office_on("2020-05-31") is not None
    assert person.office_on("2020-06-01") is None


@pytest.mark.parametrize(
    ("sentence", "word", "date", "code"),
    [
        # interior ministers: the government while in office, an elite after, the country before
        ("Piantedosi defended the new rules for rescue ships.", "Piantedosi", "2023-01-10", "ITAGOV"),
        ("Lamorgese met the mayor of Lampedusa.", "Lamorgese", "2021-09-15", "ITAGOV"),
        ("Lamorgese criticized the decree on rescue ships.", "Lamorgese", "2023-01-10", "ITAELI"),
        ("Salvini closed the ports to the rescue ship.", "Salvini", "2019-06-20", "ITAGOV"),
        ("Salvini attacked the government over migration.", "Salvini", "2020-06-01", "ITAOPP"),
        ("McAleenan defended the detention of migrant families.", "McAleenan", "2019-07-12", "USAGOV"),
        ("McAleenan declined to comment on the border wall.", "McAleenan", "2020-02-01", "USAELI"),
        ("Mchunu visited the police station in Durban.", "Mchunu", "2024-09-01", "ZAFGOV"),
        ("Schreiber announced new visa rules.", "Schreiber", "2025-03-01", "ZAFGOV"),
        ("Schreiber criticized the visa backlog.", "Schreiber", "2018-03-01", "ZAF"),
        ("Momeni ordered the police to restore calm.", "Momeni", "2025-01-15", "IRNGOV"),
        ("Avakov ordered the police to clear the square.", "Avakov", "2019-03-01", "UKRGOV"),
        # defence and foreign ministers, heads of government
        ("Parly announced the withdrawal of French troops.", "Parly", "2022-02-17", "FRAGOV"),
        ("Kihara met his Australian counterpart.", "Kihara", "2024-06-01", "JPNGOV"),
        ("Mekdad rejected the accusations.", "Mekdad", "2022-03-01", "SYRGOV"),
        ("Mekdad left Damascus.", "Mekdad", "2025-03-01", "SYRELI"),
        ("Madbouly opened the new capital.", "Madbouly", "2023-06-01", "EGYGOV"),
        # heads of IGOs, armed groups, opposition leaders
        ("Grandi appealed for funds for Sudanese refugees.", "Grandi", "2024-05-01", "IGOUNOREF"),
        ("Metsola opened the plenary session.", "Metsola", "2023-01-16", "IGOEURLEG"),
        ("Zannier visited the monitoring mission.", "Zannier", "2015-02-20", "IGOOSCGOV"),
        ("Deif survived the air strike.", "Deif", "2021-05-15", "PSEREB"),
        ("Nakhalah threatened to resume rocket fire.", "Nakhalah", "2022-08-06", "PSEREB"),
        ("Malema led the march to parliament.", "Malema", "2021-03-01", "ZAFOPP"),
        ("Herzog attacked the government.", "Herzog", "2014-06-01", "ISROPP"),  # Labor leader since Nov 2013
    ],
)
def test_ministers_igo_heads_and_armed_groups(code_of, sentence, word, date, code):
    assert code_of(sentence, word, date=date) == code


def test_wikidata_ids_come_with_the_person(resolve):
    assert resolve("Starmer met Macron.", "Starmer", date="2025-01-10").wikidata == "Q6383803"
    assert resolve("Stoltenberg warned Moscow.", "Stoltenberg", date="2020-03-01").wikidata == "Q57665"


_FOCUS = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA UKR ISR IRN "
    "IRQ SYR PAK AFG EGY PSE LBN YEM QAT ARE NGA ETH KEN VEN COL PRK TWN POL ESP NLD PHL VNM "
    "THA MMR BGD SDN LBY"
).split()
_HEAD = re.compile(
    r"President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Emir|Supreme Leader|"
    r"Leader of|Chief Adviser|State Counsellor|Chief Executive|Sovereignty Council|Junta|"
    r"Presidential (Leadership )?Council"
)
_NOT_HEAD = re.compile(r"Vice|Deputy|Kurdistan|Tigray|Catalonia|Galicia|Assembly|Parliament|Mayor")


@pytest.mark.parametrize("day", ["2016-06-01", "2020-06-01", "2024-06-01"])
def test_every_focus_country_has_a_head_of_state_or_government(day):
    people = ActorDictionary.load().people.values()
    heads = {
        p.country for p in people for o in p.offices
        if o.code is None and o.role == "GOV" and o.covers(day)
        and _HEAD.search(o.title) and not _NOT_HEAD.search(o.title)
    }
    assert [c for c in _FOCUS if c not in heads] == []


@pytest.mark.parametrize(
    ("sentence", "word", "date", "not_name"),
    [
        ("Nielsen rejected the American offer for Greenland.", "Nielsen", "2025-04-01", "Kirstjen Nielsen"),
        ("Ashkenazi Jews gathered at the synagogue.", "Ashkenazi", "2020-09-01", "Gabi Ashkenazi"),
        ("Lewandowski scored twice in the second half.", "Lewandowski", "2024-05-01", "Ricardo Lewandowski"),
    ],
)
def test_common_surnames_of_bundled_people_are_not_aliases(resolve, sentence, word, date, not_name):
    actor = resolve(sentence, word, date=date)
    assert actor is None or actor.name != not_name


def test_every_bundled_person_has_a_gender():
    from thucydides.actors.dictionary import ActorDictionary

    d = ActorDictionary.load()
    assert {p.gender for p in d.people.values() if not d.is_broad(p.id)} == {"f", "m"}


@pytest.mark.parametrize(
    ("sentence", "word", "date", "code"),
    [
        # a bare surname only one person of the open (Phoenix) actors bears
        ("Milosevic accused Tudjman of provoking the war.", "Tudjman", "1995-06-01", "HRVGOV"),
        ("Tudjman flew to Zagreb.", "Tudjman", None, "HRVGOV"),
        ("Andreotti met the Pope.", "Andreotti", "1991-03-01", "ITAGOV"),
    ],
)
def test_a_distinctive_surname_of_the_open_actors_names_its_bearer(code_of, sentence, word, date, code):
    assert code_of(sentence, word, date=date) == code


def test_a_bare_surname_of_the_open_actors_names_its_bearer_only_in_office(resolve):
    assert resolve("Andreotti met the Pope.", "Andreotti", date="1991-03-01") is not None
    # decades later a bare "Andreotti" is no longer the prime minister of 1991
    later = resolve("Andreotti met the Pope.", "Andreotti", date="2024-03-01")
    assert later is None or later.code != "ITAGOV"
