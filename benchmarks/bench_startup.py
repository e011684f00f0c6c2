"""Cold start of the CLI against spaCy's own: `thucydides code -` on one sentence and
`thucydides stats` on a small store, each as a ratio to a process that loads the spaCy
model and parses the same sentence.

Every command runs as a fresh process, in turn within each round (the order rotates
from round to round), so the machine's drift hits every side alike; the ratios are per
round, then their median. Peak memory is each process's own maximum RSS (`wait4`).
The compiled language data is built once first, into a fresh cache folder, and that
first (cold) run is reported apart; the rounds then find the cache warm.

    .venv/bin/python benchmarks/bench_startup.py --rounds 7
    .venv/bin/python benchmarks/bench_startup.py --rounds 7 --actors /tmp/phoenix.yaml   # a bigger actor layer
    .venv/bin/python benchmarks/bench_startup.py --rounds 7 --tree /tmp/base   # also another checkout's code

`--tree DIR` adds `code` and `stats` run from DIR/src (PYTHONPATH), in the same rounds:
before and after a change, side by side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thucydides.compiled import CACHE_ENV
from thucydides.settings import DEFAULT_MODEL

SENTENCE = "Turkish police detained 1,879 protesters in Istanbul on Sunday."
SAMPLE = Path(__file__).parents[1] / "src/thucydides/data/sample/articles.jsonl"
EXE = str(Path(sys.executable).with_name("thucydides"))


def spawn(cmd: list[str], stdin: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one process, its output discarded."""
    with open(stdin, "rb") as src, tempfile.TemporaryFile() as err:
        actions = [(os.POSIX_SPAWN_DUP2, src.fileno(), 0), (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, env, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode(errors='replace')[-3000:]}")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


Run = tuple[list[str], dict[str, str]]  # command, environment


def commands(db: Path, env: dict[str, str], actors: Path | None, tree: Path | None) -> dict[str, Run]:
    spacy_only = f"import sys, spacy; spacy.load({DEFAULT_MODEL!r})(sys.stdin.read())"
    runs = {
        "spacy": ([sys.executable, "-c", spacy_only], env),
        "code": ([EXE, "code", "-"], env),
        "stats": ([EXE, "stats", "--db", str(db)], env),
    }
    if actors:
        runs["code+actors"] = ([EXE, "code", "-", "--actors", str(actors)], env)
    if tree:
        other = {**env, "PYTHONPATH": str(tree.resolve() / "src")}
        runs["code@tree"] = ([EXE, "code", "-"], other)
        runs["stats@tree"] = ([EXE, "stats", "--db", str(db)], other)
    return runs


def sample_store(folder: Path, env: dict[str, str]) -> Path:
    db = folder / "sample.duckdb"
    subprocess.run([EXE, "ingest", str(SAMPLE), "--db", str(db)], env=env, check=True, capture_output=True)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="store for `stats` (default: the sample corpus, ingested)")
    parser.add_argument("--actors", type=Path, help="also time `code - --actors FILE`")
    parser.add_argument("--tree", type=Path, help="also time code and stats from this checkout's src/")
    parser.add_argument("--sentence", default=SENTENCE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, CACHE_ENV: str(folder / "cache")}
        sentence = folder / "sentence.txt"
        sentence.write_text(args.sentence + "\n", encoding="utf-8")
        runs = commands(args.db or sample_store(folder, env), env, args.actors, args.tree)
        for name in ("code", "code+actors"):
            if name in runs:
                cmd, _ = runs[name]
                cold, rss = spawn(cmd, sentence, {**env, CACHE_ENV: str(folder / f"cold-{name}")})
                print(f"{name}: first run, compiled data built: {cold:.2f} s, peak {rss:.0f} MiB")
        for cmd, run_env in runs.values():  # warm the cache and the page cache
            spawn(cmd, sentence, run_env)
        report(measure(runs, sentence, args.rounds))


def measure(runs: dict[str, Run], stdin: Path, rounds: int) -> dict[str, list[tuple[float, float]]]:
    names = list(runs)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            cmd, env = runs[name]
            results[name].append(spawn(cmd, stdin, env))
    return results


def report(results: dict[str, list[tuple[float, float]]]) -> None:
    base = results["spacy"]
    print(f"{'':12s} {'wall s (median)':>16s} {'x spaCy (median of rounds)':>27s} {'peak MiB':>9s} {'x spaCy':>8s}  rounds")
    base_rss = statistics.median(m for _, m in base)
    for name, values in results.items():
        ratios = [w / b for (w, _), (b, _) in zip(values, base)]
        rss = statistics.median(m for _, m in values)
        print(f"{name:12s} {statistics.median(w for w, _ in values):16.3f} {statistics.median(ratios):27.2f} "
              f"{rss:9.0f} {rss / base_rss:8.2f}  {' '.join(f'{x:.2f}' for x in ratios)}")


if __name__ == "__main__":
    main()
