"""Text from documents and from the address bar is shown as text, never run as script; the
pages keep to their Content-Security-Policy (the page fixture fails on any violation)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.browser.server import SCRIPT_PROBE_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAYLOAD = '<script>alert("x")</script>'


def _injected(page: Page) -> bool:
    """Whether any script element of the page carries the payload."""
    found: bool = page.evaluate("[...document.scripts].some(s => s.textContent.includes('alert'))")
    return found


def _dialogs(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("dialog", lambda dialog: seen.append(dialog.message))
    return seen


def test_script_in_a_document_is_shown_as_text(page: Page) -> None:
    dialogs = _dialogs(page)
    page.goto("/search?" + urlencode({"q": "probe alert"}))
    result = page.locator("ol#results > li.result").first
    expect(result).to_be_visible()
    expect(result.locator("a.result-link")).to_have_text(SCRIPT_PROBE_TEXT)
    expect(result.locator(".snippet")).to_contain_text(PAYLOAD)
    assert not _injected(page)

    result.locator("a.result-link").click()
    page.wait_for_url(re.compile(r"/record/"))
    expect(page.locator("h1#title")).to_have_text(SCRIPT_PROBE_TEXT)
    expect(page.locator("section#text")).to_contain_text(PAYLOAD)
    assert not _injected(page)
    assert "<script>" not in page.locator("h1#title").inner_html()
    assert dialogs == []


def test_script_in_the_query_is_shown_as_text(page: Page) -> None:
    dialogs = _dialogs(page)
    query = f'"><svg onload=alert(1)>{PAYLOAD}'
    page.goto("/search?" + urlencode({"q": query}))
    expect(page.locator("#q")).to_have_value(query)
    assert page.locator("svg[onload]").count() == 0
    assert not _injected(page)

    page.goto("/record/" + PAYLOAD)
    assert not _injected(page)
    assert dialogs == []
