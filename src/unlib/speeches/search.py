"""Searching speeches: whole speeches ranked by BM25, then for each result the paragraph that
best matches the query (its snippet).

The query language is the document search's (words, "phrases", -exclusions, OR, ``year:`` and
``lang:`` filters), parsed and turned into a tantivy query by :mod:`unlib.search`. Country,
session and speaker restrictions are added as non-scoring clauses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

import tantivy

from unlib.search import schema as f
from unlib.search.build import build_query
from unlib.search.filters import Filters
from unlib.search.query import ParsedQuery
from unlib.speeches.index import COUNTRY, KIND, PARA, PARAGRAPH, SESSION, SPEECH, SpeechIndex

Q = tantivy.Query
Occur = tantivy.Occur


@dataclass(frozen=True, slots=True)
class Restriction:
    """Speech facts a search is limited to (None: any)."""

    country: str | None = None
    session: int | None = None
    speeches: tuple[int, ...] | None = None  # e.g. those of a speaker; () matches nothing
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True, slots=True)
class SpeechHit:
    speech: int
    score: float
    paragraph: int | None = None  # 1-based number of the best matching paragraph


@dataclass(frozen=True, slots=True)
class SpeechResult:
    total: int
    hits: list[SpeechHit]
    relaxed: bool = False  # no speech had every word: these have some of them


def search(
    index: SpeechIndex,
    query: ParsedQuery,
    restriction: Restriction,
    *,
    limit: int,
    offset: int = 0,
) -> SpeechResult:
    """Speeches matching ``query`` within ``restriction``, best first."""
    searcher = index.searcher()
    filters = _usable(query.filters).narrowed(restriction.filters)
    strict = _restricted(index, build_query(index.schema, query, filters), restriction, SPEECH)
    total, hits = _speeches(searcher, strict, limit, offset)
    relaxed = False
    if total == 0 and not query.is_empty:
        relaxed_query = build_query(index.schema, query, filters, any_word=True)
        total, hits = _speeches(
            searcher, _restricted(index, relaxed_query, restriction, SPEECH), limit, offset
        )
        relaxed = total > 0
    if hits and not query.is_empty:
        hits = _with_paragraphs(index, searcher, query, filters, hits)
    return SpeechResult(total, hits, relaxed)


def _usable(filters: Filters) -> Filters:
    """Speeches have no issuing body or document type: those filters do not apply."""
    return dataclasses.replace(filters, bodies=(), types=())


def _restricted(
    index: SpeechIndex, query: tantivy.Query, restriction: Restriction, kind: str
) -> tantivy.Query:
    schema = index.schema
    clauses = [
        (Occur.Must, query),
        (Occur.Must, _exact(Q.term_query(schema, KIND, kind))),
    ]
    if restriction.country:
        clauses.append((Occur.Must, _exact(Q.term_query(schema, COUNTRY, restriction.country))))
    if restriction.session is not None:
        term = Q.term_query(schema, SESSION, restriction.session)
        clauses.append((Occur.Must, _exact(term)))
    if restriction.speeches is not None:
        if not restriction.speeches:
            return Q.empty_query()
        ids = sorted(set(restriction.speeches))
        clauses.append((Occur.Must, _exact(Q.term_set_query(schema, f.WORK, ids))))
    return Q.boolean_query(clauses)


def _exact(query: tantivy.Query) -> tantivy.Query:
    return Q.const_score_query(query, 0.0)


def _speeches(
    searcher: tantivy.Searcher, query: tantivy.Query, limit: int, offset: int
) -> tuple[int, list[SpeechHit]]:
    found = searcher.search(query, limit, count=True, offset=offset)
    addresses = [address for _, address in found.hits]
    ids = searcher.fast_field_values(f.WORK, addresses)
    hits = [
        SpeechHit(int(sid or 0), float(score))
        for (score, _), sid in zip(found.hits, ids, strict=True)
    ]
    return int(found.count or 0), hits  # type: ignore[attr-defined]  # missing in the stub


def _with_paragraphs(
    index: SpeechIndex,
    searcher: tantivy.Searcher,
    query: ParsedQuery,
    filters: Filters,
    hits: Sequence[SpeechHit],
) -> list[SpeechHit]:
    """Each hit with its best paragraph: any word counts there, so the paragraph with most
    of the query (by BM25) wins even when no single paragraph has every word."""
    words = build_query(index.schema, query, filters, any_word=True)
    found = []
    for hit in hits:
        one = _restricted(index, words, Restriction(speeches=(hit.speech,)), PARAGRAPH)
        best = searcher.search(one, 1, count=False).hits
        numbers = searcher.fast_field_values(PARA, [address for _, address in best])
        number = int(numbers[0] or 0) if numbers else None
        found.append(dataclasses.replace(hit, paragraph=number or None))
    return found
