"""The analysis API's frames turned into the page models, cached per parameters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from realpolitik import analysis
from realpolitik.ontology.cameo import cameo_table
from realpolitik.web.deps import plain_rows
from realpolitik.web.models import (
    DyadRow,
    Network,
    NetworkEdge,
    NetworkNode,
    PartnerRow,
    RootRow,
    TimelinePoint,
    TrendRow,
)
from realpolitik.web.state import AppState


def _records(frame: pd.DataFrame | Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(frame, pd.DataFrame):
        return plain_rows(frame.to_dict(orient="records"))
    return plain_rows(frame)


def top_dyads(state: AppState, *, limit: int) -> list[DyadRow]:
    def compute() -> list[DyadRow]:
        with state.cursor() as con:
            frame = analysis.dyads(con, level="country", limit=limit)
        return [DyadRow(**row) for row in _records(frame)]

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
            frame = analysis.trends(con, period_a=period_a, period_b=period_b, limit=limit)
        return [TrendRow(**row) for row in _records(frame)]

    return state.cached(("trends", period_a, period_b, limit), compute)


def network_view(
    state: AppState,
    *,
    since: dt.date | None,
    until: dt.date | None,
    level: str,
    quad_classes: Sequence[int],
    min_events: int,
    max_edges: int,
) -> Network:
    """The analysis network, trimmed to its ``max_edges`` busiest edges.

    A dense store has thousands of edges; a browser lays out a few hundred
    legibly, and the page stays small.
    """
    key = ("network", since, until, level, tuple(quad_classes), min_events, max_edges)

    def compute() -> Network:
        with state.cursor() as con:
            graph = analysis.network(
                con,
                since=since,
                until=until,
                level=level,
                quad_classes=list(quad_classes),
                min_events=min_events,
            )
        edges = sorted(graph["edges"], key=lambda edge: -edge["events"])[:max_edges]
        joined = {end for edge in edges for end in (edge["source"], edge["target"])}
        return Network(
            nodes=[NetworkNode(**row) for row in graph["nodes"] if row["id"] in joined],
            edges=[NetworkEdge(**row) for row in edges],
            edges_total=len(graph["edges"]),
        )

    return state.cached(key, compute)


def timeline_points(
    state: AppState,
    a: str,
    b: str,
    *,
    by: str,
    direction: str,
    since: dt.date | None,
    until: dt.date | None,
    level: str,
) -> list[TimelinePoint]:
    def compute() -> list[TimelinePoint]:
        with state.cursor() as con:
            frame = analysis.timeline(
                con, a, b, by=by, direction=direction, since=since, until=until, level=level
            )
        return [TimelinePoint(**row) for row in _records(frame)]

    return state.cached(("timeline", a, b, by, direction, since, until, level), compute)


def root_labels() -> dict[str, str]:
    """The name of each two-digit CAMEO root, from the shipped code table."""
    return {code: row.label for code, row in cameo_table().items() if code == row.root}


def profile(
    state: AppState, actor: str, *, level: str
) -> tuple[list[PartnerRow], list[RootRow], int]:
    """Partners, events by root code and the number of mentions of ``actor``."""

    def compute() -> tuple[list[PartnerRow], list[RootRow], int]:
        with state.cursor() as con:
            found = analysis.actor_profile(con, actor, level=level)
        labels = root_labels()
        partners = [PartnerRow(**row) for row in _records(found["partners"])]
        roots = [
            RootRow(
                root=row["root"],
                label=labels.get(row["root"], row.get("label") or ""),
                events=row["events"],
            )
            for row in _records(found["by_root"])
        ]
        return partners, roots, int(found["mentions"])

    return state.cached(("profile", actor, level), compute)
