"""PDF parser: real GA resolutions, and small PDFs written by hand at test time.

The hand-written PDFs use a CID font with a ToUnicode map, which is how Word and most PDF
producers write Chinese and Arabic; the glyphs themselves are not embedded (text extraction
does not need them). ``build_pdf`` is also used by the layout tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from unlib.ingest.errors import Reject
from unlib.ingest.parsers import parse_file
from unlib.ingest.parsers.pdf import PdfParser
from unlib.ingest.sniff import sniff
from unlib.model import ParsedText

# A printed line: x, y and text. Digits after "^" are set as a superscript (smaller, raised);
# mode "rtl" writes the glyphs right to left, the way producers store Arabic runs.
Line = tuple[float, float, str] | tuple[float, float, str, str]
FONT_SIZE = 10


def build_pdf(
    pages: list[list[Line]],
    *,
    title: str | None = None,
    encrypted: bool = False,
    drawing_only: bool = False,
) -> bytes:
    """A minimal valid PDF with the given lines of text on each page."""
    chars = sorted({c for page in pages for line in page for c in line[2] if c != "^"} | {" "})
    cid = {char: index + 1 for index, char in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:  # appends an object, returns its number
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    font = add(_font_objects(cid, add))
    pages_id = len(objects) + 2 * len(pages) + 1
    page_ids = []
    for page in pages:
        content = b"0 0 1 rg 100 100 300 400 re f" if drawing_only else _content(page, cid)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F0 {font} 0 R >> >> /Contents {stream} 0 R >>"
            )
        )
    kids = " ".join(f"{page} 0 R" for page in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>") == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    trailer = f"/Root {catalog} 0 R"
    if title is not None:
        trailer += f" /Info {add(f'<< /Title ({title}) >>')} 0 R"
    if encrypted:  # standard security handler whose check values match no password
        key = hashlib.md5(b"unlib").hexdigest() * 2
        trailer += (
            f" /Encrypt {add(f'<< /Filter /Standard /V 1 /R 2 /O <{key}> /U <{key}> /P -4 >>')}"
            f" 0 R /ID [<{key[:32]}> <{key[:32]}>]"
        )
    return _serialize(objects, trailer)


def _font_objects(cid: dict[str, int], add: Callable[[str], int]) -> str:
    pairs = "\n".join(f"<{code:04X}> <{ord(char):04X}>" for char, code in cid.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(cid)} beginbfchar\n{pairs}\nendbfchar endcmap "
        "CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = add(f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream")
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /TestFont /Flags 4 /FontBBox [0 -200 1000 800] "
        "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    descendant = add(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestFont /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 600 /CIDToGIDMap /Identity >>"
    )
    return (
        "<< /Type /Font /Subtype /Type0 /BaseFont /TestFont /Encoding /Identity-H "
        f"/DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>"
    )


def _content(page: list[Line], cid: dict[str, int]) -> bytes:
    operations = []
    for line in page:
        x, y, text = line[0], line[1], line[2]
        if len(line) == 4 and line[3] == "rtl":
            text = text[::-1]
        parts = [f"BT {x} {y} Td"]
        for index, piece in enumerate(text.split("^")):
            if index:  # the digits right after "^" are a raised, smaller footnote number
                digits = len(piece) - len(piece.lstrip("0123456789"))
                parts.append(f"/F0 {FONT_SIZE * 0.6:.1f} Tf 4 Ts <{_hex(piece[:digits], cid)}> Tj")
                piece = piece[digits:]
            if piece:
                parts.append(f"/F0 {FONT_SIZE} Tf 0 Ts <{_hex(piece, cid)}> Tj")
        operations.append(" ".join([*parts, "ET"]))
    return "\n".join(operations).encode("latin-1")


def _hex(text: str, cid: dict[str, int]) -> str:
    return "".join(f"{cid[char]:04X}" for char in text)


def _serialize(objects: list[bytes], trailer: str) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def parse_pdf(data: bytes, name: str = "test.pdf") -> ParsedText:
    return parse_file(data, sniff(data[:8192], name), name)


@pytest.fixture(scope="module")
def ga_pdf(shared_data: Path) -> bytes:
    return (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf").read_bytes()


def test_real_resolution_gives_text_per_page(ga_pdf: bytes) -> None:
    parsed = parse_pdf(ga_pdf)
    assert parsed.format == "pdf" and not parsed.needs_ocr
    assert parsed.pages is not None and len(parsed.pages) == 10
    previous_end = -1
    for start, end in parsed.pages:
        assert previous_end < start <= end <= len(parsed.text)
        previous_end = end
    first_page = parsed.text[slice(*parsed.pages[0])]
    assert "A/RES/73/3" in first_page and "Political declaration" in first_page
    last_page = parsed.text[slice(*parsed.pages[-1])]
    assert "53. Also request the Secretary-General" in last_page


def test_superscript_footnote_references_are_set_apart(shared_data: Path) -> None:
    data = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf").read_bytes()
    text = parse_pdf(data).text
    # PDFium alone gives "Development,2 of" and "2015–20303and".
    assert "Development, 2 of the Sendai" in text
    assert "2015–2030 3 and" in text


def test_first_line_indents_are_marked(shared_data: Path) -> None:
    data = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf").read_bytes()
    lines = parse_pdf(data).text.split("\n")
    assert " Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of" in lines
    continuation = next(line for line in lines if line.startswith("10 December 1982"))
    assert not continuation.startswith(" ")


def test_line_break_hyphen_marker_becomes_a_hyphen(shared_data: Path) -> None:
    data = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf").read_bytes()
    text = parse_pdf(data).text
    assert "twenty-first century" in text
    assert "\x02" not in text and "\ufffe" not in text


def test_junk_info_title_is_ignored_and_real_title_kept() -> None:
    lines: list[Line] = [(72, 700, "A short test page.")]
    assert parse_pdf(build_pdf([lines], title="Microsoft Word - N1816895.docx")).title is None
    assert parse_pdf(build_pdf([lines], title="Annual report 2024")).title == "Annual report 2024"


def test_truncated_pdf_is_rejected(ga_pdf: bytes) -> None:
    with pytest.raises(Reject, match="truncated PDF"):
        parse_pdf(ga_pdf[: len(ga_pdf) // 2])


def test_corrupt_pdf_is_rejected() -> None:
    damaged = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    with pytest.raises(Reject, match="corrupt PDF"):
        parse_pdf(damaged)


def test_password_protected_pdf_is_rejected() -> None:
    data = build_pdf([[(72, 700, "Secret text.")]], encrypted=True)
    with pytest.raises(Reject, match="password-protected"):
        parse_pdf(data)


def test_pdf_without_text_layer_needs_ocr() -> None:
    parsed = parse_pdf(build_pdf([[], []], drawing_only=True))
    assert parsed.needs_ocr and parsed.text == "" and parsed.pages is None
    assert "needs OCR" in parsed.warnings[0]


def test_partly_scanned_pdf_warns_about_the_pages_without_text() -> None:
    pages: list[list[Line]] = [[(72, 700, "Page one has words.")], [], [(72, 700, "Page three.")]]
    parsed = parse_pdf(build_pdf(pages))
    assert not parsed.needs_ocr
    assert parsed.warnings == ["pages without text (scanned or empty): 2"]
    assert parsed.pages is not None and len(parsed.pages) == 3


def test_chinese_text_is_extracted_with_its_indents() -> None:
    lines: list[Line] = [
        (72, 700, "安全理事会，"),
        (96, 680, "回顾其以往关于该问题的各项决议，"),
        (72, 665, "重申对该地区所有国家的主权的承诺，"),
        (72, 650, "决定继续积极处理此案。"),
    ]
    parsed = parse_pdf(build_pdf([lines]))
    assert parsed.text.split("\n") == [
        "安全理事会，",
        " 回顾其以往关于该问题的各项决议，",  # indented: a paragraph starts here
        "重申对该地区所有国家的主权的承诺，",
        "决定继续积极处理此案。",
    ]


def test_arabic_stored_right_to_left_comes_out_in_reading_order() -> None:
    sentence = "إن مجلس الأمن، إذ يشير إلى قراراته السابقة"
    parsed = parse_pdf(build_pdf([[(100, 700, sentence, "rtl")]]))
    assert parsed.text.strip() == sentence


def test_parser_is_registered_and_declares_its_format() -> None:
    assert PdfParser.formats == ("pdf",)
