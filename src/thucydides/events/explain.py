"""Why the coder did what it did, for one text: the data behind `thucydides explain`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from .coder import EventCoder


@dataclass
class SentenceExplanation:
    index: int
    text: str
    tokens: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    candidates: list[dict[str, Any]] = field(default_factory=list)


def explain_doc(coder: EventCoder, doc, article: Article) -> list[SentenceExplanation]:  # noqa: ANN001
    """Parse, actors and every candidate pattern with the reason it fired or not."""
    patterns = coder.prepare(doc)
    out = []
    for index, sent in enumerate(doc.sents):
        tokens = [
            {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "dep": t.dep_, "head": t.head.i}
            for t in sent
        ]
        actors = []
        for t in sent:
            if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound":
                actor = coder.resolver.resolve(t, article.date)
                if actor is not None:
                    actors.append(actor.to_dict())
        explanation = SentenceExplanation(index, sent.text, tokens, actors)
        for cand in coder.candidates(sent, article, patterns):
            pattern = cand.match.pattern
            explanation.candidates.append({
                "predicate": cand.match.predicate.text,
                "rule": pattern.id,
                "layer": pattern.layer,
                "origin": pattern.origin,
                "pattern": pattern.phrase.notation() if pattern.phrase is not None else None,
                "code": cand.code,
                "fired": cand.dropped is None,
                "why": cand.dropped or "fired",
                "sources": [a.code for a in cand.sources],
                "targets": [a.code for a in cand.targets],
                "modality": cand.modality.value,
                "modality_reason": cand.modality.reason,
                "trace": list(cand.match.trace),
            })
        out.append(explanation)
    return out
