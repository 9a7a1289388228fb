"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder laid beside the checkout (samples, eval data, scorer)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: tests read samples and gold data from it")
    return SHARED
