"""The record page in a browser: language versions, downloads of originals, the symbol
resolver and citation links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CJK = re.compile(r"[\u4e00-\u9fff]")
PASSAGES = "section#text article.passage"


def _lang_of(page: Page, selector: str) -> str:
    found: str = page.locator(selector).first.evaluate(
        "node => node.closest('[lang]').getAttribute('lang')"
    )
    return found


def _open_charter(page: Page) -> None:
    page.goto("/search?q=Charter+of+the+United+Nations")
    page.locator("ol#results a.result-link", has_text="Charter of the United Nations").first.click()
    page.wait_for_url(re.compile(r"/record/"))


def test_switching_the_language_version_changes_text_and_lang(page: Page) -> None:
    _open_charter(page)
    versions = page.locator("nav#versions a[data-lang]")
    expect(versions).to_have_count(6)
    assert {v.get_attribute("data-lang") for v in versions.all()} == {
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    }

    page.locator('nav#versions a[data-lang="en"]').click()
    page.wait_for_url(re.compile(r"[?&]lang=en"))
    expect(page.locator('nav#versions a[data-lang="en"]')).to_have_attribute("aria-current", "true")
    expect(page.locator("h1#title")).to_have_text("Charter of the United Nations")
    english = page.locator(PASSAGES).first.inner_text()
    assert "WE THE PEOPLES OF THE UNITED NATIONS" in english
    assert _lang_of(page, PASSAGES) == "en"

    page.locator('nav#versions a[data-lang="zh"]').click()
    page.wait_for_url(re.compile(r"[?&]lang=zh"))
    expect(page.locator('nav#versions a[data-lang="zh"]')).to_have_attribute("aria-current", "true")
    expect(page.locator('nav#versions a[data-lang="en"]')).not_to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator("h1#title")).to_have_text("联合国宪章")
    chinese = page.locator(PASSAGES).first.inner_text()
    assert chinese != english and CJK.search(chinese)
    assert _lang_of(page, PASSAGES).startswith("zh")
    assert _lang_of(page, "h1#title").startswith("zh")
    paras = page.locator(PASSAGES).evaluate_all("nodes => nodes.map(n => n.dataset.para)")
    assert len(paras) > 100 and all(p is not None for p in paras)


def test_arabic_text_runs_right_to_left_in_an_english_interface(page: Page) -> None:
    _open_charter(page)
    page.locator('nav#versions a[data-lang="ar"]').click()
    page.wait_for_url(re.compile(r"[?&]lang=ar"))
    assert page.locator("html").get_attribute("dir") == "ltr"
    expect(page.locator("h1#title")).to_have_text("ميثاق الأمم المتحدة")
    first = page.locator(PASSAGES).first
    assert _lang_of(page, PASSAGES) == "ar"
    assert first.evaluate("node => getComputedStyle(node).direction") == "rtl"
    assert page.locator("h1#title").evaluate("node => getComputedStyle(node).direction") == "rtl"


def test_download_gives_the_original_bytes_and_name(page: Page, shared_data: Path) -> None:
    page.goto("/record/A/RES/73/3")
    expect(page.locator("#symbol")).to_have_text("A/RES/73/3")
    with page.expect_download() as info:
        page.locator('a.download[data-lang="en"]').first.click()
    download = info.value
    original = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"
    assert download.suggested_filename == original.name
    assert Path(download.path()).read_bytes() == original.read_bytes()


def test_download_of_a_chinese_text_version(page: Page, shared_data: Path) -> None:
    _open_charter(page)
    page.locator('nav#versions a[data-lang="zh"]').click()
    page.wait_for_url(re.compile(r"[?&]lang=zh"))
    with page.expect_download() as info:
        page.locator('a.download[data-lang="zh"]').first.click()
    download = info.value
    original = shared_data / "un-charter" / "un_charter_zh.txt"
    assert download.suggested_filename == original.name
    assert Path(download.path()).read_bytes() == original.read_bytes()


@pytest.mark.parametrize(
    ("spelling", "symbol"),
    [
        ("a%2Fres%2F73%2F3", "A/RES/73/3"),
        ("A/RES/73/3", "A/RES/73/3"),
        ("s/res/678%20(1990)", "S/RES/678 (1990)"),
        ("S%2FRES%2F678(1990)", "S/RES/678 (1990)"),
    ],
)
def test_resolver_lands_on_the_record(page: Page, spelling: str, symbol: str) -> None:
    page.goto(f"/s/{spelling}")
    assert "/record/" in page.url
    expect(page.locator("#symbol")).to_have_text(symbol)


def test_resolver_with_a_language_gives_that_original(page: Page, shared_data: Path) -> None:
    answer = page.request.get("/s/a%2Fres%2F73%2F3?lang=en")
    assert answer.status == 200
    original = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"
    assert answer.body() == original.read_bytes()


def test_citations_link_both_ways(page: Page) -> None:
    page.goto("/s/S/RES/678 (1990)")
    cites = page.locator("section#cites")
    expect(cites.locator("a.citation", has_text="S/RES/660 (1990)")).to_have_count(1)
    expect(cites.locator("span.citation.unresolved", has_text="S/RES/661 (1990)")).to_have_count(1)
    expect(cites.locator("a.citation", has_text="S/RES/661 (1990)")).to_have_count(0)
    expect(page.locator("section#cited-by a.citation", has_text="S/RES/686 (1991)")).to_have_count(
        1
    )

    cites.locator("a.citation", has_text="S/RES/660 (1990)").click()
    expect(page.locator("#symbol")).to_have_text("S/RES/660 (1990)")
    back = page.locator("section#cited-by a.citation", has_text="S/RES/678 (1990)")
    expect(back).to_have_count(1)
    back.click()
    expect(page.locator("#symbol")).to_have_text("S/RES/678 (1990)")
