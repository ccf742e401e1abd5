"""Rendered pages are kept until the catalogue changes, and only then."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.web.app import create_app


def _ingest(data: Path, files: list[Path]) -> None:
    with Library(make_settings(data, workers=1), create=True) as library:
        library.ingest(files)


def test_a_cached_record_page_is_refreshed_when_another_process_ingests(
    shared_data: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    charter = shared_data / "un-charter"
    _ingest(data, [charter / "un_charter_en.txt"])
    with TestClient(create_app(make_settings(data, workers=1))) as client:
        ref = client.get("/api/v1/works").json()["works"][0]["id"]
        first = client.get(f"/record/{ref}.json")
        again = client.get(f"/record/{ref}.json")
        assert first.json() == again.json()
        assert first.json()["languages"] == ["en"]
        # Another connection (as `unlib ingest` in another process would) adds a version.
        _ingest(data, [charter / "un_charter_fr.txt"])
        after = client.get(f"/record/{ref}.json")
        assert after.json()["languages"] == ["en", "fr"]


def test_answers_differ_by_interface_language(client: TestClient) -> None:
    english = client.get("/stats", headers={"accept-language": "en"})
    french = client.get("/stats", headers={"accept-language": "fr"})
    assert english.status_code == french.status_code == 200
    assert 'lang="fr"' in french.text and 'lang="en"' in english.text
    missing = client.get("/record/S/RES/9999 (2099)")
    assert missing.status_code == 404
    assert client.get("/record/S/RES/9999 (2099)").status_code == 404  # errors are not kept
