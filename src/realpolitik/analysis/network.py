"""The actor network: who acts on whom, how often and in what tone."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import networkx as nx

from realpolitik.analysis.labels import actor_label
from realpolitik.analysis.sql_parts import (
    KNOWN_DYAD,
    actor_expression,
    date_conditions,
    where,
)
from realpolitik.errors import StoreError


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    quad_classes: Sequence[int] | None = None,
    min_events: int = 1,
) -> dict[str, list[dict[str, Any]]]:
    """Nodes (actors) and directed edges (asserted events between them).

    An edge's ``weight`` is its event count and ``sign`` the sign of its
    Goldstein sum (+1 cooperative, -1 hostile, 0 neutral). Pairs with fewer
    than ``min_events`` events are left out, and so are actors left without edges.
    """
    source = actor_expression(level, "source")
    target = actor_expression(level, "target")
    params: list[Any] = []
    conditions = ["mode = 'asserted'", KNOWN_DYAD]
    conditions += date_conditions(since, until, params)
    if quad_classes:
        wanted = sorted({int(quad) for quad in quad_classes})
        if not set(wanted) <= {1, 2, 3, 4}:
            raise StoreError(f"unknown QuadClass in {wanted}: use 1 to 4", code="E524")
        conditions.append("list_contains(?, quad_class)")
        params.append(wanted)
    params.append(int(min_events))
    rows = con.execute(
        f"""
        SELECT {source} AS source, {target} AS target, count(*) AS events,
               sum(goldstein) AS goldstein_sum
        FROM events {where(conditions)}
        GROUP BY ALL HAVING source <> target AND count(*) >= ?
        ORDER BY events DESC, source, target
        """,
        params,
    ).fetchall()
    edges = [
        {
            "source": src, "target": tgt, "events": int(count), "goldstein_sum": float(total),
            "weight": int(count), "sign": (total > 0) - (total < 0),
        }
        for src, tgt, count, total in rows
    ]
    involvement: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            involvement[end] = involvement.get(end, 0) + edge["events"]
    nodes = [
        {"id": code, "label": actor_label(code), "events": count}
        for code, count in sorted(involvement.items(), key=lambda item: (-item[1], item[0]))
    ]
    return {"nodes": nodes, "edges": edges}


def network_graph(data: dict[str, list[dict[str, Any]]]) -> nx.DiGraph:
    """The network as a networkx graph, for drawing and GraphML."""
    graph = nx.DiGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], label=node["label"], events=node["events"])
    for edge in data["edges"]:
        graph.add_edge(
            edge["source"], edge["target"], events=edge["events"],
            goldstein_sum=edge["goldstein_sum"], weight=edge["weight"], sign=edge["sign"],
        )
    return graph


def write_network(data: dict[str, list[dict[str, Any]]], out_path: Path, fmt: str) -> Path:
    """Write the network as ``graphml`` or ``json``."""
    if fmt == "json":
        out_path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(network_graph(data), out_path)
    else:
        raise StoreError(f"unknown network format {fmt!r}: use graphml or json", code="E525")
    return out_path
