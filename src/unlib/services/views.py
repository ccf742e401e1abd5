"""JSON-ready views of catalogue records: the shapes documented in the README."""

from __future__ import annotations

from typing import Any

from unlib.model import LANGUAGES
from unlib.store.base import CatalogueStore
from unlib.store.records import CitationLink, VersionRow, WorkRow
from unlib.symbols import body_name

# When a reader has no preference, titles are shown in this order of languages.
DEFAULT_TITLE_ORDER = ("en", "fr", "es", "ru", "ar", "zh", "und")


def language_order(versions: list[VersionRow]) -> list[str]:
    present = {v.lang for v in versions}
    ordered = [lang for lang in LANGUAGES if lang in present]
    return ordered + sorted(present - set(ordered))


def best_title(versions: list[VersionRow], prefer: str | None = None) -> tuple[str | None, str]:
    """The title in the reader's language if that version exists, else a sensible fallback."""
    titled = {v.lang: v.title for v in versions if v.title}
    for lang in ((prefer,) if prefer else ()) + DEFAULT_TITLE_ORDER:
        if lang and lang in titled:
            return titled[lang], lang
    if titled:
        lang, title = next(iter(sorted(titled.items())))
        return title, lang
    return None, prefer or ""


def work_line(cat: CatalogueStore, work: WorkRow) -> dict[str, Any]:
    versions = cat.versions(work.id)
    title, _ = best_title(versions)
    return {
        "id": work.label,
        "symbol": work.symbol,
        "languages": language_order(versions),
        "title": title,
        "date": work.date,
        "type": work.doc_type,
    }


def _link(cat: CatalogueStore, link: CitationLink, *, citing: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "symbol": link.symbol,
        "kind": link.kind,
        "count": link.count,
        "resolved": link.work_id is not None,
        "title": None,
    }
    if link.work_id is not None:
        title, _ = best_title(cat.versions(link.work_id))
        entry["title"] = title
    if citing:
        entry["languages"] = list(link.languages)
    return entry


def _version(cat: CatalogueStore, version: VersionRow) -> dict[str, Any]:
    return {
        "lang": version.lang,
        "title": version.title,
        "date": version.date,
        "needs_ocr": version.needs_ocr,
        "characters": version.n_chars,
        "passages": cat.passage_count(version.id),
        "files": [
            {
                "sha256": f.sha256,
                "name": f.original_name,
                "format": f.format,
                "media_type": f.media_type,
                "size": f.size,
                "ingested_at": f.ingested_at,
                "symbol_source": f.symbol_source,
                "warnings": list(f.warnings),
            }
            for f in cat.files_of_version(version.id)
        ],
    }


def work_record(cat: CatalogueStore, work: WorkRow) -> dict[str, Any]:
    versions = cat.versions(work.id)
    by_lang = {v.lang: v for v in versions}
    title, title_lang = best_title(versions)
    return {
        "id": work.label,
        "symbol": work.symbol,
        "key": work.key,
        "type": work.doc_type,
        "title": title,
        "title_lang": title_lang or None,
        "titles": {lang: by_lang[lang].title for lang in language_order(versions)},
        "date": work.date,
        "adopted": work.adopted,
        "meeting": work.meeting,
        "body": work.body,
        "body_name": body_name(work.body) if work.body else None,
        "session": work.session,
        "year": work.year,
        "agenda_items": list(work.agenda),
        "languages": language_order(versions),
        "versions": [_version(cat, by_lang[lang]) for lang in language_order(versions)],
        "cites": [_link(cat, link, citing=False) for link in cat.cites(work.id)],
        "cited_by": [_link(cat, link, citing=True) for link in cat.cited_by(work.key)],
    }


def catalogue_stats(cat: CatalogueStore) -> dict[str, Any]:
    return cat.summary_counts()


def version_text(cat: CatalogueStore, work: WorkRow, lang: str | None) -> dict[str, Any]:
    """The passages of one language version, for reading: the requested language when held,
    else the first held in the UN's order."""
    versions = cat.versions(work.id)
    held = language_order(versions)
    chosen = lang if lang in held else (held[0] if held else None)
    version = next((v for v in versions if v.lang == chosen), None)
    passages = cat.passages(version.id) if version else []
    return {
        "text_lang": chosen,
        "passages": [
            {"seq": p.seq, "para": p.para, "kind": p.kind, "page": p.page, "text": p.text}
            for p in passages
            if p.seq >= 0
        ],
    }
