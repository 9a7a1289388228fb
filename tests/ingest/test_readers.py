"""read_documents and read_stream on real files: every format and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from realpolitik.ingest.readers import read_documents, read_file, read_stream
from realpolitik.records import Document, ReadProblem

DATA = Path(__file__).parents[1] / "data"


def documents(items: Iterable[Document | ReadProblem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: Iterable[Document | ReadProblem]) -> list[ReadProblem]:
    return [item for item in items if isinstance(item, ReadProblem)]


def only_problem(path: Path) -> ReadProblem:
    items = list(read_documents([path]))
    assert len(items) == 1
    assert isinstance(items[0], ReadProblem)
    assert str(path) in items[0].message()
    return items[0]


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF with a real text layer (TrueType text) or, with no lines, only an image."""
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        figure = Figure(figsize=(8.5, 11))
        for index, line in enumerate(lines):
            figure.text(0.05, 0.9 - 0.05 * index, line)
        if not lines:
            figure.figimage(np.random.default_rng(0).random((40, 40)))
        figure.savefig(path)
    return path


# --- good input -----------------------------------------------------------------------------


def test_plain_text_file_id_and_dateline_date() -> None:
    [doc] = documents(read_documents([DATA / "non_ascii.txt"]))
    assert doc.id == "non_ascii"
    assert doc.date == date(2024, 3, 12)
    assert doc.origin == str(DATA / "non_ascii.txt")
    assert "Recep Tayyip Erdoğan" in doc.text


def test_default_date_overrides_the_dateline() -> None:
    [doc] = documents(read_documents([DATA / "non_ascii.txt"], default_date=date(2024, 3, 15)))
    assert doc.date == date(2024, 3, 15)


def test_text_without_a_date() -> None:
    [doc] = documents(read_documents([DATA / "no_event.txt"]))
    assert doc.date is None


def test_markdown_heading_becomes_title() -> None:
    [doc] = documents(read_documents([DATA / "dateline.md"]))
    assert doc.title == "Talks resume in Doha"
    assert "#" not in doc.text
    assert doc.date == date(2024, 1, 15)


def test_html_main_text_without_page_furniture() -> None:
    [doc] = documents(read_documents([DATA / "markup.html"]))
    assert doc.id == "markup"
    assert doc.title == "Kenya and Ethiopia sign border security pact"
    assert doc.date == date(2023, 11, 6)
    assert "Kenya and Ethiopia signed an agreement on Monday" in doc.text
    for furniture in ("Sign in", "Subscribe now", "Drought hits", "All rights reserved"):
        assert furniture not in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><body><div><img src='a.png'></div></body></html>", encoding="utf-8")
    assert only_problem(page).code == "E114"


def test_batch_jsonl_keeps_good_records_around_bad_ones() -> None:
    items = list(read_documents([DATA / "batch.jsonl"]))
    assert [doc.id for doc in documents(items)] == ["b1", "b2", "batch-5"]
    first = documents(items)[0]
    assert first.title == "Chad closes border"
    assert first.url == "https://news.example.org/2023/03/chad-border"
    assert first.date == date(2023, 3, 1)
    assert first.origin == f"{DATA / 'batch.jsonl'}:1"
    bad_json, no_text = problems(items)
    assert (bad_json.code, bad_json.origin) == ("E108", f"{DATA / 'batch.jsonl'}:3")
    assert "column" in bad_json.reason
    assert (no_text.code, no_text.origin, no_text.doc_id) == (
        "E110",
        f"{DATA / 'batch.jsonl'}:4",
        "b4",
    )
    assert "batch.jsonl:3: malformed JSON" in bad_json.message()


def test_gzipped_jsonl_streams_the_same_records(tmp_path: Path) -> None:
    packed = tmp_path / "batch.jsonl.gz"
    with gzip.open(packed, "wb") as target:
        target.write((DATA / "batch.jsonl").read_bytes())
    items = list(read_documents([packed]))
    assert [doc.id for doc in documents(items)] == ["b1", "b2", "batch-5"]
    assert [problem.origin for problem in problems(items)] == [f"{packed}:3", f"{packed}:4"]


