"""Query construction, checked on a small index of sentences composed for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import tantivy

from unlib.search.build import build_query
from unlib.search.filters import Filters
from unlib.search.index import IndexedPassage, PassageIndex
from unlib.search.query import parse_query
from unlib.text.analysis import prepare_for_index

SENTENCES = {
    1: ("en", "The digital library opened a new reading room for delegates."),
    2: ("en", "The library staff made every digital record searchable online."),
    3: ("en", "Delegates debated the budget until late in the evening."),
    4: ("fr", "La bibliothèque numérique a ouvert une salle de lecture."),
    5: ("zh", "联合国数字图书馆开放了新的阅览室。"),
    6: ("zh", "数字化的图书馆档案可以在线检索。"),
    7: ("zh", "代表们讨论了预算问题。"),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> PassageIndex:
    path: Path = tmp_path_factory.mktemp("build") / "ix"
    with PassageIndex(path) as writer:
        writer.add(
            IndexedPassage(
                pid=pid,
                vid=pid,
                work=pid,
                work_key=None,
                lang=lang,
                body="A",
                year=2000 + pid,
                doc_type="report",
                kind="paragraph",
                cites=(),
                text=prepare_for_index(lang, text),
            )
            for pid, (lang, text) in SENTENCES.items()
        )
        writer.commit()
    return PassageIndex(path)


def matches(
    index: PassageIndex, q: str, filters: Filters | None = None, *, any_word: bool = False
) -> dict[int, float]:
    parsed = parse_query(q)
    query = build_query(index.schema, parsed, filters or parsed.filters, any_word=any_word)
    searcher: tantivy.Searcher = index.searcher()
    hits = searcher.search(query, 100).hits
    pids = searcher.fast_field_values("pid", [address for _, address in hits])
    return {int(pid or 0): score for (score, _), pid in zip(hits, pids, strict=True)}


def test_words_must_all_match_in_the_passages_own_language(index: PassageIndex) -> None:
    assert set(matches(index, "digital library")) == {1, 2}
    assert set(matches(index, "数字图书馆")) == {5, 6}  # 数字 and 图书馆, wherever they stand


def test_adjacent_words_rank_first(index: PassageIndex) -> None:
    english = matches(index, "digital library")
    assert english[1] > english[2]
    chinese = matches(index, "数字图书馆")
    assert chinese[5] > chinese[6]


def test_phrase_needs_the_words_in_order(index: PassageIndex) -> None:
    assert set(matches(index, '"digital library"')) == {1}
    assert set(matches(index, '"数字图书馆"')) == {5}
    assert set(matches(index, '"bibliotheque numerique"')) == {4}


def test_any_word_relaxation_still_needs_a_word_under_filters(index: PassageIndex) -> None:
    relaxed = matches(index, "digital budget lang:en", any_word=True)
    assert set(relaxed) == {1, 2, 3}
    assert set(matches(index, "digital budget lang:en")) == set()


def test_filters_select_without_changing_scores(index: PassageIndex) -> None:
    unfiltered = matches(index, "delegates")
    filtered = matches(index, "delegates year:2003..2010")
    assert set(filtered) == {3}
    assert filtered[3] == pytest.approx(unfiltered[3])


def test_exclusion_applies_in_every_language(index: PassageIndex) -> None:
    assert set(matches(index, "library -reading")) == {2}
    assert set(matches(index, "图书馆 -阅览室")) == {6}


def test_impossible_filters_match_nothing(index: PassageIndex) -> None:
    assert matches(index, "library", Filters(langs=("en",)).narrowed(Filters(langs=("fr",)))) == {}


def test_browse_lists_every_filtered_passage(index: PassageIndex) -> None:
    assert set(matches(index, "lang:zh")) == {5, 6, 7}
    assert set(matches(index, "-library lang:en")) == {3}


def test_words_without_any_letters_match_nothing(index: PassageIndex) -> None:
    assert matches(index, "…") == {}
    assert matches(index, "， 。", any_word=True) == {}
