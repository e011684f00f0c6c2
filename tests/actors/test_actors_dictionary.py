"""The actor dictionary: bundled data coverage, resolve_text, user files."""

from __future__ import annotations

import pycountry
import pytest

from thucydides.actors import ROLE_CODES, ActorDictionary, ActorResolver, DictionaryError
from thucydides.names import alias_key

# Territories without a population, and the two countries whose demonym belongs to a
# neighbour ("Congolese" -> COD, "Dominican" -> DOM).
NO_DEMONYM = {"ATF", "BVT", "HMD", "IOT", "SGS", "UMI", "SCG", "COG", "DMA"}


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def test_bundled_dictionary_is_cached(dictionary):
    assert ActorDictionary.load() is dictionary


def test_every_iso_country_is_present(dictionary):
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(dictionary.countries)
    assert {"XKX", "SUN", "YUG"} <= set(dictionary.countries)


@pytest.mark.parametrize("country", sorted(pycountry.countries, key=lambda c: c.alpha_3), ids=lambda c: c.alpha_3)
def test_every_iso_country_resolves_by_its_common_name(resolver, dictionary, country):
    name = dictionary.countries[country.alpha_3].name
    actor = resolver.resolve_text(name)
    assert actor is not None, name
    assert (actor.code, actor.country) == (country.alpha_3, country.alpha_3), name


@pytest.mark.parametrize("country", sorted(pycountry.countries, key=lambda c: c.alpha_3), ids=lambda c: c.alpha_3)
def test_pycountry_plain_names_resolve(resolver, country):
    # The ISO short name where it is usable in running text (no "Korea, Republic of").
    if "," in country.name or "(" in country.name:
        pytest.skip("inverted ISO name")
    if country.alpha_3 == "COG":
        pytest.skip('plain "Congo" is taken for the DR Congo, the usual referent in news')
    actor = resolver.resolve_text(country.name)
    assert actor is not None and actor.country == country.alpha_3


def test_every_alias_demonym_and_capital_resolves_to_its_country(resolver, dictionary):
    wrong = []
    for code, country in dictionary.countries.items():
        for name in country.names:
            actor = resolver.resolve_text(name)
            if actor is None or actor.code != code:
                wrong.append((code, name, actor and actor.code))
        for form in country.demonyms:
            actor = resolver.resolve_text(form)
            if actor is None or actor.country != code:
                wrong.append((code, form, actor and actor.code))
        for capital in country.capitals:
            actor = resolver.resolve_text(capital)
            if actor is None or actor.code != code + "GOV":
                wrong.append((code, capital, actor and actor.code))
    assert wrong == []


def test_inhabited_countries_have_demonyms_and_capitals(dictionary):
    lacking = [c.code for c in dictionary.countries.values() if not c.demonyms and c.code not in NO_DEMONYM]
    assert lacking == []
    sovereign_without_capital = [
        c.code for c in dictionary.countries.values()
        if c.capital is None and not c.historical and c.code not in {"ATA", "BVT", "HMD", "UMI", "TKL", "BES"}
        and c.code not in {"SCG"}
    ]
    assert sovereign_without_capital == []


def test_no_alias_is_claimed_by_two_countries(dictionary):
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for code, country in dictionary.countries.items():
        for value in (*country.names, *country.demonyms, *country.capitals, *country.places):
            key = alias_key(value)
            if owner.setdefault(key, code) != code:
                clashes.append((value, owner[key], code))
    assert clashes == []


def test_organisation_codes_are_well_formed(dictionary):
    for org in dictionary.organisations.values():
        assert len(org.code) % 3 == 0, org
        if dictionary.is_broad(org.id):
            continue  # PETRARCH's own codes: sectors without a country (MNCMED), regions (INTREB)
        if org.kind == "igo":
            assert org.code.startswith(("IGO", "NGO")), org
        else:
            assert org.code[:3] in dictionary.countries or org.code.startswith("IMG"), org
        if org.role:
            assert org.role in ROLE_CODES
        for period in org.dated:
            assert period.code[:3] in dictionary.countries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkish police", "TURCOP"),
        ("U.S. troops", "USAMIL"),
        ("the Kremlin", "RUSGOV"),
        ("Turkish authorities", "TURGOV"),
        ("Istanbul's mayor", "TURGOV"),
        ("the president of France", "FRAGOV"),
        ("the foreign minister of Iran", "IRNGOV"),
        ("UN Secretary-General Antonio Guterres", "IGOUNOGOV"),
        ("the United Nations", "IGOUNO"),
        ("Hamas", "PSEREB"),
        ("protesters", "CVL"),
        ("1,879 individuals", "CVL"),
        ("thousands of Iraqi Kurds", "IRQCVL"),
        ("Palestinians", "PSECVL"),
        ("Pentagon officials", "USAMIL"),
        ("former President Ahmed Ben Bella", "DZAELI"),  # known from the broad layer (Phoenix)
        ("former President Tomas Velbrand", "ELI"),  # unknown: the title alone
        ("the Democratic Republic of Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Turks and Caicos Islands", "TCA"),
        ("Turks", "TURCVL"),
        ("New Mexico", "USA"),
    ],
)
def test_resolve_text(resolver, text, code):
    actor = resolver.resolve_text(text)
    assert actor is not None and actor.code == code


