"""Code a text through the API with the real pipeline, and save it to a writable store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.web import create_app

SAMPLE = "samples/pakistan-us-convergence-2022.txt"
SHORT = (
    "Pakistani Foreign Minister Bilawal Bhutto Zardari met US Secretary of State Antony "
    "Blinken in New York on Wednesday."
)

pytestmark = pytest.mark.model


def test_code_returns_events_with_offsets_into_the_clean_text(
    client: TestClient, shared_dir: Path
) -> None:
    text = (shared_dir / SAMPLE).read_text(encoding="utf-8")
    result = client.post("/api/code", json={"text": text, "date": "2022-05-20"}).json()
    assert result["status"] == "coded" and not result["saved"]
    assert len(result["events"]) > 3
    clean = result["clean_text"]
    for event in result["events"]:
        if event["cue_start"] is not None:
            assert clean[event["cue_start"] : event["cue_end"]] == event["cue_text"]
    assert any(
        event["source_code"] and event["source_code"].startswith("PAK")
        for event in result["events"]
    )


def test_code_form_shows_events_at_once(client: TestClient) -> None:
    page = client.post("/code", data={"text": SHORT, "date": "2022-05-20"}).text
    assert 'id="result"' in page
    assert 'class="cue mode-' in page


def test_writable_app_saves_the_coded_text(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "writable.duckdb"
    shutil.copy(store_path, copy)
    with TestClient(create_app(copy, read_only=False)) as writable:
        before = writable.get("/api/overview").json()["counts"]["documents"]
        dyad_before = writable.get("/api/dyads/PAK/USA").json()["events_total"]
        result = writable.post(
            "/api/code", json={"text": SHORT, "date": "2022-05-18", "save": True}
        ).json()
        assert result["saved"] is True
        document = writable.get(f"/api/documents/{result['doc_id']}").json()
        assert document["clean_text"] == result["clean_text"]
        assert writable.get("/api/overview").json()["counts"]["documents"] == before + 1
        dyad = writable.get("/api/dyads/PAK/USA").json()
        assert dyad["events_total"] > dyad_before
        assert result["doc_id"] in {event["doc_id"] for event in dyad["events"]}
