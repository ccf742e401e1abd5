"""The votes, countries, agreement and speeches endpoints of ``/api/v1`` on real data (every
unvotes roll call, two sessions of General Debate speeches): answers checked against the raw
files and the CLI's services, against their declared response models, as CSV, and as problems."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from pydantic import BaseModel, TypeAdapter
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.web.test_api_fuzz import CHECKS
from unlib.web.api_votes_models import (
    Agreement,
    AgreementYear,
    CountryIndex,
    CountryRecord,
    RollCall,
    RollCallList,
    SpeechRecord,
    SpeechSearch,
)

SCORES = {("yes", "yes"): 1.0, ("no", "no"): 1.0, ("abstain", "abstain"): 1.0}
TAGGED = ("votes", "speeches")


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params) if params else client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    assert response.headers["content-type"] == "application/json"
    return response.json()


def valid(model: type[BaseModel], data: Any) -> None:
    """The answer fits its declared model exactly (the models forbid extra fields)."""
    model.model_validate(data)


@pytest.fixture(scope="module")
def raw_votes(shared_data: Path) -> dict[str, dict[str, str]]:
    """rcid → {alpha-2 code: vote}, straight from un_votes.csv."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    with (shared_data / "unvotes" / "un_votes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found[row["rcid"]][row["country_code"]] = row["vote"]
    return found


def test_roll_call_list(votes_client: TestClient, shared_data: Path) -> None:
    with (shared_data / "unvotes" / "un_roll_calls.csv").open(encoding="utf-8") as f:
        session_70 = sum(1 for row in csv.DictReader(f) if row["session"] == "70")
    data = get(votes_client, "/api/v1/votes", session="70", limit=7, offset=3)
    valid(RollCallList, data)
    assert data["total"] == session_70 and len(data["roll_calls"]) == 7
    assert {line["session"] for line in data["roll_calls"]} == {"70"}
    table = votes_client.get("/api/v1/votes", params={"session": "70", "format": "csv"})
    assert table.headers["content-type"] == "text/csv; charset=utf-8"
    assert len(list(csv.DictReader(io.StringIO(table.text)))) == min(session_70, 100)
    words = get(votes_client, "/api/v1/votes", q="Nuclear disarmament", limit=500)
    valid(RollCallList, words)
    with (shared_data / "unvotes" / "un_roll_calls.csv").open(encoding="utf-8") as f:
        surely = {
            "unvotes:" + row["rcid"]
            for row in csv.DictReader(f)
            if "nuclear disarmament" in row["descr"].lower()
        }
    found = {line["id"] for line in words["roll_calls"]}
    assert words["total"] == len(found) and len(surely) > 10 and surely <= found


def test_vote_on_a_resolution(
    votes_client: TestClient, raw_votes: dict[str, dict[str, str]]
) -> None:
    one = get(votes_client, "/api/v1/votes/a/res/60/251")
    valid(RollCall, one)
    raw = raw_votes["4593"]
    assert one["id"] == "unvotes:4593" and one["symbol"] == "A/RES/60/251"
    assert one["yes"] == sum(v == "yes" for v in raw.values()) and one["adopted"] is True
    assert one["file"] == "un_roll_calls.csv"  # the server's folders stay private
    several = get(votes_client, "/api/v1/votes/A/RES/60/230")
    TypeAdapter(list[RollCall]).validate_python(several)
    assert [r["id"] for r in several] == ["unvotes:4595", "unvotes:5776", "unvotes:5777"]
    rows = list(
        csv.DictReader(io.StringIO(votes_client.get("/api/v1/votes/R/60/251?format=csv").text))
    )
    assert len(rows) == len(raw) and rows[0].keys() == {
        "roll_call",
        "symbol",
        "date",
        "country",
        "name",
        "vote",
    }


def test_countries_and_a_country(votes_client: TestClient) -> None:
    index = get(votes_client, "/api/v1/countries")
    valid(CountryIndex, index)
    assert index["total"] == len(index["countries"]) > 190
    record = get(votes_client, "/api/v1/countries/NA", **{"with": "CUB"})
    valid(CountryRecord, record)
    assert record["country"] == "NAM" and record["name"] == "Namibia"
    assert (
        record["roll_calls"]
        == len(record["votes"])
        == sum(y["roll_calls"] for y in record["by_year"])
    )
    assert {s["id"] for s in record["speeches"]} == {"NAM_73_2018", "NAM_74_2019"}
    assert record["agreement_with"][0]["b"] == "CUB"
    table = votes_client.get("/api/v1/countries/NAM?format=csv").text.splitlines()
    assert table[0] == "id,symbol,date,session,kind,title,vote"
    assert len(table) == record["roll_calls"] + 1


