"""Speech import and search through the services, on one real session of the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.search.query import QueryError
from unlib.services import speeches as service
from unlib.services.library import Library
from unlib.services.speeches import SpeechQuery
from unlib.speeches.index import SpeechIndex
from unlib.store.speeches import speech_store

RESULT_KEYS = {
    "country",
    "country_name",
    "session",
    "year",
    "speaker",
    "post",
    "lang",
    "score",
    "snippet",
    "highlights",
    "id",
}


@pytest.fixture(scope="module")
def session_75(shared_data: Path) -> Path:
    return shared_data / "ungdc" / "TXT" / "Session 75 - 2020"


@pytest.fixture(scope="module")
def opened(
    session_75: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Library, SpeechIndex]]:
    folder = tmp_path_factory.mktemp("speeches") / "data"
    with Library(make_settings(folder), create=True) as library:
        index = service.open_speech_index(library.data_dir)
        summary = service.import_speeches(library.catalogue, index, session_75)
        assert summary["speeches"] == {"read": 193, "added": 193, "updated": 0, "unchanged": 0}
        assert summary["indexed"] == 193 and summary["warnings"] == []
        yield library, index
        index.close()


def _search(opened: tuple[Library, SpeechIndex], **request: object) -> dict[str, object]:
    library, index = opened
    return service.search_speeches(library.catalogue, index, SpeechQuery(**request))  # type: ignore[arg-type]


def test_result_shape_and_highlights(opened: tuple[Library, SpeechIndex]) -> None:
    result = _search(opened, text="climate change", limit=5)
    assert isinstance(result["total"], int) and result["total"] > 50
    results = result["results"]
    assert isinstance(results, list) and len(results) == 5
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    for item in results:
        assert set(item) >= RESULT_KEYS
        assert item["lang"] == "en" and item["session"] == 75 and item["year"] == 2020
        marked = [item["snippet"][s:e].lower() for s, e in item["highlights"]]
        assert marked and all("climat" in m or "chang" in m for m in marked)


def test_filters(opened: tuple[Library, SpeechIndex]) -> None:
    usa = _search(opened, text="China", country="usa")
    assert usa["total"] == 1
    (only,) = usa["results"]  # type: ignore[misc]
    assert (only["id"], only["speaker"], only["post"]) == (
        "USA_75_2020",
        "Mr. Donald Trump",
        "President",
    )
    assert "China" in only["snippet"]
    assert _search(opened, text="China", session=74)["total"] == 0
    assert (
        _search(opened, text="China", year=2020)["total"] == _search(opened, text="China")["total"]
    )
    by_speaker = _search(opened, text="pandemic", speaker="MACRON")
    assert [r["country"] for r in by_speaker["results"]] == ["FRA"]  # type: ignore[union-attr]
    assert _search(opened, text="pandemic", speaker="nobody at all")["total"] == 0


def test_query_syntax(opened: tuple[Library, SpeechIndex]) -> None:
    phrase = _search(opened, text='"small island developing States"', limit=3)
    for item in phrase["results"]:  # type: ignore[union-attr]
        # Stemmed like documents: "States" matches "State".
        assert "small island developing state" in item["snippet"].lower()
    words = _search(opened, text="small island developing States")
    assert words["total"] >= phrase["total"]
    without = _search(opened, text="pandemic -vaccine")
    assert without["total"] < _search(opened, text="pandemic")["total"]
    relaxed = _search(opened, text="pandemic zzyzxqq")
    assert relaxed["relaxed"] is True and relaxed["total"] > 0
    with pytest.raises(QueryError):
        _search(opened, text="lang:xx")


def test_browse_without_words(opened: tuple[Library, SpeechIndex]) -> None:
    eu = _search(opened, country="EU")
    assert eu["total"] == 1
    (item,) = eu["results"]  # type: ignore[misc]
    assert item["id"] == "EU_75_2020" and item["score"] is None and item["highlights"] == []
    everything = _search(opened, limit=3, offset=3)
    assert everything["total"] == 193 and len(everything["results"]) == 3  # type: ignore[arg-type]


def test_show_and_country(opened: tuple[Library, SpeechIndex], session_75: Path) -> None:
    library, _ = opened
    record = service.speech_record(library.catalogue, "prt_75_2020")
    assert record["speaker"] == "Mr. Antonio Costa"
    assert record["notes"] == [
        "speaker list code POR read as PRT (by country name 'Portuguese Republic')"
    ]
    text = (session_75 / "PRT_75_2020.txt").read_text(encoding="utf-8")
    assert [p["text"] for p in record["paragraphs"]] == [
        line.strip() for line in text.splitlines() if line.strip()
    ]
    assert [s["id"] for s in service.country_speeches(library.catalogue, "Portugal")] == [
        "PRT_75_2020"
    ]
    with pytest.raises(service.SpeechNotFound):
        service.speech_record(library.catalogue, "PRT_1_1946")


def test_table(opened: tuple[Library, SpeechIndex]) -> None:
    table = service.search_table(_search(opened, text="ocean", limit=2))
    lines = table.to_csv().splitlines()
    assert lines[0] == "id,country,country_name,session,year,speaker,post,lang,score,snippet"
    assert len(lines) == 3


def test_reimport_and_recovery(shared_data: Path, session_75: Path, tmp_path: Path) -> None:
    with Library(make_settings(tmp_path / "data"), create=True) as library:
        index = service.open_speech_index(library.data_dir)
        try:
            service.import_speeches(library.catalogue, index, session_75)
            again = service.import_speeches(library.catalogue, index, session_75)
            assert again["speeches"]["unchanged"] == 193 and again["indexed"] == 0
            # An import interrupted between the catalogue and the index leaves rows unindexed:
            # the next run indexes them again, without doubles.
            store = speech_store(library.catalogue)
            with library.catalogue.transaction():
                store.mark_all_unindexed()
            assert service.import_speeches(library.catalogue, index, session_75)["indexed"] == 193
            total = service.search_speeches(library.catalogue, index, SpeechQuery("COVID-19"))
            rebuilt = service.reindex_speeches(library.catalogue, index)
            assert rebuilt == {"speeches": 193}
            after = service.search_speeches(library.catalogue, index, SpeechQuery("COVID-19"))
            assert after["total"] == total["total"] > 0
        finally:
            index.close()
