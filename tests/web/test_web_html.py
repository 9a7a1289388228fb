"""HTML pages: they render, link their JSON twin, and escape every untrusted value."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup
from web_records import XSS_NAME, XSS_TEXT, XSS_TITLE, XSS_URL

from realpolitik.web import create_app, render
from realpolitik.web.highlight import highlight
from realpolitik.web.models import EventView, MentionView, SentenceView
from realpolitik.web.params import safe_link

PAGES = [
    "/",
    "/documents/pk-us-2022",
    "/dyads/PAK/USA",
    "/actors/PAK",
    "/network",
    "/search?q=Pakistan",
    "/code",
    "/api-reference",
]


def test_templates_autoescape(client: TestClient) -> None:
    environment = client.app.state.templates.env  # type: ignore[attr-defined]
    assert environment.autoescape is True
    rendered = environment.from_string("{{ value }}").render(value="<b>x</b>")
    assert rendered == "&lt;b&gt;x&lt;/b&gt;"


def test_no_template_marks_a_value_safe() -> None:
    templates = Path(render.__file__).parent / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8").replace(" ", "")
        assert "|safe}" not in text and "|safe)" not in text, template.name
        assert "autoescapefalse" not in text, template.name


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_strict_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "cdn" not in response.text.lower()


def test_pages_link_their_json_twin(client: TestClient) -> None:
    page = client.get("/dyads/PAK/USA?by=week").text
    assert 'href="/api/dyads/PAK/USA?by=week"' in page
    assert client.get("/api/dyads/PAK/USA?by=week").status_code == 200
    assert 'href="/api/overview"' in client.get("/").text


def test_overview_links_dyads_and_document_links_events(client: TestClient) -> None:
    assert 'href="/dyads/PAK/USA"' in client.get("/").text
    dyad = client.get("/dyads/PAK/USA").text
    assert "/documents/pk-us-2022?event=" in dyad
    assert "#sent-0" in dyad


def test_document_marks_cues_by_mode(client: TestClient) -> None:
    page = client.get("/documents/pk-us-2022").text
    assert 'class="cue mode-negated"' in page
    assert 'class="cue mode-hypothetical"' in page
    assert '<mark class="mention" title="United States (USAGOV)">Antony Blinken</mark>' in page


def test_hostile_document_is_escaped_everywhere(client: TestClient) -> None:
    page = client.get("/documents/xss-doc").text
    for payload in (XSS_TITLE, XSS_TEXT, XSS_NAME):
        assert payload not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#39;name&#39;)&gt;" in page
    assert f'href="{XSS_URL}' not in page
    assert "javascript:" not in page.replace("javascript:alert(document.cookie)</span>", "")


def test_hostile_names_escaped_on_actor_search_and_dyad_pages(client: TestClient) -> None:
    for path in ("/actors/XSSGOV?level=actor", "/search?q=img", "/dyads/XSS/PAK", "/"):
        page = client.get(path).text
        assert XSS_NAME not in page, path
        assert "<script>alert(" not in page, path


def test_search_query_is_escaped(client: TestClient) -> None:
    page = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_error_pages_are_html_and_escaped(client: TestClient) -> None:
    response = client.get("/documents/<script>alert(1)</script>")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)" not in response.text
    bad = client.get("/dyads/PAK/USA", params={"since": "not-a-date"})
    assert bad.status_code == 400
    assert "since" in bad.text


def test_code_form_post_with_oversized_text_is_413(client: TestClient) -> None:
    response = client.post("/code", data={"text": "a" * 100_001})
    assert response.status_code == 413
    assert "100,000" in response.text


def test_missing_vendor_files_show_a_notice_and_tables(store_path: Path) -> None:
    app = create_app(store_path)
    app.state.templates = render.make_templates(vendor_ready=False)
    with TestClient(app) as bare:
        page = bare.get("/dyads/PAK/USA").text
    assert "Charts are unavailable" in page
    assert "vendor/vega" not in page
    assert "Figures per month" in page


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://news.example/", "http://news.example/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/", None),
        ("https:///no-host", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, link: str | None) -> None:
    assert safe_link(url) == link


def test_highlight_escapes_each_fragment_and_nests_marks() -> None:
    text = "<b>Iran</b> attacked Iraq."
    sentences = [SentenceView(sentence_index=0, start_char=0, end_char=len(text), text=text)]
    mentions = [
        MentionView(
            sentence_index=0, start_char=3, end_char=7, text="Iran", name="Iran", code="IRN"
        ),
        MentionView(
            sentence_index=0,
            start_char=20,
            end_char=24,
            text="Iraq",
            name="<i>Iraq</i>",
            code="IRQ",
        ),
    ]
    events = [
        EventView(
            event_id="e1",
            doc_id="d",
            cue_start=12,
            cue_end=20,
            cameo="190",
            label="Use force",
            mode="negated",
        )
    ]
    html = highlight(text, sentences, mentions, events)
    assert isinstance(html, Markup)
    assert html.startswith('<span class="sentence" id="sent-0">&lt;b&gt;<mark class="mention"')
    assert '<a class="cue mode-negated" href="#event-e1" data-event="e1"' in html
    assert ">attacked</a>" in html
    assert 'title="&lt;i&gt;Iraq&lt;/i&gt; (IRQ)"' in html
