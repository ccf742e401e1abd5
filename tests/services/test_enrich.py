"""Ingest suggests subjects (and SDG goals) for the documents it files, when the library holds
the thesaurus (and an SDG model); otherwise it says what is missing and loses nothing."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_settings
from unlib.services import subjects
from unlib.services.library import Library

# A short document written for this test.
DOCUMENT = """A/TEST/2026/1

Climate change adaptation in small island developing States

1. The Assembly notes that sea level rise and climate change threaten coastal communities.
2. It calls for financing of adaptation and for disaster risk reduction in small island
developing States.
"""


def _document(folder: Path) -> Path:
    path = folder / "climate_en.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_new_documents_get_subject_suggestions(shared_data: Path, tmp_path: Path) -> None:
    with Library(make_settings(tmp_path / "data", enrich_at_ingest=True), create=True) as library:
        library.vocab_import([shared_data / "unbis-thesaurus"])
        report = library.ingest([_document(tmp_path)])
        done = report.to_json()["enrichment"]
        assert done["subjects"]["works"] == 1 and done["subjects"]["failed"] == []
        assert done["subjects"]["new_suggestions"] >= 1
        assert "unlib sdg build" in done["sdg"]["skipped"]
        stored = subjects.assignments(library, report.filed[0].work)["subjects"]
        labels = {row["label"].casefold() for row in stored}
        assert {"climate change adaptation", "sea level"} <= labels, labels
        assert {row["status"] for row in stored} == {"suggested"}


def test_without_a_thesaurus_ingest_says_what_to_do(tmp_path: Path) -> None:
    with Library(make_settings(tmp_path / "data", enrich_at_ingest=True), create=True) as library:
        done = library.ingest([_document(tmp_path)]).to_json()["enrichment"]
    assert "unlib vocab import" in done["subjects"]["skipped"]


def test_the_setting_turns_it_off(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", enrich_at_ingest=False)
    with Library(settings, create=True) as library:
        assert library.ingest([_document(tmp_path)]).to_json()["enrichment"] == {}


# The same document in English and Chinese under a real-looking symbol (written for this test).
SYMBOL = "A/80/999"
ENGLISH = DOCUMENT.replace("A/TEST/2026/1", SYMBOL)
CHINESE = f"""{SYMBOL}

小岛屿发展中国家适应气候变化

1. 大会注意到海平面上升和气候变化威胁沿海社区。
2. 大会呼吁为小岛屿发展中国家的适应气候变化和减少灾害风险提供资金。
"""


def test_a_work_is_classified_again_when_a_version_arrives(
    shared_data: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "zh", tmp_path / "en"
    first.mkdir()
    second.mkdir()
    (first / "A_80_999_zh.txt").write_text(CHINESE, encoding="utf-8")
    (second / "A_80_999_en.txt").write_text(ENGLISH, encoding="utf-8")
    settings = make_settings(tmp_path / "data", enrich_at_ingest=True)
    with Library(settings, create=True) as library:
        library.vocab_import([shared_data / "unbis-thesaurus", shared_data / "sdg-kos"])
        library.sdg.build(zero_shot=True)
        chinese = library.ingest([first]).to_json()["enrichment"]["sdg"]
        assert chinese["works"] == 1, chinese
        english = library.ingest([second]).to_json()["enrichment"]["sdg"]
        assert english["works"] == 1  # the same work, now read in English
        work = library.resolve(SYMBOL)
        assert {v.lang for v in library.catalogue.versions(work.id)} == {"zh", "en"}
        assert 13 in {g["goal"] for g in library.sdg.work_goals(work.id)}  # climate action
        again = library.sdg.classify_library()
        assert again["works"] == 0 and again["skipped"] == 1  # nothing new since
