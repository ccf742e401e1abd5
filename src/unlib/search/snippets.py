"""Snippets: the part of a passage around its best match, with the matching words marked.

Highlights are found by analysing the ORIGINAL passage text exactly as the index did
(:func:`unlib.text.analysis.highlight_spans`), so a query for "resolutions" marks
"resolution", and a query for 数字图书馆 marks it inside 联合国数字图书馆. Fragments are cut
from the original text; only whitespace is tidied (a line break between two Chinese characters
is dropped rather than shown as a space).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from unlib.search.query import ParsedQuery, Term
from unlib.text.analysis import analyze, chinese_query_words, field_language, highlight_spans

Fragment = tuple[str, bool]
Span = tuple[int, int]

ELLIPSIS: Final = "…"
# Share of the snippet shown before the first highlighted word, so it reads in context.
_LEAD_SHARE: Final = 0.25
# How far a cut may move to land between words instead of inside one.
_WORD_SNAP: Final = 20
_SPACE_RUN: Final = re.compile(r"\s+")


def snippet(text: str, lang: str, query: ParsedQuery, max_chars: int = 240) -> list[Fragment]:
    """Fragments of ``text`` around the best match of ``query``: (text, highlighted) pairs.

    The caller escapes and marks them up. Without any match, the start of the passage.
    """
    spans = match_spans(text, lang, query)
    start, end = _window(text, lang, spans, max_chars)
    start, end = _snap_to_words(text, start, end)
    inside = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
    fragments = _tidy_fragments(text, start, end, inside)
    if start > 0:
        fragments.insert(0, (ELLIPSIS, False))
    if end < len(text):
        fragments.append((ELLIPSIS, False))
    return _merge_fragments(fragments)


def match_spans(text: str, lang: str, query: ParsedQuery) -> list[Span]:
    """Offsets in ``text`` of everything ``query`` looks for (words, phrases, symbols)."""
    terms = [term for term in query.terms() if term.kind != "symbol"]
    spans = highlight_spans(lang, text, _terms_for(lang, terms))
    if field_language(lang) == "zh":
        spans += _chinese_fallback_spans(text, terms, spans)
    for term in query.terms():
        if term.kind == "symbol":
            spans += _symbol_spans(text, term.text)
    return _merge(text, sorted(spans))


def _terms_for(lang: str, terms: Iterable[Term]) -> set[str]:
    if field_language(lang) != "zh":
        return {analysed for term in terms for analysed in analyze(lang, term.text)}
    return {t for term in terms for word in chinese_query_words(term.text) for t in word.terms}


def _chinese_fallback_spans(text: str, terms: Iterable[Term], found: list[Span]) -> list[Span]:
    """Sub-words of query words the passage does not contain whole (it segmented them
    differently), mirroring the word-or-sub-words matching of the query."""
    found_words = {text[s:e] for s, e in found}
    missing_parts = {
        part
        for term in terms
        for word in chinese_query_words(term.text)
        if not any(t in w.lower() for t in word.terms for w in found_words)
        for part in word.parts
    }
    return highlight_spans("zh", text, missing_parts) if missing_parts else []


def _symbol_spans(text: str, symbol: str) -> list[Span]:
    # The symbol as written, tolerating different spacing ("A/RES/77/128 B", "A/RES/77/128B").
    pieces = [re.escape(char) for char in symbol if not char.isspace()]
    pattern = re.compile(r"\s?".join(pieces), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def _merge(text: str, spans: list[Span]) -> list[Span]:
    """Overlapping spans, and spans apart only by spaces ("Security Council"), become one."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, lang: str, spans: list[Span], max_chars: int) -> Span:
    """The ``max_chars`` window holding the most distinct query terms."""
    if len(text) <= max_chars:
        return 0, len(text)
    if not spans:
        return 0, max_chars
    terms = {span: set(analyze(lang, text[span[0] : span[1]])) for span in spans}
    best_score, best_reach = (-1, -1), spans[0]
    for i, (first_start, _) in enumerate(spans):
        covered = [(s, e) for s, e in spans[i:] if e <= first_start + max_chars]
        distinct = set().union(*(terms[span] for span in covered))
        score = (len(distinct), len(covered))
        if score > best_score:
            best_score, best_reach = score, (first_start, max(e for _, e in covered or [(0, 0)]))
    first_start, last_end = best_reach
    # Show some text before the first match, as far as the matches in the window allow.
    lead = min(int(max_chars * _LEAD_SHARE), max(0, max_chars - (last_end - first_start)))
    start = max(0, min(first_start - lead, len(text) - max_chars))
    return start, min(len(text), start + max_chars)


def _snap_to_words(text: str, start: int, end: int) -> Span:
    """Move cuts that fall inside a word to the nearest space (not for unspaced scripts)."""
    if start > 0 and not _is_break(text, start):
        for i in range(start, min(start + _WORD_SNAP, end)):
            if text[i].isspace():
                start = i + 1
                break
    if end < len(text) and not _is_break(text, end):
        for i in range(end, max(end - _WORD_SNAP, start), -1):
            if text[i - 1].isspace():
                end = i - 1
                break
    return start, end


def _is_break(text: str, i: int) -> bool:
    before, after = text[i - 1], text[i]
    return before.isspace() or after.isspace() or _is_wide(before) or _is_wide(after)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tidy_fragments(text: str, start: int, end: int, spans: list[Span]) -> list[Fragment]:
    """Split ``text[start:end]`` at the spans; whitespace runs become one space, or nothing
    between two Chinese characters (a line break inside a Chinese sentence)."""
    marked = [False] * (end - start)
    for s, e in spans:
        marked[s - start : e - start] = [True] * (e - s)
    chars: list[tuple[str, bool]] = []
    position = start
    for match in _SPACE_RUN.finditer(text, start, end):
        chars += [(text[i], marked[i - start]) for i in range(position, match.start())]
        before = text[match.start() - 1] if match.start() > start else ""
        after = text[match.end()] if match.end() < end else ""
        if before and after and not (_is_wide(before) and _is_wide(after)):
            chars.append((" ", marked[match.start() - start]))
        position = match.end()
    chars += [(text[i], marked[i - start]) for i in range(position, end)]
    return _merge_fragments([(char, flag) for char, flag in chars])


def _merge_fragments(pieces: list[Fragment]) -> list[Fragment]:
    merged: list[Fragment] = []
    for piece, flag in pieces:
        if merged and merged[-1][1] == flag:
            merged[-1] = (merged[-1][0] + piece, flag)
        elif piece:
            merged.append((piece, flag))
    return merged
