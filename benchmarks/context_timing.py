"""Average time per call of the per-event context functions, on every verb of a text.

Run by hand: ``.venv/bin/python benchmarks/context_timing.py [FILE] [--show]``. Prints
microseconds per call; ``--show`` also prints each verb's mode, date, place, source, amounts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from realpolitik.events.attribution import event_attribution
from realpolitik.events.dates import event_date
from realpolitik.events.mode import event_mode
from realpolitik.events.places import event_location, gazetteer
from realpolitik.events.quantities import event_quantities
from realpolitik.nlp import load_nlp

SAMPLE = Path("/work/shared/samples/pakistan-us-convergence-2022.txt")
DOC_DATE = date(2022, 5, 26)
ROUNDS = 20


def main() -> None:
    """Parse the text once, then time each context function over its verbs."""
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(arguments[0]) if arguments else SAMPLE
    doc = load_nlp()(" ".join(path.read_text(encoding="utf-8").split()))
    verbs = [token for token in doc if token.pos_ == "VERB"]
    started = time.perf_counter()
    gazetteer()
    print(f"gazetteer build (once per process): {time.perf_counter() - started:.2f} s")
    functions: dict[str, Callable[[Token], Any]] = {
        "event_mode": event_mode,
        "event_date": lambda token: event_date(token, DOC_DATE),
        "event_quantities": event_quantities,
        "event_location": event_location,
        "event_attribution": event_attribution,
    }
    for name, function in functions.items():
        for token in verbs:
            function(token)
        started = time.perf_counter()
        for _ in range(ROUNDS):
            for token in verbs:
                function(token)
        elapsed = (time.perf_counter() - started) / (ROUNDS * len(verbs))
        print(f"{name:18} {elapsed * 1e6:8.1f} µs per call over {len(verbs)} verbs")
    if "--show" in sys.argv:
        for token in verbs:
            row = [
                event_mode(token),
                event_date(token, DOC_DATE),
                event_location(token),
                event_attribution(token),
                event_quantities(token),
            ]
            print(f"{token.text:>14} | " + " | ".join(str(value) for value in row))


if __name__ == "__main__":
    main()
