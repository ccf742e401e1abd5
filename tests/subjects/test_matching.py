"""Arabic label matching for subject indexing: one light stemmer for labels and text, so that a
word is found with or without its clitics and words of different meaning stay apart."""

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
