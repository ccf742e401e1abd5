"""normalize_extracted: each rule, idempotence on any input, and speed on real text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from unlib.text.normalize import normalize_extracted


def test_composes_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Résolution adoptée à l’unanimité")
    assert normalize_extracted(decomposed) == "Résolution adoptée à l’unanimité"


def test_arabic_presentation_forms_become_letters_only_there() -> None:
    # "السلام" written with contextual glyph forms, as Arabic PDF text layers often are.
    glyphs = "\ufe8d\ufedf\ufeb4\ufefc\ufee1"
    assert normalize_extracted(glyphs) == "السلام"
    assert normalize_extracted("\ufdf2") == "الله"  # a ligature of the FDxx block


def test_chinese_full_width_punctuation_is_kept() -> None:
    text = "安全理事会，（一）决定：继续处理此案；１２３。"
    assert normalize_extracted(text) == text


def test_invisible_characters_are_removed() -> None:
    dirty = "\ufeffUnited\u200b Na\u00adtions\u200e\u2060 Charter\x07\x00"
    assert normalize_extracted(dirty) == "United Nations Charter"


def test_line_ends_and_spaces() -> None:
    assert normalize_extracted("a\r\nb\rc\n") == "a\nb\nc\n"
    assert normalize_extracted("10\u00a0000 and 5\u202f%") == "10 000 and 5 %"
    assert (
        normalize_extracted("too   many    spaces  \nnext\tline   ")
        == "too many spaces\nnext\tline"
    )
    assert normalize_extracted("keep\n\n\nnewlines") == "keep\n\n\nnewlines"


def test_ideographic_space_used_for_indentation_is_kept() -> None:
    assert normalize_extracted("\u3000\u3000联合国之宗旨为：") == "\u3000\u3000联合国之宗旨为："


@given(st.text())
def test_idempotent_on_any_text(text: str) -> None:
    once = normalize_extracted(text)
    assert normalize_extracted(once) == once


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_output_has_no_removed_characters(text: str) -> None:
    out = normalize_extracted(text)
    assert "\r" not in out and "\u00a0" not in out and "\ufeff" not in out and "  " not in out
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in out)
