"""The ingest service: what happens to articles once read, whoever codes them.

Every way into the store goes through `IngestService`: `thucydides ingest` in
one process (`PipelineCoder`), the Dask driver (`distributed.DaskIngestCoder`,
coding on workers) and `POST /api/articles` (`IngestService.submit`). The
service decides and writes; a `Coder` only turns new articles into events.

* Resume: articles already stored, or already seen in this run, are skipped
  before they are parsed. It works because the store writes each article with
  its events in one transaction.
* Near-duplicates of stored or earlier articles (see `dedup`) are stored as
  links to their original and not coded. The index is rebuilt from the stored
  signatures, so a resumed or later run (or a posted article) sees them too.
* Writes are batched, one transaction per batch (`Store.add_many`), or merged
  from a worker's Parquet partition (`Store.merge_parquet`).
* Problems (unreadable input, an article the coder or the store failed on) are
  recorded in the store's `ingest_errors` and counted, never fatal.
* Event clusters (`aggregate`) are brought up to date at the end whenever some
  event is in none, so a run killed before it clusters is caught up by the next.

Memory is bounded: articles stream through a window of one batch, and only ids
and dedup signatures accumulate. The service has no user interface: it tells an
`IngestObserver` how it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Protocol

from .. import dedup
from ..aggregate import aggregate, clusters_behind
from ..model import Article, Event
from ..store import Store
from .errors import IngestError, coding_error

Coded = tuple[Article, list[Event]]
OnCodingError = Callable[[Article, Exception], None]


@dataclass
class IngestCounts:
    """What a run did so far. `pending` articles (and their `pending_events`) are
    coded or linked but not written yet: shown live, counted above once written."""

    coded: int = 0
    skipped: int = 0  # already stored, or a second copy of an id in this run
    duplicates: int = 0  # near-duplicates linked to their original
    events: int = 0
    undated: int = 0  # events written with no date (none of their own, none from their article)
    errors: int = 0
    warnings: int = 0
    pending: int = 0
    pending_events: int = 0


class IngestObserver:
    """What a run tells its user interface; the base class tells no one."""

    def progress(self, counts: IngestCounts) -> None:
        """The counts changed (called often: keep it cheap)."""

    def problem(self, error: IngestError) -> None:
        """An error or warning was recorded."""

    def clustering(self) -> None:
        """Event clusters are being brought up to date (this may take a while)."""


class CodedParts(Protocol):
    """Articles coded elsewhere (a Dask worker), as Parquet files one per store table."""

    @property
    def paths(self) -> Mapping[str, str]: ...

    @property
    def errors(self) -> Sequence[IngestError]: ...

    @property
    def undated(self) -> int: ...


class CodingSink(Protocol):
    """Where a `Coder` hands what it codes: the service, which writes it."""

    def add(self, article: Article, events: list[Event]) -> None: ...

    def merge(self, parts: CodedParts) -> None: ...

    def coding_failed(self, article: Article, err: Exception) -> None: ...

    def take_signatures(self, articles: Iterable[Article]) -> dict[str, bytes]: ...


class Coder(Protocol):
    """Codes a run's new articles and hands each result to the sink."""

    def code(self, articles: Iterator[Article], sink: CodingSink) -> None: ...


class ArticleCoder(Protocol):
    """What `PipelineCoder` needs of a pipeline (`pipeline.Pipeline`)."""

    def code_articles(self, articles: Iterable[Article], on_error: OnCodingError | None = None) -> Iterator[Coded]: ...


class PipelineCoder:
    """Codes in this process with a pipeline loaded on first use: a run with
    nothing new to code never loads spaCy."""

    def __init__(self, load: Callable[[], ArticleCoder]) -> None:
        self._load = load

    def code(self, articles: Iterator[Article], sink: CodingSink) -> None:
        pipeline = self._load()
        for article, events in pipeline.code_articles(articles, on_error=sink.coding_failed):
            sink.add(article, events)


@dataclass(frozen=True)
class Submission:
    """What became of one submitted article."""

    article_id: str
    added: bool  # False: stored already, nothing written
    events: int
    duplicate_of: str | None = None  # stored as a link to this original, not coded


@dataclass
class _Pending:
    """Articles waiting for the next write, with what goes in the same transaction."""

    items: list[Coded] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    # Signatures of admitted originals: written with their article (or sent along
    # with it to a worker), so resume never sees an article without its signature.
    signatures: dict[str, bytes] = field(default_factory=dict)

    def forget(self, ids: Iterable[str]) -> None:
        for i in ids:
            self.duplicate_of.pop(i, None)
            self.signatures.pop(i, None)


