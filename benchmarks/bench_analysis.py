"""Analysis speed over millions of synthetic events (run by hand).

Generates the events straight into DuckDB with SQL ``range()`` (no coder), then
times ``timeline`` and ``dyads`` the way the CLI and the web app call them.

    .venv/bin/python benchmarks/bench_analysis.py [--events 10000000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from realpolitik.analysis import dyads, events, network, timeline, trends
from realpolitik.store import open_store
from realpolitik.store.synthetic import fill_synthetic_events, synthetic_countries

REPEATS = 5


def _timed(label: str, call: Callable[[], object]) -> None:
    """Best and median of a few runs; the first run is reported apart (cold caches)."""
    started = time.perf_counter()
    call()
    first = time.perf_counter() - started
    runs = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        call()
        runs.append(time.perf_counter() - started)
    print(f"  {label:<42} first {first:6.3f} s  median {statistics.median(runs):6.3f} s  "
          f"best {min(runs):6.3f} s")


def _run(path: Path, count: int) -> None:
    with open_store(path) as store:
        if store.con.execute("SELECT count(*) FROM events").fetchall()[0][0] < count:
            started = time.perf_counter()
            fill_synthetic_events(store.con, count)
            print(f"generated {count:,} events in {time.perf_counter() - started:.1f} s")
    with open_store(path, read_only=True) as store:
        con = store.con
        a, b = synthetic_countries(60)[:2]
        print(f"{count:,} events, {path.stat().st_size / 2**20:,.0f} MiB on disk:")
        _timed(f"timeline {a} {b} by month (both directions)", lambda: timeline(con, a, b))
        _timed(f"timeline {a} {b} by week, one direction",
               lambda: timeline(con, a, b, by="week", direction="a_to_b"))
        _timed("timeline at actor level", lambda: timeline(con, a + "GOV", b + "GOV",
                                                           level="actor"))
        _timed("dyads (country level, all time)", lambda: dyads(con))
        _timed("dyads (actor level, all time)", lambda: dyads(con, level="actor"))
        _timed("dyads for one year", lambda: dyads(con, since=date(2020, 1, 1),
                                                   until=date(2020, 12, 31)))
        _timed("trends 2019 vs 2020", lambda: trends(
            con, period_a=(date(2019, 1, 1), date(2019, 12, 31)),
            period_b=(date(2020, 1, 1), date(2020, 12, 31))))
        _timed("network (country level, all time)", lambda: network(con))
        _timed(f"events --actor {a} --root 19 (first page)",
               lambda: events(con, actor=a, root="19"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="Database file to create or reuse.")
    options = parser.parse_args()
    if options.keep:
        _run(options.keep, options.events)
        return
    with tempfile.TemporaryDirectory() as folder:
        _run(Path(folder) / "bench.duckdb", options.events)


if __name__ == "__main__":
    main()
