"""Finding concepts by label in any of the six languages (the analysis documents get), and
concept labels in running text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from unlib.vocab.labels import LabelMatcher, shared_matcher
from unlib.vocab.model import THESAURUS_BASE, Vocabulary

CLIMATE_CHANGE = THESAURUS_BASE + "1001030"


@pytest.fixture(scope="module")
def matcher(both: Vocabulary) -> LabelMatcher:
    return shared_matcher(both, ("unbis", "sdg"))


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("气候变化", None),
        ("climate change", None),
        ("Climate Changes", "en"),  # stemmed, any case
        ("changements climatiques", "fr"),
        ("изменение климата", None),
        ("cambio climático", "es"),  # accents as typed, labels without
        ("تغيير المناخ", "ar"),
    ],
)
def test_a_concept_is_found_by_its_label_in_every_language(
    matcher: LabelMatcher, both: Vocabulary, query: str, lang: str | None
) -> None:
    hits = matcher.lookup(query, lang, limit=5)
    assert hits[0][0] == CLIMATE_CHANGE, [(both.label(u, "en"), s) for u, s in hits]
    assert hits[0][1] >= 1.0


def test_exact_labels_rank_above_longer_ones(matcher: LabelMatcher, both: Vocabulary) -> None:
    uris = [uri for uri, _ in matcher.lookup("climate change", "en", limit=10)]
    labels = [both.label(u, "en") for u in uris]
    assert labels[0] == "CLIMATE CHANGE"
    assert "CLIMATE CHANGE MITIGATION" in labels  # holds every word, ranked lower


def test_notations_ids_and_word_starts(matcher: LabelMatcher, both: Vocabulary) -> None:
    assert matcher.lookup("1000544")[0] == (THESAURUS_BASE + "1000544", 3.0)
    sdg_uri, score = matcher.lookup("1.1.1")[0]
    assert both.concepts[sdg_uri].notation == "1.1.1" and score == 3.0
    typed = [u for u, _ in matcher.lookup("climat", "en", limit=20)]  # type-ahead
    assert CLIMATE_CHANGE in typed
    assert matcher.lookup("zzzzqqq") == [] and matcher.lookup("   ") == []


def test_language_restriction(matcher: LabelMatcher) -> None:
    assert matcher.lookup("气候变化", "en") == []
    assert matcher.lookup("climate change", "zh") == []


def test_labels_are_found_in_text_with_their_offsets(matcher: LabelMatcher) -> None:
    text = "Measures to address Climate Change and poverty."
    found = {(h.uri, text[h.start : h.end]) for h in matcher.find(text, "en")}
    assert (CLIMATE_CHANGE, "Climate Change") in found
    zh = "各国应采取措施应对气候变化。"
    hits = [h for h in matcher.find(zh, "zh") if h.uri == CLIMATE_CHANGE]
    assert [zh[h.start : h.end] for h in hits] == ["气候变化"]
    broken = "We spoke of the climate. Change came later."
    assert CLIMATE_CHANGE not in {h.uri for h in matcher.find(broken, "en")}


def test_deprecated_concepts_are_found_by_label_but_not_matched_in_text(
    unbis: Vocabulary,
) -> None:
    concepts = dict(unbis.concepts)
    concepts[CLIMATE_CHANGE] = replace(concepts[CLIMATE_CHANGE], deprecated=True)
    retired = LabelMatcher(Vocabulary(concepts))
    assert CLIMATE_CHANGE not in {h.uri for h in retired.find("Climate change matters.", "en")}
    uri, score = retired.lookup("climate change", "en")[0]
    assert uri == CLIMATE_CHANGE and score < 2.0  # still found, ranked down
