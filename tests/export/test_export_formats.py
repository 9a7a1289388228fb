"""Exports: every format has one row per event (PLOVER: per PLOVER-typed event)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from realpolitik.errors import WebError
from realpolitik.export import export, gdelt_columns
from realpolitik.store import open_store
from realpolitik.store.synthetic import make_document, make_event, synthetic_documents


@pytest.fixture(scope="module")
def export_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "export.duckdb"
    visit = make_event("pk-us", "PAKGOV", "USAGOV", "042", when="2022-05-17")
    visit.location = {"name": "Washington", "country": "USA", "lat": 38.9, "lon": -77.04}
    visit.quantities = [{"text": "$8 billion", "value": 8e9, "currency": "USD"}]
    statement = make_event("pk-us", "USAGOV", None, "010", sentence_index=4)
    coded = make_document("pk-us", [visit, statement], published=date(2022, 5, 19),
                          url="https://news.example/pk-us")
    with open_store(path) as store:
        store.write(coded, content_hash="h", origin="pk-us.txt")
        store.write_many(synthetic_documents(30, events_per_document=10, countries=8))
    return path


@pytest.fixture
def con(export_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_store(export_db, read_only=True) as store:
        yield store.con


def _event_count(con: duckdb.DuckDBPyConnection, condition: str = "TRUE") -> int:
    return int(con.execute(f"SELECT count(*) FROM events WHERE {condition}").fetchall()[0][0])


def test_gdelt_has_the_61_columns_in_order_and_every_event(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    out = tmp_path / "events.gdelt.tsv"
    written = export(con, "gdelt", out)
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert len(gdelt_columns()) == 61
    assert list(frame.columns) == gdelt_columns()
    assert list(frame.columns[:5]) == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                       "FractionDate"]
    assert frame.columns[-1] == "SOURCEURL"
    assert written == len(frame) == _event_count(con)
    assert frame.GLOBALEVENTID.is_unique


def test_gdelt_values_for_a_known_event(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    visit = frame[frame.SOURCEURL == "https://news.example/pk-us"].set_index("EventCode")
    row = visit.loc["042"]
    assert (row.SQLDATE, row.MonthYear, row.Year) == ("20220517", "202205", "2022")
    assert (row.Actor1Code, row.Actor1CountryCode, row.Actor1Type1Code) == (
        "PAKGOV", "PAK", "GOV")
    assert (row.Actor2Code, row.EventBaseCode, row.EventRootCode) == ("USAGOV", "042", "04")
    assert (row.QuadClass, float(row.GoldsteinScale), row.IsRootEvent) == ("1", 1.9, "1")
    assert (row.ActionGeo_Type, row.ActionGeo_FullName, row.ActionGeo_Lat) == (
        "4", "Washington", "38.9")
    assert (row.NumMentions, row.NumArticles, row.AvgTone) == ("1", "1", "")
    statement = visit.loc["010"]
    assert statement.SQLDATE == "20220519"
    assert (statement.Actor2Code, statement.IsRootEvent) == ("", "0")


def test_csv_parquet_and_jsonl_hold_every_event(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    total = _event_count(con)
    export(con, "csv", tmp_path / "e.csv")
    export(con, "parquet", tmp_path / "e.parquet")
    export(con, "jsonl", tmp_path / "e.jsonl")
    assert len(pd.read_csv(tmp_path / "e.csv")) == total
    parquet = pd.read_parquet(tmp_path / "e.parquet")
    assert len(parquet) == total
    assert {"event_id", "sentence", "title", "url", "num_mentions"} <= set(parquet.columns)
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == total
    records = [json.loads(line) for line in lines]
    visit = next(record for record in records if record["cameo"] == "042"
                 and record["doc_id"] == "pk-us")
    assert visit["quantities"][0]["value"] == 8e9
    assert visit["event_date"] == "2022-05-17"


def test_plover_records_skip_plain_statements(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    written = export(con, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert written == len(records) == _event_count(con, "plover IS NOT NULL")
    visit = next(record for record in records if record["source"].endswith("/pk-us"))
    expected_keys = {"id", "date", "actor", "actor_country", "recipient", "recipient_country",
                     "event", "mode", "context", "event_text", "source"}
    assert expected_keys <= set(visit)
    assert (visit["event"], visit["actor_country"], visit["recipient_country"]) == (
        "CONSULT", "PAK", "USA")
    assert (visit["modality"], visit["context"], visit["date"]) == ("asserted", "", "2022-05-17")


def test_date_bounds_select_events(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    since, until = date(2022, 3, 1), date(2022, 3, 31)
    written = export(con, "csv", tmp_path / "march.csv", since=since, until=until)
    expected = _event_count(con, "event_date BETWEEN DATE '2022-03-01' AND DATE '2022-03-31'")
    assert written == expected > 0


def test_unknown_format_and_missing_folder_are_refused(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    with pytest.raises(WebError, match="E610"):
        export(con, "xlsx", tmp_path / "e.xlsx")
    with pytest.raises(WebError, match="E611"):
        export(con, "csv", tmp_path / "missing" / "e.csv")
