"""Label matching for Arabic as subject indexing needs it (the search index's analysis,
:mod:`unlib.text.analysis`, is left as it is).

The index's stemmer treats a word differently with and without its clitics ("الوفيات" → "الوف"
but "وفيات" → "فيا") and folds words of different meaning together ("النسبية", relativity, and
"نسبة", ratio, both → "نسب"). Here both labels and text go through one light stemmer (after
Larkey's light10, without its stripping of the adjective ending ي/ية): diacritics and tatweel
removed, alef and hamza forms unified, ة as ه, ى as ي; a leading conjunction (و/ف) optionally
dropped, then an article with its preposition (ال, بال, كال, فال, وال, لل), then one plural or
feminine ending (ات, ون, ين, ه).
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
from unlib.vocab.tokens import normalize_with_offsets

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
    root = _arabic_labels(matcher)
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


# -- tables ------------------------------------------------------------------------------------


_held: weakref.WeakKeyDictionary[LabelMatcher, _Trie] = weakref.WeakKeyDictionary()


def _arabic_labels(matcher: LabelMatcher) -> _Trie:
    trie = _held.get(matcher)
    if trie is None:
        trie = _held[matcher] = _arabic_trie(matcher)
    return trie


def _concepts(matcher: LabelMatcher) -> Iterator[Concept]:
    for concept in matcher.vocab.concepts.values():
        if concept.scheme in matcher.schemes and not concept.deprecated:
            yield concept


def find(matcher: LabelMatcher, text: str, lang: str) -> list[LabelHit]:
    """Every label of ``lang`` in ``text``: Arabic as above, other languages as the matcher
    finds them."""
    lang = lang if lang in LANGUAGES else "en"
    if lang == "ar":
        return find_arabic(matcher, text)
    return matcher.find(text, lang)
