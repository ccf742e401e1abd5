"""Hybrid and cross-lingual search on a small real library (Charter articles in three
languages, embedded with the real multilingual model)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_settings
from tests.vectors.sample import write_charter_sample
from unlib.search.hybrid import Candidate, Weights, fuse, fuse_scores, fuse_with
from unlib.services.hybrid import HybridRequest
from unlib.services.library import Library
from unlib.services.search import SearchRequest

pytestmark = pytest.mark.slow  # the module fixture embeds a real library (about 5-10 s)

ARTICLE_4_EN = (
    "admission of new peace-loving member states willing to carry out Charter obligations"
)


@pytest.fixture(scope="module")
def library(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("hybrid")
    settings = make_settings(folder / "data", workers=1, embed_at_ingest=True)
    with Library(settings, create=True) as lib:
        report = lib.ingest(write_charter_sample(shared_data, folder / "in"))
        assert report.ingested == 3 and report.vectors["failed"] == []
        yield lib


def _hits(library: Library, query: str, **options: Any) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = library.hybrid_search(HybridRequest(query, **options))["hits"]
    return hits


def test_weighted_rank_fusion_rewards_agreement() -> None:
    a, b, c = (Candidate(pid, 1, 1, "en", 0.0) for pid in (1, 2, 3))
    fused = fuse([("bm25", 1.0, [a, b]), ("dense", 1.0, [b, c])], k=60, limit=3)
    assert [h.pid for h in fused] == [2, 1, 3]
    assert fused[0].sources == ("bm25", "dense")
    heavy = fuse([("bm25", 1.0, [a, b]), ("dense", 3.0, [c])], k=60, limit=3)
    assert heavy[0].pid == 3


def test_score_fusion_counts_how_far_a_hit_stands_out() -> None:
    def hits(*scored: tuple[int, float]) -> list[Candidate]:
        return [Candidate(pid, 1, 1, "en", score) for pid, score in scored]

    # In BM25, passage 1 is far ahead; dense likes 2 a little more than 1: 1 wins, where rank
    # fusion (which only sees that each list put one of them first) would call it a tie.
    bm25 = hits((1, 20.0), (2, 5.0), (3, 4.5), (4, 4.0))
    dense = hits((2, 0.50), (1, 0.49), (3, 0.20), (4, 0.19))
    fused = fuse_scores([("bm25", 1.0, bm25), ("dense", 1.0, dense)], floor=0.0, limit=4)
    assert [h.pid for h in fused][:2] == [1, 2]
    assert fused[0].sources == ("bm25", "dense")
    # A single list keeps its order, also below the floor where the votes are equal.
    alone = fuse_scores([("bm25", 1.0, bm25)], floor=0.5, limit=4)
    assert [h.pid for h in alone] == [1, 2, 3, 4]
    # Weights scale a source's votes; an empty list or one with equal scores is harmless.
    flat = hits((5, 1.0), (6, 1.0))
    heavy = fuse_scores([("bm25", 1.0, bm25), ("dense", 9.0, flat), ("x", 1.0, [])], 0.5, 2)
    assert [h.pid for h in heavy] == [5, 6]


def test_weights_choose_the_fusion() -> None:
    a, b, c = (Candidate(pid, 1, 1, "en", score) for pid, score in ((1, 9.0), (2, 1.0), (3, 0.9)))
    lists = [("bm25", 1.0, [a, b]), ("dense", 1.0, [b, c])]
    assert Weights().fusion == "scores"
    assert fuse_with(lists, Weights(fusion="rrf", k=60), 3) == fuse(lists, 60, 3)
    assert fuse_with(lists, Weights(floor=0.0), 3) == fuse_scores(lists, 0.0, 3)


@pytest.mark.parametrize("mode", ["hybrid", "dense"])
def test_an_english_query_finds_the_chinese_paragraph(library: Library, mode: str) -> None:
    hits = _hits(library, ARTICLE_4_EN, mode=mode, lang="zh", limit=3)
    assert hits and all(h["lang"] == "zh" for h in hits)
    assert "爱好和平" in hits[0]["text"]
    assert {"symbol", "lang", "paragraph", "score", "text"} <= set(hits[0])


def test_bm25_alone_cannot_cross_languages(library: Library) -> None:
    assert _hits(library, ARTICLE_4_EN, mode="bm25", lang="zh") == []
    english = _hits(library, ARTICLE_4_EN, mode="bm25", lang="en", limit=1)
    assert english[0]["matched_by"] == ["bm25"] and "peace-loving" in english[0]["text"]


def test_all_languages_shows_each_paragraph_once_in_the_readers_language(
    library: Library,
) -> None:
    hits = _hits(library, "安全理事会", lang="fr", all_languages=True, limit=8)
    assert {h["lang"] for h in hits} - {"fr"}  # found through other languages too
    shown = [h["reader"]["passage_id"] for h in hits if h["reader"]]
    assert shown and len(shown) == len(set(shown))
    assert all(h["reader"] is None or h["reader"]["lang"] == "fr" for h in hits)
    assert any("Conseil de sécurité" in h["reader"]["text"] for h in hits if h["reader"])


def test_batch_answers_every_line_and_names_bad_ones(library: Library) -> None:
    lines = [
        json.dumps({"id": "a4", "query": ARTICLE_4_EN, "lang": "zh"}),
        "{broken",
        "",
        json.dumps({"id": 7, "query": "Conseil de sécurité"}),
        json.dumps({"id": "bad-lang", "query": "x", "lang": "klingon"}),
        json.dumps(["not", "an", "object"]),
    ]
    answers = list(library.search_batch(lines, limit=2))
    assert [a["id"] for a in answers] == ["a4", None, 7, "bad-lang", None]
    assert "爱好和平" in answers[0]["hits"][0]["text"]
    assert answers[1]["line"] == 2 and "line 2: not valid JSON" in answers[1]["error"]
    assert len(answers[2]["hits"]) == 2 and "error" not in answers[2]
    assert "line 5" in answers[3]["error"] and answers[3]["hits"] == []
    assert "line 6" in answers[4]["error"]


def test_an_empty_library_answers_with_no_hits(new_library: Any) -> None:
    empty = new_library(embed_at_ingest=True)
    result = empty.hybrid_search(HybridRequest("peace", mode="hybrid"))
    assert result["hits"] == [] and result["notes"]
    answers = list(empty.search_batch(['{"id": 1, "query": "peace"}'], mode="dense"))
    assert answers == [{"id": 1, "hits": []}]


def test_classic_search_in_all_languages_mode_shows_the_readers_paragraph(
    library: Library,
) -> None:
    request = SearchRequest("安全理事会", reader_lang="fr", all_languages=True, per_page=5)
    result = library.search(request)
    hits = [h for item in result["results"] for h in item["hits"] if h["lang"] == "zh"]
    assert hits and all(h["reader"] and h["reader"]["lang"] == "fr" for h in hits)
    assert any("Conseil de sécurité" in h["reader"]["text"] for h in hits)
    assert isinstance(result["crosslingual"], list)
    plain = library.search(SearchRequest("安全理事会", reader_lang="fr", per_page=5))
    assert "crosslingual" not in plain
    assert all("reader" not in h for item in plain["results"] for h in item["hits"])


def test_passages_close_in_meaning_keep_to_the_search_filters(library: Library) -> None:
    def related(query: str) -> list[dict[str, Any]]:
        request = SearchRequest(query, reader_lang="fr", all_languages=True, per_page=5)
        found: list[dict[str, Any]] = library.search(request)["crosslingual"]
        return found

    # Chinese words in the English field find nothing: the section offers the Charter's
    # passages close in meaning, English ones only.
    english = related("安全理事会 lang:en")
    assert english and {hit["lang"] for hit in english} == {"en"}
    assert related("安全理事会 year:1900") == []  # no document of that year
