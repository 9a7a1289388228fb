"""PNG drawings of a timeline and of the actor network (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from realpolitik.analysis.network import network_graph
from realpolitik.errors import StoreError

_COOPERATION = "#2a7ab0"
_CONFLICT = "#c0392b"


def plot_timeline(frame: pd.DataFrame, title: str, out_path: Path) -> Path:
    """Goldstein sum per period as a line over cooperation (up) and conflict (down) bars."""
    if frame.empty:
        raise StoreError(f"{out_path}: no events to plot for {title}", code="E540")
    figure, counts_axis = plt.subplots(figsize=(10, 4.5))
    try:
        periods = pd.to_datetime(frame["period"])
        width = _bar_width(periods)
        counts_axis.bar(periods, frame["cooperation"], width=width, color=_COOPERATION,
                        alpha=0.45, label="cooperation events (Quad 1+2)")
        counts_axis.bar(periods, -frame["conflict"], width=width, color=_CONFLICT,
                        alpha=0.45, label="conflict events (Quad 3+4), downwards")
        counts_axis.axhline(0, color="#555555", linewidth=0.6)
        counts_axis.set_ylabel("events")
        goldstein_axis = counts_axis.twinx()
        goldstein_axis.plot(periods, frame["goldstein_sum"], color="#222222", marker="o",
                            linewidth=1.5, label="Goldstein sum")
        goldstein_axis.set_ylabel("Goldstein sum")
        counts_axis.set_title(title)
        handles = counts_axis.get_legend_handles_labels()
        line_handles = goldstein_axis.get_legend_handles_labels()
        counts_axis.legend(handles[0] + line_handles[0], handles[1] + line_handles[1],
                           loc="upper left", fontsize="small")
        figure.autofmt_xdate()
        figure.tight_layout()
        figure.savefig(out_path, dpi=110)
    finally:
        plt.close(figure)
    return out_path


def _bar_width(periods: pd.Series) -> float:
    if len(periods) < 2:
        return 20.0
    return float(periods.diff().dt.days.min()) * 0.8


def plot_network(data: dict[str, list[dict[str, Any]]], title: str, out_path: Path) -> Path:
    """Actors as nodes sized by events; edges blue when cooperative, red when hostile."""
    graph = network_graph(data)
    if graph.number_of_nodes() == 0:
        raise StoreError(f"{out_path}: no events between actors to draw", code="E541")
    figure, axis = plt.subplots(figsize=(9, 9))
    try:
        layout = nx.spring_layout(graph, seed=7, weight="weight")
        largest = max(node["events"] for node in data["nodes"])
        sizes = [300 + 1700 * graph.nodes[node]["events"] / largest for node in graph.nodes]
        colours = [_COOPERATION if graph.edges[edge]["sign"] >= 0 else _CONFLICT
                   for edge in graph.edges]
        heaviest = max(edge["weight"] for edge in data["edges"])
        widths = [0.5 + 4 * graph.edges[edge]["weight"] / heaviest for edge in graph.edges]
        nx.draw_networkx_nodes(graph, layout, ax=axis, node_size=sizes, node_color="#dddddd",
                               edgecolors="#444444")
        nx.draw_networkx_edges(graph, layout, ax=axis, edge_color=colours, width=widths,
                               arrows=True, connectionstyle="arc3,rad=0.08", node_size=sizes)
        nx.draw_networkx_labels(graph, layout, ax=axis, font_size=9)
        axis.set_title(title)
        axis.set_axis_off()
        figure.tight_layout()
        figure.savefig(out_path, dpi=110)
    finally:
        plt.close(figure)
    return out_path
