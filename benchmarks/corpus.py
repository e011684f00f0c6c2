"""Reading a benchmark corpus (JSONL made by make_corpus.py) and the options every
benchmark over one shares."""

from __future__ import annotations

import argparse
import json

from thucydides.model import Article

KEYS = ("id", "text", "title", "date", "source", "url")


def load_articles(path: str, n: int) -> list[Article]:
    """The first `n` articles of a JSONL corpus."""
    with open(path, encoding="utf-8") as f:
        return [Article(**{k: r.get(k) for k in KEYS}) for r in map(json.loads, f) if r][:n]


def corpus_parser(n: int, rounds: int) -> argparse.ArgumentParser:
    """`corpus`, `-n` articles and `--rounds`, with these defaults."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("-n", type=int, default=n)
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser
