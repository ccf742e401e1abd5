"""SDG on the web: the search facet and filter (page JSON twin and REST API), the goals on the
record page, the classify endpoint (with a built model; 503 without one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.store.goals import goal_counts, works_with_goal
from unlib.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(sdg_library: Library, shared_data: Path) -> Iterator[TestClient]:
    if not goal_counts(sdg_library.catalogue):
        pdfs = sorted((shared_data / "ga-resolution-pdfs-en").glob("*.pdf"))
        sdg_library.ingest(pdfs)
        sdg_library.sdg.classify_library()
    settings = make_settings(sdg_library.data_dir, shared_data=str(shared_data))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_search_facet_filter_and_record(client: TestClient, sdg_library: Library) -> None:
    counts = goal_counts(sdg_library.catalogue)
    goal, count = next(iter(counts.items()))
    page = client.get("/search.json", params={"sdg": str(goal)}).json()
    assert page["total"] == count
    html = client.get("/search", params={"sdg": str(goal)}, headers={"Accept": "text/html"})
    assert 'id="facet-sdg"' in html.text
    api = client.get("/api/v1/search", params={"sdg": goal, "per_page": 100}).json()
    assert api["total"] == count
    # The facet counts the goals of the works found (all of which hold ``goal``).
    found = goal_counts(sdg_library.catalogue, works_with_goal(sdg_library.catalogue, goal))
    assert {v["value"]: v["count"] for v in api["facets"]["sdg"]} == {
        str(g): n for g, n in found.items()
    }
    assert found[goal] == count
    record = client.get(f"/record/{api['results'][0]['id']}.json").json()
    assert goal in [row["goal"] for row in record["sdg"]]
    html = client.get(f"/record/{api['results'][0]['id']}", headers={"Accept": "text/html"})
    assert f'data-goal="{goal}"' in html.text
    assert client.get("/api/v1/search", params={"sdg": 18}).status_code == 422


def test_classify_endpoint(client: TestClient) -> None:
    answer = client.post(
        "/api/v1/sdg/classify",
        json={
            "text": "Поставки чистой питьевой воды и санитария в сельских районах.",
            "lang": "ru",
        },
    )
    assert answer.status_code == 200
    goals = answer.json()
    assert goals[0]["goal"] == 6 and len(goals) == 17
    blank = client.post("/api/v1/sdg/classify", json={"text": " ", "lang": "ar"})
    assert blank.json() == []


def test_classify_without_a_model_is_503(tmp_path: Path) -> None:
    with TestClient(create_app(make_settings(tmp_path / "data"))) as fresh:
        answer = fresh.post("/api/v1/sdg/classify", json={"text": "Water.", "lang": "en"})
    assert answer.status_code == 503
    assert "unlib sdg build" in answer.text
