"""Near-duplicate articles: MinHash LSH on word shingles of normalised text.

Wire stories are syndicated: the same text, lightly edited (a new dateline, a
trimmed paragraph), arrives under many ids. Coding each copy would count the
same events again as new, so at ingest a copy is linked to the first stored
article it near-duplicates (`articles.duplicate_of`) and is not coded.

Only originals are indexed, so every copy points at an original, never at
another copy. Signatures live in the store (`article_signatures`) and the LSH
index is rebuilt from them when an ingest starts: a resumed or later run still
links copies of articles stored by earlier runs. The in-memory index costs
about 1-2 KB per original article (the LSH band keys); signatures are only
read, never held, by the rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .model import normalise_text

NUM_PERM = 128
# Jaccard similarity of 5-word shingles above which two articles are one story.
# Syndicated copies with a new dateline/byline score ~0.85-0.95; different stories
# on the same event rarely pass 0.3.
THRESHOLD = 0.8
SHINGLE_WORDS = 5
# Pinned: stored signatures are only comparable under the scheme that made them.
SCHEME = "affine32"
SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-shingles of the normalised text (a text shorter than k words is one shingle)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> LeanMinHash | None:
    """MinHash of the text's shingles; None for a text without words."""
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    mh.update_batch(list(grams))
    return LeanMinHash(mh)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The seeded permutation parameters, drawn once per process: a bare `MinHash`
    draws them from a new RandomState each time, which cost as much as hashing
    the article. Read-only, as every signature shares them."""
    permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    permutations.flags.writeable = False
    return permutations


def to_bytes(mh: LeanMinHash) -> bytes:
    # The hash values only: seed, scheme and permutation count are module constants.
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(blob: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype=np.uint32), scheme=SCHEME)


@dataclass
class DuplicateIndex:
    """The LSH index of stored originals; `check` then `add` as articles arrive."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        # Indexed signatures (uint32, 512 bytes each), to confirm LSH candidates.
        self._signatures: dict[str, np.ndarray] = {}

    @property
    def size(self) -> int:
        return len(self._signatures)

    def original_of(self, mh: LeanMinHash) -> str | None:
        """The id of an indexed article this signature near-duplicates (the smallest
        id among candidates above the threshold, so the answer is deterministic)."""
        values = np.asarray(mh.hashvalues, dtype=np.uint32)
        # LSH candidates include false positives: confirm on the estimated Jaccard.
        hits = [k for k in self._lsh.query(mh) if float(np.mean(self._signatures[k] == values)) >= self.threshold]
        return min(hits) if hits else None

    def add(self, article_id: str, mh: LeanMinHash) -> None:
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, mh, check_duplication=False)
        self._signatures[article_id] = np.asarray(mh.hashvalues, dtype=np.uint32)

    @classmethod
    def from_rows(cls, rows: Iterator[tuple[str, bytes]], **kw: float) -> "DuplicateIndex":
        index = cls(**kw)  # type: ignore[arg-type]
        for article_id, blob in rows:
            index.add(article_id, from_bytes(blob))
        return index


def load_index(con, batch: int = 10_000) -> DuplicateIndex:  # noqa: ANN001 - a DuckDB connection
    """Rebuild the index from the store's signatures, streamed in batches."""
    cursor = con.cursor()
    try:
        cursor.execute("SELECT article_id, minhash FROM article_signatures ORDER BY article_id")

        def rows() -> Iterator[tuple[str, bytes]]:
            while chunk := cursor.fetchmany(batch):
                yield from chunk

        return DuplicateIndex.from_rows(rows())
    finally:
        cursor.close()
