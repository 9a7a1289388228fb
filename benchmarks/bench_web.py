"""Load-test the web app's JSON API and time the dyad page's first render.

Run: ``python benchmarks/bench_web.py [--events 1000000] [--clients 50] [--runs 3]``.
Builds a temporary store with synthetic events (SQL ``range()``) and times
the web app's rollup build over it. Then, ``--runs`` times, each against a
freshly started uvicorn server on loopback (so every cache starts empty):
(1) opens dyad pages in Debian's Chromium and times the chart's first draw,
(2) times one uncached request per page, (3) sends a bounded mix of API
requests from ``--clients`` concurrent clients and prints latency
percentiles per endpoint and overall, with the server's CPU time and the
machine's load average. Each run is bounded: at most ``--requests`` requests
and ``--seconds`` seconds. The medians over the runs are printed last.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
import psutil
import pyarrow as pa

from realpolitik.ontology.cameo import cameo_table
from realpolitik.store import Store
from realpolitik.store.synthetic import synthetic_countries
from realpolitik.web import rollup

COUNTRIES = 60
EVENTS_PER_DOCUMENT = 20
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


FILL_EVENTS = """
INSERT INTO events BY NAME
WITH drawn AS (
    SELECT n,
        CAST(hash('s' || n) % 60 AS INTEGER) + 1 AS source_slot,
        CAST(hash('t' || n) % 60 AS INTEGER) + 1 AS target_slot,
        CAST(hash('c' || n) % $codes AS INTEGER) AS slot,
        DATE '2015-01-01' + CAST(hash('d' || n) % 3650 AS INTEGER) AS event_date,
        CASE CAST(hash('r' || n) % 3 AS INTEGER) WHEN 0 THEN 'MIL' ELSE 'GOV' END AS role,
        CASE CAST(hash('m' || n) % 10 AS INTEGER) WHEN 0 THEN 'negated'
             WHEN 1 THEN 'hypothetical' ELSE 'asserted' END AS mode
    FROM range($events) t(n)
)
SELECT 'syn' || n AS event_id, 'synthetic-doc-' || (n // 20) AS doc_id,
       CAST(n % 20 AS INTEGER) AS sentence_index,
       $pool[source_slot] || role AS source_code, $pool[source_slot] AS source_country,
       role AS source_role, $pool[source_slot] || ' ' || role AS source_name,
       $pool[target_slot] || 'GOV' AS target_code, $pool[target_slot] AS target_country,
       'GOV' AS target_role, $pool[target_slot] || ' government' AS target_name,
       c.cameo, c.root, c.label, c.quad_class, c.goldstein, c.plover, mode,
       CAST(event_date AS VARCHAR) AS date, event_date, 'day' AS date_precision,
       0.7 AS confidence
FROM drawn JOIN bench_cameo c USING (slot)
ORDER BY event_date, n
"""


def build_store(path: Path, events: int) -> None:
    """``events`` synthetic events over 60 countries and ten years, with their documents.

    Rows are stored in date order, as a store filled by ingesting news day by
    day would hold them.
    """
    table = list(cameo_table().values())
    codes = pa.table(
        {
            "slot": list(range(len(table))),
            "cameo": [row.code for row in table],
            "root": [row.root for row in table],
            "label": [row.label for row in table],
            "quad_class": pa.array([row.quad_class for row in table], pa.int8()),
            "goldstein": [row.goldstein for row in table],
            "plover": [row.plover for row in table],
        }
    )
    with Store(path) as store, store.con.cursor() as con:
        con.register("bench_cameo", codes)
        con.execute(
            FILL_EVENTS,
            {"codes": len(table), "events": events, "pool": synthetic_countries(COUNTRIES)},
        )
        con.unregister("bench_cameo")
        con.execute(
            "INSERT INTO documents BY NAME SELECT 'synthetic-doc-' || i AS doc_id, "
            "'Synthetic report ' || i AS title, 'https://news.example/' || i AS url, "
            "DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS date, 'h' || i AS content_hash, "
            "'en' AS language, 'coded' AS status, 'A synthetic report number ' || i || "
            "' about relations between governments.' AS clean_text, 'bench' AS origin "
            "FROM range(?) t(i)",
            [events // EVENTS_PER_DOCUMENT + 1],
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db_path: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import sys; from pathlib import Path; from realpolitik.cli.web import serve; "
        "serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2]))"
    )
    process = subprocess.Popen([sys.executable, "-c", code, str(db_path), str(port)])
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            if httpx.get(f"{base}/api/search?q=x", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


def request_mix(rng: random.Random, countries: list[str], documents: int) -> str:
    """One API URL drawn from a realistic mix of pages and parameters."""
    a, b = rng.sample(countries, 2)
    year = rng.randrange(2015, 2025)
    roll = rng.random()
    if roll < 0.35:
        by = rng.choice(["month", "week"])
        period = f"&since={year}-01-01&until={year}-12-31" if rng.random() < 0.5 else ""
        return f"/api/dyads/{a}/{b}?by={by}{period}"
    if roll < 0.50:
        return f"/api/actors/{a}"
    if roll < 0.65:
        quads = "".join(f"&quad={q}" for q in rng.sample([1, 2, 3, 4], rng.randint(1, 3)))
        return f"/api/network?since={year}-01-01&until={year}-12-31{quads}"
    if roll < 0.80:
        return f"/api/documents/synthetic-doc-{rng.randrange(documents)}"
    if roll < 0.90:
        return f"/api/search?q={quote(rng.choice(['report 12', 'govern', a, 'relations']))}"
    return f"/api/overview?window_days={rng.choice([30, 90, 180, 365])}"


class Connection:
    """One keep-alive HTTP/1.1 connection with a minimal client.

    httpx costs a few milliseconds of CPU per request; on a two-core machine
    that would measure the load generator rather than the server.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(
            int(line.split(":", 1)[1])
            for line in lines
            if line.lower().startswith("content-length")
        )
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass
class Load:
    """What one load test measured."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    """Seconds per request, by endpoint (``dyads``, ``actors``...)."""
    first_time: list[float] = field(default_factory=list)
    """Seconds per request of a URL not requested before in the run."""
    failures: int = 0
    elapsed: float = 0.0

    def all(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]


def endpoint(url: str) -> str:
    """``/api/dyads/PAK/USA?by=month`` → ``dyads``."""
    return url.split("?", 1)[0].split("/")[2]


async def load_test(
    port: int, *, clients: int, requests: int, distinct: int, seconds: float, events: int
) -> Load:
    """Latencies of all requests (by endpoint) and of first-time URLs, failures, seconds.

    ``distinct`` URLs are drawn from the page mix; requests then pick among
    them with weights 1/rank, as users favour some dyads and pages over others.
    """
    rng = random.Random(7)
    countries = synthetic_countries(COUNTRIES)
    pool = [request_mix(rng, countries, events // EVENTS_PER_DOCUMENT) for _ in range(distinct)]
    weights = [1 / rank for rank in range(1, len(pool) + 1)]
    urls = rng.choices(pool, weights=weights, k=requests)
    load = Load()
    seen: set[str] = set()
    errors: list[str] = []
    started = time.perf_counter()
    queue = iter(urls)

    async def client_loop() -> None:
        connection = Connection("127.0.0.1", port)
        try:
            for url in queue:
                if time.perf_counter() - started > seconds:
                    return
                new = url not in seen
                seen.add(url)
                sent = time.perf_counter()
                try:
                    status = await connection.get(url)
                except (ConnectionError, asyncio.IncompleteReadError) as error:
                    load.failures += 1
                    errors.append(f"{url}: {error!r}")
                    await connection.close()
                    continue
                latency = time.perf_counter() - sent
                load.latencies.setdefault(endpoint(url), []).append(latency)
                if new:
                    load.first_time.append(latency)
                load.failures += status != 200
        finally:
            await connection.close()

    await asyncio.gather(*(client_loop() for _ in range(clients)))
    for error in errors[:3]:
        print(f"connection error: {error}")
    load.elapsed = time.perf_counter() - started
    return load


def cold_latencies(base: str, countries: list[str]) -> dict[str, float]:
    """One request per page on parameters not asked before: the uncached cost."""
    a, b = countries[7], countries[11]
    urls = {
        "dyad": f"/api/dyads/{a}/{b}?by=month&since=2019-01-01",
        "actor": f"/api/actors/{countries[13]}",
        "network": "/api/network?since=2018-01-01&until=2018-06-30&quad=4",
        "document": "/api/documents/synthetic-doc-4242",
        "search": "/api/search?q=report%204242",
        "overview": "/api/overview?window_days=45",
    }
    timings = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in urls.items():
            sent = time.perf_counter()
            client.get(url).raise_for_status()
            timings[name] = time.perf_counter() - sent
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def spread(values: list[float]) -> str:
    """``p50 …, p95 …, p99 …`` in milliseconds."""
    return ", ".join(
        f"p{int(share * 100)} {percentile(values, share) * 1000:.0f}" for share in (0.5, 0.95, 0.99)
    )


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def rollup_build(db_path: Path, repeats: int = 3) -> tuple[list[float], str]:
    """Seconds the web app's rollup build takes over the store (read-only, as served),
    and the memory its tables take inside DuckDB."""
    timings, size = [], ""
    for _ in range(repeats):
        with Store(db_path, read_only=True) as store:
            timings.append(rollup.build(store.con).seconds)
            size = store.con.execute(
                "SELECT memory_usage FROM pragma_database_size() WHERE database_name = ?",
                [rollup.SCHEMA],
            ).fetchall()[0][0]
    return timings, size


def dyad_first_render(base: str, pairs: list[tuple[str, str]]) -> list[tuple[float, float]]:
    """For dyads not requested before: (first contentful paint, chart drawn) in seconds.

    Each page opens in a fresh browser context, so nothing comes from the browser cache.
    """
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for a, b in pairs:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(f"{base}/dyads/{a}/{b}?by=month")
            page.wait_for_selector("#dyad-chart svg", timeout=30_000)
            drawn = time.perf_counter() - started
            paint = page.evaluate(
                "performance.getEntriesByName('first-contentful-paint')[0].startTime"
            )
            timings.append((paint / 1000, drawn))
            page.close()
        browser.close()
    return timings


@dataclass
class Run:
    """One run against a freshly started server."""

    paint: list[float]
    drawn: list[float]
    cold: dict[str, float]
    load: Load
    server_cpu: float
    server_memory: float
    """Resident megabytes of the server once started (rollups built)."""
    load_before: str
    load_after: str


def one_run(db_path: Path, options: argparse.Namespace) -> Run:
    """Start a server (empty caches), time first renders and cold pages, load-test it."""
    load_before = load_average()
    port = free_port()
    server = start_server(db_path, port)
    server_memory = psutil.Process(server.pid).memory_info().rss / 1e6
    base = f"http://127.0.0.1:{port}"
    try:
        countries = synthetic_countries(COUNTRIES)
        renders = dyad_first_render(base, [(countries[i], countries[-1 - i]) for i in range(5)])
        cold = cold_latencies(base, countries)
        process = psutil.Process(server.pid)
        cpu_before = process.cpu_times()
        load = asyncio.run(
            load_test(
                port,
                clients=options.clients,
                requests=options.requests,
                distinct=options.distinct,
                seconds=options.seconds,
                events=options.events,
            )
        )
        cpu_after = process.cpu_times()
    finally:
        server.terminate()
        server.wait(timeout=10)
    server_cpu = (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    return Run(
        paint=[paint for paint, _ in renders],
        drawn=[drawn for _, drawn in renders],
        cold=cold,
        load=load,
        server_cpu=server_cpu,
        server_memory=server_memory,
        load_before=load_before,
        load_after=load_average(),
    )


def report(number: int, run: Run, options: argparse.Namespace) -> None:
    load = run.load
    print(
        f"run {number}: load average {run.load_before} before, {run.load_after} after; "
        f"server resident {run.server_memory:.0f} MB once started"
    )
    print(
        f"  dyad page, {len(run.drawn)} unseen dyads: first contentful paint median "
        f"{statistics.median(run.paint) * 1000:.0f} ms; chart drawn median "
        f"{statistics.median(run.drawn) * 1000:.0f} ms, max {max(run.drawn) * 1000:.0f} ms"
    )
    print(
        "  uncached, one client (ms): "
        + ", ".join(f"{name} {value * 1000:.0f}" for name, value in run.cold.items())
    )
    print(
        f"  API load: {len(load.all()):,} requests from {options.clients} clients in "
        f"{load.elapsed:.1f} s ({len(load.all()) / load.elapsed:.0f} req/s), "
        f"{load.failures} non-200; server CPU {run.server_cpu:.1f} s"
    )
    print(f"  latency ms, all requests ({len(load.all()):,}): {spread(load.all())}")
    for name, values in sorted(load.latencies.items()):
        print(f"  latency ms, {name} ({len(values):,}): {spread(values)}")
    print(f"  latency ms, first-time URLs ({len(load.first_time):,}): {spread(load.first_time)}")


def summary(runs: list[Run]) -> None:
    """Medians over the runs of each run's figures."""

    def median_ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f}"

    print(f"median of {len(runs)} runs:")
    for share in (0.5, 0.95, 0.99):
        figure = median_ms([percentile(run.load.all(), share) for run in runs])
        print(f"  API p{int(share * 100)}, all requests: {figure} ms")
    names = sorted({name for run in runs for name in run.load.latencies})
    for name in names:
        figure = median_ms([percentile(run.load.latencies[name], 0.95) for run in runs])
        print(f"  API p95, {name}: {figure} ms")
    print(f"  dyad page chart drawn: {median_ms([statistics.median(r.drawn) for r in runs])} ms")
    print(f"  server CPU during load: {statistics.median(r.server_cpu for r in runs):.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--distinct", type=int, default=400, help="Distinct URLs in the mix.")
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--runs", type=int, default=3, help="Servers started, one run each.")
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load average {load_average()}")
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "bench.duckdb"
        built = time.perf_counter()
        build_store(db_path, options.events)
        print(f"store: {options.events:,} events built in {time.perf_counter() - built:.1f} s")
        builds, size = rollup_build(db_path)
        print(
            "rollup build (3 times): "
            + ", ".join(f"{seconds:.2f}" for seconds in builds)
            + f" s; median {statistics.median(builds):.2f} s; tables {size} in DuckDB"
        )
        print(f"distinct URLs in the mix: {options.distinct}")
        runs = []
        for number in range(1, options.runs + 1):
            runs.append(one_run(db_path, options))
            report(number, runs[-1], options)
    summary(runs)


if __name__ == "__main__":
    main()