@pytest.mark.parametrize(
    ("a", "b", "a2", "b2"), [("USA", "ISR", "US", "IL"), ("FRA", "GBR", "FR", "GB")]
)
def test_agreement_matches_the_raw_votes(
    votes_client: TestClient, raw_votes: dict[str, dict[str, str]], a: str, b: str, a2: str, b2: str
) -> None:
    scores = []
    for by_country in raw_votes.values():
        if a2 in by_country and b2 in by_country:
            pair = (by_country[a2], by_country[b2])
            scores.append(SCORES.get(pair, 0.5 if "abstain" in pair else 0.0))
    overall = get(votes_client, "/api/v1/agreement", a=a, b=b)
    valid(Agreement, overall)
    assert overall["agreement"] == round(sum(scores) / len(scores), 4)
    assert overall["roll_calls"] == len(scores)
    by_year = get(votes_client, "/api/v1/agreement", a=a, b=b, by_year="true")
    TypeAdapter(list[AgreementYear]).validate_python(by_year)
    assert sum(y["roll_calls"] for y in by_year) == len(scores)
    table = votes_client.get(f"/api/v1/agreement?a={a}&b={b}&by_year=true&format=csv").text
    assert len(table.splitlines()) == len(by_year) + 1


def test_speech_search_and_one_speech(votes_client: TestClient) -> None:
    found = get(votes_client, "/api/v1/speeches", q='"climate change"', session=74, limit=5)
    valid(SpeechSearch, found)
    assert found["total"] > 20 and len(found["results"]) == 5
    for hit in found["results"]:
        assert hit["session"] == 74
        marked = [hit["snippet"][s:e].lower() for s, e in hit["highlights"]]
        assert marked and all(m.startswith(("climat", "chang")) for m in marked)
    listed = get(votes_client, "/api/v1/speeches", country="fr", year=2018)
    assert [r["id"] for r in listed["results"]] == ["FRA_73_2018"]
    speech = get(votes_client, "/api/v1/speeches/FRA_73_2018")
    valid(SpeechRecord, speech)
    assert speech["source_path"] == "FRA_73_2018.txt" and len(speech["paragraphs"]) > 20
    table = votes_client.get("/api/v1/speeches?q=climate&country=FRA&format=csv").text
    assert table.splitlines()[0].startswith("id,country,country_name,session,year,speaker")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/votes/A/RES/999/1", 404),
        ("/api/v1/votes/not a symbol", 404),
        ("/api/v1/countries/ZZZ", 404),
        ("/api/v1/agreement?a=USA&b=Narnia", 404),
        ("/api/v1/speeches?country=Narnia", 400),
        ("/api/v1/speeches?q=%22", 200),  # an unclosed quote is read as a word, not an error
        ("/api/v1/speeches/NOPE_1_1", 404),
        ("/api/v1/votes?year=12", 422),
        ("/api/v1/votes?format=xml", 422),
    ],
)
def test_problems(votes_client: TestClient, url: str, status: int) -> None:
    response = votes_client.get(url)
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == status and response.json()["detail"]


def test_every_votes_and_speeches_path_is_documented_and_answers(votes_client: TestClient) -> None:
    spec = votes_client.get("/api/v1/openapi.json").json()
    examples = {"symbol": "A/RES/60/251", "code": "USA", "speech_id": "USA_73_2018"}
    queries = {"a": "USA", "b": "CAN"}
    checked = set()
    for path, operations in spec["paths"].items():
        operation = operations.get("get")
        if operation is None or not set(operation.get("tags", ())) & set(TAGGED):
            continue
        assert "200" in operation["responses"] and operation["summary"], path
        url = path
        for name, value in examples.items():
            url = url.replace("{" + name + "}", value)
        required = [p["name"] for p in operation.get("parameters", []) if p.get("required")]
        query = "&".join(f"{n}={queries[n]}" for n in required if n in queries)
        get(votes_client, url + ("?" + query if query else ""))
        checked.add(path)
    assert checked == {
        "/api/v1/votes",
        "/api/v1/votes/{symbol}",
        "/api/v1/countries",
        "/api/v1/countries/{code}",
        "/api/v1/agreement",
        "/api/v1/speeches",
        "/api/v1/speeches/{speech_id}",
    }


def test_an_empty_library_answers_without_errors(client: TestClient) -> None:
    assert get(client, "/api/v1/votes")["total"] == 0
    assert get(client, "/api/v1/countries") == {"total": 0, "countries": []}
    assert get(client, "/api/v1/speeches", q="peace")["total"] == 0
    assert client.get("/api/v1/votes/A/RES/73/3").status_code == 404


# -- the contract, fuzzed on a library that holds votes and speeches --------------------------


@pytest.fixture(scope="module")
def votes_schema(votes_client: TestClient) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", votes_client.app)


fuzzed = schemathesis.pytest.from_fixture("votes_schema").include(
    method="GET", tag_regex="^(votes|speeches)$"
)


@pytest.mark.slow
@fuzzed.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_votes_endpoints_keep_their_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
