"""Text as the full-text index sees it, with offsets into the original: the token stream that
label matching walks over.

Uses the very analysis of :mod:`unlib.text.analysis` (NFKC, per-language tokenizer, folding
and stemming; jieba for Chinese), so a concept label matches a document wherever a search
for that label would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

import tantivy

# Offsets back into un-normalised text: the highlighter's mapping (one place to keep right).
from unlib.text.analysis import _normalize_with_offsets as normalize_with_offsets
from unlib.text.analysis import build_analyzer, chinese_segments, field_language, normalize

# Punctuation that ends a sentence or clause: a label never spans it.
_BREAK: Final = re.compile(r"[.!?;:。！？；：\n\r]")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Index terms of a text with their original (start, end) and, for each token, whether a
    sentence break separates it from the previous one."""

    terms: list[str]
    starts: list[int]
    ends: list[int]
    breaks: list[bool]


@cache
def _analyzer(lang: str) -> tantivy.TextAnalyzer:
    return build_analyzer(lang)


def label_terms(lang: str, label: str) -> tuple[str, ...]:
    """The terms a label reduces to (not for Chinese: see :func:`chinese_key`)."""
    return tuple(_analyzer(field_language(lang)).analyze(normalize(label)))


def tokens(lang: str, text: str) -> Tokens:
    """The token stream of ``text`` in ``lang`` (not Chinese) with original offsets."""
    normalized, origin = normalize_with_offsets(text)
    terms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[bool] = []
    previous_end = 0
    for token in _analyzer(field_language(lang)).pre_tokenize(normalized).tokens:
        start, end = token.char_offset_from, token.char_offset_to
        terms.append(token.text)
        starts.append(origin[start])
        ends.append(_end(origin, end))
        breaks.append(bool(_BREAK.search(normalized, previous_end, start)))
        previous_end = end
    return Tokens(terms, starts, ends, breaks)


def chinese_key(label: str) -> str:
    """A Chinese label as compared with text: NFKC, lower case, no spaces."""
    return normalize(label).lower().replace(" ", "")


@dataclass(frozen=True, slots=True)
class ChineseText:
    """Normalised lower-case Chinese text, the original offset of each of its characters,
    and the positions where jieba (search mode: words and the words inside them) puts a word
    boundary."""

    text: str
    origin: list[int]
    boundaries: frozenset[int]


def chinese_text(text: str) -> ChineseText:
    normalized, origin = normalize_with_offsets(text)
    bounds: set[int] = set()
    for segment in chinese_segments(normalized):
        bounds.add(segment.start)
        bounds.add(segment.end)
    return ChineseText(_lower_same_length(normalized), origin, frozenset(bounds))


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def original_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    return origin[start], _end(origin, end)


def _end(origin: list[int], end: int) -> int:
    last = origin[end - 1]
    while origin[end] <= last:
        end += 1
    return origin[end]
