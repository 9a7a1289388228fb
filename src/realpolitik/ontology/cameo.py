"""The CAMEO code table (labels, Goldstein, QuadClass, PLOVER) shipped as data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from realpolitik.errors import OntologyError


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO table; ``plover`` is None for plain statements."""

    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code in ``ontology/data/cameo.tsv``, keyed by code."""
    text = files("realpolitik.ontology").joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    return {
        row["code"]: CameoCode(
            code=row["code"],
            root=row["root"],
            label=row["label"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
        )
        for row in rows
    }


def lookup(code: str) -> CameoCode:
    """The table row for ``code``; an unknown code is a data error, not a default."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise OntologyError(
            f"unknown CAMEO code {code!r}: see ontology/data/cameo.tsv for the valid codes",
            code="E401",
        ) from None