class IngestService:
    """One ingest into `store`: skip, dedup, write in batches, record problems, cluster."""

    def __init__(
        self,
        store: Store,
        *,
        batch_size: int = 32,
        dedup_articles: bool = True,
        cluster: bool = True,
        observer: IngestObserver | None = None,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.counts = IngestCounts()
        self._dedup = dedup_articles
        self._cluster = cluster
        self._observer = observer or IngestObserver()
        self._index: dedup.DuplicateIndex | None = None  # loaded on the first article that needs it
        self._pending = _Pending()
        # Ids admitted in this run: a second copy in the input is not stored yet
        # when it is read. Grows with the run (ids only).
        self._seen: set[str] = set()

    # --- the ways in ------------------------------------------------------------

    def ingest(self, articles: Iterable[Article], coder: Coder) -> IngestCounts:
        """Code and store the new ones of `articles`, then bring clusters up to date."""
        new = self.new_articles(articles)
        first = next(new, None)
        try:
            if first is not None:  # nothing new: no model to load, no Dask cluster to start
                coder.code(chain([first], new), self)
        finally:
            self.flush()  # near-duplicates, and what was coded before an interruption, are kept
        self.update_clusters()  # also after a run killed before it clustered
        return self.counts

    def submit(self, article: Article, code: Callable[[Article], list[Event]]) -> Submission:
        """Store one article as `ingest` would (coded with `code` unless stored or a
        near-duplicate), then cluster. A failed write raises instead of being recorded:
        the caller answers for it."""
        if next(self.new_articles([article]), None) is not None:
            self.add(article, code(article))
        link = self._pending.duplicate_of.get(article.id)
        self.flush(strict=True)
        self.update_clusters()
        added = self.counts.coded + self.counts.duplicates > 0
        return Submission(article.id, added, self.counts.events, link if added else None)

    # --- deciding what to code ------------------------------------------------

    def new_articles(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles to code: not stored, not seen in this run, not near-duplicates
        (those are linked instead). The store is asked a batch at a time."""
        it = iter(articles)
        while chunk := list(islice(it, self.batch_size)):
            known = self.store.known_article_ids(a.id for a in chunk)
            for article in chunk:
                if article.id in known or article.id in self._seen:
                    self.counts.skipped += 1
                    continue
                self._seen.add(article.id)
                if not self._link_if_duplicate(article):
                    yield article
            self._notify()

    def _link_if_duplicate(self, article: Article) -> bool:
        """Queue a near-duplicate as a link to its original; otherwise index the
        article as a possible original. Whether it was a near-duplicate."""
        if not self._dedup:
            return False
        mh = dedup.signature(article.text)
        if mh is None:
            return False
        index = self._duplicate_index()
        original = index.original_of(mh)
        if original is None:
            index.add(article.id, mh)
            self._pending.signatures[article.id] = dedup.to_bytes(mh)
            return False
        self._pending.duplicate_of[article.id] = original
        self.add(article, [])
        return True

    def _duplicate_index(self) -> dedup.DuplicateIndex:
        if self._index is None:
            self._index = dedup.load_index(self.store.con)  # stored originals: resume sees them
        return self._index

    def take_signatures(self, articles: Iterable[Article]) -> dict[str, bytes]:
        """The signatures of `articles`, handed over to whoever writes them (a worker)."""
        pending = self._pending.signatures
        return {a.id: pending.pop(a.id) for a in articles if a.id in pending}

    # --- writing ----------------------------------------------------------------

    def add(self, article: Article, events: list[Event]) -> None:
        """Queue a coded article (or a near-duplicate's link); written per batch."""
        self._pending.items.append((article, events))
        if len(self._pending.items) >= self.batch_size:
            self.flush()
        else:
            self._notify()

    def merge(self, parts: CodedParts) -> None:
        """Write a partition coded elsewhere, with its coding errors, in one transaction."""
        for err in parts.errors:
            self.report(err)
        self.flush()  # near-duplicates first: their originals may be in this partition
        articles, events = self.store.merge_parquet(parts.paths)
        self.counts.coded += articles
        self.counts.events += events
        # The partition's count: its articles were new when they were sent, so all of
        # them are written unless another writer stored one meanwhile.
        self.counts.undated += parts.undated
        self._notify()

    def flush(self, *, strict: bool = False) -> None:
        """Write the queued articles. An article the store fails on is recorded as an
        error and left out (a later run tries it again), or with `strict` raises."""
        items = self._pending.items
        if not items:
            return
        failed: set[str] = set()

        def failure(article: Article, err: Exception) -> None:
            failed.add(article.id)
            self.report(coding_error(article, err, stage="storing"))

        added = self.store.add_many(
            items,
            batch_size=len(items),
            duplicate_of=self._pending.duplicate_of,
            signatures=self._pending.signatures,
            on_error=None if strict else failure,
        )
        ids = [a.id for a, _ in items]
        links = sum(1 for i in ids if i in self._pending.duplicate_of and i not in failed)
        self.counts.duplicates += links
        self.counts.coded += added - links
        written = [events for a, events in items if a.id not in failed]
        self.counts.events += sum(map(len, written))
        self.counts.undated += sum(e.date is None for events in written for e in events)
        items.clear()
        self._pending.forget(ids)
        self._notify()

    # --- problems and clusters ----------------------------------------------------

    def report(self, err: IngestError) -> None:
        """Record a problem with the input (or with coding or storing an article)."""
        if err.warning:
            self.counts.warnings += 1
        else:
            self.counts.errors += 1
        self.store.add_error(err)
        self._observer.problem(err)
        self._notify()

    def coding_failed(self, article: Article, err: Exception) -> None:
        self.report(coding_error(article, err))

    def update_clusters(self) -> bool:
        """Bring event clusters up to date if some event is in none; whether it did."""
        if not (self._cluster and clusters_behind(self.store)):
            return False
        self._observer.clustering()
        aggregate(self.store)
        return True

    def _notify(self) -> None:
        self.counts.pending = len(self._pending.items)
        self.counts.pending_events = sum(len(events) for _, events in self._pending.items)
        self._observer.progress(self.counts)
