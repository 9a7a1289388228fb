"""Story events: one event reported by several articles is counted once."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from realpolitik.export import export
from realpolitik.store import Store
from realpolitik.store.rows import StoredDocument
from realpolitik.store.stories import story_id
from realpolitik.store.synthetic import make_document, make_event


def _report(doc_id: str, when: str, *, host: str = "news.example", mode: str = "asserted",
            cameo: str = "042") -> StoredDocument:
    event = make_event(doc_id, "PAKGOV", "USAGOV", cameo, when=when, mode=mode)
    coded = make_document(doc_id, [event], url=f"https://{host}/{doc_id}")
    return StoredDocument(coded=coded, content_hash=f"h-{doc_id}-{when}", origin=doc_id)


def _stories(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT first_date::VARCHAR, last_date::VARCHAR, num_mentions, num_articles, "
        "num_sources FROM stories ORDER BY first_date"
    ).fetchall()


def test_reports_within_the_window_form_one_story(store: Store) -> None:
    store.write_many([
        _report("a", "2022-05-17", host="one.example"),
        _report("b", "2022-05-18", host="two.example"),
        _report("c", "2022-05-20", host="one.example"),
    ])
    assert _stories(store) == [("2022-05-17", "2022-05-20", 3, 3, 2)]
    linked = store.con.execute("SELECT count(DISTINCT story_id) FROM events").fetchall()
    assert linked == [(1,)]


def test_reports_beyond_the_window_form_separate_stories(store: Store) -> None:
    store.write_many([_report("a", "2022-05-17"), _report("b", "2022-05-21")])
    assert [row[:2] for row in _stories(store)] == [
        ("2022-05-17", "2022-05-17"), ("2022-05-21", "2022-05-21")
    ]


def test_a_wider_window_links_them(store: Store) -> None:
    store.write_many([_report("a", "2022-05-17"), _report("b", "2022-05-21")])
    store.refresh_all_stories(window_days=7)
    assert _stories(store) == [("2022-05-17", "2022-05-21", 2, 2, 1)]


def test_other_codes_and_non_asserted_events_are_not_merged(store: Store) -> None:
    store.write_many([
        _report("a", "2022-05-17"),
        _report("b", "2022-05-17", cameo="043"),
        _report("c", "2022-05-17", mode="future"),
    ])
    assert len(_stories(store)) == 2
    unlinked = store.con.execute("SELECT mode FROM events WHERE story_id IS NULL").fetchall()
    assert unlinked == [("future",)]


def _stored(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT first_date::VARCHAR, num_mentions FROM repeated_stories ORDER BY first_date"
    ).fetchall()


_BROKEN_STORY_COUNTS = (
    # stories whose num_mentions is not the number of their events
    "SELECT count(*) FROM (SELECT s.story_id FROM stories s LEFT JOIN events e USING (story_id) "
    "GROUP BY s.story_id, s.num_mentions HAVING count(e.event_id) <> s.num_mentions)",
    # stories listed twice
    "SELECT count(*) - count(DISTINCT story_id) FROM stories",
    # linked events whose story is not listed
    "SELECT count(*) FROM events e ANTI JOIN stories s USING (story_id) "
    "WHERE e.story_id IS NOT NULL",
    # one-event stories with a stored row
    "SELECT count(*) FROM repeated_stories WHERE num_mentions < 2",
)


def _consistent(store: Store) -> None:
    """The view lists each linked story once, with as many mentions as it has events."""
    broken = [store.con.execute(sql).fetchall()[0][0] for sql in _BROKEN_STORY_COUNTS]
    assert broken == [0] * len(_BROKEN_STORY_COUNTS)


def test_only_stories_of_several_events_are_stored(store: Store) -> None:
    store.write_many([
        _report("a", "2022-05-17", host="one.example"),
        _report("b", "2022-05-18", host="two.example"),
        _report("c", "2022-06-30"),
    ])
    assert _stories(store) == [("2022-05-17", "2022-05-18", 2, 2, 2),
                               ("2022-06-30", "2022-06-30", 1, 1, 1)]
    assert _stored(store) == [("2022-05-17", 2)]
    alone = store.con.execute(
        "SELECT s.story_id, s.source_code, s.target_code, s.cameo, s.root, s.quad_class, "
        "s.goldstein FROM stories s JOIN events e USING (story_id) WHERE e.doc_id = 'c'"
    ).fetchall()
    event = store.con.execute(
        "SELECT story_id, source_code, target_code, cameo, root, quad_class, goldstein "
        "FROM events WHERE doc_id = 'c'"
    ).fetchall()
    assert alone == event
    _consistent(store)


def test_a_story_gains_and_loses_its_row_with_its_second_report(store: Store) -> None:
    store.write_many([_report("a", "2022-05-17"), _report("b", "2022-06-30")])
    assert _stored(store) == []
    store.write_many([_report("b", "2022-05-19")])
    assert _stored(store) == [("2022-05-17", 2)]
    _consistent(store)
    store.write_many([_report("b", "2022-06-30")])
    assert _stored(store) == []
    assert [row[:3] for row in _stories(store)] == [
        ("2022-05-17", "2022-05-17", 1), ("2022-06-30", "2022-06-30", 1)
    ]
    _consistent(store)


def test_exports_give_every_event_its_story_counts(store: Store, tmp_path: Path) -> None:
    store.write_many([
        _report("a", "2022-05-17", host="one.example"),
        _report("b", "2022-05-18", host="two.example"),
        _report("c", "2022-06-30"),
        _report("d", "2022-06-30", mode="future"),
    ])
    export(store.con, "jsonl", tmp_path / "events.jsonl")
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    exported = sorted(
        (row["doc_id"], row["num_mentions"], row["num_articles"], row["num_sources"])
        for row in map(json.loads, lines)
    )
    assert exported == [("a", 2, 2, 2), ("b", 2, 2, 2), ("c", 1, 1, 1), ("d", 1, 1, 1)]


def test_stories_written_batch_by_batch_match_a_full_rebuild(store: Store) -> None:
    for doc_id, when in (("a", "2022-05-17"), ("b", "2022-05-19"), ("c", "2022-05-22")):
        store.write_many([_report(doc_id, when)])
    store.write_many([_report("b", "2022-06-30")])
    incremental = _stories(store)
    store.refresh_all_stories()
    assert _stories(store) == incremental
    assert incremental == [("2022-05-17", "2022-05-17", 1, 1, 1),
                           ("2022-05-22", "2022-05-22", 1, 1, 1),
                           ("2022-06-30", "2022-06-30", 1, 1, 1)]


_HOSTS = ("https://one.example/a", "http://two.example/b", "https://one.example/c", None, "news")


def _random_report(rng: random.Random, doc_id: str, version: int) -> StoredDocument:
    """A report on a few dense dyads, so stories merge, split and move between batches."""
    events = []
    for index in range(rng.randint(0, 5)):
        day = rng.choice([f"2022-05-{rng.randint(1, 20):02d}"] * 3 + ["2022-05", None])
        events.append(make_event(
            doc_id, rng.choice(["PAKGOV", "CHNMIL"]), rng.choice(["USAGOV", None]),
            rng.choice(["042", "043"]),
            sentence_index=index, when=day, mode=rng.choice(["asserted"] * 4 + ["future"]),
        ))
    coded = make_document(doc_id, events, url=rng.choice(_HOSTS))
    if coded.url == "news":
        coded.url = None
    return StoredDocument(coded=coded, content_hash=f"h-{doc_id}-{version}", origin=doc_id)


def _linking(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    stories = store.con.execute(
        "SELECT story_id, source_code, coalesce(target_code, ''), cameo, first_date, last_date, "
        "num_mentions, num_articles, num_sources FROM stories ORDER BY story_id"
    ).fetchall()
    links = store.con.execute("SELECT event_id, story_id FROM events ORDER BY 1").fetchall()
    return stories, links


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batches_that_replace_documents_match_a_full_rebuild(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    for version in range(8):
        batch = [_random_report(rng, f"d{rng.randrange(25)}", version) for _ in range(6)]
        store.write_many(batch)
    incremental = _linking(store)
    _consistent(store)
    store.refresh_all_stories()
    assert _linking(store) == incremental
    _consistent(store)
    stories, links = incremental
    assert sum(row[6] for row in stories) == sum(story is not None for _, story in links)
    assert len(stories) > 10 and any(row[6] > 2 for row in stories)


def test_story_ids_agree_between_python_and_sql(store: Store) -> None:
    store.write_many([_report("a", "2022-05-17")])
    (stored,) = store.con.execute("SELECT story_id FROM stories").fetchall()[0]
    assert stored == story_id("PAKGOV", "USAGOV", "042", date(2022, 5, 17))
