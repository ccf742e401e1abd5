"""The vocabulary pages in a real browser: a library of its own (the UNBIS Thesaurus, the SDG
taxonomy and the MARC records, imported with the CLI) served by ``unlib serve``. The concept
search form used from the keyboard, axe-core on each page (no serious or critical violation),
screenshots under artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import axe
from tests.browser.server import Server, run_unlib

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def base_url(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own service: vocabularies and MARC records only."""
    work = tmp_path_factory.mktemp("browser-vocab")
    data_dir = work / "data"
    run_unlib(
        data_dir,
        "vocab",
        "import",
        str(shared_data / "unbis-thesaurus"),
        str(shared_data / "sdg-kos"),
        str(shared_data / "sdg-translations"),
    )
    run_unlib(data_dir, "marc", "import", str(shared_data / "undl-marc-a-c3-78"))
    with Server(data_dir, work / "serve.log") as server:
        yield server.url


def test_concept_search_from_the_keyboard(
    new_page: Callable[..., Page], axe_script: Path, screenshots: Path
) -> None:
    page = new_page(bypass_csp=True)  # axe is injected as a script tag
    response = page.goto("/vocab")
    assert response is not None and response.status == 200
    expect(page.locator("#scheme-unbis li")).to_have_count(18)
    axe.check_accessible(page, screenshots, "vocab")
    page.locator("#vq").fill("气候变化")
    page.keyboard.press("Enter")
    first = page.locator("#results li a").first
    expect(first).to_have_text("CLIMATE CHANGE")
    axe.check_accessible(page, screenshots, "vocab-search-zh")
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1#label")).to_have_text("CLIMATE CHANGE")
    expect(page.locator("#labels td[lang='zh']").first).to_have_text("气候变化")


@pytest.mark.parametrize(
    ("name", "path", "ready"),
    [
        ("vocab-concept", "/vocab/unbis/1001376", "#documents li a"),
        ("vocab-concept-ar", "/vocab/unbis/1000544?hl=ar", "#matches li a"),
        ("vocab-sdg-target", "/vocab/sdg/1.1", "#texts dd"),
        ("vocab-domain", "/vocab/unbis/14", "#members li a"),
    ],
)
def test_concept_pages_are_accessible(
    new_page: Callable[..., Page],
    axe_script: Path,
    screenshots: Path,
    name: str,
    path: str,
    ready: str,
) -> None:
    page = new_page(bypass_csp=True)
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    expect(page.locator(ready).first).to_be_visible()
    axe.check_accessible(page, screenshots, name)
