"""Throughput and memory of parallel and Dask coding on one machine; run by hand.

    .venv/bin/python benchmarks/bench_parallel.py [--documents 240] [--runs all]

Builds a corpus of gzipped JSON Lines files from the demo corpus and the test
articles (each copy with its own id), then codes it into a fresh store with:
1 and 2 worker processes (``ingest --workers``) and a local Dask cluster of 1
and 2 workers (``ingest --dask local``). Prints documents/s and events/s
(model loading excluded, reported apart), the speed-ups, each run's peak
worker memory, and the machine's load average, since a shared machine skews
every figure.

    .venv/bin/python benchmarks/bench_parallel.py --memory 2000 [--recycle-after 1000]

Codes a stream of documents full of invented names in one process and prints
its RSS and vocabulary size, to show that memory stays bounded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import tempfile
import time
from contextlib import ExitStack
from importlib.resources import files
from pathlib import Path

import duckdb
import psutil

from realpolitik.distributed.coding import CoderSettings, WorkerCoder
from realpolitik.distributed.dask_run import ingest_dask
from realpolitik.distributed.parallel import ingest_parallel
from realpolitik.distributed.progress import RunSummary
from realpolitik.records import Document

TEST_ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "distributed" / "data"


def source_records() -> list[dict[str, str]]:
    """The demo corpus and the test articles: short and long wire-style news."""
    demo = files("realpolitik.demo").joinpath("corpus/articles.jsonl").read_text("utf-8")
    extra = (TEST_ARTICLES / "articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in (demo + extra).splitlines() if line.strip()]


def build_corpus(folder: Path, documents: int, files_count: int = 4) -> list[Path]:
    """``documents`` records spread over ``files_count`` .jsonl.gz files."""
    records = source_records()
    paths = [folder / f"corpus-{index}.jsonl.gz" for index in range(files_count)]
    with ExitStack() as stack:
        handles = [stack.enter_context(gzip.open(path, "wt", encoding="utf-8"))
                   for path in paths]
        for number in range(documents):
            record = dict(records[number % len(records)])
            record["id"] = f"{record['id']}-copy{number}"
            handles[number % files_count].write(json.dumps(record) + "\n")
    return paths


def stored_events(db: Path) -> list[tuple[object, ...]]:
    """Every stored event row but its story id, in a fixed order."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall()


def run(kind: str, workers: int, corpus: list[Path], folder: Path) -> RunSummary:
    """One run into a fresh store."""
    db = folder / f"{kind}-{workers}.duckdb"
    load = os.getloadavg()[0]
    if kind == "pool":
        summary = ingest_parallel(corpus, db=db, workers=workers)
    else:
        summary = ingest_dask(corpus, db=db, scheduler="local", workers=workers,
                              documents_per_partition=20, memory_limit="2GiB")
    print(
        f"{kind:5} workers={workers} docs={summary.documents:5d} events={summary.events:5d} "
        f"docs/s={summary.documents_per_second:7.2f} events/s={summary.events_per_second:7.2f} "
        f"coding={summary.coding_seconds:6.1f}s load={summary.load_seconds:5.1f}s "
        f"worker_cpu={summary.worker_cpu_seconds:6.1f}s "
        f"docs/cpu-s={summary.documents_per_cpu_second:6.2f} "
        f"peak_rss={summary.peak_worker_rss_mb:6.0f}MB failed={len(summary.failures)} "
        f"loadavg_before={load:.2f}",
        flush=True,
    )
    return summary


def invented_name(rng: random.Random) -> str:
    """A surname no vocabulary has seen, so every document brings new strings."""
    letters = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
    return letters.capitalize()


def memory_growth(documents: int, recycle_after: int) -> None:
    """RSS of one worker-style coder over a stream of documents full of new names."""
    rng = random.Random(7)
    records = source_records()
    coder = WorkerCoder(CoderSettings(recycle_after=recycle_after))
    coder.load()
    process = psutil.Process()
    print(f"memory: {documents} documents, recycle_after={recycle_after}", flush=True)
    for number in range(documents):
        record = records[number % len(records)]
        names = " ".join(
            f"Minister {invented_name(rng)} met {invented_name(rng)}." for _ in range(5)
        )
        text = f"{record['text']} {names}"
        coder.code([Document(id=f"m{number}", text=text, origin=f"m{number}")])
        if (number + 1) % 200 == 0:
            rss = process.memory_info().rss / 2**20
            print(f"  after {number + 1:6d} documents: rss={rss:6.0f}MB "
                  f"strings={len(coder.load().nlp.vocab.strings):7d} loads={coder.loads}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=240)
    parser.add_argument("--runs", choices=("all", "pool", "dask"), default="all")
    parser.add_argument("--memory", type=int, default=0,
                        help="instead: RSS of one coder over this many documents")
    parser.add_argument("--recycle-after", type=int, default=20_000)
    args = parser.parse_args()
    if args.memory:
        memory_growth(args.memory, args.recycle_after)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build_corpus(folder, args.documents)
        print(f"corpus: {args.documents} documents in {len(corpus)} .jsonl.gz files; "
              f"{os.cpu_count()} cores", flush=True)
        started = time.perf_counter()
        kinds = ("pool", "dask") if args.runs == "all" else (args.runs,)
        rates: dict[tuple[str, int], float] = {}
        contents: dict[tuple[str, int], list[tuple[object, ...]]] = {}
        for kind in kinds:
            for workers in (1, 2):
                rates[kind, workers] = run(kind, workers, corpus, folder).documents_per_second
                contents[kind, workers] = stored_events(folder / f"{kind}-{workers}.duckdb")
        first = next(iter(contents.values()))
        same = all(events == first for events in contents.values())
        print(f"every run stored the same {len(first)} events: {'yes' if same else 'NO'}")
        for kind in kinds:
            print(f"{kind}: 2 workers / 1 worker = {rates[kind, 2] / rates[kind, 1]:.2f}x")
        if len(kinds) == 2:
            print(f"dask 2 workers / pool 1 worker = {rates['dask', 2] / rates['pool', 1]:.2f}x")
        print(f"total wall time {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
