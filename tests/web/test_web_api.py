"""The JSON API against the real app over a real store."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/api/overview",
    "/api/documents/{doc_id}",
    "/api/dyads/{a}/{b}",
    "/api/actors/{code}",
    "/api/network",
    "/api/search",
    "/api/code",
]


def test_openapi_documents_every_page_with_a_response_model(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in PAGES:
        assert path in schema["paths"], path
        operation = next(iter(schema["paths"][path].values()))
        content = operation["responses"]["200"]["content"]["application/json"]
        assert "$ref" in content["schema"], path
    assert "DyadPage" in schema["components"]["schemas"]


def test_overview_counts_the_store(client: TestClient) -> None:
    page = client.get("/api/overview").json()
    assert page["counts"]["documents"] == 4
    assert page["counts"]["events"] == 8
    pairs = {(row["source"], row["target"]) for row in page["top_dyads"]}
    assert ("PAK", "USA") in pairs
    assert {node["id"] for node in page["network"]["nodes"]} >= {"PAK", "USA", "CHN", "IND"}


def test_document_gives_text_mentions_and_cues_by_offset(client: TestClient) -> None:
    page = client.get("/api/documents/pk-us-2022").json()
    text = page["clean_text"]
    assert page["document"]["title"] == "Pakistan and US look past the conspiracy row"
    for event in page["events"]:
        assert text[event["cue_start"] : event["cue_end"]] == event["cue_text"]
    for mention in page["mentions"]:
        assert text[mention["start_char"] : mention["end_char"]] == mention["text"]
    modes = {event["cue_text"]: event["mode"] for event in page["events"]}
    assert modes == {
        "met": "asserted",
        "denied": "denied",
        "release": "hypothetical",
        "sign": "negated",
    }
    aid = next(event for event in page["events"] if event["cameo"] == "071")
    assert aid["quantities"][0]["value"] == 8_000_000_000
    assert aid["attribution_text"] == "Pakistani diplomatic sources"


def test_dyad_series_and_events_cover_both_directions(client: TestClient) -> None:
    page = client.get("/api/dyads/PAK/USA", params={"by": "month"}).json()
    periods = [point["period"] for point in page["series"]]
    assert periods[0] == "2022-03-01" and "2022-05-01" in periods
    directions = {(e["source_code"][:3], e["target_code"][:3]) for e in page["events"]}
    assert directions == {("PAK", "USA"), ("USA", "PAK")}
    one_way = client.get("/api/dyads/PAK/USA", params={"direction": "a_to_b"}).json()
    assert all(e["source_code"].startswith("PAK") for e in one_way["events"])


def test_dyad_period_filter_limits_events(client: TestClient) -> None:
    page = client.get(
        "/api/dyads/PAK/USA", params={"since": "2022-03-01", "until": "2022-03-31"}
    ).json()
    assert [event["cue_text"] for event in page["events"]] == ["accused"]
    assert page["events_total"] == 1


def test_actor_profile_lists_partners_and_roots(client: TestClient) -> None:
    page = client.get("/api/actors/PAK").json()
    assert "USA" in {row["partner"] for row in page["partners"]}
    assert page["mentions"] >= 3
    assert {row["root"] for row in page["by_root"]} >= {"04"}
    assert page["names"][0] == "Pakistan"


def test_network_filters_by_quad_class(client: TestClient) -> None:
    conflict = client.get("/api/network", params=[("quad", "4")]).json()
    assert {(e["source"], e["target"]) for e in conflict["network"]["edges"]} == {("CHN", "IND")}
    assert conflict["quad_classes"] == [4]


def test_network_keeps_the_busiest_edges(client: TestClient) -> None:
    page = client.get("/api/network", params={"max_edges": 1}).json()
    assert [(e["source"], e["target"]) for e in page["network"]["edges"]] == [("PAK", "USA")]
    assert page["network"]["edges_total"] == 4
    assert {node["id"] for node in page["network"]["nodes"]} == {"PAK", "USA"}


def test_search_finds_documents_and_actors(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "Blinken"}).json()
    assert [hit["doc_id"] for hit in page["documents"]] == ["pk-us-2022"]
    assert "Blinken" in page["documents"][0]["snippet"]
    actors = client.get("/api/search", params={"q": "liberation"}).json()["actors"]
    assert [hit["code"] for hit in actors] == ["CHNMIL"]


def test_search_treats_wildcards_literally(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "%"}).json()
    assert page["documents"] == [] and page["actors"] == []


@pytest.mark.parametrize(
    ("path", "params", "status", "code", "words"),
    [
        ("/api/dyads/PAK/USA", {"since": "2022-13-01"}, 400, "E601", "since"),
        (
            "/api/dyads/PAK/USA",
            {"since": "2022-06-01", "until": "2022-01-01"},
            400,
            "E601",
            "after",
        ),
        ("/api/dyads/PAK/USA", {"limit": "100000000"}, 400, "E601", "limit"),
        ("/api/dyads/PAK/USA", {"by": "century"}, 400, "E601", "by"),
        ("/api/dyads/PAK/ZZZ", {}, 404, "E602", "ZZZ"),
        ("/api/dyads/PAK/%3Cscript%3E", {}, 400, "E601", "pattern"),
        ("/api/actors/QQQGOV", {}, 404, "E602", "QQQGOV"),
        ("/api/network", {"quad": "7"}, 400, "E601", "quad"),
        ("/api/network", {"min_events": "-1"}, 400, "E601", "min_events"),
        ("/api/network", {"max_edges": "0"}, 400, "E601", "max_edges"),
        ("/api/search", {"limit": "0"}, 400, "E601", "limit"),
        ("/api/search", {"q": "x" * 500}, 400, "E601", "q"),
        ("/api/documents/no-such-doc", {}, 404, "E602", "no-such-doc"),
        ("/api/overview", {"window_days": "abc"}, 400, "E601", "window_days"),
    ],
)
def test_bad_parameters_give_a_clear_4xx(
    client: TestClient, path: str, params: dict[str, str], status: int, code: str, words: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert words in error["message"]


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E602"


def test_code_refuses_oversized_text_with_413(client: TestClient) -> None:
    response = client.post("/api/code", json={"text": "a" * 100_001})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E603"


def test_code_refuses_oversized_body_before_parsing(client: TestClient) -> None:
    response = client.post(
        "/api/code", content=b"x" * 2_500_000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "bytes" in response.json()["error"]["message"]


def test_code_save_on_read_only_store_is_403(client: TestClient) -> None:
    response = client.post("/api/code", json={"text": "India met China.", "save": True})
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


def test_code_rejects_an_empty_text(client: TestClient) -> None:
    response = client.post("/api/code", json={"text": "   "})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E601"


def test_code_rejects_a_bad_date(client: TestClient) -> None:
    response = client.post("/api/code", json={"text": "India met China.", "date": "yesterday"})
    assert response.status_code == 400
    assert "date" in response.json()["error"]["message"]
