"""Relation queries turned into the page models, cached per parameters.

The numbers are the analysis API's (:mod:`realpolitik.analysis`), summed from
the app's rollup tables instead of the events table (:mod:`realpolitik.web.rollup`).
Lists of rows are validated in one call each (a ``TypeAdapter``): building a
few hundred models one by one cost more than the query behind them.
"""

from __future__ import annotations

import datetime as dt

from pydantic import TypeAdapter

from realpolitik.ontology.cameo import cameo_table
from realpolitik.web.models import (
    DyadRow,
    Network,
    NetworkEdge,
    NetworkNode,
    PartnerRow,
    RootRow,
    TrendRow,
)
from realpolitik.web.params import NetworkQuery
from realpolitik.web.rollup import relations as rollup
from realpolitik.web.state import AppState

_DYADS = TypeAdapter(list[DyadRow])
_TRENDS = TypeAdapter(list[TrendRow])
_NODES = TypeAdapter(list[NetworkNode])
_EDGES = TypeAdapter(list[NetworkEdge])
_PARTNERS = TypeAdapter(list[PartnerRow])


def top_dyads(state: AppState, *, limit: int) -> list[DyadRow]:
    def compute() -> list[DyadRow]:
        with state.cursor() as con:
            rows = rollup.dyads(con, level="country", limit=limit)
        return _DYADS.validate_python(rows)

    return state.cached(("dyads", limit), compute)


def trend_rows(
    state: AppState,
    *,
    period_a: tuple[dt.date, dt.date],
    period_b: tuple[dt.date, dt.date],
    limit: int,
) -> list[TrendRow]:
    def compute() -> list[TrendRow]:
        with state.cursor() as con:
            rows = rollup.trends(con, period_a=period_a, period_b=period_b, limit=limit)
        return _TRENDS.validate_python(rows)

    return state.cached(("trends", period_a, period_b, limit), compute)


def network_view(state: AppState, query: NetworkQuery) -> Network:
    """The analysis network, trimmed to its ``max_edges`` busiest edges.

    A dense store has thousands of edges; a browser lays out a few hundred
    legibly, and the page stays small.
    """

    def compute() -> Network:
        with state.cursor() as con:
            edges, nodes, total = rollup.network_top(con, query)
        return Network(
            nodes=_NODES.validate_python(nodes),
            edges=_EDGES.validate_python(edges),
            edges_total=total,
        )

    return state.cached(("network", query), compute)


def root_labels() -> dict[str, str]:
    """The name of each two-digit CAMEO root, from the shipped code table."""
    return {code: row.label for code, row in cameo_table().items() if code == row.root}


def profile(
    state: AppState, actor: str, *, level: str
) -> tuple[list[PartnerRow], list[RootRow], int]:
    """Partners, events by root code and the number of mentions of ``actor``."""

    def compute() -> tuple[list[PartnerRow], list[RootRow], int]:
        with state.cursor() as con:
            found = rollup.actor_profile(con, actor, level=level)
        labels = root_labels()
        partners = _PARTNERS.validate_python(found["partners"])
        roots = [
            RootRow(
                root=row["root"],
                label=labels.get(row["root"], row.get("label") or ""),
                events=row["events"],
            )
            for row in found["by_root"]
        ]
        return partners, roots, int(found["mentions"])

    return state.cached(("profile", actor, level), compute)
