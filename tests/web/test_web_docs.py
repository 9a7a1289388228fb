"""Every route the app serves is documented in docs/web.md."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

DOCS = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_every_route_is_in_the_docs(client: TestClient) -> None:
    documented = DOCS.read_text(encoding="utf-8")
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute):
            path = re.sub(r":path\}", "}", route.path)
            assert f"`{path}" in documented or f"{path}`" in documented, path


def test_every_error_code_is_in_the_docs() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    source = (DOCS.parents[1] / "src" / "realpolitik" / "web").rglob("*.py")
    codes = {code for path in source for code in re.findall(r"E6\d\d", path.read_text())}
    assert codes, "no E6xx codes found in the web package"
    for code in sorted(codes):
        assert f"| {code} |" in documented, code
