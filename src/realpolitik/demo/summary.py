"""A short account of a set of coded events: what kinds, between whom, and proof."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from realpolitik.ontology import lookup


@dataclass
class EventSummary:
    """Counts per root, the busiest dyads, and example events with evidence."""

    by_root: list[tuple[str, str, int]]
    top_dyads: list[tuple[str, str, int]]
    examples: list[dict[str, Any]]


def summarise(
    events: Sequence[dict[str, Any]], *, dyads: int = 8, examples: int = 3
) -> EventSummary:
    """Summarise asserted events; examples are the most confident of distinct roots."""
    asserted = [e for e in events if e["mode"] == "asserted"]
    roots = Counter(e["root"] for e in asserted)
    pairs = Counter(
        (e["source"]["code"], e["target"]["code"]) for e in asserted if e.get("target")
    )
    chosen: list[dict[str, Any]] = []
    seen_roots: set[str] = set()
    for event in sorted(asserted, key=lambda e: -e["confidence"]):
        if event["root"] not in seen_roots and event.get("target"):
            chosen.append(event)
            seen_roots.add(event["root"])
        if len(chosen) == examples:
            break
    return EventSummary(
        by_root=[(root, lookup(root).label, n) for root, n in sorted(roots.items())],
        top_dyads=[(s, t, n) for (s, t), n in pairs.most_common(dyads)],
        examples=chosen,
    )
