"""Event coding: lexicon patterns over the dependency parse."""

from .coder import Candidate, EventCoder, Match
from .grammar import Grammar, default_grammar
from .lexicon import Lexicon, LexiconError, Pattern

__all__ = ["Candidate", "EventCoder", "Grammar", "Lexicon", "LexiconError", "Match", "Pattern", "default_grammar"]
