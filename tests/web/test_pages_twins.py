"""Every page's JSON twin is the service's data: search, record (with its goals, votes and
subjects), browse, home and statistics."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from unlib.services import subjects
from unlib.services.library import Library
from unlib.services.search import SearchRequest

pytestmark = pytest.mark.usefixtures("no_language_cookie")


def test_search_twin_is_the_service_answer(client: TestClient, library: Library) -> None:
    twin = client.get("/search.json", params={"q": "Iraq", "year": "1991"}).json()
    asked = SearchRequest("Iraq", year="1991", per_page=10, reader_lang="en", all_languages=True)
    assert twin == library.search(asked)
    negotiated = client.get("/search?q=Iraq&year=1991", headers={"Accept": "application/json"})
    assert negotiated.json() == twin


def with_goals(library: Library, record: dict[str, Any]) -> dict[str, Any]:
    """The record as the service gives it, plus the SDG goals, votes and subjects its page
    shows."""
    goals = library.sdg.work_goals(library.resolve(record["key"]).id)
    return {
        **record,
        "votes": library.work_votes(record["key"]),
        "subjects": subjects.assignments(library, record["key"])["subjects"],
        "sdg": [{**goal, "percent": round(100 * goal["score"])} for goal in goals],
    }


@pytest.mark.parametrize(
    ("url", "call"),
    [
        ("/record/A/RES/73/3.json", lambda lib: with_goals(lib, lib.record("A/RES/73/3", "en"))),
        (
            "/record/s/res/678%20(1990).json?lang=en",
            lambda lib: with_goals(lib, lib.record("S/RES/678", "en")),
        ),
        ("/browse/year.json", lambda lib: lib.browse("year")),
        ("/browse/body/S.json?page=2", lambda lib: lib.works("body", "S", 2, 50)),
    ],
)
def test_page_twins_are_the_service_data(
    client: TestClient, library: Library, url: str, call: Any
) -> None:
    answer = client.get(url)
    assert answer.headers["content-type"] == "application/json"
    data = answer.json()
    for goal in data.get("sdg", []):
        assert goal.pop("concept_url") == f"/vocab/sdg/{goal['goal']}"
        assert goal.pop("search_url") == f"/search?sdg={goal['goal']}"
    assert data == call(library)


def test_home_twin_is_what_the_library_holds_by_language(
    client: TestClient, library: Library
) -> None:
    answer = client.get("/", headers={"Accept": "application/json"})
    assert answer.json() == library.browse("lang")
    assert client.get("/", headers={"Accept": "text/html,application/json"}).text.startswith(
        "<!doctype html>"
    )


def test_stats_twin_leaves_out_the_server_path(client: TestClient, library: Library) -> None:
    twin = client.get("/stats.json").json()
    expected = library.stats()
    assert expected.pop("data_dir")
    assert twin == expected
    assert "data_dir" not in twin
