"""Classifying the library's works: goals stored per work and passage, the SDG filter and
facet of search, the goals on the record's JSON twin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unlib.services.library import Library
from unlib.services.search import SearchRequest
from unlib.store.goals import goal_counts
from unlib.store.subjects import subject_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def classified(sdg_library: Library, shared_data: Path) -> tuple[Library, dict[str, Any]]:
    sc = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))
    sdg_library.ingest(sorted((shared_data / "ga-resolution-pdfs-en").glob("*.pdf")) + sc[-4:])
    return sdg_library, sdg_library.sdg.classify_library()


def test_every_work_with_text_is_classified(classified: tuple[Library, dict[str, Any]]) -> None:
    library, summary = classified
    works = list(library.catalogue.iter_works())
    assert summary["works"] + summary["without_text"] == len(works)
    assert summary["works"] >= 4
    # Works already classified by this model are skipped the second time, goals found or not.
    store = subject_store(library.catalogue)
    assert sum(1 for w in works if store.goals(w.id)) >= 1
    again = library.sdg.classify_library()
    assert again["skipped"] == summary["works"] and again["works"] == 0


def test_stored_goals_are_above_the_threshold(
    classified: tuple[Library, dict[str, Any]],
) -> None:
    library, _ = classified
    threshold = library.sdg.classifier().model.threshold
    store = subject_store(library.catalogue)
    found = 0
    for work in library.catalogue.iter_works():
        for row in store.goals(work.id):
            assert 1 <= row.goal <= 17 and row.score >= threshold
            found += 1
    assert found >= 1


def test_search_filter_and_facet_follow_the_stored_goals(
    classified: tuple[Library, dict[str, Any]],
) -> None:
    library, _ = classified
    everything = library.search(SearchRequest("", per_page=100))
    facet = {int(v["value"]): v["count"] for v in everything["facets"]["sdg"]}
    assert facet == goal_counts(library.catalogue)
    goal, count = next(iter(facet.items()))
    narrowed = library.search(SearchRequest("", per_page=100, sdg=goal))
    assert narrowed["total"] == count
    store = subject_store(library.catalogue)
    for item in narrowed["results"]:
        work = library.resolve(item["id"])
        assert goal in {row.goal for row in store.goals(work.id)}
