"""Coding with a user's PETRARCH dictionaries alone (`--dictionaries DIR
--only-dictionaries`): small dictionaries written here, real parses."""

from __future__ import annotations

from itertools import count
from pathlib import Path
from typing import Callable

import pytest

from thucydides.pipeline import Pipeline
from thucydides.settings import Settings

ACTORS = """\
ARNOR_ [ARN]
GONDOR_ [GON]
+MINAS_TIRITH_
MORDOR_ [MOR]
"""
AGENTS = "OFFICIAL [~GOV]\nPOLICE {} [~COP]\n"

Coded = list[tuple[str, "str | None", "str | None"]]
CodeWith = Callable[..., Coded]


@pytest.fixture(scope="module")
def code_with(tmp_path_factory: pytest.TempPathFactory) -> CodeWith:
    """Code a text with a folder holding `verbs` (and the actors and agents above)."""
    folders = count()

    def code(verbs: str, text: str, actors: str = ACTORS, agents: str = AGENTS, date: str = "1995-01-01") -> Coded:
        folder = tmp_path_factory.mktemp(f"dictionaries{next(folders)}")
        (folder / "test.verbs.txt").write_text(verbs)
        (folder / "test.actors.txt").write_text(actors)
        (folder / "test.agents.txt").write_text(agents)
        pipeline = Pipeline(Settings(dictionaries=(str(folder),), only_dictionaries=True))
        return [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
                for e in pipeline.code_text(text, date=date)]

    return code


def test_a_trailing_attribution_leaves_the_event_it_reports(code_with: CodeWith):
    verbs = "--- RESTORE [064] ---\nRESTORE\n\n--- SAID [023] ---\nSAID\n"
    text = "Arnor will restore diplomatic ties with Gondor, a senior official said on Saturday."
    # SAID [023] governs what it embeds (an appeal's root), but a clause before it is
    # reported content: the restoration is coded, the attribution is not.
    assert code_with(verbs, text) == [("064", "ARN", "GON")]
    # ... and "will restore" is coded as the pattern says, not recoded as an intent (03)
    assert code_with(verbs, "Gondor complained about Arnor, an official of Mordor said.") == []


def test_a_code_outside_cameo_is_coded_as_written(tmp_path: Path):
    verbs = "&CURRENCY\n+DOLLARS\n+SWISS_FRANCS\n\n--- CONTRIBUTE [070] ---\nCONTRIBUTE\n- * &CURRENCY [903]\n"
    (tmp_path / "test.verbs.txt").write_text(verbs)
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    pipeline = Pipeline(Settings(dictionaries=(str(tmp_path),), only_dictionaries=True))
    (event,) = pipeline.code_text("Arnor contributed a million swiss francs to Gondor.", date="1995-01-01")
    # PETRARCH copies any code to its output: the root is its first two digits, and
    # there is no QuadClass, Goldstein score or PLOVER type to give it
    assert (event.code, event.root, event.quad, event.goldstein, event.plover_type) == ("903", "90", None, None, None)
    assert (event.source.code, event.target.code) == ("ARN", "GON")
    (bare,) = pipeline.code_text("Arnor contributed grain to Gondor.", date="1995-01-01")
    assert (bare.code, bare.root, bare.quad) == ("070", "07", 2)


NEGATIONS = """\
&NEGATVAUXVRB
+DID N'T
+REALLY DID NOT
+WILL NOT

--- CLASH [121] ---
CLASH
- MOST_CERTAINLY_&NEGATVAUXVRB_EVER * [907]
- &NEGATVAUXVRB EVER * [905]
- &NEGATVAUXVRB * [904]
- NOT * [112]
"""


@pytest.mark.parametrize(("text", "code"), [
    ("Arnor clashed with Gondor.", "121"),
    # a phrase of a synonym set is consecutive words, auxiliaries and adverbs included
    ("Arnor didn't clash with Gondor.", "904"),
    ("Arnor will not ever clash with Gondor.", "905"),
    ("Arnor most certainly really did not ever clash with Gondor.", "907"),
    ("Arnor most certainly really did not even ever clash with Gondor.", "905"),  # not consecutive: not 907
    ("Arnor has not clashed with Gondor.", "112"),
])
def test_a_negation_the_pattern_names_is_coded_by_it(code_with: CodeWith, text: str, code: str):
    # the negation is the pattern's own: the event is asserted (not dropped as negated)
    assert code_with(NEGATIONS, text) == [(code, "ARN", "GON")]


