"""Speeches as use cases: import the General Debate corpus, search speeches, show one, list a
country's, and flat tables of search results for CSV/JSON export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from unlib.search.engine import snippet
from unlib.search.filters import Filters
from unlib.search.query import ParsedQuery, parse_query
from unlib.services.votes import Table, country_code
from unlib.speeches import importer
from unlib.speeches.index import SpeechIndex
from unlib.speeches.search import Restriction, SpeechHit, search
from unlib.speeches.text import fold, paragraphs
from unlib.store.base import CatalogueStore
from unlib.store.speeches import SpeechRow, SpeechStore, speech_line, speech_store

SPEECH_INDEX_DIR: Final = "speeches-index"
SEARCH_COLUMNS: Final = (
    "id",
    "country",
    "country_name",
    "session",
    "year",
    "speaker",
    "post",
    "lang",
    "score",
    "snippet",
)


class SpeechNotFound(LookupError):
    """No speech under that id."""


@dataclass(frozen=True, slots=True)
class SpeechQuery:
    text: str = ""
    country: str | None = None
    session: int | None = None
    year: int | None = None
    speaker: str | None = None
    limit: int = 10
    offset: int = 0


def open_speech_index(data_dir: Path, *, heap_mb: int = 128, recreate: bool = False) -> SpeechIndex:
    return SpeechIndex(data_dir / SPEECH_INDEX_DIR, writer_heap_mb=heap_mb, recreate=recreate)


def import_speeches(catalogue: CatalogueStore, index: SpeechIndex, folder: Path) -> dict[str, Any]:
    """Import a General Debate corpus folder (speech files and speaker list)."""
    return importer.import_speeches(catalogue, index, folder).to_json()


def reindex_speeches(catalogue: CatalogueStore, index: SpeechIndex) -> dict[str, Any]:
    return {"speeches": importer.reindex(catalogue, index)}


def search_speeches(
    catalogue: CatalogueStore, index: SpeechIndex, request: SpeechQuery, snippet_chars: int = 240
) -> dict[str, Any]:
    """``{"total","results":[{"country","country_name","session","year","speaker","post",
    "lang","score","snippet","highlights","id"}]}`` plus the query and its filters."""
    query = parse_query(request.text)
    store = speech_store(catalogue)
    country = country_code(request.country) if request.country else None
    speakers = _speaker_ids(store, request.speaker)
    if query.is_empty:
        total, rows = _browse(store, request, query, country)
        hits = [SpeechHit(row.id, 0.0) for row in rows]
        relaxed = False
    else:
        restriction = Restriction(country, request.session, speakers, _filters(store, request))
        found = search(index, query, restriction, limit=request.limit, offset=request.offset)
        total, hits, relaxed = found.total, found.hits, found.relaxed
    rows_by_id = store.by_ids(hit.speech for hit in hits)
    return {
        "query": request.text,
        "filters": {
            "country": country,
            "session": request.session,
            "year": request.year,
            "speaker": request.speaker,
        },
        "total": total,
        "offset": request.offset,
        "limit": request.limit,
        "relaxed": relaxed,
        "results": [
            _result(store, rows_by_id[hit.speech], hit, query, snippet_chars)
            for hit in hits
            if hit.speech in rows_by_id
        ],
    }


def _speaker_ids(store: SpeechStore, speaker: str | None) -> tuple[int, ...] | None:
    if not speaker:
        return None
    return tuple(store.ids_where(store.matching(speaker=fold(speaker))))


def _filters(store: SpeechStore, request: SpeechQuery) -> Filters:
    # Only the languages speeches are held in: fewer fields to query.
    filters = Filters(langs=tuple(store.languages()))
    if request.year is not None:
        filters = filters.narrowed(Filters(year_from=request.year, year_to=request.year))
    return filters


def _browse(
    store: SpeechStore, request: SpeechQuery, query: ParsedQuery, country: str | None
) -> tuple[int, list[SpeechRow]]:
    """No words: speeches with the facts asked, newest first."""
    years = query.filters
    where = store.matching(
        country=country,
        session=request.session,
        year=request.year,
        year_from=years.year_from,
        year_to=years.year_to,
        speaker=fold(request.speaker) if request.speaker else None,
    )
    return store.page_where(where, request.limit, request.offset)


def _result(
    store: SpeechStore, row: SpeechRow, hit: SpeechHit, query: ParsedQuery, snippet_chars: int
) -> dict[str, Any]:
    parts = paragraphs(store.text(row.id))
    number = hit.paragraph if hit.paragraph and hit.paragraph <= len(parts) else 1
    text, highlights = _snippet(parts[number - 1] if parts else "", row.lang, query, snippet_chars)
    return {
        **speech_line(row),
        "score": round(hit.score, 4) if not query.is_empty else None,
        "paragraph": number,
        "snippet": text,
        "highlights": highlights,
    }


def _snippet(
    text: str, lang: str, query: ParsedQuery, max_chars: int
) -> tuple[str, list[list[int]]]:
    shown = ""
    highlights: list[list[int]] = []
    for fragment, marked in snippet(text, lang, query, max_chars):
        if marked:
            highlights.append([len(shown), len(shown) + len(fragment)])
        shown += fragment
    return shown, highlights


def search_table(result: dict[str, Any]) -> Table:
    return Table(SEARCH_COLUMNS, [tuple(r[c] for c in SEARCH_COLUMNS) for r in result["results"]])


def speech_record(catalogue: CatalogueStore, ref: str) -> dict[str, Any]:
    """One speech with its paragraphs."""
    store = speech_store(catalogue)
    row = store.by_ref(ref.strip())
    if row is None:
        raise SpeechNotFound(
            f"no speech {ref!r} in this library (ids read COUNTRY_SESSION_YEAR, e.g. USA_75_2020;"
            " try `unlib speeches search --country USA`)"
        )
    parts = paragraphs(store.text(row.id))
    return {
        **speech_line(row),
        "lang_confidence": row.lang_confidence,
        "characters": row.n_chars,
        "paragraphs": [{"n": n, "text": text} for n, text in enumerate(parts, start=1)],
        "source_path": row.source_path,
        "notes": list(row.notes),
    }


def country_speeches(catalogue: CatalogueStore, code: str) -> list[dict[str, Any]]:
    return speech_store(catalogue).country_speeches(country_code(code))


def speeches_overview(catalogue: CatalogueStore) -> dict[str, int]:
    return {"speeches": speech_store(catalogue).count()}
