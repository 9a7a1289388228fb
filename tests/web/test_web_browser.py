"""Browser tests: Playwright driving Debian's Chromium through the real server.

Each test saves a screenshot of the pages it visits under
test-artifacts/screenshots/, so a reviewer can look at what users see.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import running_server
from playwright.sync_api import Browser, Page, expect, sync_playwright

from realpolitik.web import app as web_app
from realpolitik.web import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SAMPLE = "samples/pakistan-us-convergence-2022.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    with running_server(store_path) as base:
        yield base


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def charts_built() -> bool:
    return render.vendor_ready(web_app.STATIC_DIR)


def test_overview_to_dyad_to_event_document(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Overview")
    if charts_built():
        expect(page.locator("#graph canvas").first).to_be_attached()
    shoot(page, "overview")

    page.get_by_role("link", name="PAK – USA").first.click()
    page.wait_for_url("**/dyads/PAK/USA")
    if charts_built():
        expect(page.locator("#dyad-chart svg").first).to_be_visible()
    else:
        expect(page.locator(".notice")).to_contain_text("Charts are unavailable")
    shoot(page, "dyad")

    page.locator("table.events td.evidence a", has_text="Khan accuses").click()
    page.wait_for_url("**/documents/pk-us-2022-03*")
    detail = page.locator("#event-detail")
    expect(detail.locator('[data-field="code"]')).to_have_text("112 · PLOVER ACCUSE")
    expect(page.locator("a.cue.selected")).to_have_text("accused")
    shoot(page, "document")


def test_clicking_a_cue_shows_its_event(page: Page, base_url: str) -> None:
    page.goto(base_url + "/documents/pk-us-2022")
    page.locator("a.cue", has_text="release").click()
    detail = page.locator("#event-detail")
    expect(detail.locator('[data-field="mode"]')).to_have_text("hypothetical")
    expect(detail.locator('[data-field="money"]')).to_contain_text("$8 billion")
    expect(detail.locator('[data-field="attribution"]')).to_contain_text("(anonymous)")
    shoot(page, "document-event")


def test_hostile_document_runs_no_script(page: Page, base_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/documents/xss-doc")
    expect(page.locator("h1")).to_contain_text("<script>")
    assert page.locator("a[href^='javascript']").count() == 0
    assert dialogs == []
    shoot(page, "document-hostile")


def test_network_and_actor_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + "/network?quad=3&quad=4")
    expect(page.locator("table")).to_contain_text("CHN")
    shoot(page, "network")
    page.get_by_role("link", name="IND").first.click()
    page.wait_for_url("**/actors/IND*")
    expect(page.locator("h1")).to_contain_text("India")
    shoot(page, "actor")


@pytest.mark.model
def test_paste_a_text_and_see_its_events(page: Page, base_url: str, shared_dir: Path) -> None:
    text = (shared_dir / SAMPLE).read_text(encoding="utf-8")
    page.goto(base_url + "/code")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=date]", "2022-05-20")
    page.get_by_role("button", name="Code it").click()
    expect(page.locator("#result")).to_contain_text("found", timeout=60_000)
    assert page.locator("table.events tbody tr[data-event]").count() > 0
    page.locator("a.cue").first.click()
    expect(page.locator('#event-detail [data-field="code"]')).not_to_be_empty()
    shoot(page, "code-a-text")