def test_jsonl_dates_default_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    records = [{"id": 7, "text": "Talks ended.", "date": "2022-01-31T10:00:00Z"}, {"text": "More."}]
    path.write_text("\n".join(json.dumps(r) for r in records).replace("\n", "\n\n"), "utf-8")
    first, second = documents(read_documents([path], default_date=date(2022, 2, 1)))
    assert (first.id, first.date) == ("7", date(2022, 1, 31))
    assert (second.id, second.date, second.origin) == ("d-3", date(2022, 2, 1), f"{path}:3")


def test_pdf_with_a_text_layer(tmp_path: Path) -> None:
    pdf = write_pdf(
        tmp_path / "statement.pdf", ["Chad closed its border with Sudan.", "Talks end."]
    )
    [doc] = documents(read_documents([pdf]))
    assert doc.id == "statement"
    assert "Chad closed its border with Sudan." in doc.text


def test_folder_is_read_recursively_sorted_known_endings_only(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second document.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First document.", encoding="utf-8")
    (tmp_path / "notes.docx").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    assert [item.id for item in documents(read_documents([tmp_path]))] == ["a", "two"]
    assert not problems(read_documents([tmp_path]))


def test_reading_is_lazy_and_goes_on_after_a_bad_path(tmp_path: Path) -> None:
    items = read_documents([DATA / "no_event.txt", tmp_path / "missing.txt", DATA / "french.txt"])
    assert isinstance(next(items), Document)
    missing = next(items)
    assert isinstance(missing, ReadProblem) and missing.code == "E101"
    french = next(items)
    assert isinstance(french, Document) and french.id == "french"


# --- bad input ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "missing.txt").code == "E101"


def test_path_that_cannot_be_read_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    [problem] = problems(read_file(folder))
    assert problem.code == "E102"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Closed.", encoding="utf-8")
    path.chmod(0)
    assert only_problem(path).code == "E102"


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK")
    problem = only_problem(path)
    assert problem.code == "E103"
    assert "'.docx'" in problem.reason


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_problem(path).code == "E104"


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert only_problem(path).code == "E104"


@pytest.mark.parametrize("name", ["image.txt", "image.jsonl", "image.html"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    problem = only_problem(path)
    assert problem.code == "E105"
    assert "binary" in problem.reason


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Talks in Bogotá ended.".encode("latin-1"))
    problem = only_problem(path)
    assert problem.code == "E106"
    assert "byte 14" in problem.reason


def test_invalid_utf8_offset_past_the_first_chunk(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    prefix = ("é" * 700_000).encode("utf-8")  # 1.4 MB: the bad byte sits in the second chunk
    path.write_bytes(prefix + b"\xff rest")
    assert f"byte {len(prefix)}" in only_problem(path).reason


def test_invalid_utf8_in_a_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9"}\n{"text": "also fine"}\n')
    items = list(read_documents([path]))
    assert len(documents(items)) == 2
    [problem] = problems(items)
    assert (problem.code, problem.origin) == ("E106", f"{path}:2")
    assert "byte 30" in problem.reason  # 17 bytes of line 1, 13 before the bad one


def test_single_line_file_of_50_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as target:
        for _ in range(50):
            target.write(b"a" * (1 << 20))
    problem = only_problem(path)
    assert problem.code == "E107"
    assert problem.reason.startswith(f"document too large: {50 << 20} chars > max 2000000")


def test_jsonl_record_over_max_chars(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [{"id": "big", "text": "x" * 101}, {"id": "small", "text": "Fine."}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    items = list(read_documents([path], max_chars=100))
    assert [doc.id for doc in documents(items)] == ["small"]
    [problem] = problems(items)
    assert (problem.code, problem.doc_id) == ("E107", "big")
    assert "101 chars > max 100" in problem.reason


def test_jsonl_line_too_long_to_parse_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "longline.jsonl"
    path.write_text(
        json.dumps({"text": "y" * 200_000}) + "\n" + json.dumps({"id": "after", "text": "Ok."}),
        encoding="utf-8",
    )
    items = list(read_documents([path], max_chars=10))
    assert [doc.id for doc in documents(items)] == ["after"]
    [problem] = problems(items)
    assert (problem.code, problem.origin) == ("E107", f"{path}:1")


@pytest.mark.parametrize(
    ("record", "code", "words"),
    [
        ('{"id": "x", "text": 42}', "E109", "'text' must be a string, got a number"),
        ('{"id": ["x"], "text": "Hi."}', "E109", "'id' must be a string, got an array"),
        ('{"text": "Hi.", "title": 3}', "E109", "'title'"),
        ('{"text": "Hi.", "url": {"a": 1}}', "E109", "'url'"),
        ('["not", "an", "object"]', "E109", "expected a JSON object, got an array"),
        ('{"text": "Hi.", "date": 20220524}', "E109", "'date'"),
        ('{"id": "x"}', "E110", "missing or empty 'text'"),
        ('{"id": "x", "text": "   "}', "E110", "missing or empty 'text'"),
        ('{"text": "Hi.", "date": "24/05/2022"}', "E111", "bad date '24/05/2022'"),
        ('{"text": "Hi.", "date": "2022-13-01"}', "E111", "expected YYYY-MM-DD"),
        ('{"text": "Hi.", ', "E108", "malformed JSON at column"),
    ],
)
def test_bad_jsonl_record(tmp_path: Path, record: str, code: str, words: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{"text": "Good."}\n' + record + "\n", encoding="utf-8")
    items = list(read_documents([path]))
    assert len(documents(items)) == 1
    [problem] = problems(items)
    assert (problem.code, problem.origin) == (code, f"{path}:2")
    assert words in problem.reason


def test_pdf_without_a_text_layer(tmp_path: Path) -> None:
    problem = only_problem(write_pdf(tmp_path / "scan.pdf", []))
    assert problem.code == "E112"
    assert "no text layer (scanned PDF?)" in problem.reason


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n%%EOF\n")
    assert only_problem(path).code == "E113"


def test_file_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text('{"text": "Not compressed."}\n', encoding="utf-8")
    problem = only_problem(path)
    assert problem.code == "E115"


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = "".join(
        json.dumps({"id": f"r{i}", "text": f"Record {i}." * 50}) + "\n" for i in range(200)
    )
    packed = gzip.compress(lines.encode("utf-8"))
    path.write_bytes(packed[: len(packed) // 2])
    items = list(read_documents([path]))
    assert documents(items)[0].id == "r0"
    assert problems(items)[-1].code == "E115"


# --- standard input -------------------------------------------------------------------------


def test_stdin_json_lines_after_blank_lines() -> None:
    stream = io.StringIO('\n  \n{"id": "s1", "text": "First."}\n{"text": "Second."}\n')
    items = list(read_stream(stream))
    assert [(doc.id, doc.origin) for doc in documents(items)] == [
        ("s1", "stdin:3"),
        ("stdin-4", "stdin:4"),
    ]


def test_stdin_plain_text_is_one_document() -> None:
    stream = io.StringIO("MANILA, Aug 7, 2023 - The Philippines protested.\n\nMore text.")
    [doc] = documents(read_stream(stream))
    assert (doc.id, doc.origin, doc.date) == ("stdin", "stdin", date(2023, 8, 7))
    assert doc.text.endswith("More text.")


def test_dash_path_reads_the_given_stdin() -> None:
    items = list(read_documents(["-"], stdin=io.StringIO('{"id": "z", "text": "Hi."}')))
    assert [doc.id for doc in documents(items)] == ["z"]


def test_stdin_too_large_and_empty() -> None:
    [large] = problems(read_stream(io.StringIO("word " * 100), max_chars=50))
    assert (large.code, large.origin) == ("E107", "stdin")
    [empty] = problems(read_stream(io.StringIO("\n\n")))
    assert empty.code == "E104"


def test_demo_corpus_reads_cleanly() -> None:
    corpus = Path(__file__).parents[2] / "src/realpolitik/demo/corpus/articles.jsonl"
    items = list(read_documents([corpus]))
    assert not problems(items)
    assert 10 <= len(items) <= 12
    assert all(doc.date and doc.title and doc.url for doc in documents(items))


def test_copied_file_keeps_its_own_stem(tmp_path: Path) -> None:
    copy = tmp_path / "kenya.pact.html"
    shutil.copy(DATA / "markup.html", copy)
    [doc] = documents(read_documents([copy]))
    assert doc.id == "kenya.pact"
