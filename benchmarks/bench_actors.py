"""Microseconds per sentence for actor mention finding on the sample article.

Run by hand: ``.venv/bin/python benchmarks/bench_actors.py [FILE]``. Parsing is
done once and timed separately; ``ActorCoder.find`` (whole document) and
``ActorCoder.candidates`` (per sentence) are timed in CPU seconds, best of
several rounds, so other processes on a shared machine disturb the figures less.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from realpolitik.actors import ActorCoder, load_knowledge_base
from realpolitik.nlp import load_nlp

SAMPLE = Path("/work/shared/samples/pakistan-us-convergence-2022.txt")
ROUNDS = 10
REPEATS = 10


def _best_cpu_seconds(work: Callable[[], object]) -> float:
    """The fastest of ``ROUNDS`` CPU timings of ``REPEATS`` calls, per call."""
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(REPEATS):
            work()
        best = min(best, (time.process_time() - started) / REPEATS)
    return best


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    text = re.sub(r"\s+", " ", re.sub(r"-\n(?=[a-z])", "", path.read_text(encoding="utf-8")))
    nlp = load_nlp()
    started = time.process_time()
    coder = ActorCoder(load_knowledge_base(), nlp.vocab)
    setup = time.process_time() - started
    started = time.process_time()
    doc = nlp(text)
    parse = time.process_time() - started
    sentences = [s.as_doc() for s in doc.sents]
    count = len(sentences)
    find = _best_cpu_seconds(lambda: coder.find(doc, date(2022, 5, 20)))
    candidates = _best_cpu_seconds(lambda: [coder.candidates(s) for s in sentences])
    mentions = coder.find(doc, date(2022, 5, 20))
    print(f"knowledge base + matchers: {setup:.2f} s CPU")
    print(f"{count} sentences, {len(doc)} tokens, {len(mentions)} mentions")
    print(f"spaCy parse: {parse / count * 1e6:.0f} µs CPU per sentence (once, not best-of)")
    print(f"find: {find / count * 1e6:.0f} µs CPU per sentence")
    print(f"candidates: {candidates / count * 1e6:.0f} µs CPU per sentence")


if __name__ == "__main__":
    main()
