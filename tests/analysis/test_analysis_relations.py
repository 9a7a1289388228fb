"""Trends, the actor network, event listings and actor profiles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import networkx as nx
import pytest

from realpolitik.analysis import actor_profile, events, network, trends, write_network
from realpolitik.errors import StoreError
from realpolitik.ontology.cameo import lookup
from realpolitik.store import event_id
from realpolitik.store.synthetic import make_event

MAY = (date(2022, 5, 1), date(2022, 5, 31))
JULY = (date(2022, 7, 1), date(2022, 7, 31))


def test_trends_rank_the_biggest_change_with_its_drivers(
    con: duckdb.DuckDBPyConnection,
) -> None:
    frame = trends(con, period_a=MAY, period_b=JULY)
    assert list(frame.columns) == ["source", "target", "goldstein_a", "goldstein_b", "change",
                                   "events_a", "events_b", "drivers"]
    top = frame.iloc[0]
    assert (top.source, top.target) == ("USA", "PAK")
    expected_a = lookup("043").goldstein + lookup("057").goldstein
    assert top.goldstein_a == pytest.approx(expected_a)
    assert top.change == pytest.approx(lookup("112").goldstein - expected_a)
    accusation = make_event("jul-1", "USAGOV", "PAKGOV", "112", when="2022-07-04")
    assert top.drivers == [event_id(accusation)]


def test_trends_show_relations_that_went_silent(con: duckdb.DuckDBPyConnection) -> None:
    frame = trends(con, period_a=MAY, period_b=JULY, limit=10)
    silent = frame[(frame.source == "PAK") & (frame.target == "IND")].iloc[0]
    assert (silent.events_a, silent.events_b) == (1, 0)
    assert silent.change == pytest.approx(10.0)
    assert len(silent.drivers) == 1


def test_network_nodes_edges_and_signs(con: duckdb.DuckDBPyConnection) -> None:
    data = network(con)
    edges = {(edge["source"], edge["target"]): edge for edge in data["edges"]}
    assert edges[("PAK", "IND")]["sign"] == -1
    assert edges[("USA", "PAK")]["events"] == 3
    assert {node["id"] for node in data["nodes"]} == {"PAK", "USA", "IND", "IGOUNO"}
    labels = {node["id"]: node["label"] for node in data["nodes"]}
    assert labels["PAK"] == "Pakistan"


def test_network_filters(con: duckdb.DuckDBPyConnection) -> None:
    conflict = network(con, quad_classes=[4])
    assert [(e["source"], e["target"]) for e in conflict["edges"]] == [("PAK", "IND")]
    assert len(network(con, min_events=3)["edges"]) == 2
    assert network(con, since=date(2023, 1, 1)) == {"nodes": [], "edges": []}
    with pytest.raises(StoreError, match="E524"):
        network(con, quad_classes=[5])


def test_network_files_round_trip(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    data = network(con)
    write_network(data, tmp_path / "net.graphml", "graphml")
    write_network(data, tmp_path / "net.json", "json")
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert graph.number_of_edges() == len(data["edges"])
    assert graph.nodes["PAK"]["label"] == "Pakistan"
    assert json.loads((tmp_path / "net.json").read_text()) == data


def test_events_by_country_root_and_dates(con: duckdb.DuckDBPyConnection) -> None:
    frame = events(con, actor="PAK", root="19")
    assert frame.cameo.tolist() == ["190"]
    assert frame.title.tolist() == ["Story may-1"]
    assert frame.url.tolist() == ["https://one.example/may-1"]
    july = events(con, actor="USA", since=JULY[0], until=JULY[1])
    assert sorted(july.cameo) == ["112", "112"]


def test_events_directed_pair_mode_and_paging(con: duckdb.DuckDBPyConnection) -> None:
    directed = events(con, actor="USAGOV", target="PAK")
    assert set(directed.source_code) == {"USAGOV"}
    assert len(directed) == 3
    assert events(con, mode="hypothetical").cameo.tolist() == ["130"]
    everything = events(con, limit=100)
    assert len(everything) == 12
    assert everything.event_date.isna().tolist()[-1]
    page = events(con, limit=5, offset=5)
    assert page.event_id.tolist() == everything.event_id.tolist()[5:10]
    assert len(events(con, doc_id="undated")) == 1


def test_actor_profile(con: duckdb.DuckDBPyConnection) -> None:
    profile = actor_profile(con, "usa")
    assert profile["actor"] == "USA"
    assert profile["partners"][0]["partner"] == "PAK"
    assert profile["partners"][0]["events"] == 7
    assert {row["root"] for row in profile["by_root"]} == {"04", "05", "11"}
    assert profile["mentions"] == 8
