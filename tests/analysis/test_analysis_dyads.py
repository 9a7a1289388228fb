"""Dyad tables: counts, Goldstein and QuadClass per actor pair."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from realpolitik.analysis import dyads
from realpolitik.errors import StoreError
from realpolitik.ontology.cameo import lookup

COLUMNS = ["source", "target", "events", "goldstein_sum", "goldstein_mean",
           "quad1", "quad2", "quad3", "quad4"]


def _goldstein(*codes: str) -> float:
    return sum(lookup(code).goldstein for code in codes)


def test_country_level_pairs_count_asserted_events(con: duckdb.DuckDBPyConnection) -> None:
    frame = dyads(con)
    assert list(frame.columns) == COLUMNS
    rows = {(row.source, row.target): row for row in frame.itertuples()}
    pak_usa = rows[("PAK", "USA")]
    assert pak_usa.events == 4
    assert pak_usa.goldstein_sum == pytest.approx(_goldstein("042", "042", "112", "051"))
    assert (pak_usa.quad1, pak_usa.quad3) == (3, 1)
    assert rows[("USA", "PAK")].events == 3
    assert rows[("PAK", "IND")].quad4 == 1
    assert rows[("IGOUNO", "PAK")].events == 1


def test_ranked_by_events_and_limited(con: duckdb.DuckDBPyConnection) -> None:
    frame = dyads(con, limit=2)
    assert list(zip(frame.source, frame.target, strict=True)) == [("PAK", "USA"), ("USA", "PAK")]


def test_bare_roles_and_domestic_pairs_are_left_out(con: duckdb.DuckDBPyConnection) -> None:
    frame = dyads(con, limit=100)
    assert "GOV" not in set(frame.source)
    assert not ((frame.source == "PAK") & (frame.target == "PAK")).any()
    domestic = dyads(con, limit=100, include_domestic=True)
    assert ((domestic.source == "PAK") & (domestic.target == "PAK")).sum() == 1


def test_actor_level_keeps_roles(con: duckdb.DuckDBPyConnection) -> None:
    frame = dyads(con, level="actor", limit=100)
    pairs = set(zip(frame.source, frame.target, strict=True))
    assert ("PAKMIL", "INDMIL") in pairs
    assert ("PAKGOV", "PAKOPP") in pairs


def test_date_bounds_and_modes(con: duckdb.DuckDBPyConnection) -> None:
    may = dyads(con, since=date(2022, 5, 1), until=date(2022, 5, 31))
    assert dict(zip(zip(may.source, may.target, strict=True), may.events, strict=True)) == {
        ("PAK", "USA"): 2, ("USA", "PAK"): 2, ("PAK", "IND"): 1
    }
    hypothetical = dyads(con, mode="hypothetical")
    assert hypothetical.events.tolist() == [1]
    assert dyads(con, mode="all").events.sum() == dyads(con).events.sum() + 1


def test_unknown_level_or_mode_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(StoreError, match="E520"):
        dyads(con, level="planet")
    with pytest.raises(StoreError, match="E522"):
        dyads(con, mode="asserted'; DROP TABLE events; --")
