"""The lexical backend on the real UNBIS Thesaurus: labels found in each of the six languages
(jieba for Chinese, stemming elsewhere), false friends of stemming and acronyms refused, and
never a broader term beside its narrower one."""

from __future__ import annotations

import pytest

from tests.subjects.conftest import CLIMATE_CHANGE
from unlib.model import LANGUAGES
from unlib.subjects.backend import FixedBackend
from unlib.subjects.lexical import LexicalBackend
from unlib.subjects.model import SubjectsError, Text
from unlib.subjects.thesaurus import Hierarchy, most_specific
from unlib.vocab.labels import LabelMatcher
from unlib.vocab.model import Vocabulary

UNBIS = "http://metadata.un.org/thesaurus/"
WOMEN_MIGRANT_WORKERS = UNBIS + "1007044"
MIGRANT_WORKERS = UNBIS + "1004108"

SENTENCES = {
    "en": "The Assembly discussed climate change and its effects on small islands.",
    "fr": "L'Assemblée a examiné les changements climatiques et leurs effets.",
    "es": "La Asamblea examinó el cambio climático y sus efectos.",
    "ru": "Ассамблея обсудила изменение климата и его последствия.",
    "zh": "大会讨论了气候变化及其对小岛屿的影响。",
    "ar": "ناقشت الجمعية تغيير المناخ وآثاره على الجزر الصغيرة.",
}


@pytest.fixture(scope="module")
def lexical(matcher: LabelMatcher, hierarchy: Hierarchy) -> LexicalBackend:
    return LexicalBackend(matcher, hierarchy)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_climate_change_is_found_in_every_language(lexical: LexicalBackend, lang: str) -> None:
    found = lexical.suggest(SENTENCES[lang], lang, limit=5)
    assert CLIMATE_CHANGE in [s.uri for s in found]
    assert all(0.0 < s.score <= 1.0 and s.backend == "lexical" for s in found)


def test_versions_pool_their_evidence(lexical: LexicalBackend) -> None:
    one = {s.uri: s.score for s in lexical.suggest(SENTENCES["en"], "en")}
    six = {
        s.uri: s.score
        for s in lexical.suggest_texts([Text(SENTENCES[lang], lang) for lang in LANGUAGES])
    }
    assert six[CLIMATE_CHANGE] > one[CLIMATE_CHANGE]


def test_stemming_false_friends_and_lower_case_acronyms_are_refused(
    lexical: LexicalBackend, vocab: Vocabulary
) -> None:
    text = (
        "Strengthening the United Nations programme, in particular its technical "
        "cooperation capacity"
    )
    labels = {vocab.label(s.uri, "en") for s in lexical.suggest(text, "en", limit=20)}
    assert "TECHNICAL COOPERATION" in labels
    assert not labels & {"NATIONALISM", "NATIONALITY", "INFORMATION TECHNOLOGY"}


def test_a_narrower_term_replaces_its_broader_one(lexical: LexicalBackend) -> None:
    text = "Migrant workers, and above all women migrant workers, need protection."
    found = [s.uri for s in lexical.suggest(text, "en", limit=20)]
    assert WOMEN_MIGRANT_WORKERS in found and MIGRANT_WORKERS not in found


def test_most_specific_hands_over_part_of_the_broader_score(hierarchy: Hierarchy) -> None:
    kept = most_specific({WOMEN_MIGRANT_WORKERS: 1.0, MIGRANT_WORKERS: 2.0}, hierarchy)
    assert set(kept) == {WOMEN_MIGRANT_WORKERS} and kept[WOMEN_MIGRANT_WORKERS] == 1.5


def test_empty_text_gives_nothing_and_bad_input_is_refused(lexical: LexicalBackend) -> None:
    assert lexical.suggest("   \n", "en") == []
    with pytest.raises(SubjectsError, match="unknown language 'de'"):
        lexical.suggest("climate change", "de")
    with pytest.raises(SubjectsError, match="limit must be between 1 and 1000"):
        lexical.suggest("climate change", "en", limit=0)


def test_the_fixed_backend_ranks_by_its_order() -> None:
    found = FixedBackend(["a", "b", "c"]).suggest("any text", "fr", limit=2)
    assert [(s.uri, s.score) for s in found] == [("a", 1.0), ("b", 0.5)]
