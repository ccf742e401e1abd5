"""The interface language: chosen by ``?hl=``, remembered in a cookie, else taken from the
browser's Accept-Language; Arabic lays the page out right to left."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import FloatRect, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _html(page: Page) -> tuple[str | None, str | None]:
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def _search_controls(page: Page) -> tuple[FloatRect, FloatRect]:
    field = page.locator("form#search #q").bounding_box()
    button = page.locator("form#search [type=submit]").bounding_box()
    assert field is not None and button is not None
    return field, button


def test_arabic_interface_is_laid_out_right_to_left(page: Page) -> None:
    page.goto("/?hl=ar")
    assert _html(page) == ("ar", "rtl")
    box = page.locator("form#search #q")
    assert box.evaluate("node => getComputedStyle(node).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"

    # The layout really mirrors: the button sits left of the search box in Arabic, right of
    # it in English.
    arabic_field, arabic_button = _search_controls(page)
    assert arabic_button["x"] + arabic_button["width"] <= arabic_field["x"]
    page.goto("/?hl=en")
    assert _html(page) == ("en", "ltr")
    english_field, english_button = _search_controls(page)
    assert english_button["x"] >= english_field["x"] + english_field["width"]


def test_chosen_language_is_remembered(page: Page) -> None:
    page.goto("/stats?hl=ar")
    assert _html(page) == ("ar", "rtl")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("unlib_hl") == "ar"
    page.goto("/browse")
    assert _html(page) == ("ar", "rtl")
    page.goto("/?hl=zh")
    assert _html(page) == ("zh", "ltr")


def test_switcher_links_change_the_language(page: Page) -> None:
    page.goto("/stats")
    links = page.locator("nav#ui-languages a[hreflang]")
    assert {link.get_attribute("hreflang") for link in links.all()} >= {
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    }
    page.locator('nav#ui-languages a[hreflang="ru"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    assert "/stats" in page.url


def test_browser_language_is_used_without_a_choice(new_page: Callable[..., Page]) -> None:
    page = new_page(locale="fr-FR")
    page.goto("/")
    assert _html(page) == ("fr", "ltr")
    page = new_page(locale="de-DE")
    page.goto("/")
    assert _html(page)[0] == "en"
