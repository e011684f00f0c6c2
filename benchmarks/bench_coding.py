"""CPU time of coding alone (`Pipeline.code_doc`), on documents parsed beforehand.

The documents are parsed once; each round drops their per-document memos and
codes them all again, so only the coding is timed. Run it on two trees in turn
for an A/B (`PYTHONPATH=<tree>/src`): noise on the 2-core VM is ±10 % between
runs, so alternate and repeat.

    .venv/bin/python benchmarks/bench_coding.py /tmp/tw/c1000.jsonl -n 300 --rounds 3
"""

from __future__ import annotations

import json
import time

from corpus import corpus_parser, load_articles
from thucydides.pipeline import Pipeline


def main() -> None:
    args = corpus_parser(n=300, rounds=3).parse_args()
    articles = load_articles(args.corpus, args.n)
    pipeline = Pipeline()
    for _ in pipeline.code_articles(articles[:32]):  # warm-up: lazy tables
        pass
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=pipeline.settings.batch_size))
    times = []
    for _ in range(args.rounds):
        for doc in docs:
            doc.user_data.clear()  # memos of an earlier round (older trees keep them on the Doc)
        t = time.process_time()
        for doc, article in zip(docs, articles):
            pipeline.code_doc(doc, article)
        times.append(1000 * (time.process_time() - t) / len(docs))
    print(json.dumps({"articles": len(docs), "code_doc_ms_per_article": [round(x, 2) for x in times]}))


if __name__ == "__main__":
    main()
