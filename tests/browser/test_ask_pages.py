"""The Ask and FAQ pages in a real browser on the served sample library: a question typed and
sent from the keyboard, quoted answers, and axe-core on each page (no serious or critical
violation); screenshots under artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import axe

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_ask_from_the_keyboard(
    new_page: Callable[..., Page], axe_script: Path, screenshots: Path
) -> None:
    page = new_page(bypass_csp=True)  # axe is injected as a script tag
    response = page.goto("/ask?hl=zh")
    assert response is not None and response.status == 200
    axe.check_accessible(page, screenshots, "ask")
    page.locator("#aq").fill("联合国的宗旨是什么？")
    page.keyboard.press("Enter")
    first = page.locator("ol.quotes li.quote blockquote").first
    expect(first).to_contain_text("宗旨")
    axe.check_accessible(page, screenshots, "ask-answer-zh")


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("ask-nothing-ar", "/ask?q=%D9%83%D8%B9%D9%83%D8%A9&hl=ar"),
        ("faq", "/faq"),
        ("faq-new", "/faq/new?hl=ru"),
    ],
)
def test_pages_are_accessible(
    new_page: Callable[..., Page], axe_script: Path, screenshots: Path, name: str, path: str
) -> None:
    page = new_page(bypass_csp=True)
    response = page.goto(path)
    assert response is not None and response.status == 200
    axe.check_accessible(page, screenshots, name)
