"""The rollup-backed answers equal direct queries on the events table, case by case."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from rollup_records import build_store, same

from realpolitik import analysis
from realpolitik.store import Store
from realpolitik.store.synthetic import make_document, make_event
from realpolitik.web import queries, rollup
from realpolitik.web.deps import plain_rows
from realpolitik.web.params import DyadQuery, NetworkQuery
from realpolitik.web.rollup import actors, dyad, listings, windows
from realpolitik.web.rollup import relations as rolled

COUNTRY_ACTORS = ["PAK", "USA", "IND", "CHN", "IGOUNO", "GOV", "SRB", "XKX"]
FULL_ACTORS = ["PAKGOV", "PAKMIL", "USAGOV", "IGOUNO", "GOV", "XKXGOV"]
PERIODS = [
    (None, None),
    (date(2021, 6, 1), None),
    (None, date(2022, 3, 31)),
    (date(2021, 3, 1), date(2021, 11, 30)),
]


@pytest.fixture(scope="module", params=[False, True], ids=["consistent", "odd-country"])
def opened(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[duckdb.DuckDBPyConnection, rollup.Rollups]]:
    """A read-only store with its rollups built, as the app opens it."""
    path = build_store(tmp_path_factory.mktemp("rollup") / "events.duckdb", odd=request.param)
    with Store(path, read_only=True) as store:
        store.con.execute("SET threads = 1")
        built = rollup.build(store.con)
        assert built.prefixes_agree is not request.param
        yield store.con.cursor(), built


@pytest.fixture(scope="module")
def con(opened: tuple[duckdb.DuckDBPyConnection, rollup.Rollups]) -> duckdb.DuckDBPyConnection:
    return opened[0]


def records(frame: Any) -> list[dict[str, Any]]:
    return plain_rows(frame.to_dict(orient="records"))


DYADS = [
    ("country", "PAK", "USA"),
    ("country", "USA", "PAK"),
    ("country", "PAK", "PAK"),
    ("country", "PAK", "IGOUNO"),
    ("country", "GOV", "USA"),
    ("country", "SRB", "USA"),
    ("country", "XKX", "IND"),
    ("country", "CHN", "NOR"),
    ("actor", "PAKGOV", "USAGOV"),
    ("actor", "PAKMIL", "PAKGOV"),
    ("actor", "XKXGOV", "USAMIL"),
    ("actor", "IGOUNO", "GOV"),
]


@pytest.mark.parametrize(("level", "a", "b"), DYADS)
def test_timeline_equals_the_analysis_timeline(
    con: duckdb.DuckDBPyConnection, level: str, a: str, b: str
) -> None:
    for (since, until), by, direction in itertools.product(
        PERIODS, ("month", "week", "day"), ("both", "a_to_b")
    ):
        query = DyadQuery(a, b, level=level, direction=direction, since=since, until=until)
        days = dyad.dyad_days(con, query)
        expected = analysis.timeline(
            con, a, b, by=by, direction=direction, since=since, until=until, level=level
        )
        assert same(dyad.timeline(days, by), records(expected)), (by, direction, since, until)


@pytest.mark.parametrize(("level", "a", "b"), DYADS)
def test_dyad_listing_window_keeps_the_listing_exact(
    opened: tuple[duckdb.DuckDBPyConnection, rollup.Rollups], level: str, a: str, b: str
) -> None:
    con, built = opened
    for (since, until), direction, limit in itertools.product(
        PERIODS, ("both", "a_to_b"), (1, 25, 1000)
    ):
        query = DyadQuery(
            a, b, level=level, direction=direction, since=since, until=until, limit=limit
        )
        if built.prefixes_agree:
            days = dyad.dyad_days(con, query)
            window = windows.window_of(
                ((day["event_date"], day["events"]) for day in days), limit, (since, until)
            )
        else:
            window = windows.dyad_window(con, query)
        everything = queries.dyad_events(con, dataclasses.replace(query, limit=10**6))
        narrowed = query.within(window.since, window.until)
        assert window.total == len(everything)
        assert queries.dyad_events(con, narrowed) == everything[:limit], query
        for checked in (True, False):
            for asked in (query, narrowed):
                got = listings.dyad_events(con, asked, store_may_change=checked)
                assert got == everything[:limit], (asked, checked)


def test_document_listing_equals_the_events_table(con: duckdb.DuckDBPyConnection) -> None:
    documents = con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
    for (doc_id,) in [*documents, ("no-such-document",)]:
        expected = queries.document_events(con, doc_id)
        for checked in (True, False):
            got = listings.document_events(con, doc_id, store_may_change=checked)
            assert got == expected, (doc_id, checked)


def _listings(
    con: duckdb.DuckDBPyConnection, query: DyadQuery, doc_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The dyad's and the document's listings as a writable app asks for them."""
    return (
        listings.dyad_events(con, query, store_may_change=True),
        listings.document_events(con, doc_id, store_may_change=True),
    )


