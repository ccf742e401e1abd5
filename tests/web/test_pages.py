"""The web pages over a real library: every page renders, Chinese search highlights, records
switch language, the resolver and original files, escaping, right-to-left Arabic, language
negotiation and friendly errors (JSON twins: test_pages_twins; pure helpers: test_views)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from lxml.html import HtmlElement

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.web.app import create_app
from unlib.web.pages import STATIC_DIR

pytestmark = pytest.mark.usefixtures("no_language_cookie")

CHARTER_TITLE = "Charter of the United Nations"
PAGES = (
    "/",
    "/search?q=Iraq",
    "/search?q=%E6%95%B0%E5%AD%97%E5%9B%BE%E4%B9%A6%E9%A6%86",
    "/search?lang=zh",
    "/record/A/RES/73/3",
    "/record/S/RES/678%20(1990)",
    "/browse",
    "/browse/body",
    "/browse/year",
    "/browse/session",
    "/browse/body/S",
    "/browse/lang/zh",
    "/stats",
)


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def html(
    client: TestClient, url: str, status: int = 200, headers: dict[str, str] | None = None
) -> HtmlElement:
    answer = client.get(url, headers=headers)
    assert answer.status_code == status, (url, answer.text[:500])
    assert answer.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(answer.text)


def texts(doc: HtmlElement, xpath: str) -> list[str]:
    return [node.text_content().strip() for node in doc.xpath(xpath)]


@pytest.fixture(scope="module")
def charter(client: TestClient) -> str:
    first = client.get("/search.json", params={"q": CHARTER_TITLE}).json()["results"][0]
    assert first["title"] == CHARTER_TITLE
    return "/record/" + quote(first["id"], safe="/:")


# -- every page -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_with_landmarks_and_one_h1(client: TestClient, url: str) -> None:
    doc = html(client, url)
    assert doc.xpath("/html/@lang") == ["en"] and doc.xpath("/html/@dir") == ["ltr"]
    assert len(doc.xpath("//h1")) == 1
    assert doc.xpath("//a[@class='skip-link'][@href='#main']")
    assert doc.xpath("//main[@id='main']") and doc.xpath("//header") and doc.xpath("//footer")
    assert doc.xpath("//link[@rel='alternate'][@type='application/json']")
    codes = doc.xpath("//nav[@id='ui-languages']//a/@hreflang")
    assert codes == ["ar", "zh", "en", "fr", "ru", "es"]


@pytest.mark.parametrize("url", PAGES)
def test_page_keeps_to_the_content_security_policy(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline script"
    assert "<style" not in page and not re.search(r"\sstyle=", page), "inline style"
    assert not re.search(r"\son[a-z]+=", page), "inline event handler"


def test_results_page_weighs_less_than_200_kb_with_its_assets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Iraq"}).content
    assets = sum(len(path.read_bytes()) for path in STATIC_DIR.iterdir() if path.is_file())
    assert len(page) + assets < 200_000


# -- search ---------------------------------------------------------------------------------


def test_results_from_other_languages_can_be_turned_off(client: TestClient) -> None:
    page = html(client, "/search?q=%E5%AE%89%E5%85%A8%E7%90%86%E4%BA%8B%E4%BC%9A&hl=fr")
    toggle = page.get_element_by_id("all-languages")
    assert toggle.text == "Désactiver les résultats dans les autres langues"
    assert "all=0" in toggle.get("href")
    on = client.get("/search.json", params={"q": "安全理事会", "hl": "fr"}).json()
    assert any(h.get("reader") for r in on["results"] for h in r["hits"])
    off = client.get("/search.json", params={"q": "安全理事会", "hl": "fr", "all": "0"}).json()
    assert not any(h.get("reader") for r in off["results"] for h in r["hits"])
    assert "crosslingual" not in off
    again = html(client, toggle.get("href"))
    assert again.get_element_by_id("all-languages").text.startswith("Activer")
    assert again.xpath("//form[@id='search']//input[@name='all']/@value") == ["0"]


def test_chinese_search_marks_the_words_in_snippets(client: TestClient) -> None:
    doc = html(client, "/search?q=" + quote("数字图书馆"))
    results = doc.xpath(f"//ol[@id='results']/li[{has_class('result')}]")
    assert len(results) >= 2
    marks = texts(doc, f"//*[{has_class('snippet')}]//mark")
    assert marks and all(mark in "数字图书馆" for mark in marks), marks
    assert doc.xpath(f"//*[{has_class('lang-badge')}][@data-lang='zh']")
    link = results[0].xpath(f".//a[{has_class('result-link')}]")[0]
    assert link.get("href").startswith("/record/") and "lang=zh" in link.get("href")
    assert link.get("lang") == "zh"


def test_facets_filter_and_the_summary_clears_them(client: TestClient) -> None:
    doc = html(client, "/search?q=Iraq")
    years = doc.xpath("//nav[@id='facets']//a[contains(@href, 'year=1991')]/@href")
    assert years == ["/search?q=Iraq&year=1991"]
    narrowed = html(client, years[0])
    symbols = texts(narrowed, f"//li[{has_class('result')}]//*[{has_class('symbol')}]")
    assert symbols and all(symbol.endswith("(1991)") for symbol in symbols), symbols
    active = narrowed.xpath("//nav[@id='facets']//a[@aria-current='true']/@href")
    assert active == ["/search?q=Iraq"]
    assert narrowed.xpath(f"//a[{has_class('clear')}]/@href") == ["/search?q=Iraq"]


def test_pagination_links_the_pages(client: TestClient) -> None:
    total = client.get("/search.json?q=Iraq").json()["total"]
    assert total > 10
    first = html(client, "/search?q=Iraq")
    assert first.xpath(f"//nav[{has_class('pagination')}]//a[@rel='next']/@href") == [
        "/search?q=Iraq&page=2"
    ]
    second = html(client, "/search?q=Iraq&page=2")
    shown = second.xpath(f"//ol[@id='results']/li[{has_class('result')}]")
    assert len(shown) == total - 10
    assert second.xpath("//ol[@id='results']/@start") == ["11"]


def test_no_results_box_shows_suggestions_and_ways_out(client: TestClient) -> None:
    doc = html(client, "/search?q=zqxjvkwpfy&lang=zh")
    box = doc.xpath("//*[@id='no-results']")[0]
    hints = texts(box, ".//li")
    assert any("Remove the filters" in hint for hint in hints), hints
    assert box.xpath(".//a[@href='/search?q=zqxjvkwpfy']")
    assert box.xpath(".//a[@href='/browse']")
    assert doc.xpath("//input[@id='q']/@value") == ["zqxjvkwpfy"]


def test_home_page_offers_examples_and_the_holdings(client: TestClient) -> None:
    doc = html(client, "/")
    assert doc.xpath("//form[@id='search'][@action='/search']//input[@id='q'][@name='q']")
    assert doc.xpath("//form[@id='search']//button[@type='submit']")
    holdings = doc.xpath("//a[starts-with(@href, '/search?lang=')]/@href")
    assert "/search?lang=zh" in holdings and "/search?lang=ar" in holdings
    assert doc.xpath("//details[@class='syntax-help']")


def test_a_bad_query_explains_itself_on_the_search_page(client: TestClient) -> None:
    doc = html(client, "/search?q=year:abc", status=400)
    assert "cannot read the year in year:abc" in texts(doc, "//p[@class='error-detail']")[0]
    assert doc.xpath("//input[@id='q']/@value") == ["year:abc"]
    assert "Traceback" not in doc.text_content()


def test_a_page_past_the_last_result_leads_back(client: TestClient) -> None:
    doc = html(client, "/search?q=Iraq&page=40")
    assert not doc.xpath("//*[@id='no-results']")
    assert doc.xpath("//a[@href='/search?q=Iraq']")


@pytest.mark.parametrize("url", ["/", "/search?q=peace", "/browse/year", "/stats"])
def test_pages_of_an_empty_library(tmp_path: Path, url: str) -> None:
    with TestClient(create_app(make_settings(tmp_path / "data", workers=1))) as empty:
        answer = empty.get(url)
    assert answer.status_code == 200
    assert "Traceback" not in answer.text and "<main" in answer.text


# -- record ---------------------------------------------------------------------------------


def test_record_shows_metadata_passages_files_and_citations(client: TestClient) -> None:
    doc = html(client, "/record/S/RES/678%20(1990)")
    assert texts(doc, "//*[@id='symbol']") == ["S/RES/678 (1990)"]
    assert doc.xpath("//h1[@id='title']/@lang") == ["en"]
    passages = doc.xpath("//section[@id='text']/article[@data-para]")
    assert passages and {p.get("lang") for p in passages} == {"en"}
    numbered = [p for p in passages if p.get("data-para") == "2"]
    assert numbered and numbered[0].get("id") == "para-2"
    assert doc.xpath(f"//a[{has_class('download')}][@data-lang='en']/@href")[0].startswith(
        "/files/"
    )
    assert "/record/S/RES/660%20(1990)" in doc.xpath("//section[@id='cites']//a/@href")
    unresolved = texts(doc, f"//section[@id='cites']//span[{has_class('unresolved')}]")
    assert "S/RES/661 (1990)" in unresolved
    assert texts(doc, f"//section[@id='cited-by']//a[{has_class('citation')}]")
    assert doc.xpath("//a[@href='/s/S/RES/678%20(1990)']")


def test_language_versions_switch_the_text(client: TestClient, charter: str) -> None:
    english = html(client, charter + "?lang=en")
    chinese = html(client, charter + "?lang=zh")
    arabic = html(client, charter + "?lang=ar")
    versions = chinese.xpath("//nav[@id='versions']//a")
    assert [a.get("data-lang") for a in versions] == ["ar", "zh", "en", "fr", "ru", "es"]
    assert [a.get("data-lang") for a in versions if a.get("aria-current")] == ["zh"]
    assert texts(chinese, "//h1[@id='title']") == ["联合国宪章"]
    assert texts(english, "//h1[@id='title']") == [CHARTER_TITLE]
    assert chinese.xpath("//section[@id='text']/@lang") == ["zh"]
    assert arabic.xpath("//section[@id='text']/@dir") == ["rtl"]
    assert english.xpath("//section[@id='text']/@dir") == ["ltr"]
    assert (
        texts(chinese, "//section[@id='text']/article")[0]
        != texts(english, "//section[@id='text']/article")[0]
    )
    downloads = chinese.xpath(f"//a[{has_class('download')}]/@data-lang")
    assert sorted(downloads) == sorted(["ar", "zh", "en", "fr", "ru", "es"])


def test_record_text_follows_the_interface_language(client: TestClient, charter: str) -> None:
    doc = html(client, charter + "?hl=fr")
    assert doc.xpath("//section[@id='text']/@lang") == ["fr"]
    assert doc.xpath("//nav[@id='versions']//a[@aria-current]/@data-lang") == ["fr"]


# -- resolver and files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "target"),
    [
        ("a%2Fres%2F73%2F3", "/record/A/RES/73/3"),
        ("A / RES / 73 / 3", "/record/A/RES/73/3"),
        ("s/res/678%20(1990)", "/record/S/RES/678%20(1990)"),
    ],
)
def test_resolver_redirects_to_the_record(client: TestClient, spelling: str, target: str) -> None:
    answer = client.get(f"/s/{spelling}", follow_redirects=False)
    assert answer.status_code == 302
    assert answer.headers["location"] == target


def test_resolver_with_a_language_serves_that_original(
    client: TestClient, shared_data: Path
) -> None:
    answer = client.get("/s/a/res/73/3?lang=en", follow_redirects=False)
    assert answer.status_code == 302 and answer.headers["location"].startswith("/files/")
    original = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"
    served = client.get(answer.headers["location"])
    assert served.status_code == 200
    assert served.content == original.read_bytes()
    assert served.headers["content-type"] == "application/pdf"
    disposition = served.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''A_RES_73_3-EN.pdf" in disposition


def test_missing_language_version_is_a_friendly_404(client: TestClient) -> None:
    doc = html(client, "/s/A/RES/73/3?lang=zh", status=404)
    assert "languages held: en" in doc.text_content()


def test_unknown_file_id_is_a_friendly_404(client: TestClient) -> None:
    doc = html(client, "/files/" + "0" * 64, status=404)
    assert doc.xpath("//a[@href='/']")


# -- errors ---------------------------------------------------------------------------------


def test_unknown_symbol_page_suggests_a_search(client: TestClient) -> None:
    doc = html(client, "/record/A/RES/99/999", status=404)
    assert "A/RES/99/999" in texts(doc, "//h1")[0]
    assert doc.xpath("//a[@href='/search?q=A%2FRES%2F99%2F999']")
    assert "unlib search" not in doc.text_content()  # no command-line advice on the web
    twin = client.get("/record/A/RES/99/999.json")
    assert twin.status_code == 404
    assert twin.headers["content-type"] == "application/problem+json"


def test_unknown_page_is_friendly_in_the_reader_language(client: TestClient) -> None:
    doc = html(client, "/nowhere?hl=es", status=404)
    assert doc.xpath("/html/@lang") == ["es"]
    assert "Traceback" not in doc.text_content()
    assert doc.xpath("//a[@href='/browse']") and doc.xpath("//form[@id='search']")


# -- languages ------------------------------------------------------------------------------


def test_arabic_interface_is_right_to_left_and_remembered(client: TestClient) -> None:
    answer = client.get("/stats?hl=ar")
    assert "unlib_hl=ar" in answer.headers["set-cookie"]
    doc = lxml.html.fromstring(answer.text)
    assert doc.xpath("/html/@lang") == ["ar"] and doc.xpath("/html/@dir") == ["rtl"]
    assert doc.xpath("//nav[@id='ui-languages']//a[@aria-current='true']/@hreflang") == ["ar"]
    again = html(client, "/browse", headers={"Cookie": "unlib_hl=ar"})
    assert again.xpath("/html/@dir") == ["rtl"]


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
        ("de-DE, ru;q=0.5, en;q=0.4", "ru"),
        ("zh-Hans-CN", "zh"),
        ("es;q=0.2, ar;q=0.9", "ar"),
        ("de-DE", "en"),
    ],
)
def test_accept_language_chooses_the_interface(client: TestClient, header: str, lang: str) -> None:
    doc = html(client, "/", headers={"Accept-Language": header})
    assert doc.xpath("/html/@lang") == [lang]


def test_language_switcher_keeps_the_current_address(client: TestClient) -> None:
    doc = html(client, "/search?q=Iraq&year=1991")
    links = dict(
        zip(
            doc.xpath("//nav[@id='ui-languages']//a/@hreflang"),
            doc.xpath("//nav[@id='ui-languages']//a/@href"),
            strict=True,
        )
    )
    assert links["ru"] == "/search?q=Iraq&year=1991&hl=ru"
    record = html(client, "/record/S/RES/678%20(1990)?lang=en")
    assert record.xpath("//nav[@id='ui-languages']//a[@hreflang='fr']/@href") == [
        "/record/S/RES/678%20(1990)?lang=en&hl=fr"
    ]
    assert record.xpath("//link[@rel='alternate']/@href") == [
        "/record/S/RES/678%20(1990).json?lang=en"
    ]
    assert texts(doc, "//nav[@id='ui-languages']//a[@hreflang='zh']") == ["中文"]


# -- escaping -------------------------------------------------------------------------------

PROBE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Escaping check &lt;script&gt;alert(1)&lt;/script&gt;</title></head>
<body><p>This note about escaping quotes &lt;script&gt;alert(1)&lt;/script&gt; on purpose,
and readers must see it as text.</p></body></html>
"""


@pytest.fixture(scope="module")
def probe_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    work = tmp_path_factory.mktemp("probe")
    (work / "escaping-note.html").write_text(PROBE, encoding="utf-8")
    settings = make_settings(work / "data", workers=1)
    with Library(settings, create=True) as library:
        assert library.ingest([work / "escaping-note.html"]).ingested == 1
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("kind", ["search", "record"])
def test_script_in_a_document_is_shown_as_text(probe_client: TestClient, kind: str) -> None:
    url = "/search?q=escaping"
    if kind == "record":
        url = probe_client.get("/search.json?q=escaping").json()["results"][0]["id"]
        url = "/record/" + quote(url, safe="/:")
    page = probe_client.get(url).text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    doc = lxml.html.fromstring(page)
    assert doc.xpath("count(//script)") == doc.xpath("count(//script[@src])") == 1
    assert "<script>alert(1)</script>" in str(doc.xpath("string(//main)"))


def test_script_in_the_query_is_shown_as_text(client: TestClient) -> None:
    page = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in page
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
