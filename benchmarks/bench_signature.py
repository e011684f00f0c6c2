"""CPU time of the MinHash signature that dedup computes for every article (in the
ingest driver with --workers, in the one process otherwise).

    .venv/bin/python benchmarks/bench_signature.py /tmp/tw/c1000.jsonl -n 1000 --rounds 5
"""

from __future__ import annotations

import json
import time

from corpus import corpus_parser, load_articles
from thucydides.dedup import signature


def main() -> None:
    args = corpus_parser(n=1000, rounds=5).parse_args()
    texts = [a.text for a in load_articles(args.corpus, args.n)]
    best = float("inf")
    for _ in range(args.rounds):  # CPU time of this process, least disturbed by other jobs
        t = time.process_time()
        for text in texts:
            signature(text)
        best = min(best, time.process_time() - t)
    print(json.dumps({"articles": len(texts), "signature_cpu_ms_per_article": round(1000 * best / len(texts), 3)}))


if __name__ == "__main__":
    main()
