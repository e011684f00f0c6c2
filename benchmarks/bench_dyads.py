"""Dyad series for one month over a store of N synthetic events (default 1,000,000).

Events are generated directly in DuckDB with skewed, GDELT-like distributions:
a few actors dominate (power law over 300 codes), statements/consultations
dominate the codes, dates spread over two years. Then `analytics.dyads` for
one month by day is timed (first run and median of the next runs).

    .venv/bin/python benchmarks/bench_dyads.py --events 1000000 --db /tmp/dyads-1m.duckdb
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from thucydides.analytics import dyads
from thucydides.store import Store

# (code, root, quad, goldstein, weight): a rough GDELT mix.
CODES = [
    ("010", "01", 1, 0.0, 30), ("040", "04", 1, 1.0, 12), ("042", "04", 1, 1.9, 8), ("051", "05", 1, 3.4, 6),
    ("057", "05", 1, 8.0, 3), ("070", "07", 2, 7.0, 3), ("111", "11", 3, -2.0, 8), ("112", "11", 3, -2.0, 6),
    ("130", "13", 3, -4.4, 4), ("141", "14", 3, -6.5, 4), ("173", "17", 4, -5.0, 5), ("190", "19", 4, -10.0, 6),
    ("193", "19", 4, -10.0, 3), ("180", "18", 4, -9.0, 2),
]  # fmt: skip


def generate(store: Store, n: int) -> None:
    con = store.con
    con.execute("CREATE TEMP TABLE codes (k INT, code VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE)")
    k = 0
    for code, root, quad, gold, weight in CODES:
        for _ in range(weight):
            con.execute("INSERT INTO codes VALUES (?, ?, ?, ?, ?)", [k, code, root, quad, gold])
            k += 1
    countries = ["USA", "RUS", "CHN", "ISR", "PSE", "UKR", "IRN", "TUR", "IND", "PAK", "GBR", "FRA", "DEU", "SYR",
                 "IRQ", "AFG", "NGA", "KEN", "BRA", "MEX", "VEN", "JPN", "PRK", "KOR", "SAU"]  # fmt: skip
    roles = ["", "GOV", "MIL", "COP", "OPP", "CVL", "REB", "BUS", "MED", "JUD", "LEG", "PTE"]
    con.execute("CREATE TEMP TABLE actors AS SELECT row_number() OVER () - 1 AS k, c || r AS code FROM "
                "unnest(?::VARCHAR[]) t(c), unnest(?::VARCHAR[]) u(r)", [countries, roles])  # fmt: skip
    n_actors = con.execute("SELECT count(*) FROM actors").fetchone()[0]  # type: ignore[index]
    cols = ", ".join(f'"{c}"' for c in ("id", "article_id", "sentence_index", "code", "root", "quad", "goldstein",
                                        "source_code", "target_code", "date", "rule", "confidence", "modality"))  # fmt: skip
    # Power-law actor choice: floor(N * u^3) favours low indexes (USA, RUS...).
    con.execute(
        f"""INSERT INTO events ({cols})
        SELECT 'ev-' || i, 'art-' || (i // 5), i % 5, c.code, c.root, c.quad, c.goldstein, s.code, t.code,
               DATE '2024-01-01' + (hash(i, 'd') % 730)::INT, 'synthetic', 1.0, 'asserted'
        FROM (SELECT i, floor({n_actors} * pow(random(), 3))::INT AS sk, floor({n_actors} * pow(random(), 3))::INT AS tk,
                     (hash(i, 'c') % {k})::INT AS ck FROM range(?) r(i)) g
        JOIN actors s ON s.k = g.sk JOIN actors t ON t.k = g.tk JOIN codes c ON c.k = g.ck""",
        [n],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/thucydides-dyads-bench.duckdb")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.db)
    t = time.perf_counter()
    if not path.exists():
        with Store.open(path) as store:
            generate(store, args.events)
    generated = time.perf_counter() - t
    with Store.open(path, read_only=True) as store:
        n = store.con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        times, rows = [], 0
        for _ in range(args.runs + 1):
            t = time.perf_counter()
            rows = len(dyads(store.con, date_from="2024-03-01", date_to="2024-03-31", by="day").rows)
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        monthly = len(dyads(store.con, by="month").rows)
        whole = time.perf_counter() - t
    print(json.dumps({
        "events": n, "generate_s": round(generated, 1), "month_by_day_rows": rows,
        "first_s": round(times[0], 3), "median_s": round(statistics.median(times[1:]), 3),
        "all_months_rows": monthly, "all_months_s": round(whole, 3),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
