"""Compiled language data (`compiled.py`): built once, then loaded from the cache until
something it depends on changes; the cache never changes a result or raises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path

import pytest

from thucydides import compiled
from thucydides.actors.dictionary import ActorDictionary, Payload, _bundled_layers, default_dictionary
from thucydides.compiled import load_compiled, share_equal
from thucydides.events import Lexicon
from thucydides.events.lexicon import Families, Family
from thucydides.ontology import default_ontology
from thucydides.places import build_gazetteer, default_gazetteer

SAMPLE = Path(__file__).parents[1] / "src/thucydides/data/sample/articles.jsonl"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(compiled.CACHE_ENV, str(folder))
    return folder


class WordList:
    """A builder like the real ones: reads every file of its source folder, counts its runs."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.runs = folder, 0

    def __call__(self) -> list[str]:
        self.runs += 1
        return sorted(w for f in sorted(self.folder.iterdir()) for w in f.read_text().split())

    def load(self) -> list[str]:
        return load_compiled("words", [self.folder], self)


@pytest.fixture
def words(tmp_path: Path) -> WordList:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.txt").write_text("detain arrest", encoding="utf-8")
    return WordList(folder)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"*{compiled.SUFFIX}"))


def test_a_second_load_comes_from_the_cache(cache: Path, words: WordList) -> None:
    assert words.load() == ["arrest", "detain"]
    assert words.load() == ["arrest", "detain"]
    assert words.runs == 1
    assert len(_entries(cache)) == 1
    assert not list(cache.glob("*.tmp"))  # written under a temporary name, then renamed


def test_a_changed_source_file_is_rebuilt(cache: Path, words: WordList) -> None:
    words.load()
    (words.folder / "a.txt").write_text("detain arrest imprison", encoding="utf-8")
    assert words.load() == ["arrest", "detain", "imprison"]
    assert words.runs == 2


def test_a_file_added_to_a_source_folder_is_rebuilt(cache: Path, words: WordList) -> None:
    words.load()
    (words.folder / "b.txt").write_text("expel", encoding="utf-8")
    assert words.load() == ["arrest", "detain", "expel"]
    assert words.runs == 2


def test_another_package_version_is_rebuilt(cache: Path, words: WordList, monkeypatch: pytest.MonkeyPatch) -> None:
    words.load()
    monkeypatch.setattr(compiled, "__version__", "99.0.0")
    words.load()
    assert words.runs == 2
    assert len(_entries(cache)) == 2


def test_a_builder_that_names_its_modules_is_rebuilt_when_one_changes(cache: Path, words: WordList, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "builder_dep.py").write_text("RULE = 1\n", encoding="utf-8")
    (tmp_path / "elsewhere.py").write_text("RULE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def load() -> list[str]:
        compiled._code_fingerprint.cache_clear()  # a new process, as after an edit
        return load_compiled("words", [words.folder], words, modules=("builder_dep",))

    load()
    (tmp_path / "elsewhere.py").write_text("RULE = 2\n", encoding="utf-8")
    load()
    assert words.runs == 1
    (tmp_path / "builder_dep.py").write_text("RULE = 2\n", encoding="utf-8")
    load()
    assert words.runs == 2


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_cache_file_is_rebuilt_and_rewritten(cache: Path, words: WordList, damage: str) -> None:
    words.load()
    (entry,) = _entries(cache)
    data = entry.read_bytes()
    entry.write_bytes({"truncated": data[: len(data) - 5], "garbage": data[:60] + b"\x80\x05junk", "empty": b""}[damage])
    assert words.load() == ["arrest", "detain"]
    assert words.runs == 2
    assert words.load() == ["arrest", "detain"]  # the rewritten file serves the next load
    assert words.runs == 2


def test_an_unwritable_cache_folder_means_building_in_memory(tmp_path: Path, words: WordList,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocker / "cache"))  # cannot be created, even as root
    assert words.load() == ["arrest", "detain"]
    assert words.load() == ["arrest", "detain"]
    assert words.runs == 2


RACER = """
import sys, time
from pathlib import Path
from thucydides.compiled import load_compiled
folder = Path(sys.argv[1])
def build():
    time.sleep(0.5)  # both processes are building at once
    return sorted(w for f in sorted(folder.iterdir()) for w in f.read_text().split())
print(load_compiled("words", [folder], build))
"""


def test_two_processes_building_at_once_both_get_it_and_leave_one_whole_file(cache: Path, words: WordList) -> None:
    env = {**os.environ, compiled.CACHE_ENV: str(cache)}
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(words.folder)], stdout=subprocess.PIPE, text=True, env=env)
              for _ in range(2)]
    outputs = [racer.communicate(timeout=120)[0] for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0]
    assert outputs == ["['arrest', 'detain']\n"] * 2
    assert len(_entries(cache)) == 1 and not list(cache.glob("*.tmp"))
    assert words.load() == ["arrest", "detain"] and words.runs == 0  # the file they wrote serves this process


