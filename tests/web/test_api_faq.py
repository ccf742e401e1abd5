"""The FAQ through the REST API and the web forms: token-protected writing, view counts,
import and export, and Ask matching an entry across languages."""

from __future__ import annotations

import re

import lxml.html
from fastapi.testclient import TestClient

from tests.web.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
ENTRY = {
    "key": "veto",
    "source_lang": "es",
    "texts": {
        "es": {
            "question": "¿Qué países tienen derecho de veto en el Consejo de Seguridad?",
            "answer": "Los cinco miembros permanentes.",
        },
        "zh": {"question": "哪些国家在安全理事会拥有否决权？", "answer": "五个常任理事国。"},
    },
    "links": [{"kind": "record", "target": "S/RES/1244 (1999)", "label": "Kosovo"}],
}


def test_writing_needs_the_token(writable: TestClient, client: TestClient) -> None:
    assert writable.post("/api/v1/faq", json=ENTRY).status_code == 401
    assert client.post("/api/v1/faq", json=ENTRY).status_code == 403
    assert writable.delete("/api/v1/faq/veto").status_code == 401


def test_create_read_edit_delete(writable: TestClient) -> None:
    created = writable.post("/api/v1/faq", json=ENTRY, headers=AUTH)
    assert created.status_code == 201, created.text
    entry = created.json()
    assert entry["key"] == "veto" and entry["languages"] == ["zh", "es"] and entry["views"] == 0
    assert entry["links"][0]["url"] == "/s/S/RES/1244%20(1999)"
    again = writable.post("/api/v1/faq", json=ENTRY, headers=AUTH)
    assert again.status_code == 400 and "exists already" in again.json()["detail"]
    bad = writable.post("/api/v1/faq", json={"texts": {"de": {}}}, headers=AUTH)
    assert bad.status_code == 400 and "'de' is not one of" in bad.json()["detail"]

    shown = writable.get("/api/v1/faq/veto", params={"lang": "zh"}).json()
    assert shown["views"] == 1 and shown["shown"]["answer"] == "五个常任理事国。"
    assert writable.get("/api/v1/faq/veto", params={"count": "false"}).json()["views"] == 1

    edited = {**ENTRY, "texts": {"es": ENTRY["texts"]["es"]}}
    replaced = writable.put("/api/v1/faq/veto", json=edited, headers=AUTH).json()
    assert replaced["languages"] == ["es"] and replaced["views"] == 1
    assert writable.get("/api/v1/faq").json()["total"] == 1
    assert writable.delete("/api/v1/faq/veto", headers=AUTH).json() == {
        "deleted": entry["id"],
        "key": "veto",
    }
    assert writable.get("/api/v1/faq/veto").status_code == 404


def test_ask_finds_the_entry_across_languages(writable: TestClient) -> None:
    writable.post("/api/v1/faq", json=ENTRY, headers=AUTH)
    data = writable.get("/api/v1/ask", params={"q": "哪几个国家可以否决安理会的决议？"}).json()
    assert data["source"] == "faq" and data["faq"][0]["answer"] == "五个常任理事国。"
    page = writable.get(
        "/ask",
        params={"q": "¿Qué Estados pueden ejercer el veto en el Consejo de Seguridad?", "hl": "es"},
    )
    assert "Los cinco miembros permanentes." in page.text


def test_export_and_import(writable: TestClient) -> None:
    writable.post("/api/v1/faq", json=ENTRY, headers=AUTH)
    csv_text = writable.get("/api/v1/faq/export", params={"format": "csv"}).text
    assert csv_text.startswith("key,source_lang,lang,question")
    exported = writable.get("/api/v1/faq/export").json()
    writable.delete("/api/v1/faq/veto", headers=AUTH)
    imported = writable.post(
        "/api/v1/faq/import?format=csv",
        content=csv_text.encode(),
        headers={**AUTH, "Content-Type": "text/csv"},
    )
    assert imported.json() == {"added": 1, "updated": 0, "total": 1}
    again = writable.post("/api/v1/faq/import", json=exported, headers=AUTH)
    assert again.json() == {"added": 0, "updated": 1, "total": 1}
    broken = writable.post("/api/v1/faq/import", content=b"{", headers=AUTH)
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["detail"]


def test_web_forms(writable: TestClient, client: TestClient) -> None:
    form = {
        "key": "budget",
        "source_lang": "fr",
        "question_fr": "Comment le budget ordinaire est-il financé ?",
        "answer_fr": "Par les contributions des États Membres.",
        "variants_fr": "Qui paie le budget ?\nD'où vient l'argent ?",
        "links": "search:budget | Budget",
        "token": "wrong",
    }
    refused = writable.post("/faq", data=form)
    assert refused.status_code == 400 and "The API token is not right." in refused.text
    assert "Comment le budget ordinaire est-il financé ?" in refused.text  # kept, not lost
    assert "Writing is disabled" in client.post("/faq", data=form).text

    done = writable.post("/faq", data={**form, "token": API_TOKEN}, follow_redirects=False)
    assert done.status_code == 303
    url = done.headers["location"]
    assert re.fullmatch(r"/faq/\d+", url)
    page = lxml.html.fromstring(writable.get(url, params={"hl": "fr"}).text)
    assert page.xpath("//h1")[0].text_content() == "Comment le budget ordinaire est-il financé ?"
    entry = writable.get(url + ".json").json()
    assert entry["texts"]["fr"]["variants"] == ["Qui paie le budget ?", "D'où vient l'argent ?"]
    assert entry["views"] == 2

    edit = lxml.html.fromstring(writable.get(url + "/edit").text)
    assert edit.xpath("//input[@name='question_fr']")[0].get("value").startswith("Comment")
    listing = writable.get("/faq.json").json()
    assert [e["key"] for e in listing["entries"]] == ["budget"]
    gone = writable.post(url + "/delete", data={"token": API_TOKEN}, follow_redirects=False)
    assert gone.status_code == 303 and writable.get("/faq.json").json()["total"] == 0