def test_a_negation_no_pattern_names_still_denies_the_act(code_with: CodeWith):
    assert code_with("--- CLASH [121] ---\nCLASH\n", "Arnor did not clash with Gondor.") == []


TABARI = """\
&ECONSANCT
+ECONOMIC SANCTIONS
+EMBARGO

--- ASK [090] ---
ASK
- * FOR &ECONSANCT [172]

--- WARN [160] ---
WARN
- * AT ^ + [162]
"""


def test_a_bare_preposition_reads_the_words_after_it_in_sequence(code_with: CodeWith):
    # "* FOR &ECONSANCT": the words are read in order, into the prepositional phrase
    assert code_with(TABARI, "Arnor asked Gondor for economic sanctions.") == [("172", "ARN", "GON")]
    assert code_with(TABARI, "Arnor asked Gondor for help.") == [("090", "ARN", "GON")]


def test_a_marker_after_skipped_phrases_is_the_next_actor(code_with: CodeWith):
    # "* AT ^ +": past "at" and one phrase ("the Gondor"), the target is the next actor
    assert code_with(TABARI, "Arnor warned at the Gondor of Mordor.") == [("162", "ARN", "MOR")]


def test_every_verb_of_a_block_takes_its_code_and_patterns(code_with: CodeWith):
    # dictionaries.rst: the block's code "will be used for all other verbs unless these
    # have their own code"; multi-word verbs "are treated in patterns just as single-word verbs"
    verbs = "--- CONFISCATE [1711] ---\nCONFISCATE\nWIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n- WILL NOT * [081]\n"
    # the target is the first actor of the verb phrase, a participle's phrase included
    assert code_with(verbs, "Arnor wire tapped the links leading into Mordor.") == [("1711", "ARN", "MOR")]
    assert code_with(verbs, "Arnor will not wire tap the links leading into Mordor.") == [("081", "ARN", "MOR")]
    assert code_with(verbs, "Arnor will not confiscate the links leading into Mordor.") == [("081", "ARN", "MOR")]


def test_the_first_actor_of_the_verb_phrase_may_be_in_a_clause_of_its_object(code_with: CodeWith):
    verbs = "--- WELCOME [041] ---\nWELCOME\n\n--- EXPRESS [---] ---\nEXPRESS\n- * HOPES [024]\n"
    # the agent of a participle ("memos sent *by Gondor*")
    assert code_with(verbs, "Arnor welcomed memos sent by Gondor.") == [("041", "ARN", "GON")]
    # the subject of a noun's clause comes before what its phrases hold
    text = "Arnor expressed hopes that Gondor could be drawn into talks by its ties with Mordor."
    assert code_with(verbs, text) == [("024", "ARN", "GON")]


def test_the_first_actor_of_the_verb_phrase_may_follow_an_adverb(code_with: CodeWith):
    verbs = "--- MARCH [181] ---\nMARCH\n"
    assert code_with(verbs, "Arnor has marched very close to the border with Mordor.") == [("181", "ARN", "MOR")]


def test_names_coordinated_with_an_apposition_are_all_parties(code_with: CodeWith):
    verbs = "--- WELCOME [041] ---\nWELCOME\n"
    actors = ACTORS + "THE_SHIRE [SHI]\nBREE [BRE]\n"
    # the parser reads "Mordor, the Shire, Gondor and Bree" as "Mordor" with the
    # apposition "the Shire", to which "Gondor" and "Bree" are coordinated
    text = "Mordor, the Shire, Gondor and Bree welcomed a resumption of ties with Arnor."
    assert sorted(code_with(verbs, text, actors=actors)) == [
        ("041", "BRE", "ARN"), ("041", "GON", "ARN"), ("041", "MOR", "ARN")]
