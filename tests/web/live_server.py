"""A real uvicorn process serving a store on a free loopback port, for slow tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(db_path: Path, *, writable: bool = False) -> Iterator[str]:
    """Start ``realpolitik.cli.web.serve`` in a subprocess; yield its base URL."""
    port = free_port()
    code = (
        "import sys; from pathlib import Path; from realpolitik.cli.web import serve; "
        "serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2]), writable=sys.argv[3] == '1')"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(db_path), str(port), "1" if writable else "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"the server exited with {process.returncode}: {output}")
            try:
                if httpx.get(f"{base}/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
