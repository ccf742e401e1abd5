"""Label matching for Arabic and Chinese as subject indexing needs it (the search index's
analysis, :mod:`unlib.text.analysis`, is left as it is).

Arabic: the index's stemmer treats a word differently with and without its clitics
("الوفيات" → "الوف" but "وفيات" → "فيا") and folds words of different meaning together
("النسبية", relativity, and "نسبة", ratio, both → "نسب"). Here both labels and text go
through one light stemmer (after Larkey's light10, without its stripping of the adjective
ending ي/ية): diacritics and tatweel removed, alef and hamza forms unified, ة as ه, ى as ي; a
leading conjunction (و/ف) optionally dropped, then an article with its preposition (ال, بال,
كال, فال, وال, لل), then one plural or feminine ending (ات, ون, ين, ه).

Chinese: labels are found as substrings of the text as well as on jieba's word boundaries
(jieba often makes one word of a label and its neighbour: "用水" holds 水), labels of two
characters or more only, and a label with a bracketed part ("儿童死亡（率）") is found with
and without it.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from unlib.model import LANGUAGES
from unlib.vocab.labels import LabelHit, LabelMatcher
from unlib.vocab.model import Concept
from unlib.vocab.tokens import chinese_key, chinese_text, normalize_with_offsets, original_span

# -- Arabic ------------------------------------------------------------------------------------

_WORD: Final = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+")
_BREAK: Final = re.compile(r"[.!?;:،؛؟。！？；：\n\r]")
_MARKS: Final = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
_LETTERS: Final = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_ARTICLES: Final = ("بال", "كال", "فال", "وال", "لل", "ال")
_ENDINGS: Final = (("ات", 3), ("ون", 3), ("ين", 3), ("ه", 2))  # ending, shortest stem kept


def arabic_stem(word: str, *, conjunction: bool = False) -> str:
    """The light stem of one Arabic word; ``conjunction``: a leading و/ف is a clitic."""
    word = _MARKS.sub("", word).lower().translate(_LETTERS)
    if conjunction and len(word) > 3 and word[0] in "وف":
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for ending, shortest in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            return word[: -len(ending)]
    return word


def _arabic_label(label: str) -> tuple[str, ...]:
    normalized = unicodedata.normalize("NFKC", label)
    return tuple(arabic_stem(w.group()) for w in _WORD.finditer(normalized))


@dataclass
class _Trie:
    labels: list[tuple[str, str]] = field(default_factory=list)  # (uri, label) ending here
    next: dict[str, _Trie] = field(default_factory=dict)


def _arabic_trie(matcher: LabelMatcher) -> _Trie:
    root = _Trie()
    for concept in _concepts(matcher):
        for label in concept.labels("ar"):
            terms = _arabic_label(label)
            if not terms:
                continue
            node = root
            for term in terms:
                node = node.next.setdefault(term, _Trie())
            if all(uri != concept.uri for uri, _ in node.labels):
                node.labels.append((concept.uri, label))
    return root


def find_arabic(matcher: LabelMatcher, text: str) -> list[LabelHit]:
    """Arabic labels in ``text``, the longest where several start at one word."""
    root = _tables(matcher).arabic
    normalized, origin = normalize_with_offsets(text)
    words = list(_WORD.finditer(normalized))
    stems = [{arabic_stem(w.group()), arabic_stem(w.group(), conjunction=True)} for w in words]
    broken = [
        i > 0 and bool(_BREAK.search(normalized, words[i - 1].end(), w.start()))
        for i, w in enumerate(words)
    ]
    found: list[LabelHit] = []
    i = 0
    while i < len(words):
        nodes, best, j = [root], None, i
        while nodes and j < len(words) and (j == i or not broken[j]):
            nodes = [n.next[s] for n in nodes for s in stems[j] if s in n.next]
            j += 1
            labelled = [n for n in nodes if n.labels]
            if labelled:
                best = (j, labelled)
        if best is None:
            i += 1
            continue
        end, labelled = best
        start, stop = origin[words[i].start()], _end(origin, words[end - 1].end())
        seen: set[str] = set()
        for node in labelled:
            for uri, label in node.labels:
                if uri not in seen:
                    seen.add(uri)
                    found.append(LabelHit(uri, label, "ar", start, stop))
        i = end
    return found


def _end(origin: list[int], end: int) -> int:
    return origin[end] if end < len(origin) else origin[-1] + 1


# -- Chinese -----------------------------------------------------------------------------------

# Labels this long are found inside jieba's words too; shorter ones on word boundaries only.
SUBSTRING_CHARS = 2
_BRACKETED: Final = re.compile(r"[（(]([^）)]*)[）)]")


def _chinese_variants(label: str) -> set[str]:
    keys = {chinese_key(label)}
    if _BRACKETED.search(label):
        keys.add(chinese_key(_BRACKETED.sub(r"\1", label)))
        keys.add(chinese_key(_BRACKETED.sub("", label)))
    return {k for k in keys if k}


def _chinese_table(matcher: LabelMatcher) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """First character → label key → (uri, label), the longest keys first (a concept found at
    a place is found with its longest label variant there)."""
    table: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for concept in _concepts(matcher):
        for label in concept.labels("zh"):
            for key in _chinese_variants(label):
                bucket = table.setdefault(key[0], {}).setdefault(key, [])
                if all(uri != concept.uri for uri, _ in bucket):
                    bucket.append((concept.uri, label))
    return {
        ch: dict(sorted(keys.items(), key=lambda kv: -len(kv[0]))) for ch, keys in table.items()
    }


def find_chinese(matcher: LabelMatcher, text: str) -> list[LabelHit]:
    """Chinese labels on word boundaries (the matcher's, and the bracket variants) and, when
    of :data:`SUBSTRING_CHARS` characters or more, anywhere in the text."""
    found = matcher.find(text, "zh")
    seen = {(h.uri, h.start) for h in found}
    table = _tables(matcher).chinese
    segmented = chinese_text(text)
    body, bounds, origin = segmented.text, segmented.boundaries, segmented.origin
    for i, ch in enumerate(body):
        for key, entries in table.get(ch, {}).items():
            size = len(key)
            if not body.startswith(key, i):
                continue
            if size < SUBSTRING_CHARS and not (i in bounds and i + size in bounds):
                continue
            start, stop = original_span(origin, i, i + size)
            for uri, label in entries:
                if (uri, start) not in seen:
                    seen.add((uri, start))
                    found.append(LabelHit(uri, label, "zh", start, stop))
    return found


# -- tables ------------------------------------------------------------------------------------


@dataclass
class _Tables:
    arabic: _Trie
    chinese: dict[str, dict[str, list[tuple[str, str]]]]


_held: weakref.WeakKeyDictionary[LabelMatcher, _Tables] = weakref.WeakKeyDictionary()


def _tables(matcher: LabelMatcher) -> _Tables:
    tables = _held.get(matcher)
    if tables is None:
        tables = _held[matcher] = _Tables(_arabic_trie(matcher), _chinese_table(matcher))
    return tables


def _concepts(matcher: LabelMatcher) -> Iterator[Concept]:
    for concept in matcher.vocab.concepts.values():
        if concept.scheme in matcher.schemes and not concept.deprecated:
            yield concept


def find(matcher: LabelMatcher, text: str, lang: str) -> list[LabelHit]:
    """Every label of ``lang`` in ``text``: Arabic and Chinese as above, others as the
    matcher finds them."""
    lang = lang if lang in LANGUAGES else "en"
    if lang == "ar":
        return find_arabic(matcher, text)
    if lang == "zh":
        return find_chinese(matcher, text)
    return matcher.find(text, lang)
