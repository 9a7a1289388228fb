"""Store throughput with pre-coded synthetic events (run by hand).

Measures what ingest adds beyond coding: building the column batches and
writing them to DuckDB, with and without linking stories in each transaction.

    .venv/bin/python benchmarks/bench_store.py [--documents 1000] [--events 50]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from realpolitik.store import StoredDocument, open_store, table_counts
from realpolitik.store.synthetic import synthetic_documents


def _store_all(
    db_path: Path, documents: list[StoredDocument], batch: int, link_stories: bool
) -> tuple[float, float]:
    """Wall and CPU seconds to store every document (and close the file)."""
    wall, cpu = time.perf_counter(), time.process_time()
    with open_store(db_path) as store:
        for first in range(0, len(documents), batch):
            store.write_many(documents[first : first + batch], link_stories=link_stories)
        if not link_stories:
            store.refresh_all_stories()
        counts = table_counts(store.con)
    print(f"  rows stored: {counts}")
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--events", type=int, default=50, help="events per document")
    parser.add_argument("--batch", type=int, default=100, help="documents per transaction")
    options = parser.parse_args()
    documents = synthetic_documents(options.documents, events_per_document=options.events)
    total = options.documents * options.events
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory() as folder:
        _store_all(Path(folder) / "warm-up.duckdb", documents[:5], options.batch, True)
        for link_stories in (False, True):
            label = "stories linked per batch" if link_stories else "stories rebuilt once at end"
            print(f"{total} events in {options.documents} documents, {label}:")
            wall, cpu = _store_all(
                Path(folder) / f"bench-{link_stories}.duckdb", documents, options.batch,
                link_stories,
            )
            print(f"  wall {wall:.2f} s = {total / wall:,.0f} events/s; "
                  f"CPU {cpu:.2f} s (all threads) = {total / cpu:,.0f} events per CPU-second")
        with open_store(Path(folder) / "bench-True.duckdb") as store:
            started = time.perf_counter()
            written = sum(
                store.write_many(documents[first : first + options.batch])
                for first in range(0, len(documents), options.batch)
            )
            print(f"re-store unchanged: {written} written in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
