"""Shared fixtures: one real store file per session and the real app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_records import build_store

from realpolitik.web import create_app


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client
