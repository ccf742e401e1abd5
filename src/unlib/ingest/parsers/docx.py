"""Word .docx files: body paragraphs in reading order, tables cell by cell, then the footnotes.

Running headers and footers live in their own parts and are not read: they repeat the symbol
and job number on every page. Paragraph numbers that Word generates (automatic numbering) are
written out, because UN paragraphs are cited by number ("para. 12"). Tracked deletions are
left out, insertions kept. Footnotes follow the body after a separator line, numbered in the
order they are referenced, the way they print.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import TYPE_CHECKING, Final

from lxml import etree

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.base import join_pages, meaningful_title
from unlib.ingest.parsers.docx_numbering import ListNumbering, W, wval
from unlib.model import ParsedText

if TYPE_CHECKING:
    from docx.document import Document

FOOTNOTE_SEPARATOR: Final = "__________________"
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS: Final = {"w": W, "mc": _MC}
_FOOTNOTES_REL: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
)
# Runs of text in reading order, without deleted/moved-away text or compatibility fallbacks.
_TEXT_NODES: Final = etree.XPath(
    "(.//w:t | .//w:tab | .//w:br | .//w:cr | .//w:noBreakHyphen)"
    "[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]",
    namespaces=_NS,
)
_CONTAINERS: Final = frozenset(
    f"{{{W}}}{tag}" for tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "smartTag")
)
_SKIPPED_FOOTNOTE_TYPES: Final = {"separator", "continuationSeparator", "continuationNotice"}


class DocxParser:
    formats: tuple[str, ...] = ("docx",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        document = open_word_document(data)
        body = document.element.body
        numbering = ListNumbering.from_document(document)
        paragraphs = [text for p in _paragraphs(body) if (text := _render(p, numbering))]
        footnotes = _footnotes(document, body)
        if footnotes:
            paragraphs += [FOOTNOTE_SEPARATOR, *footnotes]
        text, _ = join_pages(["\n\n".join(paragraphs)])
        if not text.strip():
            raise Reject("the Word document contains no text (it may hold only images)")
        return ParsedText(
            text=text, format="docx", title=meaningful_title(document.core_properties.title)
        )


def open_word_document(data: bytes) -> Document:
    """Open ``data`` with python-docx, or reject it saying what the file really is."""
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, zlib.error, ValueError):
        raise Reject("corrupt or truncated ZIP file: not a readable Word .docx document") from None
    if "word/document.xml" not in names:
        raise Reject(_not_word_reason(names))
    import docx

    try:
        return docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, KeyError, etree.XMLSyntaxError) as exc:
        raise Reject(f"damaged Word .docx file: {exc}") from None
    except ValueError as exc:  # python-docx: "... is not a Word file, content type is ..."
        raise Reject(f"not a Word .docx document ({exc}); save it as .docx or PDF") from None


def _not_word_reason(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "an Excel workbook (.xlsx) is not a document: save it as PDF to ingest it"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation (.pptx) is not supported: save it as PDF"
    if "content.xml" in names and "mimetype" in names:
        return "OpenDocument files (.odt) are not supported yet: save it as .docx or PDF"
    return (
        "a ZIP archive, not a Word document (no word/document.xml): unpack it and ingest "
        "the documents inside"
    )


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Every w:p under ``container`` in reading order, entering tables and content controls."""
    for child in container:
        if child.tag == f"{{{W}}}p":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _paragraphs(child)


def _render(paragraph: etree._Element, numbering: ListNumbering) -> str:
    parts: list[str] = []
    nodes = _TEXT_NODES(paragraph)
    for node in nodes if isinstance(nodes, list) else []:
        if not isinstance(node, etree._Element):
            continue
        local = etree.QName(node).localname
        if local == "t":
            parts.append(node.text or "")
        elif local == "tab":
            parts.append("\t")
        elif local == "noBreakHyphen":
            parts.append("-")
        else:  # br / cr: a line break inside the paragraph (page breaks too)
            parts.append("\n")
    text = "".join(parts).strip()
    if not text:
        return ""
    label = numbering.label(paragraph)
    return f"{label} {text}" if label else text


def _footnotes(document: Document, body: etree._Element) -> list[str]:
    """Footnote texts as "N text", numbered by first reference in the body."""
    part = next(
        (r.target_part for r in document.part.rels.values() if r.reltype == _FOOTNOTES_REL),
        None,
    )
    if part is None:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(part.blob, parser)
    order: dict[str | None, int] = {}
    for ref in body.iterfind(".//w:footnoteReference", _NS):
        order.setdefault(wval(ref, "id"), len(order) + 1)
    notes: list[tuple[int, str]] = []
    for note in root.iterfind("w:footnote", _NS):
        note_id = wval(note, "id")
        if wval(note, "type") in _SKIPPED_FOOTNOTE_TYPES or note_id not in order:
            continue
        text = " ".join(t for p in _paragraphs(note) if (t := _render(p, ListNumbering())))
        if text:
            notes.append((order[note_id], f"{order[note_id]} {text}"))
    return [text for _, text in sorted(notes)]