def test_an_unreadable_source_is_left_to_the_builder_to_report(cache: Path, tmp_path: Path) -> None:
    def build() -> str:
        return (tmp_path / "missing.txt").read_text()

    with pytest.raises(FileNotFoundError, match="missing.txt"):
        load_compiled("missing", [tmp_path / "missing.txt"], build)


def test_a_user_lexicon_is_compiled_and_keyed_by_its_contents(cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("- id: mine.snub\n  code: '128'\n  verbs: [snub]\n", encoding="utf-8")
    def curated(lexicon: Lexicon) -> list[str]:  # the broad layer has its own senses of "snub"
        return [p.code for p in lexicon.candidates("verb", "snub") if p.layer == "curated"]

    assert curated(Lexicon.load([extra])) == ["128"]
    assert len(list(cache.glob("lexicon-*"))) == 1
    extra.write_text("- id: mine.snub\n  code: '125'\n  verbs: [snub]\n", encoding="utf-8")
    assert curated(Lexicon.load([extra])) == ["125"]
    assert len(list(cache.glob("lexicon-*"))) == 2


def test_user_actors_are_compiled_and_keyed_by_their_contents(cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("groups:\n  zeta:\n    name: Zeta Front\n    code: MEXREB\n", encoding="utf-8")
    assert ActorDictionary.load([extra]).entity(("zeta", "front")).ref == "zeta"
    extra.write_text("groups:\n  omega:\n    name: Zeta Front\n    code: MEXREB\n", encoding="utf-8")
    assert ActorDictionary.load([extra]).entity(("zeta", "front")).ref == "omega"
    assert len(list(cache.glob("actors-*"))) == 2


def test_compiled_objects_equal_the_ones_built_from_the_sources() -> None:
    # The suite's cache: loaded twice, the second time from the file.
    default_dictionary.cache_clear()
    default_dictionary()
    default_dictionary.cache_clear()
    assert vars(default_dictionary()) == vars(ActorDictionary.from_layers(_bundled_layers()))
    Lexicon.load()
    loaded, built = Lexicon.load(), Lexicon.build((), default_ontology())
    assert loaded.patterns == built.patterns and loaded.by_lemma == built.by_lemma
    assert loaded.families == built.families


def test_the_compiled_gazetteers_answer_as_the_built_ones() -> None:
    compiled_gazetteer, built = default_gazetteer(), build_gazetteer()
    names = ["Istanbul", "Paris", "Paris, Texas", "New York", "Aleppo", "Texas", "Mexico", "Nowhereville", "Kyiv", "Kiev"]
    for name in names:
        assert [astuple(p) for p in compiled_gazetteer.candidates(name)] == [astuple(p) for p in built.candidates(name)]
        assert compiled_gazetteer.resolve(name, {"USA"}) == built.resolve(name, {"USA"})
    assert built.resolve("Paris").country == "FRA" and built.resolve("Nowhereville") is None


def test_coding_output_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    articles = tmp_path / "some.jsonl"
    articles.write_text("".join(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:12]), encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    for loader in (default_dictionary, default_gazetteer):  # the suite's cache, filled
        loader.cache_clear()
        loader()
    Lexicon.load()
    command = [str(Path(sys.executable).with_name("thucydides")), "code", "--all-modalities", str(articles)]
    runs = {}
    for label, folder in (("built", blocker / "cache"), ("compiled", os.environ[compiled.CACHE_ENV])):
        env = {**os.environ, compiled.CACHE_ENV: str(folder)}
        runs[label] = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=True).stdout
    assert runs["built"] == runs["compiled"]
    assert len([json.loads(line) for line in runs["compiled"].splitlines()]) > 10


def test_sharing_makes_equal_values_one_object_and_changes_nothing_else() -> None:
    words = ["united", "nations"]
    built = {("united", "nations"): Payload("igo", "un", rule=1), ("u", "n"): Payload("igo", "un", rule=1),
             ("un",): Payload("igo", "un", rule=True), "prefixes": frozenset({("united",), tuple(words)}),
             "numbers": [(1,), (True,)], "unhashable": [Families({"x": Family("x", "130", ())})]}
    copy = dict(built)
    shared = share_equal(built)
    assert shared is built and shared == copy
    keys = [k for k in shared if isinstance(k, tuple)]
    assert shared[keys[0]] is shared[keys[1]]  # equal entries, one object
    assert shared[keys[2]] is not shared[keys[0]] and shared[keys[2]].rule is True  # True is no 1
    assert next(p for p in shared["prefixes"] if len(p) == 2) is keys[0]
    assert keys[0][0] is next(p for p in shared["prefixes"] if len(p) == 1)[0]
    assert [type(n[0]) for n in shared["numbers"]] == [int, bool]
    # Equal under == yet of other types inside: kept apart one level up as well.
    nested = share_equal([(Payload("igo", "un", rule=1),), (Payload("igo", "un", rule=True),)])
    assert nested[0] is not nested[1] and nested[1][0].rule is True