def test_resolve_text_non_actors_and_case(resolver):
    assert resolver.resolve_text("the dollar") is None
    assert resolver.resolve_text("concerns") is None
    assert resolver.resolve_text("us") is None
    assert resolver.resolve_text("turkey") is None  # the bird, not the country
    assert resolver.resolve_text("Latin America") is None
    assert resolver.resolve_text("US").code == "USA"


def test_resolve_text_span(resolver):
    actor = resolver.resolve_text("the Turkish authorities")
    assert actor.text == "Turkish authorities"
    assert (actor.start, actor.end) == (4, 23)


# --- user files ------------------------------------------------------------------------


def test_user_file_adds_alias_and_overrides_role(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        """
countries:
  TUR:
    names: [Anatolian Republic]
    demonyms: [Anatolian]
  ZZZ:
    name: Freedonia
    demonyms: [Freedonian]
    capitals: [Fredville]
roles:
  MED: [spokesman]
  GOV: [sherpa]
igos:
  UN:
    aliases: [Turtle Bay]
groups:
  BLUEBRIGADE:
    name: Blue Brigade
    code: FRAREB
    aliases: [Blue Brigade]
""",
        encoding="utf-8",
    )
    resolver = ActorResolver(ActorDictionary.load([extra]))
    assert resolver.resolve_text("the Anatolian Republic").code == "TUR"
    assert resolver.resolve_text("Anatolian troops").code == "TURMIL"
    assert resolver.resolve_text("Turkey").code == "TUR"  # bundled names are kept
    assert resolver.resolve_text("Freedonian police").code == "ZZZCOP"
    assert resolver.resolve_text("Fredville").code == "ZZZGOV"
    assert resolver.resolve_text("a spokesman").code == "MED"  # was weak GOV
    assert resolver.resolve_text("the sherpa").code == "GOV"
    assert resolver.resolve_text("Turtle Bay").code == "IGOUNO"
    assert resolver.resolve_text("the Blue Brigade").code == "FRAREB"
    # The bundled dictionary is untouched.
    assert ActorResolver().resolve_text("a spokesman").code == "GOV"
    assert ActorResolver().resolve_text("Freedonian police").code == "COP"


def test_user_file_moves_a_name_between_countries(tmp_path):
    extra = tmp_path / "congo.yaml"
    extra.write_text("countries:\n  COG:\n    names: [Congo]\n", encoding="utf-8")
    assert ActorResolver().resolve_text("Congo").code == "COD"
    assert ActorResolver(ActorDictionary.load([extra])).resolve_text("Congo").code == "COG"


def test_user_file_dated_codes(tmp_path):
    extra = tmp_path / "dated.yaml"
    extra.write_text(
        """
groups:
  JUNTA:
    name: National Council
    code: MLIMIL
    aliases: [National Council]
    dated:
      - {code: MLIREB, end: "2020-08-17"}
      - {code: MLIGOV, start: "2020-08-18"}
""",
        encoding="utf-8",
    )
    resolver = ActorResolver(ActorDictionary.load([extra]))
    assert resolver.resolve_text("the National Council", date="2019-01-01").code == "MLIREB"
    assert resolver.resolve_text("the National Council", date="2021-01-01").code == "MLIGOV"
    assert resolver.resolve_text("the National Council").code == "MLIMIL"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("nonsense: [1]\n", "unknown section"),
        ("countries:\n  tur:\n    names: [X]\n", "three capital letters"),
        ("countries:\n  QQQ:\n    names: [Qland]\n", "needs a 'name'"),
        ("roles:\n  police: [cop]\n", "role codes"),
        ("groups:\n  X:\n    name: X\n", "needs a 'name' and a 'code'"),
        ("countries: [1, 2]\n", "must map codes"),
        ("roles: {GOV: [a]\n", "not valid YAML"),
        ("anaphora:\n  two chiefs: {kind: person, count: 2, otherwise: planet}\n", "'otherwise' is one of"),
    ],
)
def test_bad_user_files_are_reported(tmp_path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as err:
        ActorDictionary.load([bad])
    assert "bad.yaml" in str(err.value)


def test_missing_user_file_is_reported(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read"):
        ActorDictionary.load([tmp_path / "missing.yaml"])


@pytest.mark.parametrize("text", ["--", "...", "(", " ; "])
def test_punctuation_alone_names_no_actor(resolver, text):
    assert resolver.resolve_text(text) is None
