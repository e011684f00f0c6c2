"""The lexicon: bundled data loads, covers every CAMEO root, and users can extend it."""

from __future__ import annotations

import pytest

from thucydides.events import Lexicon, LexiconError
from thucydides.ontology import default_ontology


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_every_cameo_root_has_verb_patterns(lexicon: Lexicon) -> None:
    roots = {p.code[:2] for p in lexicon.patterns if p.pos == "verb"}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_every_pattern_code_is_in_the_ontology(lexicon: Lexicon) -> None:
    ontology = default_ontology()
    assert all(p.code in ontology for p in lexicon.patterns)


def test_candidates_are_ordered_most_specific_first(lexicon: Lexicon) -> None:
    candidates = lexicon.candidates("verb", "threaten")
    assert candidates[0].specificity >= candidates[-1].specificity
    assert {p.code for p in candidates} >= {"130", "138", "1312"}


def test_particle_verbs_are_split(lexicon: Lexicon) -> None:
    rounds = [p for p in lexicon.candidates("verb", "round") if p.code == "173"]
    assert rounds and rounds[0].particle == "up"


def test_user_file_adds_and_overrides_entries(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: coerce.arrest\n  code: '173'\n  verbs: [collar]\n  target_required: true\n"
        "- id: mine.snub\n  code: '128'\n  verbs: [snub]\n",
        encoding="utf-8",
    )
    lexicon = Lexicon.load([extra])
    assert [p.code for p in lexicon.candidates("verb", "snub")] == ["128"]
    assert [p.code for p in lexicon.candidates("verb", "collar")] == ["173"]
    # The override replaced the bundled entry, so its old verbs are gone.
    assert "coerce.arrest.v" not in {p.id for p in lexicon.candidates("verb", "detain")}


def test_unknown_code_is_reported_with_file_and_entry(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: broken\n  code: '999'\n  verbs: [zap]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml.*broken.*999"):
        Lexicon.load([bad])


def test_malformed_yaml_is_reported(tmp_path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.yaml"):
        Lexicon.load([bad])


def test_unknown_argument_slot_is_reported(tmp_path) -> None:
    bad = tmp_path / "slots.yaml"
    bad.write_text("- id: odd\n  code: '040'\n  verbs: [meet]\n  target: [objekt]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"slots.yaml.*odd.*objekt"):
        Lexicon.load([bad])


def test_a_subject_constraint_is_read_and_makes_a_pattern_more_specific(lexicon: Lexicon) -> None:
    arrive = lexicon.candidates("verb", "arrive")
    assert arrive[0].subjects and "peacekeepers" in arrive[0].subjects, arrive
    assert all(not p.subjects for p in lexicon.candidates("noun", "visit"))
