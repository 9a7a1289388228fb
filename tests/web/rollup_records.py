"""A small store full of the cases the rollups must count exactly as the events table does.

Random dyads over a few countries, roles, an organisation without a country
and a bare role (an unknown actor), every mode, undated events, events
without a target, actors acting on their own country, and optionally one
actor whose country does not begin its code (so listings and analyses
disagree on its country-level code).
"""

from __future__ import annotations

import dataclasses
import math
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from realpolitik.ontology.cameo import cameo_table
from realpolitik.records import Actor, Event
from realpolitik.store import Store
from realpolitik.store.rows import StoredDocument
from realpolitik.store.synthetic import make_document, make_event

ACTORS = ["PAKGOV", "PAKMIL", "USAGOV", "USAMIL", "INDGOV", "CHNMIL", "IGOUNO", "GOV"]
MODES = ["asserted"] * 6 + ["negated", "hypothetical", "claimed"]
ODD_ACTOR = Actor(text="Odd", name="Odd Ministry", code="XKXGOV", country="SRB", role="GOV")
FIRST_DAY = date(2021, 1, 1)


def _event(rng: random.Random, doc_id: str, index: int, codes: list[str], odd: bool) -> Event:
    source = rng.choice(ACTORS)
    target = None if rng.random() < 0.05 else rng.choice(ACTORS)
    when = None if rng.random() < 0.08 else FIRST_DAY + timedelta(days=rng.randrange(600))
    event = make_event(
        doc_id,
        source,
        target,
        rng.choice(codes),
        sentence_index=index,
        when=when.isoformat() if when else None,
        mode=rng.choice(MODES),
    )
    if odd and rng.random() < 0.15:
        event = dataclasses.replace(event, source=ODD_ACTOR)
    return event


def documents(*, odd: bool, seed: int = 11, count: int = 120) -> list[StoredDocument]:
    """``count`` documents of up to eight events each."""
    rng = random.Random(seed)
    codes = list(cameo_table())
    stored = []
    for number in range(count):
        doc_id = f"rollup-{number}"
        events = [_event(rng, doc_id, index, codes, odd) for index in range(rng.randint(1, 8))]
        published = FIRST_DAY + timedelta(days=rng.randrange(600))
        coded = make_document(doc_id, events, published=published)
        stored.append(StoredDocument(coded=coded, content_hash=f"h-{doc_id}", origin="tests"))
    return stored


def build_store(path: Path, *, odd: bool) -> Path:
    with Store(path) as store:
        store.write_many(documents(odd=odd))
    return path


def same(got: Any, expected: Any) -> bool:
    """Equal, floats to 1e-9 (sums added in another order), NaN as None."""
    if isinstance(expected, float) and math.isnan(expected):
        expected = None
    if isinstance(got, float) and math.isnan(got):
        got = None
    if isinstance(got, float) or isinstance(expected, float):
        return (
            got is not None and expected is not None and math.isclose(got, expected, abs_tol=1e-9)
        )
    if isinstance(got, dict) and isinstance(expected, dict):
        return got.keys() == expected.keys() and all(same(got[k], expected[k]) for k in got)
    if isinstance(got, list | tuple) and isinstance(expected, list | tuple):
        return len(got) == len(expected) and all(map(same, got, expected))
    return bool(got == expected)
