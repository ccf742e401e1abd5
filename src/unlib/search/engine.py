"""Searching the passage index: BM25 over passages, grouped by work, with facets.

The engine knows integer ids and the values handed to the index, nothing of the catalogue:
the service layer turns ids into titles, symbols and passage texts (and calls
:func:`snippet` on those texts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import tantivy

from unlib.search import schema as f
from unlib.search.build import build_query
from unlib.search.facets import count_facets, empty_facets
from unlib.search.filters import Filters
from unlib.search.index import PassageIndex
from unlib.search.query import ParsedQuery
from unlib.search.snippets import snippet
from unlib.text.analysis import FIELD_LANGUAGES

__all__ = ["PassageHit", "SearchEngine", "SearchResult", "WorkHit", "snippet"]

# Passages fetched per wanted work at first; doubled until enough distinct works are seen.
_PASSAGES_PER_WORK_FETCHED: Final = 4
_MIN_FETCH: Final = 200
# Upper bound on passages grouped for one page: deep pages past it come back short.
_MAX_FETCH: Final = 50_000
# Work score = best passage score × (1 + bonuses): more matching passages or languages
# say the work is about the query, not just mentioning it once.
_EXTRA_PASSAGE_BONUS: Final = 0.04
_MAX_EXTRA_PASSAGES: Final = 5
_EXTRA_LANGUAGE_BONUS: Final = 0.02


@dataclass(frozen=True, slots=True)
class PassageHit:
    pid: int
    vid: int
    lang: str
    score: float


@dataclass(slots=True)
class WorkHit:
    work: int
    score: float
    languages: list[str]  # languages whose passages matched, in the UN's order
    hits: list[PassageHit]  # best passages first


@dataclass(slots=True)
class SearchResult:
    total_works: int  # approximate for large results (HyperLogLog)
    total_passages: int
    works: list[WorkHit]
    facets: dict[str, list[tuple[str, int]]]  # counts of works per value
    relaxed: bool = False  # no passage had all the words: these have some of them
    page: int = 1
    per_page: int = 20
    notes: list[str] = field(default_factory=list)


class SearchEngine:
    def __init__(self, index: PassageIndex) -> None:
        self.index = index

    def search(
        self,
        query: ParsedQuery,
        *,
        filters: Filters | None = None,
        page: int = 1,
        per_page: int = 20,
        max_passages_per_work: int = 3,
    ) -> SearchResult:
        """Works matching ``query`` (and ``filters``), best first, ``per_page`` per page."""
        page, per_page = max(1, page), max(1, per_page)
        wanted = query.filters.narrowed(filters) if filters else query.filters
        searcher = self.index.searcher()
        schema = self.index.schema
        tantivy_query = build_query(schema, query, wanted)
        works_needed = page * per_page
        total, groups = _collect_works(searcher, tantivy_query, works_needed)
        relaxed = False
        if total == 0 and not query.is_empty:
            tantivy_query = build_query(schema, query, wanted, any_word=True)
            total, groups = _collect_works(searcher, tantivy_query, works_needed)
            relaxed = total > 0
        result = SearchResult(0, total, [], empty_facets(), relaxed, page, per_page)
        result.notes = list(query.notes)
        if total == 0:
            return result
        result.total_works, result.facets = count_facets(searcher, tantivy_query, total)
        ranked = sorted(groups.values(), key=lambda work: work.score, reverse=True)
        result.works = ranked[(page - 1) * per_page : works_needed]
        for work in result.works:
            del work.hits[max_passages_per_work:]
        return result


def _collect_works(
    searcher: tantivy.Searcher, query: tantivy.Query, works_needed: int
) -> tuple[int, dict[int, WorkHit]]:
    """The number of matching passages, and the best ones grouped by work: passages are
    fetched in growing batches until ``works_needed`` distinct works appear."""
    limit = min(_MAX_FETCH, max(_MIN_FETCH, works_needed * _PASSAGES_PER_WORK_FETCHED))
    found = searcher.search(query, limit, count=True, weight_by_field=f.BOOST)
    total = int(found.count or 0)  # type: ignore[attr-defined]  # missing from tantivy's stub
    groups = _group(searcher, found.hits)
    while len(groups) < works_needed and limit < min(total, _MAX_FETCH):
        limit = min(_MAX_FETCH, limit * 4)
        groups = _group(searcher, searcher.search(query, limit, weight_by_field=f.BOOST).hits)
    return total, groups


def _group(
    searcher: tantivy.Searcher, hits: Sequence[tuple[float, tantivy.DocAddress]]
) -> dict[int, WorkHit]:
    addresses = [address for _, address in hits]
    columns = [searcher.fast_field_values(name, addresses) for name in (f.WORK, f.PID, f.VID)]
    lang_numbers = searcher.fast_field_values(f.LANG_NO, addresses)
    groups: dict[int, WorkHit] = {}
    for (score, _), work, pid, vid, lang_no in zip(hits, *columns, lang_numbers, strict=True):
        lang = FIELD_LANGUAGES[int(lang_no or 0)]
        hit = PassageHit(int(pid or 0), int(vid or 0), lang, float(score))
        group = groups.get(int(work or 0))
        if group is None:
            groups[int(work or 0)] = WorkHit(int(work or 0), float(score), [lang], [hit])
        else:
            group.hits.append(hit)
            if lang not in group.languages:
                group.languages.append(lang)
    for group in groups.values():
        group.score = _work_score(group)
        group.languages.sort(key=FIELD_LANGUAGES.index)
    return groups


def _work_score(group: WorkHit) -> float:
    best = group.hits[0].score  # hits arrive best first
    extra_passages = min(len(group.hits) - 1, _MAX_EXTRA_PASSAGES)
    bonus = extra_passages * _EXTRA_PASSAGE_BONUS
    bonus += (len(group.languages) - 1) * _EXTRA_LANGUAGE_BONUS
    return best * (1.0 + bonus)
