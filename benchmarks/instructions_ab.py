"""Instructions executed by `Pipeline.code_doc`: a git revision vs the working tree.

Wall and CPU times on a shared machine swing by +-10 %, more than most single
optimisations; valgrind's instruction count does not. The revision's package is
extracted as `thucydides_base` next to the working tree's `thucydides`, both
pipelines code copies of the same parsed documents, and callgrind counts only
the two coding passes (toggled through its client requests, from a small C
helper built with gcc). Needs valgrind, its headers and gcc; slow (minutes).

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.%p \\
        .venv/bin/python benchmarks/instructions_ab.py /tmp/tw/c1000.jsonl -n 40 --base main
    grep -H '^desc: Trigger\\|^totals' /tmp/cg.*     # one dump per side: base, then new
"""

from __future__ import annotations

import argparse
import ctypes
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

_HELPER = """#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void cg_stop(const char *name) { CALLGRIND_DUMP_STATS_AT(name); CALLGRIND_STOP_INSTRUMENTATION; }
"""
_KEYS = ("id", "text", "title", "date", "source", "url")


def _helper(tmp: Path) -> ctypes.CDLL:
    (tmp / "cg.c").write_text(_HELPER)
    subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-o", str(tmp / "libcg.so"), str(tmp / "cg.c")], check=True)
    return ctypes.CDLL(str(tmp / "libcg.so"))


def _extract_base(rev: str, tmp: Path) -> None:
    """The revision's src/thucydides as package `thucydides_base` (its imports are relative)."""
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True).stdout.strip()
    blob = subprocess.run(["git", "-C", root, "archive", rev, "src/thucydides"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(tmp, filter="data")
    (tmp / "src" / "thucydides").rename(tmp / "thucydides_base")
    sys.path.insert(0, str(tmp))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--base", default="main", help="git revision to compare with")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="thuc-ab-"))
    cg = _helper(tmp)
    _extract_base(args.base, tmp)
    import thucydides.model as new_model
    import thucydides_base.model as base_model
    from thucydides.pipeline import Pipeline as NewPipeline
    from thucydides_base.pipeline import Pipeline as BasePipeline

    with open(args.corpus, encoding="utf-8") as f:
        records = [r for r in map(json.loads, f) if r][: args.n + 16]
    warm, records = records[args.n :], records[: args.n]
    sides = [("base", BasePipeline(), base_model), ("new", NewPipeline(), new_model)]
    for _, pipeline, model in sides:  # lazy tables (gazetteer, dateparser) outside the count
        for _ in pipeline.code_articles([model.Article(**{k: r.get(k) for k in _KEYS}) for r in warm]):
            pass
    docs = list(sides[1][1].nlp.pipe([r["text"] for r in records], batch_size=32))
    for name, pipeline, model in sides:
        copies = [doc.copy() for doc in docs]  # nothing cached on them by the other side
        articles = [model.Article(**{k: r.get(k) for k in _KEYS}) for r in records]
        cg.cg_start()
        for doc, article in zip(copies, articles):
            pipeline.code_doc(doc, article)
        cg.cg_stop(name.encode())
    print(f"counted code_doc of {len(docs)} articles, base={args.base} then new (working tree)")


if __name__ == "__main__":
    main()
