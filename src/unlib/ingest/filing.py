"""Where an ingested document belongs in the catalogue, decided and written atomically.

Rules, in order:
1. A document with a symbol joins the work with that identity key (created if new).
2. A document without one joins the work of a sibling file from the same folder whose name
   differs only by language code (``report_en.pdf`` / ``report_fr.pdf``); otherwise it gets a
   new work with a stable local id derived from its own bytes.
3. Within the work, the first file in a language creates that language version; later files
   in the same language are kept as further files of it — except that a file with a text layer
   replaces the text of a version that so far only had a scan awaiting OCR.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from unlib.ingest.errors import Skip
from unlib.model import IngestedDocument, Mention
from unlib.store.base import CatalogueStore
from unlib.store.records import AddOutcome, WorkRow
from unlib.symbols import try_parse
from unlib.text.dates import ga_session_year

_SLUG = re.compile(r"[^0-9A-Za-z]+")
# Work facts copied into every index entry of the work (filters and facets).
_INDEXED_FACTS = frozenset({"body", "year", "doc_type"})


def group_hint_for(doc: IngestedDocument) -> str | None:
    if doc.group_stem is None:
        return None
    return f"{Path(doc.source_path).parent}/{doc.group_stem}"


def local_key(doc: IngestedDocument) -> str:
    """A stable id for a work without a symbol: readable stem + the first file's digest."""
    stem = doc.group_stem or Path(doc.original_name).stem
    slug = _SLUG.sub("-", stem).strip("-").lower()[:40] or "document"
    return f"local:{slug}-{doc.sha256[:8]}"


def work_year(doc: IngestedDocument) -> int | None:
    meta = doc.metadata
    for value in (meta.date, meta.adopted):
        if value and value[:4].isdigit():
            return int(value[:4])
    if doc.own_symbol is not None:
        symbol = try_parse(doc.own_symbol.symbol)
        if symbol is not None and symbol.session_or_year and symbol.session_or_year.isdigit():
            number = int(symbol.session_or_year)
            if number >= 1945:
                return number
            if symbol.body == "A":
                return ga_session_year(number)
    return None


def _work_meta(doc: IngestedDocument) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "doc_type": doc.doc_type,
        "body": meta.body,
        "session": meta.session,
        "date": meta.date or meta.adopted,
        "adopted": meta.adopted,
        "meeting": meta.meeting,
        "year": work_year(doc),
        "agenda": meta.agenda_items,
    }


def _find_work(
    cat: CatalogueStore, doc: IngestedDocument, group_hint: str | None
) -> WorkRow | None:
    if doc.own_symbol is not None:
        return cat.work_by_key(doc.own_symbol.key)
    if group_hint is not None:
        sibling = cat.work_by_group(group_hint)
        if sibling is not None and cat.version_of(sibling.id, doc.lang) is None:
            return sibling
    return None


def file_document(cat: CatalogueStore, doc: IngestedDocument) -> AddOutcome:
    """Write ``doc`` into the catalogue in one transaction; raises Skip if already there."""
    group_hint = group_hint_for(doc)
    meta = _work_meta(doc)
    with cat.transaction():
        if cat.has_file(doc.sha256):
            raise Skip("already present (same bytes)")
        work = _find_work(cat, doc, group_hint)
        stale: list[int] = []
        if work is None:
            own = doc.own_symbol
            key = own.key if own else local_key(doc)
            work_id = cat.insert_work(key, own.symbol if own else None, group_hint, **meta)
            action = "new-work"
        else:
            work_id = work.id
            filled = cat.fill_work_gaps(work_id, group_hint=group_hint, **meta)
            if _INDEXED_FACTS.intersection(filled):
                stale = [v.id for v in cat.versions(work_id) if v.lang != doc.lang]
            action = "new-version"
        version = cat.version_of(work_id, doc.lang)
        passage_ids: list[tuple[int, int]] = []
        if version is None:
            version_id = cat.insert_version(work_id, doc.lang, **_version_fields(doc))
            passage_ids = _write_text(cat, version_id, doc)
        elif version.needs_ocr and not doc.needs_ocr:
            version_id = version.id
            cat.replace_version_text(version_id, **_version_fields(doc))
            passage_ids = _write_text(cat, version_id, doc)
            action = "replaced-text"
        else:
            version_id = version.id
            action = "added-file"
        cat.insert_file(
            doc.sha256,
            version_id,
            original_name=doc.original_name,
            source_path=doc.source_path,
            size=doc.size,
            format=doc.format,
            media_type=doc.media_type,
            symbol_source=doc.own_symbol.source if doc.own_symbol else None,
            warnings=doc.warnings,
        )
        row = cat.work(work_id)
        assert row is not None
        cat.log_event(
            "ingest",
            work_id,
            outcome=action,
            file=doc.source_path,
            sha256=doc.sha256,
            lang=doc.lang,
            symbol_evidence=doc.own_symbol.evidence if doc.own_symbol else None,
        )
    return AddOutcome(action, work_id, version_id, row.label, doc.lang, passage_ids, stale)


def _version_fields(doc: IngestedDocument) -> dict[str, Any]:
    return {
        "title": doc.metadata.title,
        "date": doc.metadata.date,
        "lang_confidence": doc.lang_confidence,
        "needs_ocr": doc.needs_ocr,
        "primary_sha": doc.sha256,
        "text_z": doc.text_z,
        "n_chars": doc.n_chars,
    }


def _write_text(
    cat: CatalogueStore, version_id: int, doc: IngestedDocument
) -> list[tuple[int, int]]:
    ids = cat.insert_passages(version_id, doc.metadata.title, doc.passages)
    by_seq = {seq: pid for pid, seq in ids}
    cat.insert_citations(version_id, _with_passage_ids(doc.citations, by_seq))
    return ids


def _with_passage_ids(
    citations: list[tuple[int, Mention]], by_seq: dict[int, int]
) -> list[tuple[int | None, Mention]]:
    return [(by_seq.get(seq), mention) for seq, mention in citations]
