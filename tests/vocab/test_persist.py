"""Keeping vocabularies in the catalogue: a faithful round trip, and re-imports that update
labels and relations without losing what documents were indexed with."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.vocab.conftest import cut_thesaurus
from unlib.services.library import Library
from unlib.vocab.model import THESAURUS_BASE, Vocabulary
from unlib.vocab.persist import deprecated_concepts, load_vocabulary, save_vocabulary
from unlib.vocab.unbis import CONCEPTS_FILE

NewLibrary = Callable[..., Library]


def test_the_catalogue_gives_back_what_was_saved(new_library: NewLibrary, both: Vocabulary) -> None:
    library = new_library()
    changes = save_vocabulary(library.catalogue, both)
    assert changes["unbis"].added and changes["sdg"].added
    loaded = load_vocabulary(library.catalogue)
    assert loaded.concepts == both.concepts
    assert loaded.versions == both.versions
    assert load_vocabulary(library.catalogue) is loaded  # cached until the next import
    again = save_vocabulary(library.catalogue, both)
    assert again["unbis"].unchanged == len(both.of_scheme("unbis"))
    assert not again["unbis"].added and not again["unbis"].updated


def _rewrite(folder: Path, edit: Callable[[dict[str, object]], dict[str, object] | None]) -> None:
    path = folder / CONCEPTS_FILE
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    kept = [new for r in records if (new := edit(r)) is not None]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in kept) + "\n")


def test_a_reimport_updates_and_deprecates_without_losing_assignments(
    new_library: NewLibrary, shared_data: Path, tmp_path: Path
) -> None:
    folder = cut_thesaurus(shared_data, tmp_path / "unbis")
    library = new_library()
    first = library.vocab_import([folder])
    assert first["changes"]["unbis"]["added"] > 100 and first["flagged"] == []
    marc = library.marc_import([shared_data / "undl-marc-a-c3-78"])
    assert marc["subjects"]["mapped"] > 0.9 * marc["subjects"]["headings"]
    gold = library.marc_metadata("A/C.3/78/L.2")["subjects"]
    gone = next(s["uri"] for s in gold if s["uri"])  # a concept a record is indexed with
    renamed = next(s["uri"] for s in gold if s["uri"] and s["uri"] != gone)
    gone_id, renamed_id = (u.removeprefix(THESAURUS_BASE) for u in (gone, renamed))

    def newer(record: dict[str, object]) -> dict[str, object] | None:
        if record["id"] == gone_id:
            return None
        if record["id"] == renamed_id:
            labels = dict(record["prefLabel"])  # type: ignore[call-overload]
            labels["fr"] = "LIBELLÉ RÉVISÉ"
            return {**record, "prefLabel": labels}
        return record

    _rewrite(folder, newer)
    second = library.vocab_import([folder])
    change = second["changes"]["unbis"]
    assert change["deprecated"] == 1 and change["deprecated_uris"] == [gone]
    assert change["updated"] == 1 and change["added"] == 0
    flagged = {f["uri"]: f for f in second["flagged"]}
    assert flagged[gone]["documents"] >= 1
    assert deprecated_concepts(library.catalogue) == [gone]
    page = library.vocab_concept(gone_id, "en", "unbis")
    assert page["deprecated"] and "A/C.3/78/L.2" in {d["symbol"] for d in page["documents"]}
    assert library.vocab_concept(renamed_id, "fr")["pref"]["fr"] == "LIBELLÉ RÉVISÉ"
    subjects = library.marc_metadata("A/C.3/78/L.2")["subjects"]
    assert gone in {s["uri"] for s in subjects}  # the record's indexing is kept

    restored = library.vocab_import([cut_thesaurus(shared_data, tmp_path / "again")])
    assert restored["changes"]["unbis"]["restored"] == 1
    assert restored["changes"]["unbis"]["updated"] == 1  # the French label back
    assert deprecated_concepts(library.catalogue) == [] and restored["flagged"] == []


def test_the_default_sources_and_where_they_were_looked_for(
    new_library: NewLibrary, tmp_path: Path, shared_data: Path
) -> None:
    library = new_library(shared_data=str(tmp_path / "nowhere"))
    try:
        library.vocab_import([])
    except ValueError as error:
        message = str(error)
    else:
        raise AssertionError("an import without sources must fail")
    assert str(tmp_path / "nowhere" / "unbis-thesaurus" / CONCEPTS_FILE) in message
    assert "UNLIB_SHARED_DATA" in message
    shared = tmp_path / "shared"
    cut_thesaurus(shared_data, shared / "unbis-thesaurus")
    summary = new_library(shared_data=str(shared)).vocab_import()
    assert summary["sources"]["unbis"] == [str(shared / "unbis-thesaurus")]
    assert summary["sources"]["sdg"] == []


def test_subject_assignments_count_as_documents_and_are_flagged(
    new_library: NewLibrary, shared_data: Path, tmp_path: Path
) -> None:
    from unlib.store.subjects import Proposal, subject_store

    folder = cut_thesaurus(shared_data, tmp_path / "unbis", keep={"1001030", "1000544"})
    library = new_library()
    library.vocab_import([folder])
    library.marc_import([shared_data / "undl-marc-a-c3-78"])
    accepted, suggested, rejected = (
        library.resolve(s).id for s in ("A/C.3/78/L.2", "A/C.3/78/L.3", "A/C.3/78/L.5")
    )
    climate = THESAURUS_BASE + "1001030"
    store = subject_store(library.catalogue)
    with library.catalogue.transaction():
        store.decide(accepted, climate, "accepted", "librarian", "a test")
        store.propose(suggested, [Proposal(climate, 0.7, "lexical", "test")])
        store.decide(rejected, climate, "rejected", "librarian", "a test")
    page = library.vocab_concept("1001030")
    sources = {d["symbol"]: d["sources"] for d in page["documents"]}
    assert sources == {"A/C.3/78/L.2": ["accepted"], "A/C.3/78/L.3": ["suggested"]}
    assert page["documents_total"] == 2

    _rewrite(folder, lambda r: None if r["id"] == "1001030" else r)
    summary = library.vocab_import([folder])
    assert summary["flagged"] == [{"uri": climate, "label": "CLIMATE CHANGE", "documents": 2}]
    assert store.assignment(accepted, climate) is not None  # kept for a librarian to review
