"""The record page of a work known from its UN Digital Library MARC record: title, subject
headings linked to their UNBIS concepts, names, related documents and the Library's files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.web.app import create_app


@pytest.fixture(scope="module")
def marc_client(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("marc") / "data"
    settings = make_settings(data, workers=1)
    with Library(settings, create=True) as library:
        library.vocab_import([shared_data / "unbis-thesaurus"])
        summary = library.marc_import([shared_data / "undl-marc-a-c3-78"])
    assert summary["records"] == 47, summary
    with TestClient(create_app(settings)) as client:
        yield client


def test_the_catalogue_record_is_shown_on_the_record_page(marc_client: TestClient) -> None:
    page = lxml.html.fromstring(marc_client.get("/record/A/C.3/78/L.8?hl=fr").text)
    title = page.get_element_by_id("title").text_content()
    assert title.startswith("Strengthening the United Nations Crime Prevention")
    panel = page.get_element_by_id("catalogue-record")
    assert panel.xpath("h2")[0].text == "Notice de la Bibliothèque numérique de l’ONU"
    headings = {a.text: a.get("href") for a in panel.xpath(".//ul[@class='headings']//a")}
    assert headings["CRIME PREVENTION"] == "/vocab/unbis/1001376"
    names = panel.xpath(".//ul[@class='names']/li/text()")
    assert "UN Office on Drugs and Crime" in names
    files = panel.xpath(".//ul[@class='external-files']//a")
    assert {a.get("hreflang") for a in files} == {"ar", "zh", "en", "fr", "ru", "es"}
    assert all(a.get("href").startswith("https://digitallibrary.un.org/") for a in files)


def test_related_documents_link_to_their_records(marc_client: TestClient) -> None:
    page = lxml.html.fromstring(marc_client.get("/record/A/C.3/78/L.8/Rev.1").text)
    links = page.xpath("//section[@id='catalogue-record']//ul[@class='related']//a")
    assert "/record/A/RES/78/229" in {a.get("href") for a in links}
    twin = marc_client.get("/record/A/C.3/78/L.8/Rev.1.json").json()
    related = twin["catalogue_record"]["related"]
    assert {"relation": "resolution", "target_symbol": "A/RES/78/229"}.items() <= next(
        r for r in related if r["relation"] == "resolution"
    ).items()
