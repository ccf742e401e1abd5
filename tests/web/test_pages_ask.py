"""The Ask page and API, and the side-by-side reading of two language versions, on the shared
real sample library (the Charter in six languages among other documents)."""

from __future__ import annotations

import lxml.html
import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.usefixtures("no_language_cookie")

CHARTER_TITLE = "Charter of the United Nations"


@pytest.fixture(scope="module")
def charter_id(client: TestClient) -> str:
    first = client.get("/search.json", params={"q": CHARTER_TITLE}).json()["results"][0]
    assert first["title"] == CHARTER_TITLE
    return str(first["id"])


def test_the_ask_page_offers_a_form_and_a_nav_link(client: TestClient) -> None:
    page = lxml.html.fromstring(client.get("/ask", params={"hl": "fr"}).text)
    assert page.get("lang") == "fr"
    assert page.xpath("//form[@id='ask-form']//input[@name='q']")
    assert page.xpath("//nav[contains(@class,'site-nav')]//a[@href='/ask'][@aria-current='page']")


def test_a_chinese_question_is_answered_with_quoted_sentences(client: TestClient) -> None:
    question = "联合国的宗旨是什么？"
    data = client.get("/ask.json", params={"q": question}).json()
    assert data["found"] and data["source"] == "documents" and data["lang"] == "zh"
    best = data["answers"][0]
    assert best["lang"] == "zh" and "宗旨" in best["text"]
    page = lxml.html.fromstring(client.get("/ask", params={"q": question}).text)
    quotes = page.xpath("//ol[@class='quotes']/li/blockquote[@lang='zh']")
    assert quotes and quotes[0].text_content() == best["text"]
    assert page.xpath(f"//ol[@class='quotes']//a[@href='{best['url']}']")


def test_the_api_answers_with_the_documented_shape(client: TestClient) -> None:
    response = client.get("/api/v1/ask", params={"q": "Who appoints the Secretary-General?"})
    assert response.status_code == 200
    data = response.json()
    assert data["found"] and data["lang"] == "en"
    assert set(data["answers"][0]) >= {
        "text",
        "symbol",
        "lang",
        "paragraph",
        "start",
        "end",
        "url",
        "score",
    }


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/ask", {"q": "Why?", "lang": "xx"}, 400),
        ("/api/v1/ask", {"q": ""}, 422),
        ("/api/v1/ask", {"q": "x" * 501}, 422),
    ],
)
def test_bad_questions_are_refused(
    client: TestClient, path: str, params: dict[str, str], status: int
) -> None:
    assert client.get(path, params=params).status_code == status


def test_an_unanswerable_question_says_so(client: TestClient) -> None:
    page = client.get(
        "/ask", params={"q": "What is the best recipe for chocolate cake?", "hl": "es"}
    )
    assert page.status_code == 200
    assert "Nada en esta biblioteca responde" in page.text


@pytest.mark.slow  # aligns the Charter's English and Chinese versions (≈15 s)
def test_side_by_side_and_paragraph_views(client: TestClient, charter_id: str) -> None:
    record = lxml.html.fromstring(client.get(f"/record/{charter_id}", params={"lang": "en"}).text)
    link = record.xpath("//p[@id='side-by-side']/a")[0].get("href")
    assert link.startswith(f"/compare/{charter_id}?a=en")
    page = lxml.html.fromstring(
        client.get(f"/compare/{charter_id}", params={"a": "en", "b": "zh"}).text
    )
    cells = [
        (r[0].text_content(), r[1].text_content())
        for r in page.xpath("//table[@class='side-by-side']/tbody/tr")
    ]
    assert ("Article 1", "第一条") in cells
    one = client.get(
        f"/compare/{charter_id}.json", params={"a": "en", "b": "zh", "para": "2"}
    ).json()
    assert one["rows"] and all(row["b"] or row["a"] for row in one["rows"])
    paragraph = client.get(
        f"/api/v1/paragraphs/{charter_id}", params={"para": "2", "lang": "zh,en"}
    )
    assert paragraph.status_code == 200
    assert paragraph.json()["passages"][1]["text"].startswith("To develop friendly relations")
    assert client.get(f"/api/v1/paragraphs/{charter_id}", params={"para": "999"}).status_code == 404
    assert client.get("/compare/A/RES/99/999").status_code == 404


def test_comparing_a_version_with_itself_is_a_bad_request(
    client: TestClient, charter_id: str
) -> None:
    page = client.get(f"/compare/{charter_id}", params={"a": "fr", "b": "fr"})
    assert page.status_code == 400
    assert "two different languages" in page.text
    api = client.get(f"/api/v1/compare/{charter_id}", params={"a": "fr", "b": "fr"})
    assert api.status_code == 400
    assert api.headers["content-type"].startswith("application/problem+json")
    chosen = client.get(f"/compare/{charter_id}.json", params={"hl": "ru"}).json()
    assert chosen["a"] == "ru" and chosen["b"] != "ru"  # the reader's language, then another
    missing = client.get(f"/api/v1/compare/{charter_id}", params={"a": "fr", "b": "de"})
    assert missing.status_code in {404, 422}
