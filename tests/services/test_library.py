"""The library facade on real documents: search, show, list, stats."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlib.services.browse import BrowseError
from unlib.services.files import FileNotHeld
from unlib.services.library import Library, NotFound
from unlib.services.search import SearchRequest
from unlib.settings import load_settings


@pytest.fixture(scope="module")
def library(shared_data: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data = tmp_path_factory.mktemp("library")
    settings = load_settings({}, config=data / "absent.toml", data=str(data), embed_at_ingest=False)
    with Library(settings, create=True) as lib:
        lib.ingest(
            sorted((shared_data / "zh-reports").glob("*.txt"))
            + sorted((shared_data / "un-charter").glob("un_charter_*.txt"))
            + sorted((shared_data / "ga-resolution-pdfs-en").glob("*.pdf"))
        )
        yield lib


def _outreach_report_ids(library: Library) -> set[str]:
    ids = set()
    for line in library.list_works():
        record = library.show(line["id"])
        names = {f["name"] for v in record["versions"] for f in v["files"]}
        if names & {"000_e50f63f2d723d7aa.txt", "001_9e4b88103c3d46d4.txt"}:
            ids.add(line["id"])
    return ids


def test_chinese_search_finds_the_two_outreach_reports_with_highlights(library: Library) -> None:
    result = library.search(SearchRequest("数字图书馆"))
    found = [r["id"] for r in result["results"]]
    assert _outreach_report_ids(library) <= set(found[:3])
    for item in result["results"]:
        for hit in item["hits"]:
            assert hit["highlights"], hit
            marked = [hit["snippet"][s:e] for s, e in hit["highlights"]]
            assert any("图书馆" in m or "数字" in m for m in marked)
            assert "数 字" not in hit["snippet"]  # no spaces inserted into Chinese


def test_results_are_grouped_by_work_with_matching_languages(library: Library) -> None:
    result = library.search(SearchRequest("Charter"))
    ids = [r["id"] for r in result["results"]]
    assert len(ids) == len(set(ids))
    charter = next(r for r in result["results"] if r["type"] == "treaty")
    assert "en" in charter["languages"]
    assert charter["available_languages"] == ["ar", "zh", "en", "fr", "ru", "es"]


def test_filters_and_facets(library: Library) -> None:
    result = library.search(SearchRequest("sécurité internationale", lang="fr"))
    assert {h["lang"] for r in result["results"] for h in r["hits"]} == {"fr"}
    facets = library.search(SearchRequest("United Nations"))["facets"]
    assert {f["value"] for f in facets["lang"]} >= {"en"}


def test_symbol_query_puts_the_work_itself_first(library: Library) -> None:
    result = library.search(SearchRequest("a/res/73/3"))
    assert result["results"][0]["id"] == "A/RES/73/3"


def test_no_results_suggest_what_to_try(library: Library) -> None:
    result = library.search(SearchRequest("zyxwvutsrq lang:zh"))
    assert result["total"] == 0
    assert any("filters" in hint for hint in result["suggestions"])


def test_show_resolves_any_spelling_and_explains_unknown_symbols(library: Library) -> None:
    assert library.show("A / RES / 73 / 6")["symbol"] == "A/RES/73/6"
    with pytest.raises(NotFound, match="no document A/RES/1/1"):
        library.show("a/res/1/1")
    with pytest.raises(NotFound, match="neither a UN document symbol"):
        library.show("not a symbol at all")


def test_stats_count_what_was_ingested(library: Library) -> None:
    stats = library.stats()
    assert stats["files"] == 13
    assert stats["languages"]["zh"] == 6  # five reports and the Charter
    assert stats["unindexed_versions"] == 0
    assert stats["index"]["passages"] > stats["passages"]  # passages plus titles


def test_record_shows_the_passages_of_the_chosen_language(library: Library) -> None:
    charter = next(line["id"] for line in library.list_works() if line["type"] == "treaty")
    chinese = library.record(charter, "zh")
    assert chinese["text_lang"] == "zh" and chinese["passages"]
    assert any("联合国" in p["text"] for p in chinese["passages"])
    fallback = library.record("A/RES/73/3", "fr")  # no French version: the first held
    assert fallback["text_lang"] == "en"
    numbered = [p["para"] for p in fallback["passages"] if p["kind"] == "operative" and p["para"]]
    assert numbered[:3] == ["1", "2", "3"]


def test_browse_by_body_and_language(library: Library) -> None:
    bodies = {v["value"]: v for v in library.browse("body")["values"]}
    assert bodies["A"]["label"] == "General Assembly" and bodies["A"]["count"] >= 3
    page = library.works("lang", "zh", page=1, per_page=2)
    assert page["total"] == 6 and len(page["works"]) == 2 and page["pages"] == 3
    with pytest.raises(BrowseError, match="cannot browse by 'colour'"):
        library.browse("colour")


def test_original_files_are_found_by_digest_only(library: Library, shared_data: Path) -> None:
    pdf = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf"
    stored = library.original_of("A/RES/73/6", "en")
    assert stored.path.read_bytes() == pdf.read_bytes()
    assert stored.name == "A_RES_73_6-EN.pdf" and stored.media_type == "application/pdf"
    assert library.original(stored.sha256.upper()).path == stored.path
    for bad in ("../../etc/passwd", "0" * 64):
        with pytest.raises(FileNotHeld):
            library.original(bad)
    with pytest.raises(FileNotHeld, match="no 'ar' version"):
        library.original_of("A/RES/73/6", "ar")
