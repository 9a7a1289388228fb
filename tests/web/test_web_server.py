"""The real server: uvicorn in a subprocess, bound to loopback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from live_server import running_server

from realpolitik.cli.web import DEFAULT_HOST


def test_default_host_is_loopback() -> None:
    assert DEFAULT_HOST == "127.0.0.1"


@pytest.mark.slow
def test_uvicorn_serves_pages_and_api(store_path: Path) -> None:
    with running_server(store_path) as base:
        overview = httpx.get(f"{base}/api/overview", timeout=10)
        assert overview.json()["counts"]["events"] == 8
        page = httpx.get(f"{base}/dyads/PAK/USA", timeout=10)
        assert page.status_code == 200
        assert "default-src 'self'" in page.headers["content-security-policy"]
        vendor = httpx.get(f"{base}/static/app.js", timeout=10)
        assert vendor.status_code == 200
        bad = httpx.get(f"{base}/api/dyads/PAK/USA", params={"limit": 10**9}, timeout=10)
        assert bad.status_code == 400
