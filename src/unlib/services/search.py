"""Search as a use case: parse the query, search the index, dress the hits with catalogue facts
and snippets from the original text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unlib.search.engine import SearchEngine, SearchResult, WorkHit, snippet
from unlib.search.filters import Filters, parse_filter
from unlib.search.query import ParsedQuery, parse_query
from unlib.services.sdg_search import goal_facet, goal_filter
from unlib.services.views import best_title, language_order
from unlib.store.base import CatalogueStore
from unlib.store.records import PassageRow, VersionRow, WorkRow


@dataclass(frozen=True, slots=True)
class SearchRequest:
    query: str
    lang: str | None = None
    body: str | None = None
    year: str | None = None
    doc_type: str | None = None
    page: int = 1
    per_page: int = 20
    # The reader's language: titles and passages are shown in it when a version exists.
    reader_lang: str | None = None
    # Also show each hit's paragraph in the reader's language, and passages that match the
    # query's meaning in other languages (see unlib.services.hybrid.add_all_languages).
    all_languages: bool = False
    # Only works the SDG classifier found addressing this goal (1..17; unlib.services.sdg).
    sdg: int | None = None

    def option_filters(self) -> Filters:
        filters = Filters()
        for name, value in (
            ("lang", self.lang),
            ("body", self.body),
            ("year", self.year),
            ("type", self.doc_type),
        ):
            if value:
                filters = filters.narrowed(parse_filter(name, value))
        return filters


def effective_filters(cat: CatalogueStore, request: SearchRequest) -> Filters:
    """All the restrictions of a request: those typed in the query, the form's and the SDG
    goal's."""
    return parse_query(request.query).filters.narrowed(_form_filters(cat, request))


def _form_filters(cat: CatalogueStore, request: SearchRequest) -> Filters:
    filters = request.option_filters()
    if request.sdg is not None:
        filters = filters.narrowed(goal_filter(cat, request.sdg))
    return filters


def run_search(
    cat: CatalogueStore, engine: SearchEngine, request: SearchRequest, snippet_chars: int
) -> dict[str, Any]:
    query = parse_query(request.query)
    filters = _form_filters(cat, request)
    result = engine.search(query, filters=filters, page=request.page, per_page=request.per_page)
    works = cat.works(w.work for w in result.works)
    versions = cat.versions_of_works(works)
    passages = cat.passages_by_ids(h.pid for w in result.works for h in w.hits)
    effective = query.filters.narrowed(filters)
    return {
        "query": request.query,
        "filters": _filters_json(effective),
        "total": result.total_works,
        "total_passages": result.total_passages,
        "page": result.page,
        "per_page": result.per_page,
        "relaxed": result.relaxed,
        "notes": list(result.notes),
        "results": [
            _work_json(
                hit,
                works[hit.work],
                versions.get(hit.work, []),
                passages,
                query,
                request.reader_lang,
                snippet_chars,
            )
            for hit in result.works
            if hit.work in works
        ],
        "facets": _facets_json(result)
        | {"sdg": goal_facet(cat, engine, query, filters, relaxed=result.relaxed)},
        "suggestions": _suggestions(request, query, result),
    }


def _work_json(
    hit: WorkHit,
    work: WorkRow,
    versions: list[VersionRow],
    passages: dict[int, PassageRow],
    query: ParsedQuery,
    reader_lang: str | None,
    snippet_chars: int,
) -> dict[str, Any]:
    title, title_lang = best_title(
        versions, reader_lang or (hit.languages[0] if hit.languages else None)
    )
    return {
        "id": work.label,
        "symbol": work.symbol,
        "title": title,
        "title_lang": title_lang or None,
        "date": work.date,
        "body": work.body,
        "type": work.doc_type,
        "year": work.year,
        "languages": hit.languages,
        "available_languages": language_order(versions),
        "score": round(hit.score, 4),
        "hits": [
            _hit_json(passages[p.pid], p.lang, p.score, query, snippet_chars)
            for p in hit.hits
            if p.pid in passages
        ],
    }


def _hit_json(
    passage: PassageRow, lang: str, score: float, query: ParsedQuery, snippet_chars: int
) -> dict[str, Any]:
    text = ""
    highlights: list[list[int]] = []
    for fragment, marked in snippet(passage.text, lang, query, snippet_chars):
        if marked:
            highlights.append([len(text), len(text) + len(fragment)])
        text += fragment
    return {
        "lang": lang,
        "paragraph": passage.para,
        "kind": passage.kind,
        "passage_id": passage.id,
        "score": round(score, 4),
        "snippet": text,
        "highlights": highlights,
    }


def _filters_json(filters: Filters) -> dict[str, Any]:
    years = None
    if filters.year_from is not None or filters.year_to is not None:
        years = [filters.year_from, filters.year_to]
    return {
        "lang": list(filters.langs) or None,
        "body": list(filters.bodies) or None,
        "year": years,
        "type": list(filters.types) or None,
    }


def _facets_json(result: SearchResult) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [{"value": value, "count": count} for value, count in values]
        for name, values in result.facets.items()
    }


def _suggestions(request: SearchRequest, query: ParsedQuery, result: SearchResult) -> list[str]:
    if result.total_passages:
        return []
    hints = []
    if not query.filters.is_empty or not request.option_filters().is_empty:
        hints.append("remove the filters (lang:, body:, year:, type:) to search everything")
    if any(term.kind == "phrase" for term in query.terms()):
        hints.append("drop the quotation marks to match the words anywhere in a passage")
    if any(term.kind == "symbol" for term in query.terms()):
        hints.append("the library may not hold that document yet: `unlib ingest` it")
    hints.append("check the spelling, or try the words in another of the six languages")
    return hints
