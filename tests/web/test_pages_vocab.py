"""The vocabulary pages and API: concept search in any of the six languages, concept pages in
HTML, JSON, JSON-LD and Turtle (read back by rdflib), and the documents indexed with a
concept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, SKOS

from tests.conftest import make_settings
from tests.vocab.conftest import cut_thesaurus, marc_headings
from unlib.model import LANGUAGES
from unlib.services.library import Library
from unlib.web.app import create_app

UNBIS = "http://metadata.un.org/thesaurus/"
SDG = "http://metadata.un.org/sdg/"
BASIC_NEEDS = rdflib.URIRef(UNBIS + "1000544")


def _xpath(page: str, path: str) -> list[Any]:
    found = lxml.html.fromstring(page).xpath(path)
    assert isinstance(found, list)
    return found


def _graph(body: str, fmt: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=body, format=fmt)
    return graph


def test_the_same_concept_in_chinese_and_in_english(client: TestClient) -> None:
    found = [
        client.get("/vocab.json", params={"q": q}).json()["search"]["results"][0]["uri"]
        for q in ("气候变化", "climate change", "Changements climatiques")
    ]
    assert found == [UNBIS + "1001030"] * 3
    api = client.get("/api/v1/vocab/search", params={"q": "气候变化", "hl": "zh"}).json()
    assert api["results"][0]["label"] == "气候变化" and api["results"][0]["path"]


def test_the_vocabulary_page(client: TestClient) -> None:
    page = client.get("/vocab", params={"q": "basic needs"}, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/vocab/unbis/1000544" in _xpath(page.text, "//section[@id='results']//a/@href")
    assert len(_xpath(page.text, "//section[@id='scheme-unbis']//li")) == 18  # the domains
    assert len(_xpath(page.text, "//section[@id='scheme-sdg']//li")) == 17  # the goals
    empty = client.get("/vocab", params={"q": "zzzzqqq"}, headers={"accept": "text/html"})
    assert _xpath(empty.text, "//p[@class='no-results']")
    assert client.get("/vocab", params={"lang": "de"}).status_code == 400
    french = client.get("/vocab", params={"hl": "fr"}, headers={"accept": "text/html"})
    assert "Thésaurus UNBIS" in french.text


def test_a_concept_page_shows_labels_relations_and_links(client: TestClient) -> None:
    page = client.get("/vocab/unbis/1000544", headers={"accept": "text/html"})
    assert page.status_code == 200
    labels = {
        cell.get("lang"): cell.text_content()
        for cell in _xpath(page.text, "//section[@id='labels']//td[1]")
    }
    assert set(labels) == set(LANGUAGES) and labels["zh"] == "基本需要"
    assert _xpath(page.text, "//section[@id='domain']//a/@href")
    assert "/vocab/sdg/1.1" in _xpath(page.text, "//section[@id='matches']//a/@href")
    assert 'rel="alternate"; type="text/turtle"' in page.headers["link"]
    data = client.get("/vocab/unbis/1000544.json").json()
    assert data["uri"] == str(BASIC_NEEDS) and data["pref"]["en"] == "BASIC NEEDS"
    assert {m["uri"] for m in data["matches"]} >= {SDG + "1.1"}


@pytest.mark.parametrize(
    ("url", "accept", "fmt"),
    [
        ("/vocab/unbis/1000544.ttl", "text/html", "turtle"),
        ("/vocab/unbis/1000544", "text/turtle", "turtle"),
        ("/vocab/unbis/1000544.jsonld", "text/html", "json-ld"),
        ("/vocab/unbis/1000544", "application/ld+json", "json-ld"),
        ("/vocab/unbis/1000544", "text/turtle;q=0.5, application/ld+json", "json-ld"),
    ],
)
def test_linked_data_is_valid_rdf(client: TestClient, url: str, accept: str, fmt: str) -> None:
    response = client.get(url, headers={"accept": accept})
    assert response.status_code == 200
    media = "text/turtle" if fmt == "turtle" else "application/ld+json"
    assert response.headers["content-type"].startswith(media)
    graph = _graph(response.text, fmt)
    assert (BASIC_NEEDS, rdflib.RDF.type, SKOS.Concept) in graph
    labels = {
        lit.language: str(lit)
        for lit in graph.objects(BASIC_NEEDS, SKOS.prefLabel)
        if isinstance(lit, rdflib.Literal)
    }
    assert set(labels) == set(LANGUAGES) and labels["ru"] == "Базовые потребности"
    assert (BASIC_NEEDS, SKOS.inScheme, rdflib.URIRef("http://metadata.un.org/thesaurus")) in graph
    assert (BASIC_NEEDS, SKOS.closeMatch, rdflib.URIRef(SDG + "1.1")) in graph
    assert any(graph.objects(BASIC_NEEDS, SKOS.broader))


def test_turtle_and_json_ld_say_the_same(client: TestClient) -> None:
    turtle = _graph(client.get("/vocab/sdg/1.1.ttl").text, "turtle")
    json_ld = _graph(client.get("/vocab/sdg/1.1.jsonld").text, "json-ld")
    assert isomorphic(turtle, json_ld)
    target = rdflib.URIRef(SDG + "1.1")
    assert (target, DCTERMS.subject, BASIC_NEEDS) in turtle
    assert (target, SKOS.broader, rdflib.URIRef(SDG + "1")) in turtle


def test_json_and_html_by_accept(client: TestClient) -> None:
    as_json = client.get("/vocab/sdg/1", headers={"accept": "application/json"})
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_json.json()["kind"] == "goal"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    as_html = client.get("/vocab/sdg/1", headers={"accept": browser})
    assert as_html.headers["content-type"].startswith("text/html")


def test_unknown_concepts_and_vocabularies(client: TestClient) -> None:
    missing = client.get("/vocab/unbis/9999999", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert client.get("/vocab/eurovoc/1", headers={"accept": "text/html"}).status_code == 404
    api = client.get("/api/v1/vocab/unbis/9999999")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")
    assert "9999999" in api.json()["detail"]


def test_the_api_concept_record(client: TestClient) -> None:
    data = client.get("/api/v1/vocab/sdg/1.1", params={"hl": "fr"}).json()
    assert data["uri"] == SDG + "1.1" and data["label"].startswith("D’ici à 2030")
    assert {m["uri"] for m in data["matches"]} >= {str(BASIC_NEEDS)}
    stats = client.get("/api/v1/vocab").json()
    assert stats["concepts"]["unbis"]["domain"] == 18 and stats["links"]["sdg_unbis"] == 3660


# -- documents indexed with a concept (MARC 650 headings) ---------------------------------------


@pytest.fixture(scope="module")
def marc_client(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("vocab-marc")
    settings = make_settings(root / "data", workers=1)
    with Library(settings, create=True) as library:
        library.vocab_import([cut_thesaurus(shared_data, root / "unbis")])
        library.marc_import([shared_data / "undl-marc-a-c3-78"])
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _records_with(shared_data: Path, heading: str) -> set[str]:
    summary = shared_data / "undl-marc-a-c3-78" / "dev_records_summary.tsv"
    lines = summary.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    return {r["symbol"] for r in rows if heading in r["subjects_unbis"].split(" ; ")}


def test_concept_pages_list_the_documents_indexed_with_them(
    marc_client: TestClient, shared_data: Path
) -> None:
    checked = 0
    for heading in sorted(marc_headings(shared_data))[:12]:
        hits = marc_client.get("/api/v1/vocab/search", params={"q": heading, "lang": "en"})
        best = hits.json()["results"]
        if not best or best[0]["label"] != heading:
            continue  # a heading the thesaurus does not hold
        record = marc_client.get(best[0]["path"] + ".json").json()
        assert {d["symbol"] for d in record["documents"]} == _records_with(shared_data, heading)
        assert record["documents_total"] == len(record["documents"])
        assert all(d["sources"] == ["marc"] and d["title"] for d in record["documents"])
        page = marc_client.get(best[0]["path"], headers={"accept": "text/html"})
        links = _xpath(page.text, "//section[@id='documents']//a/@href")
        assert len(links) == len(record["documents"])
        assert marc_client.get(links[0], headers={"accept": "text/html"}).status_code == 200
        turtle = _graph(marc_client.get(best[0]["path"] + ".ttl").text, "turtle")
        assert len(set(turtle.subjects(DCTERMS.subject, rdflib.URIRef(record["uri"])))) == len(
            links
        )
        assert not any(turtle.objects(rdflib.URIRef(record["uri"]), OWL.deprecated))
        checked += 1
    assert checked >= 10
