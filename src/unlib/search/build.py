"""Turning a parsed query and filters into one tantivy query over the passage index.

A passage has text in exactly one language field, so "every word must match" is written as
"for every word, the word matches in some language field": for each passage that reads the
same as "all words match in the passage's own language", and it keeps the query small.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import tantivy

from unlib.search import schema as f
from unlib.search.filters import Filters
from unlib.search.query import ParsedQuery, Term
from unlib.text.analysis import FIELD_LANGUAGES, analyze, chinese_query_words, field_language

Q = tantivy.Query
Occur = tantivy.Occur

# Passages of the work a symbol names score this much (tantivy BM25 scores of ordinary
# matches stay far below), so the work itself comes before the works citing it.
SYMBOL_WORK_SCORE: Final = 100.0
# Weight of the "words next to each other" clause that reorders all-words matches.
PROXIMITY_BOOST: Final = 1.5
PROXIMITY_SLOP: Final = 2
# Chinese positions also count the sub-words jieba indexes inside long words (数字化 puts
# 数字 and 数字化 between its neighbours), so a looser slop would reward words far apart.
CHINESE_PROXIMITY_SLOP: Final = 1


def build_query(
    schema: tantivy.Schema, parsed: ParsedQuery, filters: Filters, *, any_word: bool = False
) -> tantivy.Query:
    """The tantivy query for ``parsed`` restricted by ``filters``.

    ``any_word`` relaxes "all words must match" to "any word may match" (the fallback when the
    strict query finds nothing).
    """
    if filters.impossible:
        return Q.empty_query()
    builder = _Builder(schema, _languages(filters), any_word)
    clauses = builder.positive(parsed)
    if not clauses:
        if not parsed.is_empty:
            return Q.empty_query()  # the words analyse to nothing in any language
        # Browsing: every passage, then the filters. A constant score (tantivy drops a bare
        # all-query next to other clauses, leaving 0) lets title passages still come first.
        clauses.append((Occur.Must, Q.const_score_query(Q.all_query(), 1.0)))
    clauses += [(Occur.MustNot, q) for q in builder.excluded(parsed.excluded)]
    clauses += [(Occur.Must, q) for q in filter_clauses(schema, filters)]
    if any_word and not parsed.is_empty:
        # The filters are Must clauses; at least one word must still match.
        return Q.boolean_query(clauses, minimum_number_should_match=1)
    return Q.boolean_query(clauses)


def _languages(filters: Filters) -> tuple[str, ...]:
    if not filters.langs:
        return FIELD_LANGUAGES
    return tuple(dict.fromkeys(field_language(lang) for lang in filters.langs))


def filter_clauses(schema: tantivy.Schema, filters: Filters) -> list[tantivy.Query]:
    """One non-scoring clause per restriction."""
    clauses: list[tantivy.Query] = []
    for field, values in (
        (f.LANG, filters.langs),
        (f.BODY, filters.bodies),
        (f.TYPE, filters.types),
        (f.WORK, filters.works),
    ):
        if values:
            clauses.append(Q.term_set_query(schema, field, list(values)))
    if filters.has_years:
        clauses.append(
            Q.range_query(
                schema, f.YEAR, tantivy.FieldType.Unsigned, filters.year_from, filters.year_to
            )
        )
    # Filters select; they must not add to the relevance score.
    return [Q.const_score_query(clause, 0.0) for clause in clauses]


class _Builder:
    def __init__(self, schema: tantivy.Schema, languages: Sequence[str], any_word: bool) -> None:
        self.schema = schema
        self.languages = languages
        self.any_word = any_word

    # --- top level ---------------------------------------------------------------------------

    def positive(self, parsed: ParsedQuery) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        occur = Occur.Should if self.any_word else Occur.Must
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for group in parsed.groups:
            alternatives = [q for q in (self.term(term) for term in group) if q is not None]
            if alternatives:
                clauses.append((occur, _any(alternatives)))
            elif not self.any_word:
                # A group that analyses to nothing (punctuation only) cannot be satisfied.
                clauses.append((Occur.Must, Q.empty_query()))
        proximity = self.proximity(parsed)
        if proximity is not None:
            clauses.append((Occur.Should, Q.boost_query(proximity, PROXIMITY_BOOST)))
        return clauses

    def excluded(self, terms: Sequence[Term]) -> list[tantivy.Query]:
        # An excluded phrase or word is excluded in every language, even under a lang filter.
        strict = _Builder(self.schema, FIELD_LANGUAGES, any_word=False)
        return [q for q in (strict.term(term) for term in terms) if q is not None]

    def term(self, term: Term) -> tantivy.Query | None:
        if term.kind == "symbol":
            return self.symbol(term)
        per_language = (
            self.phrase(lang, term.text) if term.kind == "phrase" else self.word(lang, term.text)
            for lang in self.languages
        )
        found = [q for q in per_language if q is not None]
        return _any(found) if found else None

    # --- symbols -----------------------------------------------------------------------------

    def symbol(self, term: Term) -> tantivy.Query:
        key = term.key or term.text
        own = Q.const_score_query(Q.term_query(self.schema, f.WORK_KEY, key), SYMBOL_WORK_SCORE)
        alternatives = [own, Q.term_query(self.schema, f.CITES, key)]
        if self.any_word:
            # Relaxed: also passages that write the symbol without it being recognised.
            written = self.term(Term(term.text, "phrase"))
            if written is not None:
                alternatives.append(written)
        return _any(alternatives)

    # --- words and phrases -------------------------------------------------------------------

    def word(self, lang: str, text: str) -> tantivy.Query | None:
        if lang == "zh":
            return self._chinese_words(text)
        return self._sequence(lang, analyze(lang, text))

    def phrase(self, lang: str, text: str) -> tantivy.Query | None:
        if lang == "zh":
            positioned = _chinese_positions(text)
            if len(positioned) == 1:
                return Q.term_query(self.schema, "zh", positioned[0][1])
            return _phrase_query(self.schema, "zh", positioned) if positioned else None
        return self._sequence(lang, analyze(lang, text))

    def _sequence(self, lang: str, terms: list[str], slop: int = 0) -> tantivy.Query | None:
        field = f.text_field(lang)
        if not terms:
            return None
        if len(terms) == 1:
            return Q.term_query(self.schema, field, terms[0])
        return _phrase_query(self.schema, field, list(enumerate(terms)), slop)

    def _chinese_words(self, text: str) -> tantivy.Query | None:
        """Every word of jieba's default cut must match, as itself or as all its sub-words
        (so a different segmentation of the passage does not lose the match)."""
        words = []
        for word in chinese_query_words(text):
            whole = self._sequence("zh", list(word.terms))
            if whole is None:
                continue
            if word.parts:
                parts = [Q.term_query(self.schema, "zh", part) for part in word.parts]
                whole = _any([whole, _all(parts)])
            words.append(whole)
        if not words:
            return None
        return _any(words) if self.any_word else _all(words)

    # --- proximity ---------------------------------------------------------------------------

    def proximity(self, parsed: ParsedQuery) -> tantivy.Query | None:
        """Boost passages where the plain query words stand close together, in order."""
        words = [g[0].text for g in parsed.groups if len(g) == 1 and g[0].kind == "word"]
        if not words:
            return None
        joined = " ".join(words)
        clauses = []
        for lang in self.languages:
            if lang == "zh":
                positioned = _chinese_positions(joined)
                if len(positioned) > 1:
                    slop = CHINESE_PROXIMITY_SLOP
                    clauses.append(_phrase_query(self.schema, "zh", positioned, slop))
                continue
            terms = analyze(lang, joined)
            if len(terms) > 1:
                positioned = list(enumerate(terms))
                field = f.text_field(lang)
                clauses.append(_phrase_query(self.schema, field, positioned, PROXIMITY_SLOP))
        return _any(clauses) if clauses else None


def _chinese_positions(text: str) -> list[tuple[int, str]]:
    """(index position, term) of the main words of ``text``, relative to the first one.

    Positions come from the search-mode token stream, so sub-words that the index puts
    between two main words are accounted for.
    """
    positioned = [
        (word.position + offset, term)
        for word in chinese_query_words(text)
        for offset, term in enumerate(word.terms)
    ]
    if not positioned:
        return []
    first = positioned[0][0]
    return [(position - first, term) for position, term in positioned]


def _phrase_query(
    schema: tantivy.Schema, field: str, positioned: list[tuple[int, str]], slop: int = 0
) -> tantivy.Query:
    words: list[str | tuple[int, str]] = [*positioned]
    return Q.phrase_query(schema, field, words, slop)


def _any(queries: Sequence[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return Q.boolean_query([(Occur.Should, q) for q in queries])


def _all(queries: Sequence[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return Q.boolean_query([(Occur.Must, q) for q in queries])