def test_listings_read_the_rollups_only_for_the_store_they_describe(
    opened: tuple[duckdb.DuckDBPyConnection, rollup.Rollups],
) -> None:
    con, _ = opened
    (doc_id,) = con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchall()[0]
    query = DyadQuery("PAK", "USA", limit=20)
    expected = (queries.dyad_events(con, query), queries.document_events(con, doc_id))
    try:
        for table in ("dyad_events", "document_events"):
            con.execute(f"UPDATE {rollup.SCHEMA}.{table} SET event_row = event_row + 1")
        moved = _listings(con, query, doc_id)
        assert moved[0] != expected[0] and moved[1] != expected[1]  # the rollups were read
        con.execute(f"UPDATE {rollup.SCHEMA}.built_from SET events = events + 1")
        assert _listings(con, query, doc_id) == expected
    finally:
        rollup.build(con)


def test_listings_stay_exact_after_a_write_the_rollups_have_not_seen(tmp_path: Path) -> None:
    path = build_store(tmp_path / "events.duckdb", odd=False)
    with Store(path) as store:
        rollup.build(store.con)
        old_doc = store.con.execute("SELECT min(doc_id) FROM documents").fetchall()[0][0]
        for doc_id, title in (("late", "Late news"), (old_doc, "Rewritten")):
            event = make_event(doc_id, "PAKGOV", "USAGOV", "042", when="2022-08-30")
            coded = make_document(doc_id, [event], title=title)
            store.write(coded, content_hash=f"h-{title}", origin="tests")
        con = store.con.cursor()
        query = DyadQuery("PAK", "USA", limit=5)
        for doc_id in ("late", old_doc):
            expected = (queries.dyad_events(con, query), queries.document_events(con, doc_id))
            assert _listings(con, query, doc_id) == expected
        assert expected[0][0]["doc_id"] in ("late", old_doc)


@pytest.mark.parametrize(
    ("level", "code"),
    [("country", code) for code in COUNTRY_ACTORS] + [("actor", code) for code in FULL_ACTORS],
)
def test_actor_window_existence_and_names_match_the_events(
    opened: tuple[duckdb.DuckDBPyConnection, rollup.Rollups], level: str, code: str
) -> None:
    con, built = opened
    everything = queries.actor_events(con, code, level=level, limit=10**6)
    for limit in (1, 5, 30, 1000):
        window = windows.actor_window(con, code, level=level, limit=limit)
        narrowed = queries.actor_events(
            con, code, level=level, limit=limit, since=window.since, until=window.until
        )
        assert window.total == len(everything)
        assert narrowed == everything[:limit]
    assert ((level, code) in built.actors) is bool(everything)
    names = {event[f"{side}_name"] for event in everything for side in ("source", "target")}
    assert set(actors.actor_names(con, code, level=level)) <= names


@pytest.mark.parametrize("level", ["country", "actor"])
@pytest.mark.parametrize("limit", [1, 3, 15, 100])
def test_top_dyads_equal_the_analysis_dyads(
    con: duckdb.DuckDBPyConnection, level: str, limit: int
) -> None:
    expected = analysis.dyads(con, level=level, limit=limit)
    assert same(rolled.dyads(con, level=level, limit=limit), records(expected))


