"""Make a large synthetic corpus from the sample corpus (JSONL on stdout or --out).

Each article recombines sentences of the sample: the lead of one article, then
sentences drawn from others, with numbers and dates perturbed, a new id and a
date spread over two years. `--dup-rate` of the articles are syndicated copies
(new dateline, same body) of an earlier one, to exercise dedup.

    .venv/bin/python benchmarks/make_corpus.py -n 10000 --seed 1 --out /tmp/corpus-10k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from importlib import resources

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
# Figures only: a day after a month name ("Feb 27") is left alone, so dates stay valid.
_NUM = re.compile(r"(?<!Jan )(?<!Feb )(?<!Mar )(?<!Apr )(?<!May )(?<!Jun )(?<!Jul )(?<!Aug )(?<!Sep )(?<!Oct )"
                  r"(?<!Nov )(?<!Dec )(?<!January )(?<!February )(?<!March )(?<!April )(?<!June )(?<!July )"
                  r"(?<!August )(?<!September )(?<!October )(?<!November )(?<!December )\b\d[\d,]*\b")


def load_sample() -> list[dict]:
    text = (resources.files("thucydides") / "data" / "sample" / "articles.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _perturb(sentence: str, rng: random.Random) -> str:
    # New figures keep the numeric patterns (casualties, counts) without copying them.
    def figure(m: re.Match[str]) -> str:
        value = int(m.group().replace(",", ""))
        if 1900 <= value <= 2100 or value <= 31:
            return m.group()  # years and day numbers ("on the 5th", "May 5") stay as written
        return f"{max(32, value + rng.randint(-5, 5)):,}"

    return _NUM.sub(figure, sentence)


def generate(n: int, seed: int = 1, dup_rate: float = 0.05, sentences: int = 6):  # noqa: ANN201
    rng = random.Random(seed)
    sample = load_sample()
    bodies = [[s for s in _SENT.split(a["text"].replace("\n\n", " ")) if s] for a in sample]
    pool = [s for body in bodies for s in body[1:]]
    start = date(2024, 1, 1)
    made: list[dict] = []
    for i in range(n):
        if made and rng.random() < dup_rate:
            original = rng.choice(made[-1000:])
            body = original["text"].split(" - ", 1)[-1]
            yield {**original, "id": f"syn-{i:07d}", "url": None, "source": "Copy Wire", "text": f"(Copy Wire) {body}"}
            continue
        k = rng.randrange(len(sample))
        lead = _perturb(bodies[k][0], rng)
        rest = [_perturb(rng.choice(pool), rng) for _ in range(rng.randint(2, sentences))]
        day = start + timedelta(days=rng.randrange(730))
        article = {
            "id": f"gen-{i:07d}",
            "title": sample[k].get("title"),
            "date": day.isoformat(),
            "source": rng.choice(["Thucydides Sample Wire", "Agence Exemple", "Daily Example", "Example Post"]),
            "url": f"https://gen.thucydides.example/{i}",
            "text": " ".join([lead, *rest]),
        }
        made.append(article)
        if len(made) > 2000:
            del made[:1000]  # copies are of recent stories, and memory stays flat
        yield article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dup-rate", type=float, default=0.05)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    for article in generate(args.n, args.seed, args.dup_rate):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
