"""One relation over time."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from realpolitik.analysis import timeline
from realpolitik.errors import StoreError
from realpolitik.ontology.cameo import lookup


def test_monthly_both_directions_with_empty_months_filled(
    con: duckdb.DuckDBPyConnection,
) -> None:
    frame = timeline(con, "PAK", "USA")
    assert list(frame.columns) == ["period", "events", "goldstein_sum", "goldstein_mean",
                                   "cooperation", "conflict", "quad1", "quad2", "quad3",
                                   "quad4"]
    assert [str(period.date()) for period in frame.period] == [
        "2022-05-01", "2022-06-01", "2022-07-01"
    ]
    assert frame.events.tolist() == [4, 0, 2]
    assert frame.cooperation.tolist() == [4, 0, 0]
    assert frame.conflict.tolist() == [0, 0, 2]
    expected = sum(lookup(code).goldstein for code in ("042", "043", "042", "057"))
    assert frame.goldstein_sum[0] == pytest.approx(expected)


def test_one_direction_and_lower_case_codes(con: duckdb.DuckDBPyConnection) -> None:
    frame = timeline(con, "usa", "pak", direction="a_to_b")
    assert frame.events.tolist() == [2, 0, 1]


def test_weekly_periods_start_on_monday(con: duckdb.DuckDBPyConnection) -> None:
    frame = timeline(con, "PAK", "USA", by="week", until=date(2022, 5, 31))
    assert [period.weekday() for period in frame.period] == [0]
    assert frame.events.tolist() == [4]


def test_actor_level_and_no_events(con: duckdb.DuckDBPyConnection) -> None:
    assert timeline(con, "PAKMIL", "INDMIL", level="actor").events.tolist() == [1]
    assert timeline(con, "PAK", "BRA").empty


def test_bad_period_or_direction_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(StoreError, match="E521"):
        timeline(con, "PAK", "USA", by="fortnight")
    with pytest.raises(StoreError, match="E523"):
        timeline(con, "PAK", "USA", direction="sideways")
