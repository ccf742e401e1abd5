"""Concept search by label: a small inverted index over the labels of every language.

A query is analysed as each language analyses text (so "climate changes" finds CLIMATE
CHANGE and "气候变化" its Chinese label) and matches a label holding all its terms. Scores:
the share of the label's terms the query covers (1.0 when it covers all), +1 when the query
is the label itself (case and accents aside), ×0.95 for alternative labels, ×0.5 for
deprecated concepts; the last query word may be the start of a term (type-ahead) at ×0.8. A
query equal to a notation or id ("1000544", "1.2.1", "010100") scores 3.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from unlib.model import LANGUAGES
from unlib.text.analysis import analyze
from unlib.vocab.model import Concept
from unlib.vocab.text import fold

_EXACT_BONUS: Final = 1.0
_ALT_FACTOR: Final = 0.95
_DEPRECATED_FACTOR: Final = 0.5
_PREFIX_FACTOR: Final = 0.8
_NOTATION_SCORE: Final = 3.0
_MIN_PREFIX: Final = 3


@dataclass(frozen=True, slots=True)
class _Entry:
    uri: str
    terms: frozenset[str]
    label: str
    factor: float


class LabelIndex:
    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._entries: list[_Entry] = []
        self._postings: dict[str, dict[str, list[int]]] = {lang: {} for lang in LANGUAGES}
        self._notations: dict[str, list[str]] = defaultdict(list)
        for concept in concepts:
            self._add(concept)
        self._sorted_terms = {lang: sorted(p) for lang, p in self._postings.items()}

    def _add(self, concept: Concept) -> None:
        for code in {concept.notation, concept.uri.rsplit("/", 1)[-1], concept.uri}:
            if code:
                self._notations[fold(code)].append(concept.uri)
        deprecated = _DEPRECATED_FACTOR if concept.deprecated else 1.0
        for lang in LANGUAGES:
            pref = concept.pref.get(lang)
            for label in concept.labels(lang):
                terms = frozenset(analyze(lang, label))
                if not terms:
                    continue
                factor = deprecated * (1.0 if label == pref else _ALT_FACTOR)
                entry = len(self._entries)
                self._entries.append(_Entry(concept.uri, terms, label, factor))
                postings = self._postings[lang]
                for term in terms:
                    postings.setdefault(term, []).append(entry)

    def search(
        self, query: str, lang: str | None = None, limit: int = 20
    ) -> list[tuple[str, float]]:
        query = query.strip()
        if not query or limit <= 0:
            return []
        scores: dict[str, float] = {}
        for uri in self._notations.get(fold(query), ()):
            scores[uri] = _NOTATION_SCORE
        langs = [lang] if lang in LANGUAGES else list(LANGUAGES)
        for each in langs:
            self._score_language(each, query, scores, prefix=False)
        if len(scores) < limit:
            for each in langs:
                self._score_language(each, query, scores, prefix=True)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(uri, round(score, 4)) for uri, score in ranked[:limit]]

    def _score_language(
        self, lang: str, query: str, scores: dict[str, float], *, prefix: bool
    ) -> None:
        words = analyze(lang, query)
        if not words:
            return
        if prefix:
            if lang == "zh" or len(words[-1]) < _MIN_PREFIX:
                return
            candidates = self._with_prefix(lang, words[-1], set(words[:-1]))
            factor = _PREFIX_FACTOR
        else:
            candidates = self._with_all(lang, set(words))
            factor = 1.0
        folded = fold(query)
        wanted = len(set(words))
        for entry_id in candidates:
            entry = self._entries[entry_id]
            score = min(1.0, wanted / len(entry.terms)) * entry.factor * factor
            if _folded(entry.label) == folded:  # folded only when it matched: build is faster
                score += _EXACT_BONUS
            if score > scores.get(entry.uri, 0.0):
                scores[entry.uri] = score

    def _with_all(self, lang: str, terms: set[str]) -> set[int]:
        postings = self._postings[lang]
        lists = sorted((postings.get(t, []) for t in terms), key=len)
        if not lists or not lists[0]:
            return set()
        found = set(lists[0])
        for more in lists[1:]:
            found.intersection_update(more)
        return found

    def _with_prefix(self, lang: str, start: str, others: set[str]) -> set[int]:
        terms = self._sorted_terms[lang]
        found: set[int] = set()
        at = bisect.bisect_left(terms, start)
        while at < len(terms) and terms[at].startswith(start):
            found.update(self._postings[lang][terms[at]])
            at += 1
        if others and found:
            found &= self._with_all(lang, others)
        return found


@lru_cache(maxsize=4096)
def _folded(label: str) -> str:
    return fold(label)
