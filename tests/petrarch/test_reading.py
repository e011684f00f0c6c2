"""Reading PETRARCH-format dictionaries: verbs, actors, agents, discards, folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.petrarch.actors import DatedCode, iso_date, read_actors
from thucydides.petrarch.agents import read_agents
from thucydides.petrarch.discards import read_discards
from thucydides.petrarch.folder import ACTORS, AGENTS, DISCARDS, VERBS, kind_of, load_dictionaries
from thucydides.petrarch.patterns import PatternError, PrepPhrase, parse_pattern
from thucydides.petrarch.reading import parse_code
from thucydides.petrarch.verbs import read_verbs

REFERENCE = Path("/work/shared/reference")

VERBS_TEXT = """\
# a comment
&FOOD
+FOOD
+RELIEF_SUPPLIES

---  ACCELERATE   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
+CALL_OFF [160]   # own code
- * AID                                               [070]         # RUSH
- * {RELIEF ASSISTANCE}                               [073]
- * &FOOD (TO +)                                      [073]
- &MILITARY_ * (TO BORDER)                            [154]
- * (TO)                                              [042:043]
- MARKET *                                            [---]
- * (BEFORE COURT)                                    [:173]
~ a (a b ATTACK) SAY = a b 015
"""


def test_verb_file_synsets_blocks_and_patterns():
    verbs = read_verbs(VERBS_TEXT, "v.txt")
    assert verbs.synsets == {"&food": (("food",), ("relief", "supplies"))}
    (block,) = verbs.blocks
    assert block.name == "ACCELERATE" and block.code == (None, None)
    assert [(v.words, v.verb, v.code) for v in block.verbs] == [
        (("rush",), "rush", None), (("speed",), "speed", None), (("call", "off"), "call", ("160", None))]
    assert block.verbs[1].forms == ("speeding", "speeds", "sped")
    aid, relief, food, military, to, market, court = block.patterns
    assert (aid.code, aid.phrase.after) == ("070", (("aid",),))
    assert relief.phrase.after == (("relief", "assistance"),)
    assert food.phrase.target == "prep:to" and food.phrase.preps == (PrepPhrase("to", None, "+"),)
    # an undefined synonym set is a warning and its term is left out
    assert military.phrase.before == () and military.phrase.preps == (PrepPhrase("to", ("border",)),)
    assert (to.code, to.reverse) == ("042", "043")
    assert market.code is None and market.phrase.before == (("market",),)
    assert (court.code, court.reverse) == (None, "173")
    assert verbs.transformations == ["~ a (a b ATTACK) SAY = a b 015"]
    assert [str(i) for i in verbs.issues] == [
        "v.txt:13: warning: synonym set &MILITARY is not defined (before this line); the term is skipped"]


@pytest.mark.parametrize(("line", "message"), [
    ("- * AID", "needs a code in brackets"),
    ("- AID [070]", "exactly one '*'"),
    ("- * {AID [070]", "unbalanced"),
    ("- * () [070]", "empty prepositional phrase"),
])
def test_malformed_pattern_is_an_error_naming_the_line(line, message):
    verbs = read_verbs(f"--- AID [070] ---\nAID\n{line}\n- * HELP [071]\n", "v.txt")
    (issue,) = verbs.issues
    assert issue.line == 3 and issue.severity == "error" and message in issue.message
    assert [p.phrase.after for p in verbs.blocks[0].patterns] == [(("help",),)]  # the next line still read


def test_odd_codes_petrarch_accepts_are_warnings():
    verbs = read_verbs("--- BLAST [+++] ---\nBLAST\n- * STATEMENT [def]\n- * X [122]\n", "v.txt")
    assert [i.severity for i in verbs.issues] == ["warning", "warning"]
    assert verbs.blocks[0].code == (None, None) and len(verbs.blocks[0].patterns) == 1


def test_pattern_notation():
    p = parse_pattern("$ TROOP * (FROM +) {ARMS SHIPMENT} ^ %")
    assert p.before == (("troop",),) and p.after == (("arms", "shipment"),)
    assert (p.source, p.target, p.compound) == ("subj", "prep:from", True)
    glued = parse_pattern("WOULD_*_TALKS")
    assert glued.before == (("would",),) and glued.after == (("talks",),)
    assert parse_pattern("* MISSION_TO").after == (("mission",),)  # a trailing preposition is no head
    with pytest.raises(PatternError):
        parse_pattern("* * AID")


@pytest.mark.parametrize(("text", "code"), [
    ("070", ("070", None)), ("042:043", ("042", "043")), (":173", (None, "173")), ("---", (None, None)),
    ("174K", ("174K", None)), ("def", None), ("", None), ("080!", None),
])
def test_codes(text, code):
    assert parse_code(text) == code


ACTORS_TEXT = """\
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