@pytest.mark.parametrize("level", ["country", "actor"])
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("quads", [[1, 2, 3, 4], [1], [3, 4], []])
def test_network_equals_the_analysis_network_trimmed(
    con: duckdb.DuckDBPyConnection, level: str, period: tuple[Any, Any], quads: list[int]
) -> None:
    since, until = period
    for min_events, max_edges in itertools.product((1, 2), (1, 3, 300)):
        full = analysis.network(
            con, since=since, until=until, level=level, quad_classes=quads, min_events=min_events
        )
        query = NetworkQuery(since, until, level, tuple(quads), min_events, max_edges)
        edges, nodes, total = rolled.network_top(con, query)
        kept = full["edges"][:max_edges]
        ends = {end for edge in kept for end in (edge["source"], edge["target"])}
        assert total == len(full["edges"])
        assert same(edges, kept)
        assert same(nodes, [node for node in full["nodes"] if node["id"] in ends])


@pytest.mark.parametrize(
    ("period_a", "period_b"),
    [
        ((date(2021, 1, 1), date(2021, 6, 30)), (date(2021, 7, 1), date(2021, 12, 31))),
        ((date(2021, 9, 1), date(2022, 2, 28)), (date(2022, 3, 1), date(2022, 8, 31))),
        ((date(2021, 1, 1), date(2021, 12, 31)), (date(2021, 6, 1), date(2022, 6, 30))),
    ],
)
@pytest.mark.parametrize("level", ["country", "actor"])
@pytest.mark.parametrize("limit", [3, 32])
def test_trends_equal_the_analysis_trends(
    con: duckdb.DuckDBPyConnection,
    period_a: tuple[date, date],
    period_b: tuple[date, date],
    level: str,
    limit: int,
) -> None:
    expected = analysis.trends(con, period_a=period_a, period_b=period_b, level=level, limit=limit)
    got = rolled.trends(con, period_a=period_a, period_b=period_b, level=level, limit=limit)
    assert same(got, records(expected))


@pytest.mark.parametrize(
    ("level", "code"),
    [("country", code) for code in COUNTRY_ACTORS] + [("actor", code) for code in FULL_ACTORS],
)
def test_actor_profile_equals_the_analysis_profile(
    con: duckdb.DuckDBPyConnection, level: str, code: str
) -> None:
    expected = analysis.actor_profile(con, code, level=level)
    got = rolled.actor_profile(con, code, level=level)
    assert got["mentions"] == expected["mentions"]
    assert same(got["partners"], plain_rows(expected["partners"]))
    got_roots = [(row["root"], row["events"]) for row in got["by_root"]]
    assert got_roots == [(row["root"], row["events"]) for row in expected["by_root"]]


def test_counts_equal_the_store(con: duckdb.DuckDBPyConnection) -> None:
    built = rollup.build(con)
    assert built.counts == queries.counts(con)
    assert built.marker == rollup.store_marker(con)


def test_window_of_counts_undated_events_as_unbounded() -> None:
    day = date(2022, 5, 1)
    assert windows.window_of([(day, 2), (None, 1)], 5, (None, None)) == windows.Window(
        3, None, None
    )
    assert windows.window_of([(day, 2), (None, 1)], 2, (None, None)) == windows.Window(3, day, day)
    assert windows.window_of([], 5, (day, day)) == windows.Window(0, day, day)


def test_periods_step_like_duckdb() -> None:
    assert dyad.period_start(date(2022, 5, 19), "week") == date(2022, 5, 16)
    assert dyad.period_start(date(2022, 5, 19), "quarter") == date(2022, 4, 1)
    assert dyad.next_period(date(2022, 12, 1), "month") == date(2023, 1, 1)
    assert dyad.next_period(date(2022, 10, 1), "quarter") == date(2023, 1, 1)
