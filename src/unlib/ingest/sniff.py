"""What kind of file this is, decided from its first bytes (the name is only a hint).

Files arrive with wrong or missing extensions (a ``.pdf`` that is an HTML error page, a Word
file saved as ``.txt``), so magic bytes decide. Formats we cannot ingest are refused here with a
reason a librarian can act on; formats we can ingest get a :class:`Sniffed` that the parser
registry dispatches on. Whether a ZIP is really a Word package is checked by the DOCX parser,
which has the whole file (the central directory sits at the end of a ZIP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

from unlib.ingest.errors import Reject

HEAD_SIZE: Final = 8192  # how much of the file the pipeline hands to sniff()
MEDIA_TYPES: Final = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "text": "text/plain",
}

# (magic prefix, what it is, what to do) for formats we recognise but do not ingest.
_UNSUPPORTED_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image: scanned pages must be saved as PDF to be ingested"),
    (b"\xff\xd8\xff", "a JPEG image: scanned pages must be saved as PDF to be ingested"),
    (b"GIF87a", "a GIF image: scanned pages must be saved as PDF to be ingested"),
    (b"GIF89a", "a GIF image: scanned pages must be saved as PDF to be ingested"),
    (b"II*\x00", "a TIFF image: scanned pages must be saved as PDF to be ingested"),
    (b"MM\x00*", "a TIFF image: scanned pages must be saved as PDF to be ingested"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image: save the scan as PDF to ingest it"),
    (b"{\\rtf", "an RTF file is not supported yet: save it as .docx or PDF"),
    (b"\x1f\x8b", "a gzip-compressed file: unpack it and ingest the documents inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it and ingest the documents inside"),
    (b"Rar!\x1a\x07", "a RAR archive: unpack it and ingest the documents inside"),
    (b"%!PS", "a PostScript file is not supported: convert it to PDF"),
)
_PDF_HEADER: Final = re.compile(rb"%PDF-\d\.\d")
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_UTF_BOMS: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Tags that only HTML documents start with (after an optional XML declaration or comments).
_HTML_START: Final = re.compile(
    rb"^(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|h[1-6]|table|base)\b",
    re.IGNORECASE | re.DOTALL,
)
_SVG: Final = re.compile(rb"<svg\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sniffed:
    """The format a parser will read the file as (pdf | docx | html | text) and its MIME type."""

    format: str
    media_type: str


def sniff(head: bytes, name: str) -> Sniffed:
    """Decide the format from ``head`` (the first 8 KiB); ``name`` only breaks ties.

    Raises :class:`Reject` for empty files, binary data and formats we do not ingest.
    """
    if not head.strip():
        if len(head) < HEAD_SIZE:
            raise Reject("empty file")
        return _sniffed("text")  # whitespace so far: the text parser reads the rest
    if head.startswith(_ZIP_MAGIC):
        return _sniff_zip(head)
    if head.startswith(_OLE_MAGIC):
        raise Reject(_legacy_office_reason(head, name))
    if _PDF_HEADER.search(head, 0, 1024):  # readers accept junk before the header
        return _sniffed("pdf")
    for magic, reason in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise Reject(f"not a document: {reason}")
    if _is_webp_or_bmp(head):
        raise Reject("not a document: an image; scanned pages must be saved as PDF to be ingested")
    encoding = _text_encoding(head)
    if encoding is None:
        raise Reject("not a document: binary data of unknown type")
    return _sniff_markup(head, encoding, name)


def _sniffed(fmt: str, media_type: str | None = None) -> Sniffed:
    return Sniffed(format=fmt, media_type=media_type or MEDIA_TYPES[fmt])


def _sniff_zip(head: bytes) -> Sniffed:
    # The first member's name sits at offset 30 of the local header. OpenDocument and EPUB put
    # an uncompressed "mimetype" member first, so they can be named right away.
    if head[30:38] == b"mimetype":
        kind = head[38:120]
        if b"opendocument.text" in kind:
            raise Reject("OpenDocument text (.odt) is not supported yet: save it as .docx or PDF")
        if b"epub" in kind:
            raise Reject("EPUB e-books are not supported yet: save the book as PDF")
        raise Reject("not a Word document: an OpenDocument or other ZIP package")
    return _sniffed("docx")


def _legacy_office_reason(head: bytes, name: str) -> str:
    """Name the legacy Office format from the OLE directory entries if visible, else the name."""
    suffix = PurePath(name).suffix.lower()
    if "WordDocument".encode("utf-16-le") in head or suffix in {".doc", ".dot"}:
        return "legacy Word 97-2003 .doc is not supported yet: save it as .docx or PDF"
    if "Workbook".encode("utf-16-le") in head or suffix in {".xls", ".xlt"}:
        return "a legacy Excel 97-2003 .xls spreadsheet is not a document: save it as PDF"
    if "PowerPoint".encode("utf-16-le") in head or suffix in {".ppt", ".pps"}:
        return "a legacy PowerPoint 97-2003 .ppt file is not supported: save it as PDF"
    return "a legacy Microsoft Office 97-2003 file is not supported yet: save it as .docx or PDF"


def _is_webp_or_bmp(head: bytes) -> bool:
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    # "BM" alone is too common at the start of text; also require the reserved zero fields.
    return head[:2] == b"BM" and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00"


def _text_encoding(head: bytes) -> str | None:
    """A Python codec able to read ``head`` as text, or None when it looks binary."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith(_UTF_BOMS):
        return "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-16"
    if b"\x00" in head:
        return utf16_without_bom(head)
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return None if controls > len(head) * 0.01 else "ascii-compatible"


def utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when ``head`` looks like UTF-16 text without a BOM, else None."""
    # UTF-16 text of mostly ASCII/Latin has NUL in every other byte; anything else is binary.
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _sniff_markup(head: bytes, encoding: str, name: str) -> Sniffed:
    """HTML, other XML (refused) or plain text; ``head`` is known to be text."""
    if encoding.startswith(("utf-16", "utf-32")):
        sample = head.decode(encoding, errors="ignore").encode("utf-8")
    else:
        sample = head.removeprefix(b"\xef\xbb\xbf")
    sample = sample.lstrip()
    if sample.startswith(b"<?xml"):
        if b"<html" in sample.lower():
            return _sniffed("html", "application/xhtml+xml")
        if _SVG.search(sample[:2048]):
            raise Reject("not a document: an SVG image")
        raise Reject(
            "XML data is not a document format we ingest: export the document as PDF, "
            ".docx, HTML or plain text"
        )
    if _HTML_START.match(sample):
        return _sniffed("html")
    if PurePath(name).suffix.lower() in {".md", ".markdown"}:
        return _sniffed("text", "text/markdown")
    return _sniffed("text")
