"""The search page in a browser: Chinese search with highlights, facets, pagination, no results."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

RESULTS = "ol#results > li.result"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _result_hrefs(page: Page) -> list[str]:
    return [
        link.get_attribute("href") or "" for link in page.locator(f"{RESULTS} a.result-link").all()
    ]


def _search(page: Page, **params: str) -> None:
    response = page.goto("/search?" + urlencode(params))
    assert response is not None and response.status == 200


def test_chinese_search_highlights_words_and_opens_the_record(page: Page) -> None:
    page.goto("/")
    page.locator("form#search #q").fill("数字图书馆")
    page.locator("form#search [type=submit]").click()
    page.wait_for_url(re.compile(r"[?&]q="))
    assert _query(page.url)["q"] == ["数字图书馆"]
    expect(page.locator("#q")).to_have_value("数字图书馆")

    results = page.locator(RESULTS)
    expect(results.first).to_be_visible()
    assert results.count() >= 2
    expect(results.first.locator('.lang-badge[data-lang="zh"]')).to_be_visible()
    marks = page.locator(f"{RESULTS} .snippet mark").all_inner_texts()
    assert marks, "no <mark> highlight in any snippet"
    assert all(mark and mark in "数字图书馆" for mark in marks), marks

    first = results.first.locator("a.result-link")
    title = first.inner_text().strip()
    first.click()
    page.wait_for_url(re.compile(r"/record/"))
    expect(page.locator("h1#title")).to_have_text(title)
    passages = page.locator("section#text article.passage")
    expect(passages.first).to_be_visible()
    assert CJK.search(passages.first.inner_text())
    lang = passages.first.evaluate("node => node.closest('[lang]').getAttribute('lang')")
    assert lang.startswith("zh"), lang


def test_a_facet_link_narrows_the_results(page: Page) -> None:
    _search(page, q="Iraq")
    before = page.locator(RESULTS).count()
    texts = page.locator(f"{RESULTS} a.result-link").all_inner_texts()
    assert any("(1990)" in t for t in texts) and any("(1991)" in t for t in texts), texts

    facet = page.locator('nav#facets a[href*="year=1991"]')
    expect(facet).to_have_count(1)
    facet.click()
    page.wait_for_url(re.compile(r"year=1991"))
    assert _query(page.url)["q"] == ["Iraq"]

    narrowed = page.locator(f"{RESULTS} a.result-link")
    expect(narrowed.first).to_be_visible()
    texts = narrowed.all_inner_texts()
    assert 0 < len(texts) < before
    assert all("(1991)" in t and "(1990)" not in t for t in texts), texts


def test_pagination_walks_through_every_result_once(page: Page) -> None:
    total = page.request.get("/search.json?" + urlencode({"q": "Iraq"})).json()["total"]
    _search(page, q="Iraq")
    seen: list[str] = []
    for number in range(1, 10):
        hrefs = _result_hrefs(page)
        assert hrefs, f"page {number} shows no results"
        expect(page.locator('nav.pagination [aria-current="page"]')).to_have_text(str(number))
        seen.extend(hrefs)
        following = page.locator(f'nav.pagination a[href*="page={number + 1}"]')
        if following.count() == 0:
            break
        following.first.click()
        page.wait_for_url(re.compile(rf"page={number + 1}"))
    assert number >= 2, "a 14-document answer fits on one page: pagination not exercised"
    assert len(seen) == len(set(seen)) == total


def test_no_results_shows_suggestions(page: Page) -> None:
    _search(page, q="zqxjvkwpfy")
    box = page.locator("#no-results")
    expect(box).to_be_visible()
    expect(page.locator(RESULTS)).to_have_count(0)
    expect(box).to_contain_text(re.compile("spelling", re.IGNORECASE))
    expect(page.locator("#q")).to_have_value("zqxjvkwpfy")


def test_no_results_under_a_filter_suggests_removing_it(page: Page) -> None:
    _search(page, q="Iraq", year="2018")
    box = page.locator("#no-results")
    expect(box).to_be_visible()
    expect(page.locator(RESULTS)).to_have_count(0)
    expect(box).to_contain_text(re.compile("filter", re.IGNORECASE))
