"""Story events: one event reported by several articles is counted once."""

from __future__ import annotations

from realpolitik.store import Store
from realpolitik.store.rows import StoredDocument
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
