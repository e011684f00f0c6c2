"""Converting PETRARCH dictionaries into lexicon entries and actor layers."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from thucydides.actors import ActorDictionary, ActorResolver
from thucydides.events import Lexicon
from thucydides.ontology import default_ontology
from thucydides.petrarch.actors import read_actors
from thucydides.petrarch.agents import read_agents
from thucydides.petrarch.convert import actor_document, display_name, verb_entries
from thucydides.petrarch.verbs import read_verbs

REFERENCE = Path("/work/shared/reference/petrarch2-dictionaries")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "thucydides" / "data"

VERBS = """\
---  VISIT   [042:043]  ---
VISIT
TOUR
- * (TO)                                              [042:043]
- MARKET *                                            [---]
- * {FOOD AID} (TO +)                                 [073]
- * (IN ^) WITH                                       [903]
"""


def test_verb_blocks_become_entries_with_layer_ids_and_origins():
    issues: list = []
    items = verb_entries(read_verbs(VERBS, "v.txt"), "mine", default_ontology(), issues=issues)
    synset, bare, tour, to, market, food, weis = items
    assert synset == {"synset": "&verbs.visit", "words": ["visit", "tour"]}
    # the block's code goes to each of its verbs (dictionaries.rst)
    assert (bare["id"], bare["verbs"], bare["code"], bare["reverse_code"]) == ("mine/visit.2", ["visit"], "042", "043")
    assert (tour["id"], tour["verbs"], tour["code"]) == ("mine/visit.3", ["tour"], "042")
    assert to["pattern"] == "* (to)" and to["target"][0] == "prep:to" and to["origin"] == "v.txt:4"
    assert market["code"] == "---" and market["pattern"] == "market *"
    assert food["target"] == ["prep:to"] and food["pattern"] == "* {food aid} (to +)"
    assert all(i.get("target_required") for i in items[1:])  # PETRARCH's require_dyad
    # 903 extends no CAMEO code: a user's dictionary keeps it as PETRARCH does (and says so)
    (issue,) = issues
    assert issue.line == 7 and "903" in issue.message and "root 90" in issue.message
    assert weis["code"] == "903" and weis["pattern"] == "* with (in)"
    lexicon = Lexicon.load(dictionary_entries=items, bundled=False)
    assert {p.id for p in lexicon.candidates("verb", "tour")} == {"mine/visit.3.v", "mine/visit.4.v", "mine/visit.5.v",
                                                                  "mine/visit.6.v", "mine/visit.7.v"}


def test_the_broad_layer_leaves_out_codes_outside_cameo_and_a_blocks_code_for_its_verbs():
    issues: list = []
    items = verb_entries(read_verbs(VERBS + "TRAVEL [042]\n", "v.txt"), "broad", default_ontology(), issues=issues,
                         faithful=False)
    assert "903" not in {i.get("code") for i in items}
    # a block's code does not code its verbs alone (CAMEO.2.0's "--- INTRUDE [013]"); a verb's own code does
    assert [(i["verbs"], i["code"]) for i in items if "id" in i and "pattern" not in i] == [(["travel"], "042")]
    (issue,) = issues
    assert "not used" in issue.message  # (in a curated entry such a code is an error: a typo)


PRESS_BLOCK = """\
---  DEMAND   [100]  ---
DEMAND
PRESS
CAMPAIGN
- * ON                                                [190]  # PRESS
- * EMBASSY (IN +)                                    [054]  # PRESS
"""


def test_the_broad_layer_gives_a_pattern_of_mere_particles_to_the_verb_it_was_written_for():
    def pattern_verbs(faithful: bool) -> dict[str, list[str]]:
        items = verb_entries(read_verbs(PRESS_BLOCK, "v.txt"), "broad", default_ontology(), faithful=faithful)
        return {i["pattern"]: i["verbs"] for i in items if "pattern" in i}
    # "pressed on" is fighting on; "campaigning on Friday" is not
    assert pattern_verbs(faithful=False) == {"* on": ["press"], "* embassy (in +)": ["&verbs.demand"]}
    # a user's dictionary is read as PETRARCH reads it: every pattern is the block's
    assert pattern_verbs(faithful=True) == {"* on": ["&verbs.demand"], "* embassy (in +)": ["&verbs.demand"]}


ACTORS = """\
GONDOR_ [GON]
+MINAS_TIRITH_
ARAGORN_
+KING_ARAGORN_
\t[GONMIL 940101-950101]
\t[GONGOV >950102]
\t[GONELI]
WHITE_COMPANY_ [GONREB]
"""


def test_actors_become_people_with_dated_offices_groups_and_countries():
    document = actor_document([read_actors(ACTORS, "a.txt")], [], frozenset(), [])
    (aragorn,) = document["people"].values()
    assert aragorn["name"] == "Aragorn" and aragorn["aliases"] == []  # "King Aragorn": the title is read as such
    assert aragorn["offices"] == [{"code": "GONMIL", "start": "1994-01-01", "end": "1995-01-01"},
                                  {"code": "GONGOV", "start": "1995-01-02", "end": None}]
    assert aragorn["out_of_office"] == "ELI" and aragorn["country"] == "GON"
    assert document["countries"] == {"GON": {"name": "Gondor", "names": ["Gondor", "Minas Tirith"]}}
    assert [g["code"] for g in document["groups"].values()] == ["GONREB"]
    resolver = ActorResolver(ActorDictionary.from_layers([("a.txt", document)]))
    assert resolver.resolve_text("King Aragorn", "1994-06-01").code == "GONMIL"
    assert resolver.resolve_text("Aragorn", "1999-06-01").code == "GONGOV"
    assert resolver.resolve_text("the White Company").code == "GONREB"


def test_agents_become_role_terms():
    agents = read_agents("POLICE {} [~COP]\nSOLDIER [~MIL]\nBUDDHIST_MONK [~BUD]\nRIGHTS_BODY [NGO~]\n", "g.txt")
    roles = actor_document([], [agents], frozenset(), [])["roles"]
    assert roles == {"COP": ["police"], "MIL": ["soldier", "soldiers"]}


def test_display_names():
    assert display_name(("president", "of", "the", "united", "states")) == "President of the United States"
    assert display_name(("un",)) == "UN" and display_name(("u.n.",)) == "U.N." and display_name(("ghor",)) == "Ghor"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared reference files not present")
def test_the_bundled_broad_layer_is_the_converters_output(tmp_path, monkeypatch):
    """The converted files in the package are what tools/convert_petrarch.py writes now."""
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "tools" / "convert_petrarch.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(tool, "PACKAGE", tmp_path)
    tool.main(str(REFERENCE))
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert [str(p) for p in written] == [
        "actors/phoenix/agents.json", "actors/phoenix/phoenix-countries-actors.json",
        "actors/phoenix/phoenix-international-actors.json", "actors/phoenix/phoenix-milnonstate-actors.json",
        "lexicon/broad/cameo-2.0.yaml"]
    for path in written:
        assert (tmp_path / path).read_bytes() == (DATA / path).read_bytes(), f"{path} is stale: run the tool"
    lexicon = yaml.safe_load((DATA / "lexicon/broad/cameo-2.0.yaml").read_text("utf-8"))
    assert sum("pattern" in item for item in lexicon) > 4000
    assert "MIT License" in json.loads((DATA / "actors/phoenix/agents.json").read_text("utf-8"))["notice"]


def test_only_a_surname_that_names_no_one_else_is_given():
    from thucydides.names import alias_key
    from thucydides.petrarch.convert import give_distinctive_surnames

    def person(name: str) -> dict:
        return {"name": name, "country": "HRV", "surname": None, "aliases": [], "offices": []}

    people = {"a": person("Franjo Tudjman"), "b": person("Ivo Sanader"), "c": person("Ana Sanader"),
              "d": person("Stipe Mesic"), "e": person("Mesic Kovac"), "f": person("Zoran Ustasha"),
              "g": person("Ivo Lee"), "h": person("Ante Markovic")}
    documents = [{"people": people}, {"groups": {"x": {"name": "Ustasha", "code": "HRVRAD", "aliases": []}}}]
    given = give_distinctive_surnames(documents, taken=lambda word: word == "markovic", key=alias_key)
    surnames = {ident: p["surname"] for ident, p in people.items() if p["surname"]}
    # shared (Sanader), another's first name (Mesic), a group's name (Ustasha), too short
    # (Lee) or a name another layer has (Markovic) are no surname alias
    assert surnames == {"a": "Tudjman", "e": "Kovac"} and given == 2
