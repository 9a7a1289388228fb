"""Load-test the web app's JSON API and time the dyad page's first render.

Run: ``python benchmarks/bench_web.py [--events 1000000] [--clients 50]``.
Builds a temporary store with synthetic events (SQL ``range()``), serves it
with uvicorn on loopback, then (1) sends a bounded mix of API requests from
``--clients`` concurrent clients and prints latency percentiles, and (2) opens
dyad pages in Debian's Chromium and prints the time until the chart is drawn.
Bounded: at most ``--requests`` requests and ``--seconds`` seconds.
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
from pathlib import Path
from urllib.parse import quote

import httpx
import pyarrow as pa

from realpolitik.ontology.cameo import cameo_table
from realpolitik.store import Store
from realpolitik.store.synthetic import synthetic_countries

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
    with Store(path) as store:
        store.con.register("bench_cameo", codes)
        store.con.execute(
            FILL_EVENTS,
            {"codes": len(table), "events": events, "pool": synthetic_countries(COUNTRIES)},
        )
        store.con.unregister("bench_cameo")
        store.con.execute(
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


async def load_test(
    port: int, *, clients: int, requests: int, distinct: int, seconds: float, events: int
) -> tuple[list[float], list[float], int, float]:
    """Latencies of all requests and of first-time URLs, failures, and elapsed seconds.

    ``distinct`` URLs are drawn from the page mix; requests then pick among
    them with weights 1/rank, as users favour some dyads and pages over others.
    """
    rng = random.Random(7)
    countries = synthetic_countries(COUNTRIES)
    pool = [request_mix(rng, countries, events // EVENTS_PER_DOCUMENT) for _ in range(distinct)]
    weights = [1 / rank for rank in range(1, len(pool) + 1)]
    urls = rng.choices(pool, weights=weights, k=requests)
    latencies: list[float] = []
    first_time: list[float] = []
    seen: set[str] = set()
    errors: list[str] = []
    failures = 0
    started = time.perf_counter()
    queue = iter(urls)

    async def client_loop() -> None:
        nonlocal failures
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
                    failures += 1
                    errors.append(f"{url}: {error!r}")
                    await connection.close()
                    continue
                latency = time.perf_counter() - sent
                latencies.append(latency)
                if new:
                    first_time.append(latency)
                failures += status != 200
        finally:
            await connection.close()

    await asyncio.gather(*(client_loop() for _ in range(clients)))
    for error in errors[:3]:
        print(f"connection error: {error}")
    return latencies, first_time, failures, time.perf_counter() - started


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--distinct", type=int, default=400, help="Distinct URLs in the mix.")
    parser.add_argument("--seconds", type=float, default=120.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "bench.duckdb"
        built = time.perf_counter()
        build_store(db_path, options.events)
        print(f"store: {options.events:,} events built in {time.perf_counter() - built:.1f} s")
        port = free_port()
        server = start_server(db_path, port)
        base = f"http://127.0.0.1:{port}"
        try:
            countries = synthetic_countries(COUNTRIES)
            render_pairs = [(countries[i], countries[-1 - i]) for i in range(5)]
            renders = dyad_first_render(base, render_pairs)
            for label, values in (
                ("first contentful paint", [paint for paint, _ in renders]),
                ("chart drawn", [drawn for _, drawn in renders]),
            ):
                print(
                    f"dyad page, {len(values)} unseen dyads, {label}: "
                    f"median {statistics.median(values) * 1000:.0f} ms, "
                    f"max {max(values) * 1000:.0f} ms"
                )
            cold = cold_latencies(base, countries)
            print(
                "uncached, one client (ms): "
                + ", ".join(f"{name} {value * 1000:.0f}" for name, value in cold.items())
            )
            latencies, first_time, failures, elapsed = asyncio.run(
                load_test(
                    port,
                    clients=options.clients,
                    requests=options.requests,
                    distinct=options.distinct,
                    seconds=options.seconds,
                    events=options.events,
                )
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    load = os.getloadavg()[0]
    print(f"machine load average while measuring: {load:.1f} on {os.cpu_count()} CPUs")
    print(
        f"API load: {len(latencies):,} requests from {options.clients} clients in "
        f"{elapsed:.1f} s ({len(latencies) / elapsed:.0f} req/s), {failures} non-200"
    )
    print(f"distinct URLs in the mix: {options.distinct}")
    for label, values in (("all requests", latencies), ("first-time URLs", first_time)):
        print(
            f"latency ms, {label} ({len(values):,}): "
            + ", ".join(
                f"p{int(share * 100)} {percentile(values, share) * 1000:.0f}"
                for share in (0.5, 0.9, 0.95, 0.99)
            )
            + f", max {max(values) * 1000:.0f}"
        )


if __name__ == "__main__":
    main()
