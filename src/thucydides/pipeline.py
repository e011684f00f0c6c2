"""The coding pipeline: articles -> spaCy parse (batched) -> actors -> events."""

from __future__ import annotations

from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .actors import ActorDictionary, ActorResolver, default_dictionary
from .casing import Recaser, caseless
from .dateline import doc_dateline_end
from .enrich import Enricher
from .events import EventCoder, Lexicon, default_grammar
from .events.happenings import BARE_STATEMENT, one_per_happening
from .model import Article, Event
from .nlp import doc_sents, english_words, load_model, parse_texts, release, verb_lemma_checker
from .ontology import default_ontology
from .petrarch.reading import Issue
from .places import default_gazetteer
from .settings import Settings, load_settings

# Cities this large (and every capital, region and country) are re-cased in caseless text.
RECASED_CITY_POPULATION = 300_000


class Pipeline:
    """A reusable coder: load once, then code any number of articles.

    >>> pipeline = Pipeline()
    >>> for article, events in pipeline.code_articles(articles): ...
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = load_model(self.settings.model)
        ontology = default_ontology()
        lemma_of = verb_lemma_checker(self.nlp)
        bundled = not self.settings.only_dictionaries
        known = frozenset(default_dictionary().countries) if bundled else frozenset()
        entries, layers, issues = _user_dictionaries(self.settings, ontology, lemma_of, known)
        self.dictionary_issues: list[Issue] = issues  # FILE:LINE problems of the user's dictionaries
        self.lexicon = Lexicon.load(self.settings.lexicon, ontology, dictionary_entries=entries,
                                    bundled=bundled, lemma_of=lemma_of, dictionary_sources=self.settings.dictionaries)
        actors = ActorDictionary.load(self.settings.actors, extra_layers=layers, bundled=bundled,
                                      layer_sources=self.settings.dictionaries)
        self._actors = actors
        resolver = ActorResolver(actors)
        self.coder = EventCoder(self.lexicon, resolver, ontology, default_grammar())
        self.enricher = Enricher(resolver)  # dates, places, figures, quotes

    def code_articles(
        self, articles: Iterable[Article], on_error: Callable[[Article, Exception], None] | None = None
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in parse batches, yielding each with its events in input order.

        With `on_error`, an article whose parsing or coding raises is reported there
        and left out (not stored, so a later run tries it again); the batch goes on.
        """
        it = iter(articles)
        while batch := list(islice(it, self.settings.batch_size)):
            docs = parse_texts(
                self.nlp, [self._recase(a.text) for a in batch], max_chars=self.settings.max_doc_chars,
                batch_size=self.settings.batch_size,
            )
            docs.reverse()
            for article in batch:
                parsed = docs.pop()  # off the list, so each Doc is freed once coded
                try:
                    if isinstance(parsed, Exception):
                        raise parsed
                    events = self.code_doc(parsed, article)
                except Exception as err:  # noqa: BLE001 - one bad article must not stop a batch
                    if on_error is None:
                        raise
                    on_error(article, err)
                    continue
                yield article, events

    def _recase(self, text: str) -> str:
        """The text with capitals restored where it has none (or only capitals), see `casing.py`."""
        if caseless(text) is None:
            return text
        return self.recaser(text)

    @cached_property
    def recaser(self) -> Recaser:
        # Built on the first caseless text: most runs never meet one.
        places = default_gazetteer().major_names(RECASED_CITY_POPULATION)
        return Recaser.build(self._actors, places, english_words(self.nlp))

    def code_doc(self, doc, article: Article) -> list[Event]:  # noqa: ANN001 - spaCy Doc
        try:
            events = self.coder.code_doc(doc, article)
            statements = self._keeps_bare_statements(doc)
            events = [e for e in events if e.modality in self.settings.keep_modalities
                      and (statements or e.code != BARE_STATEMENT)]
            return one_per_happening(doc, self.enricher(doc, article, events), self.coder.grammar)
        finally:
            release(doc)  # the Doc can then be freed as soon as it is dropped

    def _keeps_bare_statements(self, doc) -> bool:  # noqa: ANN001 - spaCy Doc
        """Whether 010 "said" events stay: see `Settings.bare_statements`."""
        mode = self.settings.bare_statements
        if mode == "sentences":  # one sentence, a dateline before it aside, is the whole text
            dateline = doc_dateline_end(doc)
            return sum(s.end_char > dateline for s in doc_sents(doc)) <= 1
        return mode == "always"

    def code_article(self, article: Article) -> list[Event]:
        return next(self.code_articles([article]))[1]

    def code_text(self, text: str, date: str | None = None) -> list[Event]:
        return self.code_article(Article(text=text, date=date))


def _user_dictionaries(settings: Settings, ontology: Any, lemma_of: Any, known: frozenset[str],
                       ) -> tuple[list[dict[str, Any]], list[tuple[str, Any]], list[Issue]]:
    """The user's PETRARCH dictionaries as lexicon entries, actor layers and the
    FILE:LINE problems found (their lines skipped); without any, nothing is imported."""
    if not settings.dictionaries:
        return [], [], []
    from .petrarch.user import load_user_dictionaries

    user = load_user_dictionaries(settings.dictionaries, ontology, lemma_of, known)
    return user.lexicon, user.actor_layers(), user.issues


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()
