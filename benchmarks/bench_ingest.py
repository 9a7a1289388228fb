"""Measure cleaning speed and reading memory on synthetic corpora; run by hand.

    .venv/bin/python benchmarks/bench_ingest.py [--megabytes 10]

Prints the clean_text throughput on one ~10 MB PDF-style text and on the same
text as separate articles, and the peak Python heap while streaming a ~10 MB
(compressed) JSON Lines file through read_documents, which must stay far below
the file size because documents are yielded one at a time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import textwrap
import time
import tracemalloc
from importlib.resources import files
from pathlib import Path

from realpolitik.ingest.clean import clean_text
from realpolitik.ingest.readers import read_documents
from realpolitik.records import Document


def demo_texts() -> list[str]:
    """The article texts of the demo corpus, the raw material of the synthetic corpora."""
    corpus = files("realpolitik.demo").joinpath("corpus/articles.jsonl").read_text("utf-8")
    return [json.loads(line)["text"] for line in corpus.splitlines() if line.strip()]


def pdf_style(text: str, rng: random.Random) -> str:
    """A text as PDF extraction leaves it: wrapped lines, split words, captions, share lines."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = textwrap.wrap(paragraph, width=rng.randint(70, 95), break_on_hyphens=False)
        lines = [line.replace(" ", "  ", 3) for line in lines]
        if len(lines) > 1 and len(lines[0]) > 8:
            cut = len(lines[0]) - 3
            lines[0], lines[1] = lines[0][:cut] + "-", lines[0][cut:] + " " + lines[1]
        paragraphs.append("\n".join(lines))
    paragraphs.insert(1, "Officials at the talks.\nImage: Screengrab / Example TV")
    paragraphs.append("Share this article")
    return "\n\n".join(paragraphs)


def synthetic_articles(megabytes: float, seed: int = 0) -> list[str]:
    """PDF-style articles until their total size reaches ``megabytes``."""
    rng = random.Random(seed)
    sources = demo_texts()
    articles: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        article = pdf_style(rng.choice(sources), rng)
        articles.append(article)
        size += len(article.encode("utf-8"))
    return articles


def bench_clean(articles: list[str]) -> dict[str, float]:
    """Throughput of clean_text on one big text and on separate articles, in MB/s."""
    whole = "\n\n".join(articles)
    megabytes = len(whole.encode("utf-8")) / 1_000_000
    started = time.perf_counter()
    clean_text(whole)
    one_text = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        clean_text(article)
    per_article = time.perf_counter() - started
    return {
        "megabytes": megabytes,
        "one_text_mb_per_s": megabytes / one_text,
        "per_article_mb_per_s": megabytes / per_article,
    }


def bench_read(articles: list[str], folder: Path, megabytes: float) -> dict[str, float]:
    """Peak traced heap while streaming a gzipped JSON Lines file of about ``megabytes``."""
    path = folder / "corpus.jsonl.gz"
    rng = random.Random(1)
    with gzip.open(path, "wt", encoding="utf-8") as target:
        number = 0
        while path.stat().st_size < megabytes * 1_000_000:
            for _ in range(500):
                text = rng.choice(articles) + f"\n\nReference {rng.getrandbits(64):x}."
                target.write(json.dumps({"id": f"a{number}", "text": text}) + "\n")
                number += 1
            target.flush()
    tracemalloc.start()
    started = time.perf_counter()
    documents = sum(1 for item in read_documents([path]) if isinstance(item, Document))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    with gzip.open(path, "rb") as source:
        uncompressed = sum(len(chunk) for chunk in iter(lambda: source.read(1 << 20), b""))
    return {
        "compressed_mb": path.stat().st_size / 1_000_000,
        "uncompressed_mb": uncompressed / 1_000_000,
        "documents": documents,
        "peak_heap_mb": peak / 1_000_000,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    options = parser.parse_args()
    articles = synthetic_articles(options.megabytes)
    cleaning = bench_clean(articles)
    print(
        f"clean_text: {cleaning['megabytes']:.1f} MB PDF-style text, "
        f"{cleaning['one_text_mb_per_s']:.1f} MB/s as one text, "
        f"{cleaning['per_article_mb_per_s']:.1f} MB/s as {len(articles)} articles"
    )
    with tempfile.TemporaryDirectory() as folder:
        reading = bench_read(articles, Path(folder), options.megabytes)
    print(
        f"read_documents: {reading['compressed_mb']:.1f} MB jsonl.gz "
        f"({reading['uncompressed_mb']:.0f} MB uncompressed, "
        f"{reading['documents']:.0f} documents) in {reading['seconds']:.1f} s under tracemalloc, "
        f"peak heap {reading['peak_heap_mb']:.2f} MB"
    )


if __name__ == "__main__":
    main()
