"""Where coding time goes beyond the parse: cProfile of `Pipeline.code_doc` only.

The texts are parsed first (outside the profile), then each document is coded
under cProfile. Reports, per article, the cumulative time and call counts of the
main stages (event coder, actor resolution, coreference, enrichment...), and our
slowest functions by own time. Cumulative times overlap (resolution runs inside
the coder); what matters is comparing runs of this script on the same corpus,
ideally the shares and call counts, which machine noise barely moves.

    .venv/bin/python benchmarks/profile_stages.py /tmp/tw/c1000.jsonl -n 200 --rounds 3

`--rounds R` first times, without the profiler, parsing and coding in alternation
every few articles (CPU time of this process, so that other jobs on a shared
machine disturb the estimate as little as possible); the ratio parse / (parse +
code) estimates what bench_throughput.py measures end to end.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time

from corpus import corpus_parser, load_articles
from thucydides.model import Article
from thucydides.pipeline import Pipeline

# (label, file suffix, function name): the stages reported, as cProfile names them.
STAGES = [
    ("code_doc (all coding after the parse)", "pipeline.py", "code_doc"),
    ("event coder", "events/coder.py", "code_doc"),
    ("actors: resolve_many (with coreference)", "actors/coref.py", "resolve_many"),
    ("actors: resolve_phrase", "actors/resolver.py", "resolve_phrase"),
    ("actors: coreference scan", "actors/coref.py", "_scan_to"),
    ("actors: country_of_place", "actors/resolver.py", "country_of_place"),
    ("enrichment (dates, places, figures, quotes)", "enrich/__init__.py", "__call__"),
    ("enrich: quotes", "enrich/quotes.py", "extract_quotes"),
    ("enrich: dates", "enrich/when.py", "__init__"),
    ("enrich: places", "enrich/where.py", "__init__"),
    ("enrich: figures", "enrich/figures.py", "__init__"),
]


def _timings(pipeline: Pipeline, articles: list[Article], rounds: int, step: int = 8) -> None:
    """Parse `step` articles, then code those documents, and so on: load on a shared
    machine drifts over seconds, so both sides of the ratio see the same load."""
    parse_s, code_s, ratios = [], [], []
    for _ in range(rounds):
        parse = code = 0.0
        for k in range(0, len(articles), step):
            part = articles[k : k + step]
            t = time.process_time()
            docs = list(pipeline.nlp.pipe([a.text for a in part], batch_size=step))
            parse += time.process_time() - t
            t = time.process_time()
            for doc, article in zip(docs, part):
                pipeline.code_doc(doc, article)
            code += time.process_time() - t
        parse_s.append(parse)
        code_s.append(code)
        ratios.append(parse / (parse + code))
    n = len(articles)
    print(f"unprofiled CPU time, interleaved every {step} articles, {rounds} rounds: "
          f"parse {1000 * statistics.median(parse_s) / n:.2f} ms/article, "
          f"code_doc {1000 * statistics.median(code_s) / n:.2f} ms/article, "
          f"estimated ratio parse/(parse+code): median {statistics.median(ratios):.3f} "
          f"(rounds {' '.join(f'{r:.3f}' for r in ratios)})")


def main() -> None:
    parser = corpus_parser(n=200, rounds=0)  # --rounds: unprofiled timing rounds first
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--no-profile", action="store_true", help="only the timing rounds")
    args = parser.parse_args()
    pipeline = Pipeline()
    articles = load_articles(args.corpus, args.n)
    for _ in pipeline.code_articles(articles[:32]):  # warm-up: lazy tables (gazetteer, dateparser)
        pass
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=pipeline.settings.batch_size))
    if args.rounds:
        _timings(pipeline, articles, args.rounds)
    if args.no_profile:
        return
    prof = cProfile.Profile()
    prof.enable()
    for doc, article in zip(docs, articles):
        pipeline.code_doc(doc, article)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    n = len(articles)
    print(f"{n} articles; ms per article (cumulative), calls per article")
    for label, suffix, func in STAGES:
        rows = [v for (f, _, name), v in stats.items() if f.endswith(suffix) and name == func]
        calls = sum(r[1] for r in rows)  # primitive calls: recursion counted once
        cum = sum(r[3] for r in rows)
        print(f"{1000 * cum / n:8.2f} ms {calls / n:8.1f}  {label}")
    ours = sorted(
        ((v[2], v[1], f"{f.split('thucydides/', 1)[1]}:{line} {name}") for (f, line, name), v in stats.items()
         if "thucydides/" in f),
        reverse=True,
    )
    total = sum(v[2] for v in stats.values())
    print(f"-- total profiled {1000 * total / n:.2f} ms per article; our slowest functions (own time)")
    for own, calls, name in ours[: args.top]:
        print(f"{1000 * own / n:8.3f} ms {calls / n:8.1f}  {name}")


if __name__ == "__main__":
    main()
