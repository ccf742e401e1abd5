"""Turning one file into an :class:`~unlib.model.IngestedDocument`: the ordered steps.

This runs in worker processes, so it is a pure function of the file's bytes (plus writing the
original into the content-addressed store, which is idempotent). It never touches the
catalogue or the index: the parent process files the result atomically.

Steps: read → sniff → parse → normalize → detect language → clean layout → passages →
own symbol → metadata → document type → citations → analysis for the index.
Each step may raise :class:`~unlib.ingest.errors.Reject` with a reason for the librarian.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from unlib.ingest.doctype import classify_doc_type
from unlib.ingest.errors import Reject
from unlib.ingest.layout import clean_layout
from unlib.ingest.metadata import extract_metadata
from unlib.ingest.parsers import parse_file
from unlib.ingest.passages import split_passages
from unlib.ingest.sniff import sniff
from unlib.model import (
    UNDETERMINED,
    IngestedDocument,
    Mention,
    OwnSymbol,
    Passage,
)
from unlib.store.blobs import BlobStore
from unlib.symbols import extract, find_own_symbol, symbol_from_filename, try_parse
from unlib.text.analysis import prepare_for_index
from unlib.text.langid import detect_language

# A detection this sure overrides a language code in the file name.
_CONFIDENT = 0.9
_LANG_SUFFIX = re.compile(
    r"(?i)(?:^|[-_. ])(ar|zh|en|fr|ru|es|ara|chi|zho|eng|fre|fra|rus|spa)(?=$|[-_. ])"
)


def process_file(path: Path, sha256: str, blobs: BlobStore) -> IngestedDocument:
    """Run every ingestion step on one file; raises Reject with a reason when it cannot."""
    data = _read(path, sha256)
    sniffed = sniff(data[:8192], path.name)
    parsed = parse_file(data, sniffed, path.name)  # parsers normalize page by page
    symbol_in_name, lang_in_name = symbol_from_filename(path.name)
    lang, confidence = _language(parsed.text, lang_in_name)
    warnings = list(parsed.warnings)
    if lang_in_name and lang != lang_in_name:
        warnings.append(
            f"the file name says {lang_in_name!r} but the text reads as {lang!r}: filed as {lang!r}"
        )
    if not parsed.needs_ocr:
        parsed = clean_layout(parsed, lang)
    text = parsed.text
    passages = split_passages(text, lang, parsed.pages) if text else []
    own = _own_symbol(text, lang, parsed.pages, path.name, warnings)
    if own is None and symbol_in_name is not None:
        own = OwnSymbol(symbol_in_name.normalized, symbol_in_name.key, "filename", path.name)
    metadata = extract_metadata(
        text, lang, pages=parsed.pages, own=own, embedded_title=parsed.title, filename=path.name
    )
    citations = _citations(text, lang, own, metadata.body, passages)
    blobs.put_bytes(sha256, data, durable=False)  # the parent syncs before filing
    return IngestedDocument(
        sha256=sha256,
        source_path=str(path),
        original_name=path.name,
        size=len(data),
        format=sniffed.format,
        media_type=sniffed.media_type,
        lang=lang,
        lang_confidence=confidence,
        text_z=IngestedDocument.compress(text),
        n_chars=len(text),
        passages=passages,
        citations=citations,
        metadata=metadata,
        own_symbol=own,
        doc_type=classify_doc_type(own, metadata.title, text, lang),
        index_text=[_for_index(lang, p.text) for p in passages],
        index_title=prepare_for_index(lang, metadata.title) if metadata.title else None,
        filename_lang=lang_in_name,
        group_stem=group_stem(path.name) if lang_in_name else None,
        needs_ocr=parsed.needs_ocr,
        warnings=warnings,
    )


def _for_index(lang: str, text: str) -> str | None:
    prepared = prepare_for_index(lang, text)
    return None if prepared == text else prepared


def group_stem(name: str) -> str:
    """The file name without extension and language code: ``un_charter_ar.txt`` → ``un_charter``."""
    stem = Path(name).stem
    return _LANG_SUFFIX.sub("", stem).strip("-_. ") or stem


def _read(path: Path, sha256: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Reject(f"cannot read the file: {exc.strerror or exc}") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise Reject("the file changed while it was being ingested: ingest it again")
    return data


def _language(text: str, lang_in_name: str | None) -> tuple[str, float]:
    if not text.strip():
        return (lang_in_name or UNDETERMINED), (0.5 if lang_in_name else 0.0)
    lang, confidence = detect_language(text)
    if lang_in_name and lang != lang_in_name and confidence < _CONFIDENT:
        return lang_in_name, confidence
    return lang, confidence


def _own_symbol(
    text: str,
    lang: str,
    pages: list[tuple[int, int]] | None,
    name: str,
    warnings: list[str],
) -> OwnSymbol | None:
    if not text:
        return None
    own = find_own_symbol(text, lang, pages=pages, filename=name)
    in_name, _ = symbol_from_filename(name)
    if own and in_name and in_name.key != own.key:
        warnings.append(
            f"the file name says {in_name.normalized} but the document itself says "
            f"{own.symbol}: filed as {own.symbol}"
        )
    return own


def _citing_body(own: OwnSymbol | None, body: str | None) -> str | None:
    """The organ speaking in the text, e.g. "S" or "A/HRC", which decides bare references."""
    if own is not None:
        symbol = try_parse(own.symbol)
        if symbol is not None:
            if symbol.subsidiary and symbol.subsidiary[0] == "HRC":
                return f"{symbol.body}/HRC"
            return symbol.body
    return body


def _citations(
    text: str,
    lang: str,
    own: OwnSymbol | None,
    body: str | None,
    passages: list[Passage],
) -> list[tuple[int, Mention]]:
    if not text or not passages:
        return []
    mentions = extract(text, lang, body=_citing_body(own, body))
    starts = [p.start for p in passages]
    found: list[tuple[int, Mention]] = []
    for mention in mentions:
        if own is not None and mention.key == own.key:
            continue  # the document naming itself (running headers, its own title)
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0 or mention.start >= passages[index].end:
            # A mention in text between passages (a removed line) still counts for the
            # document, attached to the nearest passage before it.
            index = max(index, 0)
        found.append((passages[index].seq, mention))
    return found
