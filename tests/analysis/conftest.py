"""A small store with known relations, built from hand-made coded documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from realpolitik.records import Event
from realpolitik.store import open_store
from realpolitik.store.rows import StoredDocument
from realpolitik.store.synthetic import make_document, make_event


def _doc(doc_id: str, published: date, events: list[Event], host: str) -> StoredDocument:
    coded = make_document(doc_id, events, published=published,
                          url=f"https://{host}/{doc_id}", title=f"Story {doc_id}")
    return StoredDocument(coded=coded, content_hash=f"h-{doc_id}", origin=f"{doc_id}.txt")


def relation_documents() -> list[StoredDocument]:
    """PAK–USA warm in May and cool in July; PAK–IND fight in May; noise that must not count."""
    return [
        _doc("may-1", date(2022, 5, 17), [
            make_event("may-1", "PAKGOV", "USAGOV", "042", when="2022-05-17"),
            make_event("may-1", "USAGOV", "PAKGOV", "043", sentence_index=1, when="2022-05-17"),
            make_event("may-1", "PAKMIL", "INDMIL", "190", sentence_index=2, when="2022-05-16"),
        ], "one.example"),
        _doc("may-2", date(2022, 5, 18), [
            make_event("may-2", "PAKGOV", "USAGOV", "042", when="2022-05-18"),
            make_event("may-2", "USAGOV", "PAKGOV", "057", sentence_index=1, when="2022-05-18"),
            make_event("may-2", "PAKGOV", "USAGOV", "130", sentence_index=2, when="2022-05-18",
                       mode="hypothetical"),
        ], "two.example"),
        _doc("jul-1", date(2022, 7, 4), [
            make_event("jul-1", "USAGOV", "PAKGOV", "112", when="2022-07-04"),
            make_event("jul-1", "PAKGOV", "USAGOV", "112", sentence_index=1, when="2022-07-05"),
            make_event("jul-1", "IGOUNO", "PAKGOV", "0233", sentence_index=2, when="2022-07-05"),
            make_event("jul-1", "GOV", "PAKGOV", "173", sentence_index=3, when="2022-07-05"),
            make_event("jul-1", "PAKGOV", "PAKOPP", "173", sentence_index=4, when="2022-07-06"),
        ], "one.example"),
        _doc("undated", date(2022, 8, 1), [
            make_event("undated", "PAKGOV", "USAGOV", "051"),
        ], "one.example"),
    ]


@pytest.fixture(scope="module")
def relations_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relations") / "relations.duckdb"
    with open_store(path) as store:
        store.write_many(relation_documents())
    return path


@pytest.fixture
def con(relations_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_store(relations_db, read_only=True) as store:
        yield store.con
