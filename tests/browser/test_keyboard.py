"""The search page with the keyboard only: tab order, visible focus, Enter submits and follows."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

MAX_TABS = 80

# What has the focus, and whether it shows: an outline or a box shadow drawn around it.
_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const rect = el.getBoundingClientRect();
    return {
        key: el.matches("a.skip-link") ? "skip"
            : el.matches("form#search #q") ? "q"
            : el.matches("form#search [type=submit]") ? "submit"
            : el.matches("ol#results a.result-link") ? "result " + el.getAttribute("href")
            : el.tagName.toLowerCase() + " " + (el.getAttribute("href") || el.id || ""),
        indicator: outline || style.boxShadow !== "none",
        inMain: el.closest("#main") !== null,
        onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0,
    };
}"""


def _tab(page: Page) -> dict[str, Any]:
    page.keyboard.press("Tab")
    focused: dict[str, Any] | None = page.evaluate(_FOCUSED)
    assert focused is not None, "Tab left the focus on the document body"
    return focused


def test_tab_order_and_visible_focus_on_results(page: Page) -> None:
    page.goto("/search?q=Iraq")
    links = page.locator("ol#results a.result-link")
    expect(links.first).to_be_visible()
    expected_results = [
        "result " + (h or "")
        for h in links.evaluate_all("nodes => nodes.map(n => n.getAttribute('href'))")
    ][:3]

    order: list[str] = []
    for _ in range(MAX_TABS):
        focused = _tab(page)
        order.append(focused["key"])
        assert focused["onScreen"], f"focused element is not on screen: {focused}"
        if focused["key"] in ("skip", "q", "submit") or focused["key"].startswith("result "):
            assert focused["indicator"], f"no visible focus indicator on {focused['key']}"
        if focused["key"] == expected_results[-1]:
            break

    assert order[0] == "skip", order
    assert "q" in order and "submit" in order, order
    assert order.index("q") < order.index("submit"), order
    results = [key for key in order if key.startswith("result ")]
    assert results == expected_results, order
    assert order.index("submit") < order.index(results[0]), order


def test_skip_link_moves_focus_to_the_main_content(page: Page) -> None:
    page.goto("/")
    assert _tab(page)["key"] == "skip"
    expect(page.locator("a.skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_be_focused()
    assert _tab(page)["inMain"]


def test_enter_submits_and_follows_a_result(page: Page) -> None:
    page.goto("/")
    for _ in range(MAX_TABS):
        if _tab(page)["key"] == "q":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("tuberculosis")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=tuberculosis"))
    first = page.locator("ol#results a.result-link").first
    expect(first).to_be_visible()
    target = first.get_attribute("href")

    for _ in range(MAX_TABS):
        if _tab(page)["key"] == f"result {target}":
            break
    else:
        pytest.fail("Tab never reached the first result")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/record/"))
    expect(page.locator("#symbol")).to_have_text("A/RES/73/3")
