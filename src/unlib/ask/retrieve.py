"""Passages that may answer a question: BM25 over the passage index with "any word may match"
(a question is not a keyword query: "what", "the" and "of" must not be required), titles and
headings left out, and the weight of each question term for scoring sentences.

A question is read with the search box syntax; when it does not parse (a stray quote, a
``word:`` that is no filter) it is read again as plain words.
"""

from __future__ import annotations

import math
from typing import Final

from unlib.search import schema as f
from unlib.search.build import build_query
from unlib.search.filters import Filters
from unlib.search.index import Candidate, PassageIndex, candidates
from unlib.search.query import parse_free_text
from unlib.text.analysis import analyze, field_language

# Passages fetched from the index before titles and headings are dropped.
FETCHED: Final = 40


def retrieve(index: PassageIndex, question: str, limit: int = FETCHED) -> list[Candidate]:
    """The best-scoring passages for ``question`` (any of its words), best first."""
    parsed = parse_free_text(question)
    if parsed.is_empty:
        return []
    query = build_query(index.schema, parsed, parsed.filters.narrowed(Filters()), any_word=True)
    searcher = index.searcher()
    return candidates(searcher, searcher.search(query, limit, weight_by_field=f.BOOST).hits)


class TermWeights:
    """Inverse document frequency of the question's terms, per language field (cached)."""

    def __init__(self, index: PassageIndex, question: str) -> None:
        self.question = question
        self._searcher = index.searcher()
        self._total = max(1, int(self._searcher.num_docs))
        self._by_lang: dict[str, dict[str, float]] = {}

    def weights(self, lang: str) -> dict[str, float]:
        field = field_language(lang)
        if field not in self._by_lang:
            terms = set(analyze(field, self.question))
            self._by_lang[field] = {term: self._idf(field, term) for term in terms}
        return self._by_lang[field]

    def _idf(self, field: str, term: str) -> float:
        try:
            df = int(self._searcher.doc_freq(field, term))
        except (ValueError, RuntimeError):
            df = 0
        return math.log(1.0 + (self._total - df + 0.5) / (df + 0.5))
