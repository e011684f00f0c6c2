"""End-to-end coding throughput vs spaCy parsing alone, side by side in one process.

Same texts, same batch size, same loaded model; each batch is parsed alone, then
coded end to end (parse included), before the next batch, so machine noise that
drifts over seconds hits both sides alike. Ratio = code throughput / parse
throughput (target >= 0.75). `--profile` adds a cProfile of one coding pass,
summed per module of our code (coder, actors, enrichers...).

    .venv/bin/python benchmarks/bench_throughput.py /tmp/corpus-1k.jsonl -n 500 --rounds 2 --profile
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import time
from collections import defaultdict

from corpus import corpus_parser, load_articles
from thucydides.model import Article
from thucydides.pipeline import Pipeline


def profile_modules(pipeline: Pipeline, articles: list[Article]) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Own time (tottime) per module, spaCy included, and our slowest functions."""
    prof = cProfile.Profile()
    prof.enable()
    for _ in pipeline.code_articles(articles):
        pass
    prof.disable()
    stats = pstats.Stats(prof)
    per_module: dict[str, float] = defaultdict(float)
    ours: list[tuple[str, float]] = []
    for (filename, line, func), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "thucydides/" in filename:
            ours.append((f"{filename.split('thucydides/', 1)[1]}:{line} {func}", tottime))
            key = "thucydides/" + filename.split("thucydides/", 1)[1]
        elif "site-packages/" in filename:
            key = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        else:
            key = "other (stdlib, builtins)"
        per_module[key] += tottime
    return sorted(per_module.items(), key=lambda kv: -kv[1]), sorted(ours, key=lambda kv: -kv[1])


def main() -> None:
    parser = corpus_parser(n=500, rounds=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    pipeline = Pipeline()
    batch = pipeline.settings.batch_size
    articles = load_articles(args.corpus, args.n)
    for _ in pipeline.code_articles(articles[:batch]):  # warm-up: lazy tables, caches
        pass
    parse, code = [], []
    for _ in range(args.rounds):
        # Alternate every batch (parse these texts, then code the same articles):
        # the machine's speed drifts over seconds, so both sides see the same drift.
        p_s = c_s = 0.0
        for k in range(0, len(articles), batch):
            block = articles[k : k + batch]
            t = time.perf_counter()
            for _ in pipeline.nlp.pipe([a.text for a in block], batch_size=batch):
                pass
            p_s += time.perf_counter() - t
            t = time.perf_counter()
            for _ in pipeline.code_articles(block):
                pass
            c_s += time.perf_counter() - t
        parse.append(p_s)
        code.append(c_s)
    p, c = statistics.median(parse), statistics.median(code)
    result = {
        "articles": len(articles), "batch_size": batch, "rounds": args.rounds,
        "parse_s": [round(x, 2) for x in parse], "code_s": [round(x, 2) for x in code],
        "parse_articles_per_s": round(len(articles) / p, 1), "code_articles_per_s": round(len(articles) / c, 1),
        "ratio": round(p / c, 3), "round_ratios": [round(a / b, 3) for a, b in zip(parse, code)],
    }  # fmt: skip
    print(json.dumps(result))
    if args.profile:
        rows, ours = profile_modules(pipeline, articles)
        total = sum(t for _, t in rows)
        for name, t in rows[:15]:
            print(f"{t:8.2f}s {100 * t / total:5.1f}%  {name}")
        print("-- our slowest functions (own time)")
        for name, t in ours[:12]:
            print(f"{t:8.2f}s {100 * t / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
