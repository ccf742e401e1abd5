"""Format sniffing: magic bytes decide, the file name is only a hint."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from unlib.ingest.errors import Reject
from unlib.ingest.sniff import Sniffed, sniff


def _zip(members: dict[str, bytes], stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if stored_first is not None:
            archive.writestr(stored_first, members.pop(stored_first), zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _reason(head: bytes, name: str) -> str:
    with pytest.raises(Reject) as caught:
        sniff(head, name)
    return caught.value.reason


def test_real_pdf_is_pdf(shared_data: Path) -> None:
    head = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf").read_bytes()[:8192]
    assert sniff(head, "A_RES_73_3-EN.pdf") == Sniffed("pdf", "application/pdf")


def test_content_wins_over_the_extension(shared_data: Path) -> None:
    pdf_head = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf").read_bytes()[:8192]
    assert sniff(pdf_head, "report.txt").format == "pdf"
    error_page = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>"
    assert sniff(error_page, "A_RES_73_3-EN.pdf").format == "html"


def test_real_text_files_are_text(shared_data: Path) -> None:
    for path in sorted((shared_data / "zh-reports").glob("*.txt")):
        assert sniff(path.read_bytes()[:8192], path.name) == Sniffed("text", "text/plain")
    charter = (shared_data / "un-charter" / "un_charter_ar.txt").read_bytes()[:8192]
    assert sniff(charter, "notes.md") == Sniffed("text", "text/markdown")


def test_utf16_text_with_and_without_bom_is_text() -> None:
    sentence = "The Council met twice this week."
    assert sniff(sentence.encode("utf-16"), "a.txt").format == "text"
    assert sniff(sentence.encode("utf-16-le"), "a.txt").format == "text"
    assert sniff(sentence.encode("utf-16-be"), "a.txt").format == "text"


def test_html_variants() -> None:
    assert sniff(b"  \n<html><body><p>Hello</p></body></html>", "x").format == "html"
    assert sniff(b"<!-- saved page -->\n<div>Text</div>", "x").format == "html"
    xhtml = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    assert sniff(xhtml, "page.xml") == Sniffed("html", "application/xhtml+xml")
    bom_html = "\ufeff<html><p>Résumé</p></html>".encode()
    assert sniff(bom_html, "x.htm").format == "html"


def test_a_long_run_of_blank_space_is_left_to_the_text_parser() -> None:
    # Only the first 8 KiB are seen here; text may follow the blank start.
    assert sniff(b" " * 8192, "padded.txt").format == "text"


def test_zip_is_handed_to_the_word_parser() -> None:
    docx_like = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    assert sniff(docx_like[:8192], "letter.docx").format == "docx"


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"", "empty.pdf", "empty file"),
        (b"   \n\t\r\n  ", "blank.txt", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "scan.pdf", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.jpg", "JPEG image"),
        (b"II*\x00\x08\x00\x00\x00", "scan.tif", "TIFF image"),
        (b"GIF89a\x01\x00\x01\x00", "logo.gif", "GIF image"),
        (b"{\\rtf1\\ansi Some text}", "memo.rtf", "RTF file is not supported yet"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "docs.tar.gz", "gzip"),
        (b"<?xml version='1.0'?><collection><record/></collection>", "x.xml", "XML data"),
        (b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>", "x.svg", "SVG"),
    ],
)
def test_unsupported_inputs_are_rejected_with_a_reason(
    head: bytes, name: str, expected: str
) -> None:
    assert expected in _reason(head, name)


def test_legacy_office_files_are_named() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    word = ole + "WordDocument".encode("utf-16-le")
    assert _reason(word, "letter.bin") == (
        "legacy Word 97-2003 .doc is not supported yet: save it as .docx or PDF"
    )
    assert "Excel" in _reason(ole, "budget.xls")
    assert "legacy Microsoft Office" in _reason(ole, "unknown.bin")


def test_opendocument_and_epub_are_named() -> None:
    odt = _zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
        stored_first="mimetype",
    )
    assert ".odt" in _reason(odt[:8192], "report.odt")
    epub = _zip({"mimetype": b"application/epub+zip", "a.xhtml": b"<x/>"}, "mimetype")
    assert "EPUB" in _reason(epub[:8192], "book.epub")


def test_random_bytes_are_binary_data() -> None:
    rng_bytes = os.urandom(8192)
    assert _reason(rng_bytes, "mystery.pdf") == "not a document: binary data of unknown type"
    no_nul = bytes(b for b in os.urandom(8192) if b) or b"\x01\x02"
    assert _reason(no_nul, "mystery.txt") == "not a document: binary data of unknown type"