HAMID_KARZAI_  ; CountryInfo.txt
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
TRYGVE_LIE_\t[IGOUNO 460201-521110] [ELI]
BROKEN_ [XX/Y]
\t[USAGOV 2004017-20061201]
INDIAN_OCEAN  [---]
LOK_SABHA
+RAJYA_SABHA
\t[INDGOVLEG]
MIKHAIL_GORBACHEV_
+GORBACHEV
GENERAL_SECRETARY_GORBACHEV
\t[RUSELI 480101-850311]
\t[RUSGOV 850311-910824]
"""


def test_actor_file_names_default_and_dated_codes():
    actors = read_actors(ACTORS_TEXT, "a.txt")
    afg, karzai, lie, broken, ocean, parliament, gorbachev = actors.records
    assert afg.names == [("afghanistan",), ("afghan",), ("kabul",)] and afg.code == "AFG" and not afg.dated
    assert karzai.names == [("hamid", "karzai"), ("president", "karzai")]
    assert karzai.dated == [DatedCode("AFGELI", "1975-01-01", "2000-01-01"), DatedCode("AFGGOV", "2001-12-22", None)]
    assert karzai.code == "AFGELI"
    assert lie.dated == [DatedCode("IGOUNO", "1946-02-01", "1952-11-10")] and lie.code == "ELI"
    # PETRARCH reads a restriction with unreadable dates as undated
    assert broken.code == "USAGOV" and broken.dated == []
    assert ocean.null and ocean.code is None and ocean.names == [("indian", "ocean")]
    assert parliament.names == [("lok", "sabha"), ("rajya", "sabha")] and parliament.code == "INDGOVLEG"
    assert [(i.line, i.severity) for i in actors.issues] == [(11, "warning"), (12, "warning")]


def test_primary_phrases_with_no_code_between_them_are_one_record():
    gorbachev = read_actors(ACTORS_TEXT, "a.txt").records[-1]
    assert gorbachev.names == [("mikhail", "gorbachev"), ("gorbachev",), ("general", "secretary", "gorbachev")]
    assert [d.code for d in gorbachev.dated] == ["RUSELI", "RUSGOV"]


def test_two_digit_years_pivot_at_thirty():
    assert iso_date("300101") == "2030-01-01" and iso_date("310101") == "1931-01-01"
    assert iso_date("19270101") == "1927-01-01" and iso_date("2004017") is None and iso_date("991340") is None


def test_agents_plurals_substitutions_and_leading_codes():
    agents = read_agents(
        "!PERSON! = MAN, MEN, WOMAN\nPOLICE {} [~COP]\nTROOP [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
        "CONGRESS!PERSON! [~LEG]\nHUMAN_RIGHTS_BODY  [NGO~]\nSPY [~SPY]\nNO_CODE_HERE\n", "g.txt")
    forms = {(a.words, a.code, a.leads, a.plural) for a in agents.agents}
    assert (("police",), "COP", False, False) in forms and not any(a.words == ("polices",) for a in agents.agents)
    assert (("troops",), "MIL", False, True) in forms
    assert (("attorneys", "general"), "GOV", False, True) in forms
    assert {a.words for a in agents.agents if a.code == "LEG"} == {("congressman",), ("congressmen",), ("congresswoman",)}
    assert (("human", "rights", "body"), "NGO", True, False) in forms
    assert (("spies",), "SPY", False, True) in forms
    assert [(i.line, i.severity) for i in agents.issues] == [(8, "warning")]


def test_discards():
    found = read_discards("+WORLD_CUP\nBASEBALL\nMONTHS LATER\n1914_\n", "d.txt").discards
    assert [(d.phrase, d.story, d.whole_word) for d in found] == [
        ("world cup", True, False), ("baseball", False, False), ("months later", False, False),
        ("1914", False, True)]


def test_kinds_by_name_then_content(tmp_path):
    assert kind_of(Path("CAMEO.2.0.txt")) == VERBS and kind_of(Path("x.agents.txt")) == AGENTS
    assert kind_of(Path("Phoenix.MilNonState.actors.txt")) == ACTORS and kind_of(Path("d.discards")) == DISCARDS
    assert kind_of(Path("README.md")) is None and kind_of(Path("LICENSE"), "MIT") is None
    assert kind_of(Path("mine.txt"), "--- ATTACK [190] ---\nATTACK\n") == VERBS
    assert kind_of(Path("mine.txt"), "KARZAI\n\t[AFGGOV]\n") == ACTORS
    assert kind_of(Path("mine.txt"), "just words\n") is None


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared reference files not present")
def test_the_open_dictionaries_read_without_errors():
    found = load_dictionaries(REFERENCE / "petrarch2-dictionaries")
    assert found.errors == []
    (verbs,) = found.verbs
    assert verbs.pattern_count > 4500 and verbs.verb_count > 1700 and len(verbs.synsets) == 40
    assert sum(len(a.records) for a in found.actors) > 25000
    assert {name for name, _ in found.ignored} == {"LICENSE", "README.md", "dictionaries.rst", "Phoenix.IssueCoding.txt"}


@pytest.mark.parametrize("text", [
    "$ TROOP * (FROM +) {ARMS SHIPMENT}", "% * TALKS", "* + (WITH $)", "&MILITARY * (TO +) &STRONGHOLD (IN $)",
    "* (IN STATE) (OF ALERT)", "PLANES_*", "* IFTAR AT ^ ^ +", "+ HOSTING * TABASKI ^ $", "* + TROOP TOWARD",
])
def test_a_pattern_written_back_reads_the_same(text):
    pattern = parse_pattern(text)
    again = parse_pattern(pattern.notation())
    assert (again.before, again.after, again.preps, again.source, again.target, again.compound, again.flat) == (
        pattern.before, pattern.after, pattern.preps, pattern.source, pattern.target, pattern.compound, pattern.flat)


def test_tabari_style_patterns_are_read_in_sequence():
    # a preposition written as a word, or a marker after skipped phrases: TABARI's notation
    at = parse_pattern("* IFTAR AT ^ ^ +")
    assert at.flat and at.after == (("iftar",), ("at",)) and at.target == "seq:2:2"  # after 2 words, 2 skipped
    hosting = parse_pattern("+ HOSTING * TABASKI ^ $")
    assert hosting.flat and (hosting.target, hosting.source) == ("subj", "seq:1:1")
    assert parse_pattern("* FOR &ECONSANCT").flat
    assert parse_pattern("* + TROOP TOWARD").target == "seq:0:0"
    # PETRARCH-2's own notation: prepositional phrases in parentheses, markers as slots
    plain = parse_pattern("* + {FINANCIAL AID} (TO $)")
    assert not plain.flat and (plain.target, plain.source) == ("obj", "prep:to")
