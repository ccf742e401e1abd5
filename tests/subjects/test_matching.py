"""Label matching for subject indexing. Arabic: one light stemmer for labels and text, so that a
word is found with or without its clitics and words of different meaning stay apart. Chinese:
labels inside jieba's words and with or without their bracketed part."""

from __future__ import annotations

from unlib.subjects.matching import arabic_stem, find
from unlib.vocab.labels import LabelMatcher

# A sentence written for this test: "the data show falling mortality rates among children, and
# rising mortality in rural areas".
SENTENCE = (
    "وتشير البيانات إلى انخفاض معدلات الوفيات بين الأطفال، وارتفاع الوفيات في المناطق الريفية."
)


def test_a_word_has_one_stem_with_or_without_its_clitics() -> None:
    assert arabic_stem("الوفيات") == arabic_stem("وفيات") == "وفي"
    assert arabic_stem("والوفيات", conjunction=True) == arabic_stem("الوفيات")
    assert arabic_stem("الْوَفَيَات") == arabic_stem("الوفيات")  # diacritics
    assert arabic_stem("أمم") == arabic_stem("امم")  # hamza forms


def test_words_of_different_meaning_keep_different_stems() -> None:
    assert arabic_stem("النسبية") != arabic_stem("نسبة")  # relativity, ratio


def test_a_plural_inside_a_label_is_found(matcher: LabelMatcher) -> None:
    found = {(hit.label, SENTENCE[hit.start : hit.end]) for hit in find(matcher, SENTENCE, "ar")}
    assert ("معدل الوفيات", "معدلات الوفيات") in found
    assert ("المناطق الريفية", "المناطق الريفية") in found
    plain = {hit.label for hit in matcher.find(SENTENCE, "ar")}
    assert "معدل الوفيات" not in plain  # what the search analysis alone misses


def test_other_languages_are_matched_as_before(matcher: LabelMatcher) -> None:
    text = "Infant mortality fell in rural areas."
    assert find(matcher, text, "en") == matcher.find(text, "en")


def test_a_chinese_label_is_found_inside_a_word_and_without_its_brackets(
    matcher: LabelMatcher,
) -> None:
    # Written for this test: "lower child mortality; climate change worsens food insecurity".
    text = "降低儿童死亡率。气候变化加剧粮食不安全。"
    found = {(hit.label, text[hit.start : hit.end]) for hit in find(matcher, text, "zh")}
    assert ("儿童死亡（率）", "儿童死亡率") in found
    assert ("气候", "气候") in found  # inside the word 气候变化
    assert ("气候变化", "气候变化") in found
    plain = {hit.label for hit in matcher.find(text, "zh")}
    assert "儿童死亡（率）" not in plain and "气候" not in plain


def test_a_one_character_chinese_label_is_not_found_inside_a_word(matcher: LabelMatcher) -> None:
    assert "水" not in {hit.label for hit in find(matcher, "提高生活水平。", "zh")}  # "level"
    assert "水" in {hit.label for hit in find(matcher, "改善饮用水供应。", "zh")}  # "water"
