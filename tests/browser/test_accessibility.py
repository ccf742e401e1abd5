"""axe-core on every main page: no serious or critical violation. Each page is also saved as a
screenshot under artifacts/screenshots/ for review."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser import axe

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@dataclass(frozen=True)
class Screen:
    name: str
    path: str  # "{charter}" stands for the Charter's record path
    ready: str  # a selector that shows the page is the expected one
    status: int = 200
    full_page: bool = True


SCREENS = (
    Screen("search", "/", "form#search #q"),
    Screen("search-results", "/search?q=Iraq", "ol#results > li.result"),
    Screen("search-results-zh", "/search?q=数字图书馆", "ol#results .snippet mark"),
    Screen("search-no-results", "/search?q=zqxjvkwpfy", "#no-results"),
    Screen("record", "/record/S/RES/678 (1990)", "section#text article.passage"),
    Screen("record-pdf", "/record/A/RES/73/3", "a.download[data-lang]"),
    Screen(
        "record-ar",
        "{charter}?lang=ar&hl=ar",
        "section#text article.passage",
        full_page=False,
    ),
    Screen("browse", "/browse", "#main"),
    Screen("browse-body", "/browse/body", "#main"),
    Screen("browse-body-S", "/browse/body/S", "#main a[href*='/record/']"),
    Screen("stats", "/stats", "#main"),
    Screen("stats-ar", "/stats?hl=ar", "#main"),
    Screen("not-found", "/record/A/RES/99/999", "h1", status=404),
)


@pytest.fixture(scope="module")
def charter_path(base_url: str) -> str:
    answer = httpx.get(f"{base_url}/search.json", params={"q": "Charter of the United Nations"})
    answer.raise_for_status()
    first = answer.json()["results"][0]
    assert first["title"] == "Charter of the United Nations", first
    return "/record/" + quote(first["id"], safe="/:")


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.name)
def test_no_serious_accessibility_violations(
    new_page: Callable[..., Page],
    axe_script: Path,
    screenshots: Path,
    charter_path: str,
    screen: Screen,
) -> None:
    # axe is injected as a script tag, which the pages' strict CSP would (rightly) refuse.
    page = new_page(bypass_csp=True)
    path = screen.path.replace("{charter}", charter_path)
    response = page.goto(path)
    assert response is not None and response.status == screen.status, path
    expect(page.locator(screen.ready).first).to_be_visible()
    page.screenshot(path=str(screenshots / f"{screen.name}.png"), full_page=screen.full_page)

    found = axe.blocking(axe.violations(page))
    assert not found, axe.describe(found, page.url)
