"""Language-independent keys for printed paragraph labels and numbered headings.

The same paragraph carries the same number in every language version, written in that
language's way: ``3.`` / ``三、``, ``(b)`` / ``б)`` / ``(ب)``, ``(ii)`` / ``㈡``. A key says
what the label counts and at which level, so equal keys across versions mean "the same
paragraph" (in order: labels repeat from one article to the next, see
:mod:`unlib.align.aligner`).

Keys: ``n:12`` (paragraph number), ``n:24.1``, ``pp:3`` (third preambular paragraph),
``(n):2`` (``(2)``, ``2)``), ``(a):3`` (third letter, any alphabet), ``(r):4`` (roman,
``(iv)``), ``R:2`` (section ``II.``), ``L:1`` (section ``A.``), ``h:7`` (a heading numbered
7: ``Article 7``, ``第七条``, ``Глава VII``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from unlib.text.numbers import chinese_number, roman_to_int, to_ascii_digits

# Letters in the order sub-paragraphs use them: Latin, Russian (no й ё ъ ы ь), Arabic (abjad).
_LATIN: Final = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC: Final = "абвгдежзиклмнопрстуфхцчшщэюя"
_ABJAD: Final = ("أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س")
_ABJAD_MORE: Final = ("ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ")
_LETTER_ORDINAL: Final = {
    **{ch: i + 1 for i, ch in enumerate(_LATIN)},
    **{ch: i + 1 for i, ch in enumerate(_CYRILLIC)},
    **{ch: i + 1 for i, ch in enumerate((*_ABJAD, *_ABJAD_MORE))},
    "ا": 1,  # alif without hamza, as extraction often leaves it
    "هـ": 5,
}
_ZH_NUMERALS: Final = "零〇一二三四五六七八九十百千两"
# ㈠…㈩: parenthesised ideographs, the Chinese versions' (i)…(x).
_PAREN_IDEOGRAPHS: Final = {chr(0x3220 + i): i + 1 for i in range(10)}
_ROMAN_LETTERS: Final = frozenset("ivxlcdm")

_DECIMAL: Final = re.compile(r"\d{1,3}(?:\.\d{1,3})+")
_PP: Final = re.compile(r"PP(\d{1,3})", re.IGNORECASE)
_PAREN: Final = re.compile(r"\(?([^()]{1,6})\)")
_HEADING_NUMBER: Final = re.compile(
    rf"第([{_ZH_NUMERALS}\d]{{1,6}})[条章节部篇编款]"
    r"|(?<![\w/.])(\d{1,3})(?![\w/.])"
    r"|(?<![\w/.])([IVXLC]{1,7})(?![\w/.])"
)
MAX_HEADING_CHARS: Final = 80


def paragraph_key(label: str | None) -> str | None:
    """The key of a printed paragraph label; None for bullets, stars and unknown shapes."""
    if not label:
        return None
    raw = label.strip()
    if raw in _PAREN_IDEOGRAPHS:
        return f"(r):{_PAREN_IDEOGRAPHS[raw]}"
    text = to_ascii_digits(unicodedata.normalize("NFKC", raw)).replace(" ", "")
    text = text.rstrip(".、．")
    if not text:
        return None
    if pp := _PP.fullmatch(text):
        return f"pp:{int(pp.group(1))}"
    if text.isdigit():
        return f"n:{int(text)}"
    if _DECIMAL.fullmatch(text):
        return "n:" + ".".join(str(int(part)) for part in text.split("."))
    if paren := _PAREN.fullmatch(text):
        return _paren_key(paren.group(1))
    return _bare_key(text)


def _paren_key(inner: str) -> str | None:
    if inner.isdigit():
        return f"(n):{int(inner)}"
    lowered = inner.lower()
    if all(ch in _ZH_NUMERALS for ch in inner) and (value := chinese_number(inner)):
        return f"(r):{value}"
    if len(lowered) > 1 and set(lowered) <= _ROMAN_LETTERS and (value := roman_to_int(lowered)):
        return f"(r):{value}"
    if lowered in ("i", "v", "x"):  # more often roman than the 9th, 22nd or 24th letter
        return f"(r):{roman_to_int(lowered)}"
    if lowered in _LETTER_ORDINAL:
        return f"(a):{_LETTER_ORDINAL[lowered]}"
    if len(lowered) == 2 and lowered[0] == lowered[1] and lowered[0] in _LATIN:
        return f"(a):{26 + _LETTER_ORDINAL[lowered[0]]}"  # (aa), (bb): after (z)
    if len(lowered) == 2 and all(ch in _LATIN for ch in lowered):
        return f"(a):{26 * _LETTER_ORDINAL[lowered[0]] + _LETTER_ORDINAL[lowered[1]]}"
    return None


def _bare_key(text: str) -> str | None:
    if all(ch in _ZH_NUMERALS for ch in text) and (value := chinese_number(text)):
        return f"n:{value}"
    if text.isupper() and set(text) <= set("IVXLC") and (value := roman_to_int(text)):
        return f"R:{value}"
    if len(text) == 1 and text.isupper() and text.lower() in _LETTER_ORDINAL:
        return f"L:{_LETTER_ORDINAL[text.lower()]}"
    return None


def heading_key(text: str) -> str | None:
    """``h:<number>`` for a short heading that carries a number (``Article 7``, ``第七条``,
    ``المادة 7``, ``CHAPTER VII``), else None."""
    if len(text) > MAX_HEADING_CHARS:
        return None
    found = _HEADING_NUMBER.search(to_ascii_digits(unicodedata.normalize("NFKC", text)))
    if found is None:
        return None
    zh, digits, roman = found.groups()
    value = chinese_number(zh) if zh else int(digits) if digits else roman_to_int(roman or "")
    return f"h:{value}" if value else None


def passage_key(para: str | None, kind: str, text: str) -> str | None:
    """The key a passage is aligned by: its paragraph label, else a heading's number."""
    key = paragraph_key(para)
    if key is None and kind == "heading":
        return heading_key(text)
    return key
