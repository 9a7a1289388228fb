"""Pages answered from the rollups equal direct queries, and follow the store when it changes."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from realpolitik import analysis
from realpolitik.store.synthetic import make_document, make_event
from realpolitik.web import create_app, queries
from realpolitik.web.deps import plain_rows
from realpolitik.web.params import DyadQuery
from realpolitik.web.response_cache import ResponseStore, _Entry
from realpolitik.web.state import AppState, ResultCache

NEW_DOC = "fresh-ind-usa"


def _json_ready(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Analysis records as the JSON API writes them (dates as ISO strings)."""
    return [
        {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in row.items()
        }
        for row in plain_rows(rows)
    ]


def test_pages_equal_direct_queries_on_the_events_table(client: TestClient) -> None:
    state: AppState = client.app.state.realpolitik  # type: ignore[attr-defined]
    dyad = client.get("/api/dyads/PAK/USA", params={"by": "week"}).json()
    network = client.get("/api/network").json()["network"]
    overview = client.get("/api/overview").json()
    actor = client.get("/api/actors/PAK").json()
    with state.cursor() as con:
        series = analysis.timeline(con, "PAK", "USA", by="week").to_dict(orient="records")
        listing = queries.dyad_events(con, DyadQuery("PAK", "USA"))
        full = analysis.network(con, quad_classes=[1, 2, 3, 4])
        top = analysis.dyads(con, limit=15).to_dict(orient="records")
        partners = analysis.actor_profile(con, "PAK")["partners"]
    fields = list(dyad["series"][0])
    assert dyad["series"] == [{k: row[k] for k in fields} for row in _json_ready(series)]
    assert [event["event_id"] for event in dyad["events"]] == [e["event_id"] for e in listing]
    assert dyad["events_total"] == len(listing)
    assert network["edges"] == full["edges"]
    assert network["edges_total"] == len(full["edges"])
    assert overview["top_dyads"] == _json_ready(top)
    assert actor["partners"] == _json_ready(partners)


@pytest.fixture
def writable(
    store_path: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[TestClient]:
    """A writable app over a copy of the store; ``check_seconds`` from the test's parameter."""
    copy = tmp_path / "writable.duckdb"
    shutil.copy(store_path, copy)
    app = create_app(copy, read_only=False, check_seconds=request.param)
    with TestClient(app) as test_client:
        yield test_client


def _write_new_document(state: AppState) -> None:
    """What saving a coded text writes: one document with a new dyad (USA acting on India)."""
    event = make_event(NEW_DOC, "USAGOV", "INDGOV", "042", when="2022-06-10")
    coded = make_document(NEW_DOC, [event], title="US and India meet")
    state.store.write(coded, content_hash="h-fresh", origin="tests")


def _answers(client: TestClient) -> dict[str, Any]:
    return {
        "dyad": client.get("/api/dyads/IND/USA").json(),
        "counts": client.get("/api/overview").json()["counts"],
        "edges": {
            (edge["source"], edge["target"])
            for edge in client.get("/api/network").json()["network"]["edges"]
        },
        "partners": {row["partner"] for row in client.get("/api/actors/IND").json()["partners"]},
    }


def _assert_it_shows(before: dict[str, Any], after: dict[str, Any]) -> None:
    assert after["dyad"]["events_total"] == before["dyad"]["events_total"] + 1
    assert NEW_DOC in {event["doc_id"] for event in after["dyad"]["events"]}
    assert sum(point["events"] for point in after["dyad"]["series"]) == 1
    assert after["counts"]["documents"] == before["counts"]["documents"] + 1
    assert after["counts"]["events"] == before["counts"]["events"] + 1
    assert ("USA", "IND") in after["edges"] - before["edges"]
    assert "USA" in after["partners"] - before["partners"]


@pytest.mark.parametrize("writable", [3600.0], indirect=True)
def test_a_saved_text_shows_at_once(writable: TestClient) -> None:
    state: AppState = writable.app.state.realpolitik  # type: ignore[attr-defined]
    before = _answers(writable)
    with state.write_lock:
        _write_new_document(state)
        state.store_changed()
    _assert_it_shows(before, _answers(writable))


@pytest.mark.parametrize("writable", [0.0], indirect=True)
def test_a_write_the_app_did_not_make_shows_after_the_store_check(writable: TestClient) -> None:
    state: AppState = writable.app.state.realpolitik  # type: ignore[attr-defined]
    before = _answers(writable)
    _write_new_document(state)
    _assert_it_shows(before, _answers(writable))
    assert state.refresh_if_changed() is False


def test_a_result_computed_across_a_clear_is_not_kept() -> None:
    cache = ResultCache()
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "old"

    worker = threading.Thread(target=cache.get_or_compute, args=(("page",), slow))
    worker.start()
    started.wait(5)
    cache.clear()
    release.set()
    worker.join(5)
    assert cache.get_or_compute(("page",), lambda: "new") == "new"


def test_a_response_computed_across_a_clear_is_not_kept() -> None:
    store = ResponseStore()
    epoch = store.epoch
    store.clear()
    store.put(b"/api/overview?", _Entry(200, [], b"old"), epoch)
    assert store.get(b"/api/overview?") is None
    store.put(b"/api/overview?", _Entry(200, [], b"new"), store.epoch)
    assert store.get(b"/api/overview?") is not None
