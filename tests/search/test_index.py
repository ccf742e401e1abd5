"""The on-disk passage index: adding, committing, replacing versions, reopening, locking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unlib.search.engine import SearchEngine
from unlib.search.index import IndexedPassage, PassageIndex, SearchIndexError
from unlib.search.query import parse_query
from unlib.text.analysis import prepare_for_index

# Short sentences composed for these tests.
SENTENCES = {
    1: ("en", "The committee adopted its annual report on desertification."),
    2: ("en", "Delegations discussed the financing of peacekeeping operations."),
    3: ("fr", "Le comité a adopté son rapport annuel sur la désertification."),
    4: ("zh", "委员会通过了关于荒漠化问题的年度报告。"),
}


def passage(pid: int, vid: int, work: int = 1) -> IndexedPassage:
    lang, text = SENTENCES[pid]
    return IndexedPassage(
        pid=pid,
        vid=vid,
        work=work,
        work_key=None,
        lang=lang,
        body="A",
        year=2020,
        doc_type="report",
        kind="paragraph",
        cites=(),
        text=prepare_for_index(lang, text),
    )


def pids(index: PassageIndex, q: str) -> set[int]:
    result = SearchEngine(index).search(parse_query(q), max_passages_per_work=100)
    return {hit.pid for work in result.works for hit in work.hits}


def test_additions_are_visible_after_commit(tmp_path: Path) -> None:
    with PassageIndex(tmp_path / "ix") as index:
        assert index.add([passage(1, 10), passage(2, 10)]) == 2
        assert index.passage_count() == 0
        index.commit()
        assert index.passage_count() == 2
        assert pids(index, "report") == {1}
        assert index.size_bytes() > 0


def test_delete_versions_replaces_a_language_version(tmp_path: Path) -> None:
    with PassageIndex(tmp_path / "ix") as index:
        index.add([passage(1, 10), passage(3, 11), passage(4, 12)])
        index.commit()
        assert pids(index, "désertification") == {1, 3}  # folded + stemmed in en and fr
        index.delete_versions([11, 12])
        index.add([passage(2, 11)])
        index.commit()
        assert pids(index, "désertification") == {1}
        assert pids(index, "荒漠化") == set()
        assert index.passage_count() == 2


def test_clear_takes_effect_on_commit(tmp_path: Path) -> None:
    with PassageIndex(tmp_path / "ix") as index:
        index.add([passage(1, 10), passage(2, 10)])
        index.commit()
        index.clear()
        assert index.passage_count() == 2
        index.commit()
        assert index.passage_count() == 0


def test_close_discards_uncommitted_changes_and_reopens(tmp_path: Path) -> None:
    index = PassageIndex(tmp_path / "ix")
    index.add([passage(1, 10)])
    index.commit()
    index.add([passage(2, 10)])
    index.close()
    reopened = PassageIndex(tmp_path / "ix")
    assert reopened.passage_count() == 1
    assert pids(reopened, "annual") == {1}  # analyzers are registered again on open


def test_reader_sees_another_writers_commits_without_taking_the_lock(tmp_path: Path) -> None:
    writer = PassageIndex(tmp_path / "ix")
    reader = PassageIndex(tmp_path / "ix")
    writer.add([passage(1, 10)])
    writer.commit()
    assert pids(reader, "committee") == {1}
    writer.add([passage(2, 10)])
    writer.commit()
    assert reader.passage_count() == 2
    with pytest.raises(SearchIndexError, match="another unlib process"):
        reader.add([passage(3, 11)])
    writer.close()
    reader.add([passage(3, 11)])  # the lock is free once the writer closed
    reader.commit()
    reader.close()
    assert writer.passage_count() == 3


def test_other_schema_version_is_refused_or_recreated(tmp_path: Path) -> None:
    path = tmp_path / "ix"
    with PassageIndex(path) as index:
        index.add([passage(1, 10)])
        index.commit()
    (path / "unlib-index.json").write_text(json.dumps({"schema_version": 0}))
    with pytest.raises(SearchIndexError, match="schema version 0.*rebuild"):
        PassageIndex(path)
    recreated = PassageIndex(path, recreate=True)
    assert recreated.passage_count() == 0


def test_a_folder_with_other_files_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SearchIndexError, match="not empty"):
        PassageIndex(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_recreate_leaves_files_it_did_not_write(tmp_path: Path) -> None:
    path = tmp_path / "ix"
    with PassageIndex(path) as index:
        index.add([passage(1, 10)])
        index.commit()
    (path / "unlib-index.json").unlink()  # as if another program had made this index
    (path / "README.txt").write_text("kept")
    with pytest.raises(SearchIndexError, match="built by another program"):
        PassageIndex(path)
    with PassageIndex(path, recreate=True) as index:
        index.add([passage(2, 10)])
        index.commit()
        assert pids(index, "peacekeeping") == {2}
        assert index.passage_count() == 1
    assert (path / "README.txt").read_text() == "kept"


def test_small_writer_heap_is_raised_to_what_tantivy_needs(tmp_path: Path) -> None:
    with PassageIndex(tmp_path / "ix", writer_heap_mb=1, threads=2) as index:
        index.add([passage(1, 10)])
        index.commit()
        assert index.passage_count() == 1


def test_word_frequency_counts_passages_per_language_field(tmp_path: Path) -> None:
    with PassageIndex(tmp_path / "idx") as index:
        index.add([passage(1, 1), passage(2, 1), passage(3, 2), passage(4, 3)])
        index.commit()
        assert index.word_frequency("committee", ["en"]) == 1
        assert index.word_frequency("the", ["en"]) == 2
        assert index.word_frequency("desertification") == 2  # en and fr share the spelling
        assert index.word_frequency("荒漠化", ["zh"]) == 1
        assert index.word_frequency("peacekeeping", ["fr"]) == 0
