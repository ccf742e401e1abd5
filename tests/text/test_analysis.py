"""Per-language analysis: index text, query terms and highlight offsets agree, on real text."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unlib.text.analysis import (
    analyze,
    build_analyzer,
    chinese_query_words,
    chinese_segments,
    field_language,
    highlight_spans,
    normalize,
    prepare_for_index,
    warm_up,
)


@pytest.fixture(scope="module")
def charter(shared_data: Path) -> dict[str, str]:
    """The Charter's six language versions, as whole texts."""
    lines = (shared_data / "un-charter" / "un_charter_articles_6lang.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in lines.splitlines()]
    return {lang: "\n\n".join(r[lang] for r in records) for lang in records[0] if lang != "unit"}


@pytest.fixture(scope="module")
def zh_report(shared_data: Path) -> str:
    return (shared_data / "zh-reports" / "000_e50f63f2d723d7aa.txt").read_text("utf-8")


def test_chinese_index_text_is_jieba_search_mode_lowercased(zh_report: str) -> None:
    prepared = prepare_for_index("zh", zh_report)
    expected = " ".join(jieba.cut_for_search(normalize(zh_report))).lower()
    assert prepared == expected
    assert "数字 图书 书馆 图书馆" in prepared  # sub-words before the word, as jieba yields them


def test_chinese_segments_follow_jieba_with_true_offsets(zh_report: str) -> None:
    text = normalize(zh_report)
    segments = chinese_segments(text)
    expected = [w for w in jieba.cut_for_search(text) if not w.isspace()]
    assert [s.word for s in segments] == expected
    assert all(text[s.start : s.end] == s.word for s in segments)
    assert [s.word for s in segments if s.main] == [w for w in jieba.cut(text) if not w.isspace()]


def test_chinese_query_words_carry_sub_words_and_index_positions() -> None:
    words = chinese_query_words("联合国数字图书馆")
    assert [w.terms for w in words] == [("联合国",), ("数字",), ("图书馆",)]
    assert words[2].parts == ("图书", "书馆")
    # 联合 联合国 数字 图书 书馆 图书馆: main words sit at positions 1, 2 and 5.
    assert [w.position for w in words] == [1, 2, 5]


def test_chinese_terms_match_what_the_index_tokenizer_makes_of_the_prepared_text(
    zh_report: str,
) -> None:
    paragraph = next(p for p in zh_report.split("\n\n") if "A/AC.198" in p)
    index_terms = build_analyzer("zh").analyze(prepare_for_index("zh", paragraph))
    assert analyze("zh", paragraph) == index_terms
    assert "ac" in index_terms and "198" in index_terms  # symbols split like in English


def test_english_french_spanish_fold_accents_and_stem() -> None:
    assert analyze("en", "Resolutions") == analyze("en", "resolution")
    assert analyze("fr", "Sécurité internationale") == analyze("fr", "securite internationales")
    assert analyze("es", "resolución") == analyze("es", "Resoluciones")
    assert analyze("en", "Côte d'Ivoire") == analyze("en", "cote d ivoire")


def test_russian_inflections_share_a_stem() -> None:
    stems = {analyze("ru", form)[0] for form in ("Совет", "Совета", "Советом", "Совету")}
    assert len(stems) == 1
    assert analyze("ru", "Объединённых") == analyze("ru", "Объединенных")


def test_arabic_spelling_variants_share_a_term(charter: dict[str, str]) -> None:
    variants = ["الأمم", "الامم", "الأُمَمُ", "الأمـــم"]  # hamza, bare alef, vowels, tatweel
    terms = {tuple(analyze("ar", word)) for word in variants}
    assert len(terms) == 1
    assert next(iter(terms))[0] in analyze("ar", charter["ar"][:2000])


def test_arabic_presentation_forms_are_read_as_letters() -> None:
    # "ﻻ" (U+FEFB, a lam-alef ligature glyph as PDFs extract it) is the word "لا".
    assert analyze("ar", "\ufefb") == analyze("ar", "لا")


def test_full_width_digits_match_ascii_digits() -> None:
    assert analyze("zh", "２０２３年") == analyze("zh", "2023年")


def test_undetermined_folds_and_lowercases_without_stemming() -> None:
    assert field_language("xx") == "und"
    assert analyze("und", "Résolutions") == ["resolutions"]


def test_highlight_spans_point_into_the_original_text(charter: dict[str, str]) -> None:
    text = charter["fr"][:3000]
    spans = highlight_spans("fr", text, analyze("fr", "securite nations"))
    assert spans
    shown = {text[s:e].lower() for s, e in spans}
    assert shown <= {"sécurité", "nations", "nation"}


def test_chinese_highlight_is_contiguous_in_the_original(zh_report: str) -> None:
    text = "在联合国数字图书馆（ＵＮ）中，２０２３年"
    spans = highlight_spans("zh", text, ["数字", "图书馆", "2023", "un"])
    assert [text[s:e] for s, e in spans] == ["数字图书馆", "ＵＮ", "２０２３"]
    real = highlight_spans("zh", zh_report, analyze("zh", "数字图书馆"))
    assert "数字图书馆" in {zh_report[s:e] for s, e in real}


def test_highlight_of_an_expanded_character_covers_it() -> None:
    text = "见㈠节"  # ㈠ expands to "(一)" under NFKC
    assert [text[s:e] for s, e in highlight_spans("zh", text, ["一"])] == ["㈠"]


def test_warm_up_is_idempotent() -> None:
    warm_up()
    warm_up()
    assert jieba.dt.initialized


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab é数字图书馆ﻻ٠١ １㈠\u064e\u0640,.\n")), max_size=60),
    st.sampled_from(["ar", "zh", "en", "fr", "und"]),
)
def test_highlight_spans_are_sorted_disjoint_and_in_bounds(text: str, lang: str) -> None:
    terms = set(analyze(lang, text))
    spans = highlight_spans(lang, text, terms)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in pairwise(spans))
    # What analysis finds in a text, highlighting finds in it too.
    assert bool(spans) == bool(terms)


def test_overlong_tokens_are_dropped_alike_on_both_sides() -> None:
    # tantivy drops tokens of 40 UTF-8 bytes or more; the query side must drop the same ones.
    for text in ("报告" + "ａ" * 39 + "数字", "报告 " + "b" * 40 + " 数字", "一" * 14):
        expected = build_analyzer("zh").analyze(prepare_for_index("zh", text))
        assert analyze("zh", text) == expected
    assert "a" * 39 in analyze("zh", "报告" + "ａ" * 39)
    assert analyze("en", "x" * 40) == []


def test_an_arabic_conjunction_before_an_article_is_split_off() -> None:
    # "and the peace", "and the security", "so the development": the conjunction و / ف.
    for joined, alone in [("والسلام", "السلام"), ("والأمن", "الأمن"), ("فالتنمية", "التنمية")]:
        assert analyze("ar", joined) == analyze("ar", alone)
    assert analyze("ar", "والد") != analyze("ar", "الد")  # "father": و is part of the word
    text = "يدعو إلى السلام والأمن."
    assert [text[a:b] for a, b in highlight_spans("ar", text, analyze("ar", "الأمن"))] == ["الأمن"]
