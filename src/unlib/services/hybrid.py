"""Hybrid and cross-lingual search as use cases: one query, or a batch of JSON lines.

A hit is one passage: the work's symbol, the language that matched, its paragraph number, the
fused score and the passage text. With ``all_languages`` and a reader's language, a hit found
in another language also carries the same paragraph of the reader's language version, when
the library holds one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from unlib.search.filters import Filters, parse_filter
from unlib.search.hybrid import MODES, Fused, HybridRetriever
from unlib.search.query import QueryError, parse_free_text
from unlib.services.counterparts import CatalogueCounterparts
from unlib.services.search import SearchRequest, effective_filters
from unlib.store.base import CatalogueStore
from unlib.store.records import PassageRow

__all__ = ["HybridRequest", "batch_search", "hybrid_search"]

# Queries retrieved together in batch mode (one embedding call, one matrix product).
_BATCH: Final = 256
# With filters (body, year, type, ...), this many times the hits wanted are ranked first and
# those that pass are kept: the vector index knows nothing of the works' facts.
_FILTERED_POOL: Final = 20


class BatchLineError(ValueError):
    """One line of a batch file cannot be used; the message names the line."""


@dataclass(frozen=True, slots=True)
class HybridRequest:
    query: str
    mode: str = "hybrid"
    lang: str | None = None  # only passages in this language (the reader's, with all_languages)
    all_languages: bool = False
    limit: int = 10
    filters: Filters = field(default_factory=Filters)  # body, year, type (+ the query's own)

    def wanted_langs(self) -> tuple[str, ...] | None:
        if self.lang is None or self.all_languages:
            return None
        return parse_filter("lang", self.lang).langs

    def reader_lang(self) -> str | None:
        if self.lang is None or not self.all_languages:
            return None
        return parse_filter("lang", self.lang).langs[0]


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


def hybrid_search(
    cat: CatalogueStore, retriever: HybridRetriever, request: HybridRequest
) -> dict[str, Any]:
    check_mode(request.mode)
    langs = request.wanted_langs()
    reader = request.reader_lang()
    filters = parse_free_text(request.query).filters.narrowed(request.filters)
    wanted = _pool(request.limit, filters)
    found = retriever.retrieve([request.query], request.mode, [langs], wanted)[0]
    found = kept(cat, found, filters, request.limit)
    return {
        "query": request.query,
        "mode": request.mode,
        "lang": request.lang,
        "all_languages": request.all_languages,
        "notes": _notes(retriever, request.mode),
        "hits": dress(cat, found, reader, _counterparts(cat, retriever)),
    }


def batch_search(
    cat: CatalogueStore,
    retriever: HybridRetriever,
    lines: Iterable[str],
    *,
    mode: str = "hybrid",
    limit: int = 10,
    all_languages: bool = False,
) -> Iterator[dict[str, Any]]:
    """One answer per non-blank line of JSON ``{"id","query","lang"?}``, in order:
    ``{"id","hits":[…]}``, or ``{"id","line","error","hits":[]}`` for a line that cannot be
    used (the other lines are still answered)."""
    check_mode(mode)
    chunk: list[tuple[int, dict[str, Any] | BatchLineError]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            chunk.append((number, _read_line(number, line)))
        except BatchLineError as exc:
            chunk.append((number, exc))
        if len(chunk) >= _BATCH:
            yield from _answer(cat, retriever, chunk, mode, limit, all_languages)
            chunk = []
    yield from _answer(cat, retriever, chunk, mode, limit, all_languages)


def _read_line(number: int, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise BatchLineError(f"line {number}: not valid JSON ({exc})") from exc
    if not isinstance(item, dict):
        raise BatchLineError(f'line {number}: expected an object like {{"id": 1, "query": "…"}}')
    query = item.get("query")
    if not isinstance(query, str):
        raise BatchLineError(f'line {number}: "query" must be a string', item.get("id"))
    lang = item.get("lang")
    if lang is not None:
        try:
            item["langs"] = parse_filter("lang", str(lang)).langs
        except QueryError as exc:
            raise BatchLineError(f"line {number}: {exc}", item.get("id")) from exc
    return item


def _answer(
    cat: CatalogueStore,
    retriever: HybridRetriever,
    chunk: list[tuple[int, dict[str, Any] | BatchLineError]],
    mode: str,
    limit: int,
    all_languages: bool,
) -> Iterator[dict[str, Any]]:
    good = [(n, item) for n, item in chunk if isinstance(item, dict)]
    queries = [item["query"] for _, item in good]
    langs = [None if all_languages else item.get("langs") for _, item in good]
    filters = [parse_free_text(query).filters for query in queries]
    wanted = max((_pool(limit, f) for f in filters), default=limit)
    found = retriever.retrieve(queries, mode, langs, wanted) if good else []
    results = iter(kept(cat, hits, f, limit) for hits, f in zip(found, filters, strict=True))
    counterparts = _counterparts(cat, retriever)
    for number, item in chunk:
        if isinstance(item, BatchLineError):
            ident = item.args[1] if len(item.args) > 1 else None
            yield {"id": ident, "line": number, "error": str(item.args[0]), "hits": []}
            continue
        reader = item["langs"][0] if all_languages and item.get("langs") else None
        hits = dress(cat, next(results), reader, counterparts)
        yield {"id": item.get("id"), "hits": hits}


def _pool(limit: int, filters: Filters) -> int:
    return limit if filters.is_empty else limit * _FILTERED_POOL


def kept(cat: CatalogueStore, found: list[Fused], filters: Filters, limit: int) -> list[Fused]:
    """The first ``limit`` of ``found`` whose language and work pass ``filters``."""
    if filters.is_empty:
        return found[:limit]
    works = cat.works({hit.work for hit in found})
    return [
        hit
        for hit in found
        if (work := works.get(hit.work)) is not None
        and filters.admits(hit.lang, work.body, work.doc_type, work.year, work.id)
    ][:limit]


def dress(
    cat: CatalogueStore,
    found: list[Fused],
    reader: str | None,
    counterparts: CatalogueCounterparts,
) -> list[dict[str, Any]]:
    """Hits as JSON, with catalogue facts; passages the catalogue no longer holds are left out.
    With a reader's language, a paragraph found in several languages is listed once."""
    passages = cat.passages_by_ids(h.pid for h in found)
    works = cat.works(h.work for h in found)
    translated = _reader_passages(found, passages, reader, counterparts) if reader else {}
    hits = []
    shown: set[int] = set()
    for hit in found:
        passage = passages.get(hit.pid)
        work = works.get(hit.work)
        if passage is None or work is None:
            continue
        place = translated.get(hit.pid)
        if place is not None:
            if place["passage_id"] in shown:
                continue
            shown.add(place["passage_id"])
        entry: dict[str, Any] = {
            "symbol": work.symbol or work.label,
            "lang": hit.lang,
            "paragraph": passage.para,
            "score": round(hit.score, 6),
            "text": passage.text,
            "kind": passage.kind,
            "passage_id": passage.id,
            "matched_by": list(hit.sources),
        }
        if reader:
            entry["reader"] = translated.get(hit.pid)
        hits.append(entry)
    return hits


