"""JSON-ready views of catalogue records: the shapes documented in the README."""

from __future__ import annotations

from typing import Any

from unlib.model import LANGUAGES
from unlib.store.catalogue import Catalogue
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


def work_line(cat: Catalogue, work: WorkRow) -> dict[str, Any]:
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


def _link(cat: Catalogue, link: CitationLink, *, citing: bool) -> dict[str, Any]:
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


def _version(cat: Catalogue, version: VersionRow) -> dict[str, Any]:
    passages = cat.scalar(
        "SELECT COUNT(*) FROM passages WHERE version_id = ? AND seq >= 0", (version.id,)
    )
    return {
        "lang": version.lang,
        "title": version.title,
        "date": version.date,
        "needs_ocr": version.needs_ocr,
        "characters": version.n_chars,
        "passages": int(passages or 0),
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


def work_record(cat: Catalogue, work: WorkRow) -> dict[str, Any]:
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


def catalogue_stats(cat: Catalogue) -> dict[str, Any]:
    total_citations = cat.scalar("SELECT COUNT(*) FROM citations") or 0
    resolved = (
        cat.scalar("SELECT COUNT(*) FROM citations c JOIN works w ON w.key = c.target_key") or 0
    )
    return {
        "works": cat.scalar("SELECT COUNT(*) FROM works") or 0,
        "works_with_symbol": cat.scalar("SELECT COUNT(*) FROM works WHERE symbol IS NOT NULL") or 0,
        "versions": cat.scalar("SELECT COUNT(*) FROM versions") or 0,
        "files": cat.scalar("SELECT COUNT(*) FROM files") or 0,
        "passages": cat.scalar("SELECT COUNT(*) FROM passages WHERE seq >= 0") or 0,
        "characters": cat.scalar("SELECT COALESCE(SUM(n_chars), 0) FROM versions") or 0,
        "citations": {"total": total_citations, "resolved": resolved},
        "needs_ocr": cat.scalar("SELECT COUNT(*) FROM versions WHERE needs_ocr = 1") or 0,
        "rejected": cat.scalar("SELECT COUNT(DISTINCT path) FROM rejections") or 0,
        "unindexed_versions": cat.scalar("SELECT COUNT(*) FROM versions WHERE indexed = 0") or 0,
        "languages": cat.counts_by(
            "SELECT lang, COUNT(*) FROM versions GROUP BY lang ORDER BY COUNT(*) DESC"
        ),
        "bodies": cat.counts_by(
            "SELECT body, COUNT(*) FROM works GROUP BY body ORDER BY COUNT(*) DESC"
        ),
        "years": cat.counts_by("SELECT year, COUNT(*) FROM works GROUP BY year ORDER BY year"),
        "types": cat.counts_by(
            "SELECT doc_type, COUNT(*) FROM works GROUP BY doc_type ORDER BY COUNT(*) DESC"
        ),
    }
