"""PDF files: the text layer of each page, with page spans, via PDFium (pypdfium2, BSD/Apache).

PDFium returns right-to-left text (Arabic) in logical order, which is what search needs; pypdf
gives it reversed. A PDF without a text layer (a scan) is not an error: it comes back with
``needs_ocr=True`` and empty text, for the OCR step. Truncated, corrupt and password-protected
files are refused with the reason.

The bytes are handed to PDFium as they are (no copy, no temporary file), and every PDFium
handle is closed before returning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.base import join_pages, meaningful_title
from unlib.ingest.parsers.pdf_lines import page_lines
from unlib.model import ParsedText

if TYPE_CHECKING:
    import pypdfium2

# PDFium marks a hyphen it judges to be a line-break hyphen with one of these instead of
# "-" plus a line break. UN documents do not hyphenate words, so such a hyphen is part of a
# compound ("multidrug-resistant") and is written back as "-".
_LINE_BREAK_HYPHENS: Final = str.maketrans({"\x02": "-", "\ufffe": "-"})
# A PDF ends with %%EOF; trailing junk after it is common, so look at the last kilobytes.
_EOF_WINDOW: Final = 4096
# Fewer visible characters than this on every page: treated as a scan without a text layer.
_MIN_CHARS_PER_PAGE: Final = 3


class PdfParser:
    formats: tuple[str, ...] = ("pdf",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        if b"%%EOF" not in data[-_EOF_WINDOW:]:
            raise Reject(
                "truncated PDF: the file ends before the PDF end marker (%%EOF); "
                "the download or copy was probably incomplete"
            )
        document = _open(data)
        warnings: list[str] = []
        try:
            page_texts = [_page_text(document, index, warnings) for index in range(len(document))]
            title = meaningful_title(_info_title(document))
        finally:
            document.close()
        blank = [n for n, page in enumerate(page_texts, 1) if _is_blank(page)]
        if len(blank) == len(page_texts):
            warnings.append(f"no text layer on any of its {len(page_texts)} pages: needs OCR")
            return ParsedText(text="", format="pdf", title=title, needs_ocr=True, warnings=warnings)
        if blank:
            warnings.append(f"pages without text (scanned or empty): {_page_list(blank)}")
        text, spans = join_pages(page_texts)
        return ParsedText(text=text, format="pdf", pages=spans, title=title, warnings=warnings)


def _is_blank(page: str) -> bool:
    return len("".join(page.split())) < _MIN_CHARS_PER_PAGE


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:20])
    return shown + (f" and {len(numbers) - 20} more" if len(numbers) > 20 else "")


def _open(data: bytes) -> pypdfium2.PdfDocument:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Reject("password-protected PDF: ask the sender for an unprotected copy") from None
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise Reject(
                "PDF uses an unsupported encryption scheme: save an unprotected copy"
            ) from None
        raise Reject(f"corrupt PDF: it cannot be opened ({exc})") from None


def _page_text(document: pypdfium2.PdfDocument, index: int, warnings: list[str]) -> str:
    import pypdfium2

    try:
        page = document[index]
    except pypdfium2.PdfiumError:
        warnings.append(f"page {index + 1} is damaged and was skipped")
        return ""
    try:
        textpage = page.get_textpage()
        try:
            return "\n".join(_lines(textpage, index, warnings)).translate(_LINE_BREAK_HYPHENS)
        finally:
            textpage.close()
    except pypdfium2.PdfiumError:
        warnings.append(f"page {index + 1}: its text layer could not be read and was skipped")
        return ""
    finally:
        page.close()


def _lines(textpage: pypdfium2.PdfTextPage, index: int, warnings: list[str]) -> list[str]:
    import pypdfium2

    try:
        return page_lines(textpage)
    except pypdfium2.PdfiumError:
        # Character geometry unavailable: keep the plain text, without indents.
        warnings.append(f"page {index + 1}: read without layout details")
        return textpage.get_text_range().splitlines()


def _info_title(document: pypdfium2.PdfDocument) -> str | None:
    try:
        return document.get_metadata_value("Title") or None
    except Exception:  # a broken Info dictionary must not cost us the text
        return None
