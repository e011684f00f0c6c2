"""Hostile inputs shared by the robustness tests (issue #14)."""

from __future__ import annotations

LEAD = "Turkish police detained 1,879 protesters in Istanbul on Sunday."
LAST = "Israeli troops killed three Palestinians in the West Bank on Monday, the health ministry said."

# Over 1,000,000 characters (spaCy's limit, error E088), yet quick to parse: two real
# sentences around a sea of whitespace. The real-text check of the offsets is in
# tests/test_pipeline.py.
HUGE = LEAD + "\n\n" + (" " * 999 + "\n") * 1000 + "\n" + LAST
