"""The lexicon: bundled data loads, covers every CAMEO root, and users can extend it."""

from __future__ import annotations

import pytest

from thucydides.events import Lexicon, LexiconError
from thucydides.events.lexicon import BROAD, CURATED
from thucydides.ontology import default_ontology


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_every_cameo_root_has_verb_patterns(lexicon: Lexicon) -> None:
    for layer in (CURATED, BROAD):
        roots = {p.code[:2] for p in lexicon.patterns if p.pos == "verb" and p.layer == layer and not p.is_null}
        assert roots == {f"{r:02d}" for r in range(1, 21)}, layer


def test_every_pattern_code_is_in_the_ontology(lexicon: Lexicon) -> None:
    ontology = default_ontology()
    assert all(p.is_null or p.code in ontology for p in lexicon.patterns if p.layer == CURATED)
    # the broad layer also uses PETRARCH's extensions of listed codes, never codes outside CAMEO
    assert all(p.is_null or ontology.resolve(p.code) for p in lexicon.patterns)


def test_the_broad_layer_holds_the_open_verb_dictionary(lexicon: Lexicon) -> None:
    broad = [p for p in lexicon.patterns if p.layer == BROAD]
    assert len({p.id for p in broad}) > 4500 and len({w for p in broad for w in p.lemmas}) > 1400
    assert all(p.origin and p.origin.startswith("CAMEO.2.0.txt:") and p.id.startswith("broad/") for p in broad)
    assert "&military" in lexicon.synsets and ("armed", "forces") in lexicon.synsets["&military"]


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
    assert [p.code for p in lexicon.candidates("verb", "snub") if p.layer == CURATED] == ["128"]
    assert [p.code for p in lexicon.candidates("verb", "collar") if p.layer == CURATED] == ["173"]
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


def _load(tmp_path, text: str, **kwargs) -> Lexicon:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return Lexicon.load([path], bundled=False, **kwargs)


def test_a_misspelt_key_is_an_error_naming_file_and_entry(tmp_path) -> None:
    with pytest.raises(LexiconError, match=r"mine.yaml: entry 'mine.aid' has unknown key\(s\) targt"):
        _load(tmp_path, "- id: mine.aid\n  code: '070'\n  verbs: [donate]\n  targt: [obj]\n")


def test_an_unknown_crowd_code_is_an_error(tmp_path) -> None:
    with pytest.raises(LexiconError, match=r"unknown CAMEO crowd code .999."):
        _load(tmp_path, "- id: mine.burn\n  code: '1712'\n  crowd_code: '999'\n  verbs: [torch]\n")


def test_an_evaluation_is_negative_or_positive(tmp_path) -> None:
    older = _load(tmp_path, "- id: mine.judge\n  code: '111'\n  verbs: [brand]\n  evaluation: true\n")
    assert [p.evaluation for p in older.candidates("verb", "brand")] == ["negative"]
    with pytest.raises(LexiconError, match=r"mine.judge.*evaluation is 'negative' or 'positive', not 'kind'"):
        _load(tmp_path, "- id: mine.judge\n  code: '013'\n  verbs: [brand]\n  evaluation: kind\n")


def test_nominals_keep_their_verbs_objects_and_need_them(tmp_path) -> None:
    lexicon = _load(tmp_path, "- id: mine.cut\n  code: '162'\n  verbs: [cut]\n  objects: [aid]\n"
                              "  nominals: [cutoff]\n  target: [obj, prep:to]\n")
    (noun,) = lexicon.candidates("noun", "cutoff")
    assert (noun.objects, noun.target, noun.source) == (("aid",), ("of", "prep:to"), ("poss", "prep:by", "light_subj"))
    with pytest.raises(LexiconError, match=r"mine.cut.*'nominals' need the 'objects'"):
        _load(tmp_path, "- id: mine.cut\n  code: '162'\n  verbs: [cut]\n  nominals: [cutoff]\n")


def test_a_verb_that_is_no_lemma_is_an_error(tmp_path) -> None:
    def lemma_of(word: str) -> str | None:  # the model's own check: thucydides.nlp.verb_lemma_checker
        return {"staged": "stage"}.get(word)

    with pytest.raises(LexiconError, match=r"mine.yaml: entry 'mine.x' has verb 'staged'.*'stage'"):
        _load(tmp_path, "- id: mine.x\n  code: '141'\n  verbs: [staged]\n", lemma_of=lemma_of)


def test_synonym_sets_patterns_null_and_paired_codes(tmp_path) -> None:
    lexicon = _load(tmp_path, """
- synset: "&food"
  words: [food, relief supplies, "&grain"]
- synset: "&grain"
  words: [wheat, rice]
- synset: "&rushing"
  words: [rush, speed, call off]
- id: mine.rush-food
  code: "073"
  verbs: ["&rushing"]
  pattern: "* &food (to +)"
- id: mine.market
  code: "---"
  verbs: [fall]
  pattern: "market *"
- id: mine.visit
  code: "042"
  reverse_code: "043"
  verbs: [visit]
""")
    assert lexicon.synsets["&food"] == {("food",), ("relief", "supplies"), ("wheat",), ("rice",)}
    (rush,) = lexicon.candidates("verb", "rush")
    assert rush.phrase is not None and rush.phrase.target == "prep:to" and rush.lemmas == ("rush", "speed")
    assert [p.particle for p in lexicon.candidates("verb", "call")] == ["off"]
    assert lexicon.candidates("verb", "fall")[0].is_null
    assert lexicon.candidates("verb", "visit")[0].reverse_code == "043"


@pytest.mark.parametrize(("text", "message"), [
    ("- id: x\n  code: '070'\n  verbs: ['&nope']\n", "undefined synonym set &nope"),
    ("- id: x\n  code: '070'\n  verbs: [send]\n  pattern: '* &nope'\n", "&nope"),
    ("- id: x\n  code: '070'\n  verbs: [send]\n  pattern: '* * aid'\n", "malformed pattern"),
    ("- synset: '&a'\n  words: ['&a']\n", "contains itself"),
    ("- discard: world cup\n  scope: story\n", "unknown key"),
])
def test_malformed_extensions_are_errors(tmp_path, text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        _load(tmp_path, text)


def test_discards_apply_to_their_layer_and_those_below(tmp_path) -> None:
    lexicon = _load(tmp_path, "- discard: world cup\n  story: true\n- discard: 1914\n  whole_word: true\n"
                              "- discard: champion\n")
    assert lexicon.discarded_rank("Brazil won the World Cup final.", story=True) == 0
    assert lexicon.discarded_rank("Brazil won the World Cup final.") is None
    assert lexicon.discarded_rank("In 1914 war broke out.") == 0
    assert lexicon.discarded_rank("In 19145 nothing happened.") is None
    assert lexicon.discarded_rank("The champions celebrated.") == 0  # a stem


def test_verb_forms_are_indexed_by_surface_form(tmp_path) -> None:
    lexicon = _load(tmp_path, "- id: x\n  code: '032'\n  reverse_code: '033'\n  forms: [left]\n")
    assert [p.code for p in lexicon.candidates("verb", "leave", "left")] == ["032"]
    assert lexicon.candidates("verb", "leave", "leaves") == []
