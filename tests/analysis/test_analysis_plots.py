"""PNG drawings of timelines and networks."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from realpolitik.analysis import network, timeline
from realpolitik.analysis.plots import plot_network, plot_timeline
from realpolitik.errors import StoreError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_timeline_plot_is_a_png(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = plot_timeline(timeline(con, "PAK", "USA"), "PAK ↔ USA", tmp_path / "t.png")
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_network_plot_is_a_png(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = plot_network(network(con), "network", tmp_path / "n.png")
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_nothing_to_plot_is_an_error(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E540"):
        plot_timeline(timeline(con, "PAK", "BRA"), "none", tmp_path / "t.png")
    with pytest.raises(StoreError, match="E541"):
        plot_network({"nodes": [], "edges": []}, "none", tmp_path / "n.png")
    assert not (tmp_path / "t.png").exists()
