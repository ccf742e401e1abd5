"""The vote, country and speech pages on real data: every real unvotes roll call and two
sessions of General Debate speeches (``votes_client``), checked against the raw files; their
JSON twins, CSV/JSON exports, errors, languages and escaping."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

UNVOTES_ROLL_CALLS = 1102


def page(client: TestClient, url: str, hl: str = "en") -> lxml.html.HtmlElement:
    url += ("&" if "?" in url else "?") + f"hl={hl}"
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def text(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def csv_rows(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment;")
    return list(csv.DictReader(io.StringIO(response.text)))


def raw_roll_calls(shared_data: Path) -> list[dict[str, str]]:
    with (shared_data / "unvotes" / "un_roll_calls.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def raw_votes(shared_data: Path, rcid: str) -> Counter[str]:
    with (shared_data / "unvotes" / "un_votes.csv").open(encoding="utf-8") as f:
        return Counter(row["vote"] for row in csv.DictReader(f) if row["rcid"] == rcid)


# -- /votes -----------------------------------------------------------------------------------


def test_roll_call_list_filters_pages_and_exports(
    votes_client: TestClient, shared_data: Path
) -> None:
    raw = raw_roll_calls(shared_data)
    assert len(raw) == UNVOTES_ROLL_CALLS
    in_2016 = [row for row in raw if row["date"].startswith("2016")]
    data = votes_client.get("/votes.json").json()
    assert data["total"] == UNVOTES_ROLL_CALLS and len(data["roll_calls"]) == 50

    tree = page(votes_client, "/votes?year=2016")
    assert len(tree.xpath("//table[@id='roll-calls']/tbody/tr")) == 50
    assert tree.xpath("//nav[contains(@class,'pagination')]//a") or tree.xpath("//a[@rel='next']")
    exported = csv_rows(votes_client, "/votes.csv?year=2016")
    assert len(exported) == len(in_2016)
    assert {row["symbol"] for row in exported} >= {
        "A/RES/" + row["unres"][2:] for row in in_2016 if row["unres"].startswith("R/71/")
    } - {""}
    as_json = votes_client.get("/votes?year=2016&format=json").json()
    assert [row["id"] for row in as_json] == [row["id"] for row in exported]

    second = votes_client.get("/votes.json?year=2016&page=2").json()
    assert second["offset"] == 50 and second["roll_calls"][0]["id"] == exported[50]["id"]


def test_roll_call_list_text_filter(votes_client: TestClient, shared_data: Path) -> None:
    raw = raw_roll_calls(shared_data)
    # The importer keeps ``descr`` as the description, and ``short`` or ``descr`` as the title.
    words = ("human", "rights", "council")
    surely = {r["rcid"] for r in raw if all(w in r["descr"].lower() for w in words)}
    maybe = {
        r["rcid"]
        for r in raw
        if all(w in (r["unres"] + r["short"] + " " + r["descr"]).lower() for w in words)
    }
    data = votes_client.get("/votes.json", params={"q": "human rights COUNCIL"}).json()
    assert data["text"] == "human rights COUNCIL"
    found = {line["id"].removeprefix("unvotes:") for line in data["roll_calls"]}
    assert data["total"] == len(found) and surely <= found <= maybe and len(surely) > 5
    tree = page(votes_client, "/votes?q=Human+Rights+Council")
    links = tree.xpath("//table[@id='roll-calls']//a/@href")
    assert "/votes/A/RES/60/251#rc-unvotes-4593" in links
    assert votes_client.get("/votes.json", params={"q": "no such words 100%_"}).json()["total"] == 0


def test_resolution_vote_page(votes_client: TestClient, shared_data: Path) -> None:
    counts = raw_votes(shared_data, "4593")
    tree = page(votes_client, "/votes/A/RES/60/251")
    section = tree.get_element_by_id("rc-unvotes-4593")
    totals = dict(
        zip(
            text(section, ".//dl[@class='totals vote-totals']//dt"),
            text(section, ".//dl[@class='totals vote-totals']//dd"),
            strict=True,
        )
    )
    assert totals["In favour"] == str(counts["yes"]) and totals["Against"] == str(counts["no"])
    assert totals["Abstaining"] == str(counts["abstain"])
    assert "The text was adopted." in text(section, ".//p[contains(@class,'verdict')]")[0]
    against = text(section, ".//section[contains(@class,'vote-N')]//li")
    assert len(against) == counts["no"] and "United States of America" in against
    svg = section.xpath(".//svg[@role='img']")
    assert svg and svg[0].get("aria-label") == "Vote on A/RES/60/251"
    assert len(svg[0].xpath(".//*[local-name()='rect']")) == 4
    # The page's twin is the API's record; any spelling reaches it.
    twin = votes_client.get("/votes/R/60/251.json").json()
    assert twin == [votes_client.get("/api/v1/votes/A/RES/60/251").json()]
    rows = csv_rows(votes_client, "/votes/A/RES/60/251?format=csv")
    assert len(rows) == sum(counts.values())
    assert Counter(r["vote"] for r in rows)["N"] == counts["no"]


def test_a_resolution_with_several_roll_calls(votes_client: TestClient) -> None:
    tree = page(votes_client, "/votes/A/RES/60/230")
    ids = [node.get("id") for node in tree.xpath("//section[@class='roll-call']")]
    assert ids == ["rc-unvotes-4595", "rc-unvotes-5776", "rc-unvotes-5777"]
    assert "Vote on a paragraph" in text(tree, "//section[@id='rc-unvotes-5776']/h2")[0]


def test_record_page_links_to_its_vote(votes_client: TestClient) -> None:
    tree = page(votes_client, "/record/A/RES/60/251")
    links = tree.xpath("//section[@id='votes']//a/@href")
    assert links == ["/votes/A/RES/60/251#rc-unvotes-4593"]
    assert (
        page(votes_client, links[0].split("#")[0]).get_element_by_id("rc-unvotes-4593") is not None
    )
    twin = votes_client.get("/record/A/RES/60/251.json").json()
    assert [vote["id"] for vote in twin["votes"]] == ["unvotes:4593"]
    assert isinstance(twin["subjects"], list)


# -- /countries -------------------------------------------------------------------------------


def test_country_index(votes_client: TestClient, shared_data: Path) -> None:
    data = votes_client.get("/countries.json").json()
    codes = {c["code"]: c for c in data["countries"]}
    assert {"USA", "FRA", "CHN", "NAM"} <= set(codes)
    with (shared_data / "unvotes" / "un_votes.csv").open(encoding="utf-8") as f:
        us = sum(1 for row in csv.DictReader(f) if row["country_code"] == "US")
    assert codes["USA"]["roll_calls"] == us and codes["USA"]["speeches"] == 2
    tree = page(votes_client, "/countries", hl="fr")
    assert "États-Unis d'Amérique" in text(tree, "//table[@id='countries']//th[@scope='row']")
    rows = csv_rows(votes_client, "/countries.csv")
    assert len(rows) == data["total"]


def test_country_page_with_agreement_chart(votes_client: TestClient) -> None:
    tree = page(votes_client, "/countries/USA?with=CAN")
    assert text(tree, "//h1")[0] == "United States of America"
    assert tree.xpath("//svg[contains(@class, 'vote-shares')][@role='img']")
    agreement = votes_client.get("/api/v1/agreement?a=USA&b=CAN&by_year=true").json()
    chart = tree.xpath("//svg[contains(@class, 'agreement-chart')]")[0]
    assert chart.get("aria-label") == "Agreement of United States of America with Canada by year"
    bars = chart.xpath(".//*[local-name()='rect']")
    assert len(bars) == len([y for y in agreement if y["agreement"] is not None]) > 5
    table_years = text(tree, "//section[@id='agreement']//table/tbody/tr/th")
    assert table_years == [str(y["year"]) for y in agreement]
    twin = votes_client.get("/countries/USA.json?with=CAN").json()
    assert twin["agreement_with"] == agreement
    exported = csv_rows(votes_client, "/countries/USA?with=CAN&format=csv&table=agreement")
    assert [float(r["agreement"]) for r in exported] == [y["agreement"] for y in agreement]
    speeches = tree.xpath("//section[@id='speeches']//li/a/@href")
    assert speeches == ["/speeches/USA_74_2019", "/speeches/USA_73_2018"] or sorted(speeches) == [
        "/speeches/USA_73_2018",
        "/speeches/USA_74_2019",
    ]


def test_country_page_in_arabic_is_right_to_left(votes_client: TestClient) -> None:
    tree = page(votes_client, "/countries/FRA?with=GBR", hl="ar")
    assert tree.get("dir") == "rtl" and tree.get("lang") == "ar"
    assert text(tree, "//h1")[0] == "فرنسا"
    assert "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية" in text(
        tree, "//select[@id='with']/option"
    )


def test_country_with_speeches_only_and_unknown_countries(votes_client: TestClient) -> None:
    eu = votes_client.get("/countries/EU.json").json()
    assert eu["roll_calls"] == 0 and len(eu["speeches"]) == 2
    api = votes_client.get("/api/v1/countries/EU")
    assert api.status_code == 200 and api.json()["speeches"] == eu["speeches"]
    assert api.json()["votes"] == [] and api.json()["by_year"] == []
    assert votes_client.get("/api/v1/countries/EU", params={"with": "USA"}).status_code == 404
    missing = votes_client.get("/countries/ZZZ", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "ZZZ" in missing.text
    problem = votes_client.get("/countries/Narnia.json")
    assert problem.status_code == 404
    assert problem.headers["content-type"] == "application/problem+json"
    bad = page(votes_client, "/countries/USA?with=Narnia")
    assert "Narnia" in text(bad, "//p[@class='notice']")[0]


# -- /speeches --------------------------------------------------------------------------------


def test_speech_search_with_filters_and_snippets(votes_client: TestClient) -> None:
    data = votes_client.get("/speeches.json", params={"q": "climate", "country": "FRA"}).json()
    assert data["total"] == 2 and {r["country"] for r in data["results"]} == {"FRA"}
    tree = page(votes_client, "/speeches?q=climate&country=FRA")
    marks = text(tree, "//p[@class='snippet']/mark")
    assert marks and all(m.lower().startswith("climat") for m in marks)
    by_session = votes_client.get("/speeches.json", params={"q": "climate", "session": 73}).json()
    assert by_session["total"] > 20 and {r["session"] for r in by_session["results"]} == {73}
    by_year = votes_client.get("/speeches.json", params={"year": 2019}).json()
    assert by_year["total"] > 150 and {r["year"] for r in by_year["results"]} == {2019}
    macron = votes_client.get("/speeches.json", params={"speaker": "macron"}).json()
    assert {r["id"] for r in macron["results"]} == {"FRA_73_2018", "FRA_74_2019"}
    rows = csv_rows(votes_client, "/speeches.csv?q=climate&country=FRA")
    assert [r["id"] for r in rows] == [r["id"] for r in data["results"]]


def test_speech_page(votes_client: TestClient, shared_data: Path) -> None:
    tree = page(votes_client, "/speeches/USA_73_2018")
    paragraphs = tree.xpath("//section[@id='text']/article")
    assert len(paragraphs) > 20 and paragraphs[0].get("id") == "para-1"
    source = (shared_data / "ungdc" / "TXT" / "Session 73 - 2018" / "USA_73_2018.txt").read_text(
        encoding="utf-8-sig"
    )
    first = text(paragraphs[0], "./p")[0]
    assert first[:40] in " ".join(source.split())
    twin = votes_client.get("/speeches/USA_73_2018.json").json()
    assert twin["source_path"] == "USA_73_2018.txt"  # never the server's folders
    assert len(twin["paragraphs"]) == len(paragraphs)


def test_speech_search_escapes_what_it_shows(votes_client: TestClient) -> None:
    attack = '<script>alert("x")</script>'
    response = votes_client.get("/speeches", params={"q": attack, "speaker": attack})
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "&lt;script&gt;" in response.text


# -- errors and an empty library --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/votes?year=20x6", 400),
        ("/votes?body=XX", 400),
        ("/votes?format=xml", 400),
        ("/countries/USA?format=csv&table=nothing", 400),
        ("/votes/A/RES/999/1", 404),
        ("/speeches?session=abc", 400),
        ("/speeches?country=Narnia", 400),
        ("/speeches/NOPE_1_2000", 404),
    ],
)
def test_errors_are_friendly_pages_and_problems(
    votes_client: TestClient, url: str, status: int
) -> None:
    html = votes_client.get(url, headers={"accept": "text/html"})
    assert html.status_code == status and "error-box" in html.text
    problem = votes_client.get(url, headers={"accept": "application/json"})
    assert problem.status_code == status
    assert problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["detail"]


def test_pages_of_a_library_without_votes_or_speeches(client: TestClient) -> None:
    assert "No votes or speeches" in page(client, "/countries").text_content()
    assert client.get("/votes.json").json()["total"] == 0
    assert client.get("/speeches.json?q=peace").json()["total"] == 0
    assert client.get("/record/A/RES/73/3").status_code == 200


@pytest.mark.parametrize("hl", ["ar", "zh", "en", "fr", "ru", "es"])
def test_every_page_in_each_interface_language(votes_client: TestClient, hl: str) -> None:
    english = {"In favour", "Recorded votes", "Member States on record", "General Debate speeches"}
    for url in (
        "/votes",
        "/votes/A/RES/60/230",
        "/countries",
        "/countries/CHN?with=RUS",
        "/speeches?q=peace&session=73",
        "/speeches/CHN_73_2018",
    ):
        tree = page(votes_client, url, hl=hl)
        assert tree.get("lang") == hl and tree.get("dir") == ("rtl" if hl == "ar" else "ltr")
        shown = set(text(tree, "//h1 | //h2 | //h3 | //h4 | //th | //nav//a"))
        assert hl == "en" or not shown & english, (url, shown & english)
