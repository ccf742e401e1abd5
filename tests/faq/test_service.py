"""The FAQ service on a real library with the real multilingual embedder: writing, view
counts, import/export, and questions matched across languages through Ask."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.faq.entries import FaqError
from unlib.services.faq import FaqNotFound
from unlib.services.library import Library

VETO = {
    "key": "veto",
    "source_lang": "es",
    "texts": {
        "es": {
            "question": "¿Qué países tienen derecho de veto en el Consejo de Seguridad?",
            "answer": "Los cinco miembros permanentes.",
            "variants": ["¿Quién puede vetar una resolución?"],
        },
        "zh": {"question": "哪些国家在安全理事会拥有否决权？", "answer": "五个常任理事国。"},
    },
    "links": [{"kind": "search", "target": "veto", "label": ""}],
}
BUDGET = {
    "key": "budget",
    "texts": {
        "fr": {
            "question": "Comment le budget ordinaire de l'Organisation est-il financé ?",
            "answer": "Par les contributions mises en recouvrement auprès des États Membres.",
        }
    },
}


@pytest.fixture
def library(new_library: Callable[..., Library]) -> Library:
    lib = new_library()
    lib.faq().create(VETO)
    lib.faq().create(BUDGET)
    return lib


def test_a_chinese_question_finds_the_spanish_entry_and_shows_its_chinese_answer(
    library: Library,
) -> None:
    result = library.ask("哪几个国家可以否决安理会的决议？")
    assert result["found"] and result["source"] == "faq" and result["lang"] == "zh"
    best = result["faq"][0]
    assert best["key"] == "veto" and best["lang"] == "zh"
    assert best["answer"] == "五个常任理事国。" and best["in_your_language"]
    assert best["links"][0]["url"] == "/search?q=veto"
    assert result["answers"] == []


def test_an_entry_without_the_askers_language_answers_in_its_own(library: Library) -> None:
    result = library.ask("How is the regular budget of the UN paid for?")
    best = result["faq"][0]
    assert best["key"] == "budget" and best["lang"] == "fr" and not best["in_your_language"]


def test_an_unrelated_question_matches_no_entry(library: Library) -> None:
    result = library.ask("What is the best recipe for chocolate cake?")
    assert result["faq"] == [] and not result["found"] and result["source"] is None


def test_views_count_pages_and_answers_and_survive_edits(library: Library) -> None:
    faq = library.faq()
    assert faq.get("veto")["views"] == 1
    library.ask("¿Quién tiene derecho de veto?")
    assert faq.get("veto", count_view=False)["views"] == 2
    edited = faq.update("veto", {**VETO, "texts": {"es": VETO["texts"]["es"]}})
    assert edited["views"] == 2 and edited["languages"] == ["es"]


def test_writing_errors_are_clear_and_change_nothing(library: Library) -> None:
    faq = library.faq()
    with pytest.raises(FaqError, match="exists already"):
        faq.create(VETO)
    with pytest.raises(FaqError, match="another entry has the key"):
        faq.update("budget", {**BUDGET, "key": "veto"})
    with pytest.raises(FaqNotFound, match="no FAQ entry 'nope'"):
        faq.get("nope")
    exported = faq.export_text("json")
    bad = (
        '{"entries": [' + '{"key": "new-one", "texts": {"en": {"question": "Q?", "answer": "A."}}},'
    )
    with pytest.raises(FaqError, match="entry #2"):
        faq.import_text(bad + '{"texts": {}}]}', "json")
    assert faq.export_text("json") == exported  # the first, valid entry was not kept either


def test_export_then_import_into_another_library(library: Library, tmp_path: Path) -> None:
    for fmt in ("json", "csv"):
        text = library.faq().export_text(fmt)
        with Library(make_settings(tmp_path / fmt), create=True) as other:
            assert other.faq().import_text(text, fmt) == {"added": 2, "updated": 0, "total": 2}
            assert other.faq().import_text(text, fmt)["updated"] == 2
            assert other.ask("哪些国家拥有否决权？")["faq"][0]["key"] == "veto"


def test_delete(library: Library) -> None:
    assert library.faq().delete("budget")["key"] == "budget"
    assert [e["key"] for e in library.faq().list_entries()["entries"]] == ["veto"]