def _reader_passages(
    found: list[Fused],
    passages: dict[int, PassageRow],
    reader: str,
    counterparts: CatalogueCounterparts,
) -> dict[int, dict[str, Any] | None]:
    """The same paragraph in the reader's language version, when the library holds one."""
    mapped = counterparts([h for h in found if h.pid in passages], reader)
    out: dict[int, dict[str, Any] | None] = {}
    for hit in found:
        target = mapped.get(hit.pid)
        row = passages.get(hit.pid) if target is None or target.pid == hit.pid else None
        if target is not None and row is None:
            row = next((p for p in counterparts.passages(target.vid) if p.id == target.pid), None)
        out[hit.pid] = None if target is None or row is None else _place(reader, row)
    return out


def _place(lang: str, passage: PassageRow) -> dict[str, Any]:
    return {"lang": lang, "paragraph": passage.para, "text": passage.text, "passage_id": passage.id}


def _counterparts(cat: CatalogueStore, retriever: HybridRetriever) -> CatalogueCounterparts:
    if isinstance(retriever.counterparts, CatalogueCounterparts):
        return retriever.counterparts
    return CatalogueCounterparts(cat, retriever.vectors)


def _notes(retriever: HybridRetriever, mode: str) -> list[str]:
    if mode != "bm25" and not retriever.dense_ready():
        return [
            "no passage vectors yet, so nothing was matched by meaning: run "
            "`unlib reindex --vectors` (or check the embedder setting)"
        ]
    return []


def add_all_languages(
    cat: CatalogueStore,
    retriever: HybridRetriever,
    result: dict[str, Any],
    request: SearchRequest,
    limit: int = 5,
) -> dict[str, Any]:
    """Dress the classic (grouped) search results of ``request`` for the "all languages"
    mode: each hit found in another language gets ``reader`` (its paragraph in the reader's
    language, or None), and ``crosslingual`` lists passages close in meaning from works the
    words did not find (and that pass the search's filters)."""
    reader = request.reader_lang or "en"
    filters = effective_filters(cat, request)
    counterparts = _counterparts(cat, retriever)
    hits = [
        h
        for item in result["results"]
        if reader in item["available_languages"]
        for h in item["hits"]
        if h["lang"] != reader
    ]
    rows = cat.passages_by_ids(h["passage_id"] for h in hits)
    found = []
    for hit in hits:
        row = rows.get(hit["passage_id"])
        version = cat.version(row.version_id) if row is not None else None
        if row is not None and version is not None:
            found.append(Fused(row.id, row.version_id, version.work_id, hit["lang"], 0.0, ()))
    shown = _reader_passages(found, rows, reader, counterparts)
    for hit in hits:
        if hit["passage_id"] in shown:
            hit["reader"] = shown[hit["passage_id"]]
    result["crosslingual"] = _related(cat, retriever, result, reader, limit, counterparts, filters)
    return result


def _related(
    cat: CatalogueStore,
    retriever: HybridRetriever,
    result: dict[str, Any],
    reader: str,
    limit: int,
    counterparts: CatalogueCounterparts,
    filters: Filters,
) -> list[dict[str, Any]]:
    query = str(result.get("query") or "").strip()
    if not query or not retriever.dense_ready() or result.get("page", 1) != 1:
        return []
    listed = {item["id"] for item in result["results"]}
    found = retriever.retrieve([query], "hybrid", [None], _pool(limit * 4, filters))[0]
    hits = dress(cat, kept(cat, found, filters, limit * 4), reader, counterparts)
    return [h for h in hits if h["symbol"] not in listed][:limit]
