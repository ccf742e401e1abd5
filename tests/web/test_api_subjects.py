"""Subject indexing over HTTP: suggestions for a document and for a text, stored subjects with
provenance, and a librarian's decisions through the REST API (token required) and through
the form of the record page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from tests.vocab.conftest import cut_thesaurus
from tests.web.conftest import API_TOKEN
from unlib.services import subjects
from unlib.services.library import Library
from unlib.web.app import create_app

WORK = "A/C.3/78/L.8"
CRIME_PREVENTION = "http://metadata.un.org/thesaurus/1001376"
AUTH = {"authorization": f"Bearer {API_TOKEN}"}
KEYS = {"uri", "label", "score", "backend"}


@pytest.fixture(scope="module")
def subjects_client(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("subjects-web")
    settings = make_settings(root / "data", workers=1, api_token=API_TOKEN)
    with Library(settings, create=True) as library:
        library.vocab_import([cut_thesaurus(shared_data, root / "unbis")])
        library.marc_import([shared_data / "undl-marc-a-c3-78"])
        work = library.resolve(WORK)
        assert subjects.store_suggestions(library, work) > 0
    with TestClient(create_app(settings)) as client:
        yield client


def test_suggestions_for_a_document_and_for_a_text(subjects_client: TestClient) -> None:
    found = subjects_client.get("/api/v1/subjects/suggest", params={"work": WORK, "limit": 5})
    assert found.status_code == 200
    rows = found.json()
    assert 0 < len(rows) <= 5 and all(set(r) == KEYS for r in rows)
    assert CRIME_PREVENTION in [r["uri"] for r in rows]
    text = subjects_client.post(
        "/api/v1/subjects/suggest-text",
        json={"text": "Crime prevention and criminal justice.", "lang": "en"},
    )
    assert text.status_code == 200 and CRIME_PREVENTION in [r["uri"] for r in text.json()]
    empty = subjects_client.post("/api/v1/subjects/suggest-text", json={"text": "", "lang": "zh"})
    assert empty.status_code == 200 and empty.json() == []


def test_bad_requests_are_explained(subjects_client: TestClient) -> None:
    missing = subjects_client.get("/api/v1/subjects/suggest", params={"work": "A/C.3/12/L.999"})
    assert missing.status_code == 404 and "A/C.3/12/L.999" in missing.json()["detail"]
    german = subjects_client.post("/api/v1/subjects/suggest-text", json={"text": "x", "lang": "de"})
    assert german.status_code == 422
    no_text = subjects_client.get("/api/v1/subjects/suggest", params={"work": WORK, "lang": "ru"})
    assert no_text.status_code == 400 and "has no ru text" in no_text.json()["detail"]
    untrained = subjects_client.get(
        "/api/v1/subjects/suggest", params={"work": WORK, "backend": "learned"}
    )
    assert untrained.status_code == 400 and "unlib subjects train" in untrained.json()["detail"]


def test_decisions_need_the_token_and_are_kept(subjects_client: TestClient) -> None:
    body = {"work": WORK, "uri": CRIME_PREVENTION, "status": "accepted", "agent": "tester"}
    assert subjects_client.post("/api/v1/subjects/decisions", json=body).status_code == 401
    done = subjects_client.post("/api/v1/subjects/decisions", json=body, headers=AUTH)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "accepted" and done.json()["agent"] == "tester"
    stored = subjects_client.get("/api/v1/subjects", params={"work": WORK}).json()
    row = next(r for r in stored["subjects"] if r["uri"] == CRIME_PREVENTION)
    assert (row["status"], row["source"], row["backend"]) == ("accepted", "librarian", "lexical")
    assert row["score"] is not None and row["decided_at"]
    bad = {**body, "uri": "http://example.org/not-a-concept"}
    assert (
        subjects_client.post("/api/v1/subjects/decisions", json=bad, headers=AUTH).status_code
        == 400
    )
    again = subjects_client.post(
        "/api/v1/subjects/suggestions", params={"work": WORK}, headers=AUTH
    )
    assert again.status_code == 200 and again.json()["new_suggestions"] == 0


def test_the_record_page_panel_and_its_form(subjects_client: TestClient) -> None:
    page = subjects_client.get(f"/record/{WORK}", headers={"accept": "text/html"})
    assert page.status_code == 200
    tree = lxml.html.fromstring(page.text)
    items = tree.xpath("//section[@id='subjects']//li[@data-uri]")
    assert items and tree.xpath("//section[@id='subjects']//input[@name='token']")
    uri = next(li.get("data-uri") for li in items if li.get("data-uri") != CRIME_PREVENTION)
    action = tree.xpath("//section[@id='subjects']//form/@action")[0]
    wrong = subjects_client.post(
        action, data={"decide": f"rejected {uri}", "token": "nope"}, headers={"accept": "text/html"}
    )
    assert wrong.status_code == 401 and "form-error" in wrong.text
    done = subjects_client.post(
        action, data={"decide": f"rejected {uri}", "token": API_TOKEN}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"].endswith("#subjects")
    twin = subjects_client.get(action + ".json").json()
    assert {r["uri"]: r["status"] for r in twin["subjects"]}[uri] == "rejected"
    french = subjects_client.get(f"/record/{WORK}?hl=fr", headers={"accept": "text/html"})
    assert "Refuser" in french.text or "Accepter" in french.text
