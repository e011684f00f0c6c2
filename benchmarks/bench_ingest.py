"""Wall time and peak RSS of `thucydides ingest`, one process or `--workers N`.

Runs the CLI as a subprocess on a fresh store and samples the RSS of every
process in its tree (driver, Dask nanny/workers) every 0.2 s; reports wall
time, articles/s and the peak RSS of the driver and of each worker.

    .venv/bin/python benchmarks/bench_ingest.py /tmp/corpus-1k.jsonl                 # one process
    .venv/bin/python benchmarks/bench_ingest.py /tmp/corpus-1k.jsonl --workers 2     # LocalCluster
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def run(corpus: str, workers: int | None, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        exe = str(Path(sys.executable).with_name("thucydides"))
        cmd = [exe, "ingest", corpus, "--db", f"{tmp}/bench.duckdb", *extra]
        if workers:
            cmd += ["--workers", str(workers)]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        root = psutil.Process(proc.pid)
        peak: dict[int, tuple[str, int]] = {}
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in tree:
                try:
                    rss = p.memory_info().rss
                    name = "driver" if p.pid == proc.pid else " ".join(p.cmdline()[-2:])[-60:]
                except psutil.Error:
                    continue
                if rss > peak.get(p.pid, ("", 0))[1]:
                    peak[p.pid] = (name, rss)
            time.sleep(0.2)
        out, err = proc.communicate()
        wall = time.perf_counter() - t
    coded = int(out.split(" articles coded")[0].split()[-1]) if " articles coded" in out else 0
    mib = sorted(((name, round(rss / 2**20)) for name, rss in peak.values()), key=lambda x: -x[1])
    return {
        "workers": workers or 1, "wall_s": round(wall, 1), "coded": coded,
        "articles_per_s": round(coded / wall, 2) if wall else None,
        "driver_peak_mib": next((m for n, m in mib if n == "driver"), None),
        "other_processes_peak_mib": [m for n, m in mib if n != "driver"],
        "summary": out.strip(), "exit": proc.returncode, "stderr_tail": err.strip()[-300:],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int)
    parser.add_argument("extra", nargs="*", help="more ingest options, after --")
    args = parser.parse_args()
    print(json.dumps(run(args.corpus, args.workers, args.extra)))


if __name__ == "__main__":
    main()
