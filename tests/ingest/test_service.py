"""The ingest service on its own: skip, dedup, batched writes, errors, clusters, one article.

A stand-in coder (one arrest per article, no spaCy) keeps these fast; the
commands that use the service run the real pipeline in tests/cli, tests/dedup,
tests/distributed and tests/api.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from thucydides.ingest.errors import IngestError
from thucydides.ingest.service import IngestCounts, IngestObserver, IngestService, PipelineCoder
from thucydides.model import Actor, Article, Event, Span
from thucydides.store import Store
from wire_stories import COPY, OTHER, STORY



def article(article_id: str, text: str | None = None, **kw: str) -> Article:
    return Article(text=text or f"Police arrested {article_id} in the capital.", id=article_id, date="2024-03-03", **kw)


def arrest(a: Article) -> Event:
    police = Actor("TURCOP", "Police", 0, 6, country="TUR", role="COP")
    return Event(
        article_id=a.id, sentence_index=0, sentence_text=a.text, code="173", root="17", quad=4, goldstein=-5.0,
        plover_type="ARREST", plover_mode=None, source=police, target=None, event_text=Span("arrested", 7, 15),
        rule="test", date=a.date,
    )  # fmt: skip


class StandIn:
    """A pipeline that codes one arrest per article and fails on the ids it is told to."""

    def __init__(self, fail: Iterable[str] = (), interrupt_after: int | None = None) -> None:
        self.fail = set(fail)
        self.interrupt_after = interrupt_after
        self.coded: list[str] = []

    def code_articles(self, articles: Iterable[Article], on_error=None) -> Iterator[tuple[Article, list[Event]]]:  # noqa: ANN001
        for a in articles:
            if len(self.coded) == self.interrupt_after:
                raise KeyboardInterrupt
            self.coded.append(a.id)
            if a.id in self.fail:
                on_error(a, ValueError("day is out of range for month"))
                continue
            yield a, [arrest(a)]


class Recorder(IngestObserver):
    def __init__(self) -> None:
        self.problems: list[IngestError] = []
        self.clusterings = 0
        self.seen: list[tuple[int, int]] = []  # (coded, pending) at each progress call

    def progress(self, counts: IngestCounts) -> None:
        self.seen.append((counts.coded, counts.pending))

    def problem(self, error: IngestError) -> None:
        self.problems.append(error)

    def clustering(self) -> None:
        self.clusterings += 1


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "events.duckdb") as s:
        yield s


def rows(store: Store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def run(store: Store, articles: list[Article], coder: StandIn | None = None, **kw) -> IngestCounts:  # noqa: ANN003
    coder = coder or StandIn()
    return IngestService(store, **kw).ingest(articles, PipelineCoder(lambda: coder))


def test_new_articles_are_stored_with_their_events_and_clustered(store):
    observer = Recorder()
    counts = IngestService(store, observer=observer).ingest([article("a"), article("b")], PipelineCoder(StandIn))
    assert (counts.coded, counts.events, counts.skipped, counts.errors) == (2, 2, 0, 0)
    assert rows(store, "SELECT id, n_events FROM articles ORDER BY id") == [("a", 1), ("b", 1)]
    assert rows(store, "SELECT count(*) FROM events ANTI JOIN event_mentions m ON m.event_id = events.id") == [(0,)]
    assert observer.clusterings == 1 and observer.seen[-1] == (2, 0)


def test_stored_and_repeated_ids_are_skipped_and_nothing_loads_the_coder(store):
    run(store, [article("a"), article("b")])

    def no_coder() -> StandIn:
        raise AssertionError("nothing new to code: the coder must not be loaded")

    observer = Recorder()
    service = IngestService(store, observer=observer)
    counts = service.ingest([article("a"), article("b"), article("a")], PipelineCoder(no_coder))
    assert (counts.coded, counts.skipped) == (0, 3)
    assert observer.clusterings == 0  # every event is clustered already


def test_a_second_copy_of_an_id_in_one_run_is_coded_once(store):
    coder = StandIn()
    counts = run(store, [article("a"), article("b"), article("a", "Another text under the same id.")], coder)
    assert coder.coded == ["a", "b"] and (counts.coded, counts.skipped) == (2, 1)


def test_near_duplicates_are_linked_not_coded_in_this_run_and_the_next(store):
    coder = StandIn()
    counts = run(store, [article("orig", STORY), article("copy-1", COPY), article("other", OTHER)], coder)
    assert coder.coded == ["orig", "other"]
    assert (counts.coded, counts.duplicates, counts.events) == (2, 1, 2)
    later = StandIn()  # a new service: the index is rebuilt from the stored signatures
    counts = run(store, [article("copy-2", COPY.upper())], later)
    assert later.coded == [] and (counts.coded, counts.duplicates) == (0, 1)
    assert rows(store, "SELECT id, duplicate_of, n_events FROM articles ORDER BY id") == [
        ("copy-1", "orig", 0), ("copy-2", "orig", 0), ("orig", None, 1), ("other", None, 1),
    ]  # fmt: skip
    assert rows(store, "SELECT article_id FROM article_signatures ORDER BY 1") == [("orig",), ("other",)]


def test_without_dedup_every_copy_is_coded(store):
    coder = StandIn()
    counts = run(store, [article("orig", STORY), article("copy", COPY)], coder, dedup_articles=False)
    assert coder.coded == ["orig", "copy"] and counts.duplicates == 0
    assert rows(store, "SELECT count(*) FROM article_signatures") == [(0,)]


def test_articles_are_written_a_batch_at_a_time(store):
    observer = Recorder()
    service = IngestService(store, batch_size=3, observer=observer)
    for i in range(2):
        service.add(article(f"a{i}"), [])
    assert store.counts()["articles"] == 0 and observer.seen[-1] == (0, 2)  # pending, shown but not written
    service.add(article("a2"), [])
    assert store.counts()["articles"] == 3 and observer.seen[-1] == (3, 0)


def test_an_article_the_coder_fails_on_is_recorded_and_the_rest_stored(store):
    observer = Recorder()
    service = IngestService(store, observer=observer)
    counts = service.ingest([article("a"), article("b", origin="wire.jsonl:2"), article("c")],
                            PipelineCoder(lambda: StandIn(fail={"b"})))
    assert (counts.coded, counts.errors) == (2, 1)
    assert store.known_article_ids(["a", "b", "c"]) == {"a", "c"}
    assert [e["path"] for e in store.errors()] == ["wire.jsonl:2"]
    assert [str(p) for p in observer.problems] == [
        "wire.jsonl:2: coding failed for article b: ValueError: day is out of range for month"
    ]


def test_reported_warnings_and_errors_are_counted_and_stored(store):
    service = IngestService(store)
    service.report(IngestError("feed.xml", "malformed XML", line=3))
    service.report(IngestError.warn("page.html", "no date found"))
    assert (service.counts.errors, service.counts.warnings) == (1, 1)
    assert {(e["path"], e["line"]) for e in store.errors()} == {("feed.xml", 3), ("page.html", None)}


def test_an_article_the_store_fails_on_is_recorded_unless_strict(store):
    bad = article("bad", title="Bad \ud800 title")  # a lone surrogate cannot be written
    service = IngestService(store)
    for a in (article("ok"), bad):
        service.add(a, [arrest(a)])
    service.flush()
    assert (service.counts.coded, service.counts.events, service.counts.errors) == (1, 1, 1)
    assert "storing failed for article bad" in store.errors()[0]["reason"]
    strict = IngestService(store)
    strict.add(article("bad-2", title="Bad \ud800 title"), [])
    with pytest.raises(UnicodeEncodeError):
        strict.flush(strict=True)


def test_an_interrupted_run_keeps_what_was_coded_and_the_next_run_clusters(store):
    articles = [article(f"a{i}") for i in range(5)]
    with pytest.raises(KeyboardInterrupt):
        run(store, articles, StandIn(interrupt_after=3), batch_size=2)
    assert store.counts()["articles"] == 3
    assert rows(store, "SELECT count(*) FROM event_mentions") == [(0,)]  # not clustered: it never got there
    observer = Recorder()
    counts = IngestService(store, observer=observer).ingest(articles, PipelineCoder(StandIn))
    assert (counts.coded, counts.skipped) == (2, 3) and observer.clusterings == 1
    assert rows(store, "SELECT count(*) FROM event_mentions") == [(5,)]


def test_no_clustering_when_told_not_to(store):
    run(store, [article("a")], cluster=False)
    assert rows(store, "SELECT count(*) FROM event_mentions") == [(0,)]


def test_a_partition_coded_elsewhere_is_merged_with_its_signatures_and_errors(store, tmp_path):
    from thucydides.distributed import Chunk, write_partition

    service = IngestService(store)
    new = list(service.new_articles([article("orig", STORY), article("copy", COPY), article("other", OTHER)]))
    assert [a.id for a in new] == ["orig", "other"]  # the copy waits to be written as a link
    chunk = Chunk(0, new, service.take_signatures(new))
    assert set(chunk.signatures) == {"orig", "other"} and service.take_signatures(new) == {}
    parts = write_partition(chunk, [(a, [arrest(a)]) for a in new], str(tmp_path), "test",
                            [IngestError("x.jsonl", "coding failed for article z", line=9)])
    service.merge(parts)
    assert (service.counts.coded, service.counts.events, service.counts.duplicates, service.counts.errors) == (2, 2, 1, 1)
    assert rows(store, "SELECT id, duplicate_of FROM articles ORDER BY id") == [
        ("copy", "orig"), ("orig", None), ("other", None),
    ]  # fmt: skip
    assert rows(store, "SELECT article_id FROM article_signatures ORDER BY 1") == [("orig",), ("other",)]


def test_submit_codes_a_new_article_links_a_copy_and_skips_a_stored_id(store):
    coder = StandIn()

    def code(a: Article) -> list[Event]:
        return next(coder.code_articles([a]))[1]

    first = IngestService(store).submit(article("orig", STORY), code)
    assert (first.added, first.events, first.duplicate_of) == (True, 1, None)
    copy = IngestService(store).submit(article("copy", COPY), code)
    assert (copy.added, copy.events, copy.duplicate_of) == (True, 0, "orig")
    again = IngestService(store).submit(article("orig", STORY), code)
    assert (again.added, again.events, again.duplicate_of) == (False, 0, None)
    assert coder.coded == ["orig"]
    assert rows(store, "SELECT count(*) FROM event_mentions") == [(1,)]
