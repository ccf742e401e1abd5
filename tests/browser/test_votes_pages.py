"""The vote, country and speech pages in a real browser: a library of their own (every real
unvotes roll call, one session of General Debate speeches, imported with the CLI) served by
``unlib serve``. Charts drawn, forms used from the keyboard, axe-core on each page (no serious
or critical violation), screenshots under artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import axe
from tests.browser.server import Server, run_unlib

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SESSION = "Session 74 - 2019"


@pytest.fixture(scope="module")
def base_url(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own service: votes and speeches only."""
    work = tmp_path_factory.mktemp("browser-votes")
    data_dir = work / "data"
    run_unlib(data_dir, "votes", "import", str(shared_data / "unvotes"))
    run_unlib(data_dir, "speeches", "import", str(shared_data / "ungdc" / "TXT" / SESSION))
    with Server(data_dir, work / "serve.log") as server:
        yield server.url


def test_vote_page(new_page: Callable[..., Page], axe_script: Path, screenshots: Path) -> None:
    page = new_page(bypass_csp=True)  # axe is injected as a script tag
    response = page.goto("/votes/A/RES/60/251")
    assert response is not None and response.status == 200
    section = page.locator("section#rc-unvotes-4593")
    expect(section.locator("p.verdict")).to_contain_text("The text was adopted.")
    chart = section.locator("svg.vote-tally")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 200  # type: ignore[index]
    expect(chart.locator("rect.vote-Y")).to_have_count(1)
    expect(section.locator("section.vote-N li")).to_have_count(4)
    axe.check_accessible(page, screenshots, "votes-resolution")

    page.goto("/votes?year=2016&hl=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("table#roll-calls tbody tr")).to_have_count(50)
    axe.check_accessible(page, screenshots, "votes-list-ar")


def test_country_page_with_agreement_chart(
    new_page: Callable[..., Page], axe_script: Path, screenshots: Path
) -> None:
    page = new_page(bypass_csp=True)
    page.goto("/countries/USA")
    expect(page.locator("h1")).to_have_text("United States of America")
    expect(page.locator("svg.vote-shares")).to_be_visible()
    expect(page.locator("svg.agreement-chart")).to_have_count(0)
    # Choose the other country and compare, from the keyboard.
    page.locator("select#with").select_option("CAN")
    page.locator("select#with").focus()
    page.keyboard.press("Tab")
    expect(page.locator("form#compare button")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/USA?with=CAN")
    chart = page.locator("svg.agreement-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute(
        "aria-label", "Agreement of United States of America with Canada by year"
    )
    assert chart.locator("rect.agreement-bar").count() >= 10
    expect(page.locator("p.agreement-overall")).to_contain_text("Canada")
    expect(page.locator("section#speeches li a")).to_have_text(["Session 74 (2019)"])
    axe.check_accessible(page, screenshots, "country-agreement")

    page.goto("/countries/FRA?with=GBR&hl=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("فرنسا")
    expect(page.locator("svg.agreement-chart")).to_be_visible()
    axe.check_accessible(page, screenshots, "country-agreement-ar")

    page.goto("/countries")
    expect(page.locator("table#countries tbody tr").first).to_be_visible()
    axe.check_accessible(page, screenshots, "countries")


def test_speech_search_and_speech(
    new_page: Callable[..., Page], axe_script: Path, screenshots: Path
) -> None:
    page = new_page(bypass_csp=True)
    page.goto("/speeches")
    page.locator("select#f-country").select_option("FRA")
    page.locator("input#q").fill("climate")
    page.locator("input#q").press("Enter")
    page.wait_for_url("**/speeches?q=climate&country=FRA**")
    results = page.locator("ol#speech-results > li")
    expect(results).to_have_count(1)
    expect(results.first.locator(".snippet mark").first).to_have_text("climate")
    axe.check_accessible(page, screenshots, "speeches-search")

    results.first.locator("a.para").click()
    page.wait_for_url("**/speeches/FRA_74_2019#para-*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"article#{anchor}")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("climat")
    axe.check_accessible(page, screenshots, "speech")
