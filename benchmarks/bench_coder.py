"""Speed and memory of the coder, against bare spaCy on the same text in the same run.

Run by hand (figures go to docs/performance.md):

    python benchmarks/bench_coder.py speed --words 60000
    python benchmarks/bench_coder.py memory --mb 10

``speed`` codes a corpus built from the demo articles and the sample article
with the full pipeline, then runs ``nlp.pipe`` with every component over the
same texts, alternating the two twice and keeping the best of each.
``memory`` writes a JSON Lines corpus of the given size and codes it with the
``realpolitik code`` command in a child process, reporting its peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import spacy

from realpolitik.events.places import gazetteer
from realpolitik.ingest.clean import clean_text
from realpolitik.pipeline import Coder
from realpolitik.records import Document

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples"


def source_texts() -> list[str]:
    corpus = files("realpolitik.demo").joinpath("corpus/articles.jsonl").read_text("utf-8")
    texts = [json.loads(line)["text"] for line in corpus.splitlines() if line.strip()]
    texts += [path.read_text("utf-8") for path in sorted(SAMPLE.glob("*.txt"))]
    return [clean_text(text) for text in texts]


def corpus(words: int) -> list[str]:
    texts, total, base = [], 0, source_texts()
    while total < words:
        text = base[len(texts) % len(base)]
        texts.append(text)
        total += len(text.split())
    return texts


def time_coder(coder: Coder, texts: list[str]) -> tuple[float, int]:
    documents = (Document(id=f"d{i}", text=t) for i, t in enumerate(texts))
    started = time.perf_counter()
    events = sum(len(r.events) for r in coder.code_documents(documents) if hasattr(r, "events"))
    return time.perf_counter() - started, events


def time_spacy(nlp: spacy.language.Language, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - started


def speed(words: int) -> None:
    texts = corpus(words)
    n_words = sum(len(t.split()) for t in texts)
    coder = Coder()
    bare = spacy.load(coder.nlp.meta["lang"] + "_" + coder.nlp.meta["name"])
    time_coder(coder, texts[:2])
    time_spacy(bare, texts[:2])
    gazetteer()
    ours, theirs, events = [], [], 0
    for _ in range(2):
        seconds, events = time_coder(coder, texts)
        ours.append(seconds)
        theirs.append(time_spacy(bare, texts))
    ours_wps, bare_wps = n_words / min(ours), n_words / min(theirs)
    print(f"corpus: {len(texts)} documents, {n_words} words, {events} events")
    print(f"bare spaCy nlp.pipe (all components): {bare_wps:,.0f} words/s")
    print(f"realpolitik full pipeline:            {ours_wps:,.0f} words/s")
    print(f"ratio: {ours_wps / bare_wps:.2f}x")


def jsonl_records(megabytes: float) -> Iterator[str]:
    base, size, i = source_texts(), 0, 0
    while size < megabytes * 1_000_000:
        line = json.dumps({"id": f"doc-{i}", "text": base[i % len(base)], "date": "2023-05-01"})
        size += len(line) + 1
        i += 1
        yield line


def memory(megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for line in jsonl_records(megabytes):
                out.write(line + "\n")
        started = time.perf_counter()
        out = Path(scratch) / "out.jsonl"
        command = [sys.executable, "-m", "realpolitik.cli", "code", str(path), "-o", str(out)]
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"input: {path.stat().st_size / 1e6:.1f} MB JSON Lines, coded in {seconds:.0f} s")
        print(f"peak RSS of the coding process: {peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("speed").add_argument("--words", type=int, default=60_000)
    sub.add_parser("memory").add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    if args.what == "speed":
        speed(args.words)
    else:
        memory(args.mb)


if __name__ == "__main__":
    main()
