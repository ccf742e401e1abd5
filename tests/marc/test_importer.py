"""Filing real UN Digital Library records as works: metadata beside the works, subjects mapped
to UNBIS concepts, re-imports that replace rather than duplicate, and bad records that are
reported without stopping the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.vocab.conftest import cut_thesaurus
from unlib.marc.importer import heading_key
from unlib.services.library import Library
from unlib.services.marc import gold_subjects
from unlib.store.marc import marc_store
from unlib.vocab.persist import load_vocabulary

NewLibrary = Callable[..., Library]
MARC = "undl-marc-a-c3-78/dev_records.marcxml"


@pytest.fixture
def library(new_library: NewLibrary, shared_data: Path, tmp_path: Path) -> Library:
    lib = new_library()
    lib.vocab_import([cut_thesaurus(shared_data, tmp_path / "unbis")])
    return lib


def test_records_become_works_with_their_metadata(library: Library, shared_data: Path) -> None:
    summary = library.marc_import([shared_data / MARC])
    assert summary["records"] == summary["works_created"] == 47 and not summary["skipped"]
    assert summary["file_links"] == 47 * 6
    work = library.resolve("a/c.3/78/l.2")
    assert work.doc_type == "draft" and work.year == 2023 and work.date == "2023-09-19"
    assert work.agenda == ("107",)
    meta = library.marc_metadata("A/C.3/78/L.2")
    assert meta["titles"]["en"].startswith("Follow-up to the 14th United Nations Congress")
    assert {f["lang"] for f in meta["external_files"]} == {"ar", "zh", "en", "fr", "ru", "es"}
    assert {r["relation"] for r in meta["related"]} <= {"resolution", "report"}
    assert summary["related"]["unreadable"] == ["AA/78/481/Add.2"]  # a typo in the source


def test_subject_headings_map_to_unbis_concepts(library: Library, shared_data: Path) -> None:
    summary = library.marc_import([shared_data / MARC])
    subjects = summary["subjects"]
    assert subjects["headings"] == 215 and subjects["mapped"] >= 0.95 * subjects["headings"]
    vocab = load_vocabulary(library.catalogue)
    for rows in marc_store(library.catalogue).subjects().values():
        for row in rows:
            if row.uri:
                concept = vocab.concepts[row.uri]
                labels = {heading_key(label) for label in concept.labels("en")}
                assert heading_key(row.heading) in labels
    gold = gold_subjects(library.catalogue)
    assert len(gold) >= 40 and all(
        u.startswith("http://metadata.un.org/thesaurus/") for us in gold.values() for u in us
    )
    primary = gold_subjects(library.catalogue, primary_only=True)
    assert sum(map(len, primary.values())) < sum(map(len, gold.values()))


def test_a_reimport_replaces_what_changed(
    library: Library, shared_data: Path, tmp_path: Path
) -> None:
    library.marc_import([shared_data / MARC])
    before = library.marc_metadata("A/C.3/78/L.3")
    again = library.marc_import([shared_data / MARC])
    assert again["unchanged"] == 47 and again["works_created"] == again["works_linked"] == 0
    text = (shared_data / MARC).read_text(encoding="utf-8")
    old = "Reducing reoffending through rehabilitation and reintegration"
    assert text.count(old) == 1
    changed = tmp_path / "changed.marcxml"
    changed.write_text(text.replace(old, "Reducing reoffending (revised title)"), "utf-8")
    third = library.marc_import([changed])
    assert third["updated"] == 1 and third["unchanged"] == 46
    titles = library.marc_metadata("A/C.3/78/L.3")["titles"]
    assert titles == {"en": "Reducing reoffending (revised title) : draft resolution"}
    after = library.marc_metadata("A/C.3/78/L.3")
    assert after["subjects"] == before["subjects"] and after["related"] == before["related"]
    assert after["external_files"] == before["external_files"]  # replaced, not added again


def test_a_record_without_number_is_skipped_and_the_rest_imported(
    library: Library, shared_data: Path, tmp_path: Path
) -> None:
    text = (shared_data / MARC).read_text(encoding="utf-8")
    first = text.index('<ns0:controlfield tag="001">')
    end = text.index("</ns0:controlfield>", first) + len("</ns0:controlfield>")
    damaged = tmp_path / "damaged.xml"
    damaged.write_text(text[:first] + text[end:], "utf-8")
    summary = library.marc_import([damaged])
    assert summary["skipped"] == [{"record": "A/C.3/78/L.1", "reason": "no 001"}]
    assert summary["works_created"] == 46


def test_a_record_fills_a_work_already_held(
    new_library: NewLibrary, shared_data: Path, tmp_path: Path
) -> None:
    library = new_library()
    note = tmp_path / "A_C.3_78_L.2-EN.txt"  # the symbol as UN file names write it
    note.write_text(
        "United Nations\nA/C.3/78/L.2\nGeneral Assembly\n\n"
        "A short note written for this test about the prevention of crime.\n",
        "utf-8",
    )
    report = library.ingest([note])
    assert report.ingested == 1, report.to_json()
    assert library.resolve("A/C.3/78/L.2").date is None
    summary = library.marc_import([shared_data / MARC])
    assert summary["works_linked"] == 1 and summary["works_created"] == 46
    assert not summary["vocabulary_loaded"] and summary["subjects"]["mapped"] == 0
    assert library.resolve("A/C.3/78/L.2").date == "2023-09-19"
    library.vocab_import([cut_thesaurus(shared_data, tmp_path / "unbis")])
    assert library.marc_import([shared_data / MARC])["subjects"]["mapped"] > 200


def test_a_broken_file_does_not_stop_the_batch(
    library: Library, shared_data: Path, tmp_path: Path
) -> None:
    text = (shared_data / MARC).read_text(encoding="utf-8")
    cut = text.index("</ns0:record>", len(text) // 2)  # well-formed up to there, then broken
    broken = tmp_path / "broken.xml"
    broken.write_text(text[:cut] + "<ns0:datafield", "utf-8")
    summary = library.marc_import([broken, shared_data / MARC])
    assert [f["file"] for f in summary["failed"]] == [str(broken)]
    assert "not well-formed XML" in summary["failed"][0]["reason"]
    assert summary["files"] == [str(shared_data / MARC)]
    assert summary["records"] == summary["works_created"] == 47  # nothing of the broken file
    assert summary["subjects"]["headings"] == 215
