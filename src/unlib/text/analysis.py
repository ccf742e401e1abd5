"""Per-language text analysis shared by indexing, querying and highlighting.

The full-text index has one field per language. What goes into a field is decided here, and
the query side and the highlighter use the very same analysis, so a word typed by a reader
reduces to the same terms as the word printed in the document:

- en/fr/es/ru: tantivy's simple tokenizer → lowercase → (ASCII folding for en/fr/es) →
  Snowball stemmer, run natively by tantivy on the NFKC-normalised text.
- ar: simple tokenizer → lowercase → tantivy's Arabic stemmer (it strips diacritics and
  tatweel and unifies alef forms); NFKC first turns PDF presentation forms into letters. The
  stemmer keeps a conjunction joined to an article ("والسلام", "and the peace", would not match
  "السلام"), so that و or ف is blanked out first: same length, so every offset holds.
- zh: jieba in search mode (each word plus the dictionary words inside it) joined by spaces,
  then tantivy's simple tokenizer → lowercase. Punctuation tokens vanish there, so phrase
  positions only count real words.
- und: lowercase + ASCII folding, no stemmer (we do not know the language's morphology).

All text is NFKC-normalised first (full-width digits and letters, Arabic presentation forms,
ligatures). Offsets reported to callers always point into the *original* text.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

import jieba
import tantivy

from unlib.model import LANGUAGES, UNDETERMINED

# One index field per official language plus "und".
FIELD_LANGUAGES: Final = (*LANGUAGES, UNDETERMINED)

_STEMMERS: Final = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}
_ASCII_FOLDED: Final = frozenset({"en", "fr", "es", UNDETERMINED})
# Tokens of this many UTF-8 bytes or more are not words (URLs, base64, garbled extraction) and
# only bloat the term dictionary; tantivy's own default analyzer uses the same limit.
_TOKEN_BYTES_LIMIT: Final = 40

_jieba_lock = threading.Lock()
_jieba_ready = False


def field_language(lang: str) -> str:
    """The index field (and analyzer) that handles text tagged ``lang``."""
    return lang if lang in FIELD_LANGUAGES else UNDETERMINED


def analyzer_name(lang: str) -> str:
    """Name under which the analyzer for ``lang`` is registered with a tantivy index."""
    return f"unlib_{field_language(lang)}"


def build_analyzer(lang: str) -> tantivy.TextAnalyzer:
    """A fresh tantivy analyzer for ``lang`` (register it on every index you open)."""
    lang = field_language(lang)
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.remove_long(_TOKEN_BYTES_LIMIT))
    builder = builder.filter(tantivy.Filter.lowercase())
    if lang in _ASCII_FOLDED:
        builder = builder.filter(tantivy.Filter.ascii_fold())
    if lang in _STEMMERS:
        builder = builder.filter(tantivy.Filter.stemmer(_STEMMERS[lang]))
    return builder.build()


@cache
def _analyzer(lang: str) -> tantivy.TextAnalyzer:
    return build_analyzer(lang)


def warm_up() -> None:
    """Load jieba's dictionary now (≈1 s) rather than on the first Chinese text.

    Call it once in each worker process before handing it Chinese text.
    """
    global _jieba_ready
    with _jieba_lock:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _jieba_ready = True


def normalize(text: str) -> str:
    """NFKC, so that compatibility forms match their plain letters and digits."""
    return unicodedata.normalize("NFKC", text)


def prepare_for_index(lang: str, text: str) -> str:
    """The text to put into the index field for ``lang`` (runs in ingest workers: keep it lean)."""
    text = normalize(text)
    field = field_language(lang)
    if field == "ar":
        return without_arabic_conjunctions(text)
    if field != "zh":
        return text
    warm_up()
    return " ".join(jieba.cut_for_search(text)).lower()


def analyze(lang: str, text: str) -> list[str]:
    """Index terms of ``text`` in the order they occur, as the field for ``lang`` holds them."""
    field = field_language(lang)
    if field == "zh":
        return [term for segment in chinese_segments(normalize(text)) for term in segment.terms]
    if field == "ar":
        return list(_analyzer(lang).analyze(without_arabic_conjunctions(normalize(text))))
    return list(_analyzer(lang).analyze(normalize(text)))


# A conjunction (و "and", ف "so") at the start of a word, before an article or a preposition
# with the article (ال, لل, بال, كال) and at least three more letters ("والد", "father", stays).
_ARABIC_CONJUNCTION: Final = re.compile(
    r"(?<![\w\u0610-\u061A\u064B-\u065F\u0670\u0640])[وف](?=(?:ال|لل|بال|كال)[\u0621-\u064A]{3})"
)


def without_arabic_conjunctions(text: str) -> str:
    """``text`` with each conjunction joined to an article replaced by a space (same length)."""
    return _ARABIC_CONJUNCTION.sub(" ", text)


# --- Chinese --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChineseSegment:
    """One token of jieba's search mode, with offsets into the text that was segmented.

    ``main`` marks the words of jieba's default segmentation; the others are the dictionary
    words found inside a longer main word (yielded just before it, as jieba does).
    """

    word: str
    start: int
    end: int
    main: bool
    terms: tuple[str, ...]  # what the index holds for this token (usually one term)


def _terms_of_token(token: str) -> tuple[str, ...]:
    # The index runs the simple tokenizer over the space-joined jieba tokens; a jieba token
    # of letters/digits/CJK stays whole, anything else ("AC.198", "，") is re-split there.
    if token.isalnum():
        lowered = token.lower()
        return (lowered,) if len(lowered.encode()) < _TOKEN_BYTES_LIMIT else ()
    return tuple(_analyzer("zh").analyze(token))


def _search_mode(text: str) -> Iterator[tuple[str, int, bool]]:
    """jieba.cut_for_search with offsets and the main-word flag (same order as jieba)."""
    freq = jieba.dt.FREQ
    start = 0
    for word in jieba.cut(text):
        width = len(word)
        for size in (2, 3):
            if width > size:
                for i in range(width - size + 1):
                    gram = word[i : i + size]
                    if freq.get(gram):
                        yield gram, start + i, False
        yield word, start, True
        start += width


def chinese_segments(text: str) -> list[ChineseSegment]:
    """Search-mode segmentation of already normalised ``text`` (offsets into ``text``)."""
    if len(text) <= _CACHED_SEGMENTATION_CHARS:
        return list(_cached_segments(text))
    return _segments(text)


# Passages shown as search hits are segmented again and again (the same popular passages,
# the fallback pass of one snippet): remember recent ones. Bounded in entries and length.
_CACHED_SEGMENTATION_CHARS = 4000


@lru_cache(maxsize=2048)
def _cached_segments(text: str) -> tuple[ChineseSegment, ...]:
    return tuple(_segments(text))


def _segments(text: str) -> list[ChineseSegment]:
    warm_up()
    return [
        ChineseSegment(word, start, start + len(word), main, _terms_of_token(word))
        for word, start, main in _search_mode(text)
        if not word.isspace()
    ]


@dataclass(frozen=True, slots=True)
class ChineseQueryWord:
    """A word of a Chinese query: its index terms, the sub-words that can stand in for it,
    and the index position its first term would have in a passage reading like the query."""

    terms: tuple[str, ...]
    parts: tuple[str, ...]
    position: int


def chinese_query_words(text: str) -> list[ChineseQueryWord]:
    """The main words of ``text`` as the index would see them, with their sub-words."""
    words: list[ChineseQueryWord] = []
    parts: list[str] = []
    position = 0
    for segment in chinese_segments(normalize(text)):
        if not segment.main:
            parts.extend(segment.terms)
        elif segment.terms:
            words.append(ChineseQueryWord(segment.terms, tuple(dict.fromkeys(parts)), position))
        if segment.main:
            parts = []
        # Sub-words and main words alike take positions in the indexed token stream.
        position += len(segment.terms)
    return words


# --- Highlighting ---------------------------------------------------------------------------


def _normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFKC of ``text`` plus, for each normalised character, the original offset it came from.

    Characters are normalised one cluster (base + combining marks) at a time so that every
    output character can be traced back; the result equals whole-string NFKC in practice.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    origin: list[int] = []
    cluster_start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        piece = unicodedata.normalize("NFKC", text[cluster_start:i])
        pieces.append(piece)
        origin.extend([cluster_start] * len(piece))
        cluster_start = i
    origin.append(len(text))
    return "".join(pieces), origin


def _token_spans(lang: str, text: str) -> Iterable[tuple[str, int, int]]:
    """(term, start, end) for each index term of ``text``; offsets into ``text``."""
    if field_language(lang) == "zh":
        for segment in chinese_segments(text):
            for term in segment.terms:
                yield term, segment.start, segment.end
        return
    if field_language(lang) == "ar":
        text = without_arabic_conjunctions(text)
    for token in _analyzer(lang).pre_tokenize(text).tokens:
        yield token.text, token.char_offset_from, token.char_offset_to


def highlight_spans(lang: str, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) offsets in the ORIGINAL ``text`` of the tokens whose index
    term is one of ``terms`` (terms as produced by :func:`analyze`)."""
    wanted = set(terms)
    if not wanted or not text:
        return []
    normalized, origin = _normalize_with_offsets(text)
    if field_language(lang) == "zh":
        lowered = normalized.lower()
        if not any(term in lowered for term in wanted):
            return []  # no term occurs at all: spare the segmentation
    spans = sorted(
        (origin[start], _end_offset(origin, end))
        for term, start, end in _token_spans(lang, normalized)
        if term in wanted
    )
    return _merge(spans)


def _end_offset(origin: list[int], end: int) -> int:
    # A token ends inside the expansion of the original cluster it last touches; the span
    # covers that whole cluster, i.e. runs to where the next cluster starts.
    last = origin[end - 1]
    while origin[end] <= last:
        end += 1
    return origin[end]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
