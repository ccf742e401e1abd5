"""The REST API on real UN documents: every endpoint, its errors, its safety."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from tests.web.conftest import API_TOKEN
from unlib.web import api_models as models

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def ok(client: TestClient, url: str, model: type[BaseModel] | None = None) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    if model is not None:  # the documented schema is the real shape (extra fields forbidden)
        model.model_validate(data)
    return data


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    data: dict[str, Any] = response.json()
    assert set(data) >= PROBLEM_KEYS and data["status"] == status
    assert data["type"].startswith("urn:unlib:problem:")
    assert "Traceback" not in response.text
    return data


def file_names(client: TestClient, work_id: str) -> set[str]:
    record = ok(client, "/api/v1/works/" + quote(work_id))
    return {f["name"] for v in record["versions"] for f in v["files"]}


# -- search -----------------------------------------------------------------------------------


def test_chinese_search_finds_the_two_outreach_reports(client: TestClient) -> None:
    result = ok(client, "/api/v1/search?q=" + quote("数字图书馆"), models.SearchResponse)
    top = [item["id"] for item in result["results"][:3]]
    names = set().union(*(file_names(client, work_id) for work_id in top))
    assert {"000_e50f63f2d723d7aa.txt", "001_9e4b88103c3d46d4.txt"} <= names
    hit = result["results"][0]["hits"][0]
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert any("图书馆" in m or "数字" in m for m in marked)


def test_search_filters_paging_and_reader_language(client: TestClient) -> None:
    french = ok(client, "/api/v1/search?q=paix&lang=fr")
    assert french["filters"]["lang"] == ["fr"]
    assert {h["lang"] for r in french["results"] for h in r["hits"]} == {"fr"}
    page = ok(client, "/api/v1/search?q=Council&per_page=2&page=2")
    assert page["page"] == 2 and len(page["results"]) == 2 and page["total"] > 4
    charter = ok(client, "/api/v1/search?q=Charter&type=treaty&hl=zh")["results"][0]
    assert charter["title_lang"] == "zh"


def test_search_symbol_puts_the_document_first(client: TestClient) -> None:
    result = ok(client, "/api/v1/search?q=" + quote("s/res/660(1990)"))
    assert result["results"][0]["id"] == "S/RES/660 (1990)"
    assert len(result["results"]) > 1  # then the resolutions citing it


def test_bad_query_is_400_with_the_parsers_message(client: TestClient) -> None:
    data = problem(client.get("/api/v1/search?q=year:abc"), 400)
    assert "year:2020..2023" in data["detail"] and data["type"].endswith("bad-query")
    data = problem(client.get("/api/v1/search?q=x&lang=klingon"), 400)
    assert "unknown language" in data["detail"]


def test_invalid_parameters_are_422_problems_naming_them(client: TestClient) -> None:
    data = problem(client.get("/api/v1/search?q=x&per_page=101&page=0"), 422)
    assert {e["name"] for e in data["errors"]} == {"per_page", "page"}
    assert all(e["location"] == "query" for e in data["errors"])
    problem(client.get("/api/v1/search?hl=de"), 422)


def test_no_results_come_with_suggestions(client: TestClient) -> None:
    result = ok(client, "/api/v1/search?q=zyxwvutsrq&lang=zh")
    assert result["total"] == 0 and result["suggestions"]


# -- works, resolver, browse --------------------------------------------------------------------


def test_record_of_a_res_73_3(client: TestClient) -> None:
    record = ok(client, "/api/v1/works/A/RES/73/3", models.WorkRecord)
    assert record["symbol"] == "A/RES/73/3" and record["type"] == "resolution"
    assert record["year"] == 2018 and record["body_name"] == "General Assembly"
    assert record["versions"][0]["files"][0]["name"] == "A_RES_73_3-EN.pdf"
    assert "passages" not in record  # the text only when a language is asked for
    assert any(c["symbol"] == "A/RES/70/1" for c in record["cites"])


def test_record_with_a_language_carries_its_passages(client: TestClient) -> None:
    record = ok(client, "/api/v1/works/A/RES/73/3?lang=fr", models.WorkRecord)
    assert record["text_lang"] == "en"  # no French version: the first held
    numbered = [p["para"] for p in record["passages"] if p["kind"] == "operative" and p["para"]]
    assert numbered[:3] == ["1", "2", "3"]
    charter = ok(client, "/api/v1/search?q=Charter&type=treaty")["results"][0]["id"]
    chinese = ok(client, f"/api/v1/works/{quote(charter)}?lang=zh")
    assert chinese["text_lang"] == "zh" and any("联合国" in p["text"] for p in chinese["passages"])


@pytest.mark.parametrize(
    "spelling",
    [
        "S/RES/660 (1990)",
        "s/res/660(1990)",
        "S%2FRES%2F660%20(1990)",
        " s / res / 660 ",
        "S/RES/660",
    ],
)
def test_any_spelling_of_a_symbol_resolves(client: TestClient, spelling: str) -> None:
    record = ok(client, "/api/v1/works/" + spelling.replace(" ", "%20"))
    assert record["id"] == "S/RES/660 (1990)"
    citing = {c["symbol"]: c for c in record["cited_by"]}
    assert citing["S/RES/678 (1990)"]["resolved"] is True


def test_unknown_documents_are_404_problems(client: TestClient) -> None:
    data = problem(client.get("/api/v1/works/a/res/1/1"), 404)
    assert "no document A/RES/1/1" in data["detail"]
    assert data["instance"] == "/api/v1/works/a/res/1/1"
    problem(client.get("/api/v1/works/not%20a%20symbol"), 404)


def test_browse_and_works_pages(client: TestClient) -> None:
    bodies = ok(client, "/api/v1/browse/body", models.BrowseValues)["values"]
    assert {"value": "S", "label": "Security Council", "count": 30} in bodies
    page = ok(client, "/api/v1/works?field=lang&value=zh&per_page=2", models.WorksPage)
    assert (page["total"], page["pages"], len(page["works"])) == (6, 3, 2)
    everything = ok(client, "/api/v1/works?per_page=500", models.WorksPage)
    assert everything["total"] == len(everything["works"]) == 38
    problem(client.get("/api/v1/browse/colour"), 422)
    assert "needs field" in problem(client.get("/api/v1/works?value=2023"), 400)["detail"]


def test_stats_health_and_settings(client: TestClient) -> None:
    stats = ok(client, "/api/v1/stats", models.Stats)
    assert stats["files"] == 43 and stats["languages"]["zh"] == 6
    health = ok(client, "/api/v1/health", models.Health)
    assert health == {"status": "ok", "version": health["version"], "works": stats["works"]}
    rows = ok(client, "/api/v1/settings")
    for row in rows:
        models.SettingRow.model_validate(row)
    by_name = {row["name"]: row for row in rows}
    assert by_name["api_token"]["value"] == "" and by_name["api_token"]["secret"] is True
    assert by_name["max_upload_mb"]["env"] == "UNLIB_MAX_UPLOAD_MB"


def test_the_token_is_never_shown(writable: TestClient) -> None:
    response = writable.get("/api/v1/settings")
    assert API_TOKEN not in response.text
    token = next(row for row in response.json() if row["name"] == "api_token")
    assert token["value"] == "********"


# -- files --------------------------------------------------------------------------------------


def test_download_gives_the_ingested_bytes(client: TestClient, shared_data: Path) -> None:
    record = ok(client, "/api/v1/works/A/RES/73/6")
    stored = record["versions"][0]["files"][0]
    response = client.get(f"/api/v1/files/{stored['sha256'].upper()}")
    assert response.status_code == 200
    original = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf"
    assert response.content == original.read_bytes()
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"A_RES_73_6-EN.pdf\"; filename*=UTF-8''A_RES_73_6-EN.pdf"
    )
    assert "sandbox" in response.headers["content-security-policy"]
    assert "content-encoding" not in response.headers
    head = client.head(f"/api/v1/files/{stored['sha256']}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(original.stat().st_size)


def test_files_only_by_their_digest(client: TestClient) -> None:
    assert "no file" in problem(client.get("/api/v1/files/" + "0" * 64), 404)["detail"]
    problem(client.get("/api/v1/files/not-a-digest"), 422)
    problem(client.get("/api/v1/files/..%2F..%2Fcatalogue.sqlite3"), 404)
    problem(client.get("/api/v1/files/%2Fetc%2Fpasswd"), 404)


# -- symbols --------------------------------------------------------------------------------------


def test_symbols_parse_one_and_many(client: TestClient) -> None:
    one = ok(client, "/api/v1/symbols/parse?symbol=a/res/77/128b", models.ParsedSymbol)
    assert one["normalized"] == "A/RES/77/128 B" and one["key"] == "A/RES/77/128B"
    response = client.post("/api/v1/symbols/parse", json=["S/RES/1244 (1999)", "12/34"])
    assert response.status_code == 200
    good, bad = response.json()
    assert good["key"] == "S/RES/1244" and bad["valid"] is False and bad["error"]
    problem(client.post("/api/v1/symbols/parse", json=["A/1"] * 1001), 422)
    problem(client.post("/api/v1/symbols/parse", json={"symbol": "A/1"}), 422)


def test_symbols_extract_gives_offsets_into_the_text(client: TestClient) -> None:
    text = "The Council recalled resolution 242 (1967) and the report A/78/1 in its debate."
    response = client.post("/api/v1/symbols/extract", json={"text": text, "body": "S"})
    assert response.status_code == 200
    data = models.Mentions.model_validate(response.json())
    assert data.lang == "en"
    assert [(m.symbol, text[m.start : m.end]) for m in data.mentions] == [
        ("S/RES/242 (1967)", "resolution 242 (1967)"),
        ("A/78/1", "A/78/1"),
    ]
    problem(client.post("/api/v1/symbols/extract", json={"text": "x" * 200_001}), 422)
    problem(client.post("/api/v1/symbols/extract", content=b"{not json"), 422)


# -- upload to ingest ---------------------------------------------------------------------------

PROBE = "Probe note on <script>alert('x')</script> in the Security Council debate on peace."


def upload(client: TestClient, *files: tuple[str, bytes], **kwargs: Any) -> Any:
    return client.post(
        "/api/v1/ingest", files=[("files", (name, data)) for name, data in files], **kwargs
    )


def test_writes_are_disabled_without_a_token(client: TestClient, web_settings: Any) -> None:
    data = problem(upload(client, ("note.txt", PROBE.encode())), 403)
    assert "writes are disabled" in data["detail"]
    assert not list((web_settings.data_dir / "incoming").glob("*/*"))


def test_uploads_need_the_right_token(writable: TestClient) -> None:
    response = upload(writable, ("note.txt", PROBE.encode()))
    assert problem(response, 401)["detail"].startswith("this endpoint needs the server's API token")
    assert response.headers["www-authenticate"].startswith("Bearer")
    wrong = {"Authorization": "Bearer " + API_TOKEN[:-1] + "X"}
    problem(upload(writable, ("note.txt", PROBE.encode()), headers=wrong), 401)


def test_upload_ingests_and_the_document_stays_text(writable: TestClient) -> None:
    response = upload(
        writable,
        ("../../outside/probe_en.txt", PROBE.encode()),
        ("empty.txt", b""),
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    report = models.IngestReport.model_validate(response.json())
    assert (report.ingested, report.rejected) == (1, 1)
    by_name = {f.path: f for f in report.files}
    assert by_name["probe_en.txt"].status == "ingested"
    assert by_name["empty.txt"].quarantined_as.startswith("quarantine/")  # type: ignore[union-attr]
    data_dir = Path(writable.app.state.settings.data_dir)  # type: ignore[attr-defined]
    assert not (data_dir.parent / "outside").exists()
    assert not list((data_dir / "incoming").iterdir())  # the batch folder is gone
    found = writable.get("/api/v1/search?q=alert")
    assert found.headers["content-type"] == "application/json"
    snippet = found.json()["results"][0]["hits"][0]["snippet"]
    assert "<script>alert('x')</script>" in snippet and "&lt;" not in found.text
    work = by_name["probe_en.txt"].work
    record = writable.get(f"/api/v1/works/{quote(str(work))}?lang=en").json()
    assert record["passages"][0]["text"] == PROBE
    sha = record["versions"][0]["files"][0]["sha256"]
    assert writable.get(f"/api/v1/files/{sha}").content == PROBE.encode()


def test_the_same_upload_twice_is_already_present(writable: TestClient) -> None:
    assert upload(writable, ("a.txt", PROBE.encode()), headers=AUTH).json()["ingested"] == 1
    again = upload(writable, ("b.txt", PROBE.encode()), headers=AUTH).json()
    assert (again["ingested"], again["already_present"]) == (0, 1)


def test_upload_size_limit(writable: TestClient) -> None:
    data_dir = Path(writable.app.state.settings.data_dir)  # type: ignore[attr-defined]
    big = b"peace and security " * 60_000  # 1.14 MB, over max_upload_mb = 1
    data = problem(upload(writable, ("big.txt", big), headers=AUTH), 413)
    assert "1 MB" in data["detail"]

    def chunks() -> Any:  # no Content-Length: counted as it streams
        boundary = b"--b0undary"
        yield boundary + b'\r\nContent-Disposition: form-data; name="files"; filename="s.txt"'
        yield b"\r\n\r\n"
        for _ in range(30):
            yield b"x" * 50_000
        yield b"\r\n" + boundary + b"--\r\n"

    headers = {**AUTH, "content-type": "multipart/form-data; boundary=b0undary"}
    response = writable.post("/api/v1/ingest", content=chunks(), headers=headers)
    problem(response, 413)
    assert not list((data_dir / "incoming").iterdir())
    assert writable.get("/api/v1/stats").json()["files"] == 0


def test_upload_errors(writable: TestClient) -> None:
    problem(writable.post("/api/v1/ingest", json=["x"], headers=AUTH), 415)
    field_only = b'--y\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--y--\r\n'
    multipart = {**AUTH, "content-type": "multipart/form-data; boundary=y"}
    no_files = writable.post("/api/v1/ingest", content=field_only, headers=multipart)
    assert "holds no files" in problem(no_files, 400)["detail"]
    broken = writable.post("/api/v1/ingest", content=b"--x\r\nnonsense", headers=multipart)
    assert "not valid multipart" in problem(broken, 400)["detail"]


def test_upload_while_another_ingest_writes_is_409(writable: TestClient) -> None:
    from unlib.services.library import Library

    with Library(writable.app.state.settings) as other:  # type: ignore[attr-defined]
        other.index.add(())  # holds the index writer, as a running `unlib ingest` does
        data = problem(upload(writable, ("n.txt", PROBE.encode()), headers=AUTH), 409)
        assert "another ingest" in data["detail"]
    assert upload(writable, ("n.txt", PROBE.encode()), headers=AUTH).status_code == 200


def test_json_is_utf8_not_escaped(client: TestClient) -> None:
    response = client.get("/api/v1/works/" + quote("A/78/1"))
    assert "秘书长" in response.content.decode("utf-8")
    assert json.loads(response.content)["titles"]["zh"]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\report_fr.pdf", "report_fr.pdf"),
        (".bashrc", "bashrc"),
        ("a\x00b;rm -rf $HOME.txt", "a_b_rm -rf _HOME.txt"),
        ("報告_zh.docx", "報告_zh.docx"),
        ("", "upload"),
        ("...", "upload"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_upload_names_are_made_safe(given: str, stored: str) -> None:
    from unlib.services.uploads import safe_name

    assert safe_name(given) == stored
