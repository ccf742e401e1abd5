"""Word parser: documents built with python-docx at test time (own sentences, UN Charter text)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.docx import FOOTNOTE_SEPARATOR, DocxParser
from unlib.ingest.parsers.docx_numbering import format_number

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parse(data: bytes) -> list[str]:
    return DocxParser().parse(data, "test.docx").text.split("\n\n")


def test_charter_paragraphs_come_back_in_order(shared_data: Path) -> None:
    charter = (shared_data / "un-charter" / "un_charter_en.txt").read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in charter.splitlines() if line.strip()][:40]
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    assert _parse(_save(document)) == paragraphs


def test_tables_headers_and_title() -> None:
    document = docx.Document()
    document.core_properties.title = "Report of the Committee on Information"
    section = document.sections[0]
    section.header.paragraphs[0].text = "A/AC.198/2099/1 running header"
    section.footer.paragraphs[0].text = "99-12345 (E) 010199"
    document.add_heading("I. Introduction", level=1)
    document.add_paragraph("The Committee met in person this year.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Meetings held"
    table.cell(0, 1).text = "12"
    table.cell(1, 0).paragraphs[0].text = "Languages"
    table.cell(1, 1).text = "6"
    document.add_paragraph("The report ends here.")
    parsed = DocxParser().parse(_save(document), "report.docx")
    assert parsed.text.split("\n\n") == [
        "I. Introduction",
        "The Committee met in person this year.",
        "Meetings held",
        "12",
        "Languages",
        "6",
        "The report ends here.",
    ]
    assert parsed.title == "Report of the Committee on Information"
    assert "running header" not in parsed.text and "99-12345" not in parsed.text


def test_automatic_numbering_is_written_out() -> None:
    document = docx.Document()
    document.add_paragraph("The Assembly decides as follows.")
    for sentence in ("Welcomes the report;", "Requests a follow-up;", "Decides to continue."):
        document.add_paragraph(sentence, style="List Number")
    assert _parse(_save(document))[1:] == [
        "1. Welcomes the report;",
        "2. Requests a follow-up;",
        "3. Decides to continue.",
    ]


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 2, 27)] == ["a", "b", "aa"]
    assert format_number(14, "lowerRoman") == "xiv"
    assert format_number(4, "upperRoman") == "IV"
    assert [format_number(n, "chineseCounting") for n in (3, 10, 12, 40)] == [
        "三",
        "十",
        "十二",
        "四十",
    ]
    assert format_number(12, "hindiNumbers") == "١٢"


def test_tracked_deletions_are_left_out_and_insertions_kept() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("The Council ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="1" w:author="x"><w:r><w:delText>rejects</w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:ins {W_NS} w:id="2" w:author="x"><w:r><w:t>welcomes</w:t></w:r></w:ins>')
    )
    paragraph.add_run(" the plan.")
    assert _parse(_save(document)) == ["The Council welcomes the plan."]


def test_footnotes_follow_the_body_numbered_by_reference() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Recalling its earlier decision")
    paragraph._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="7"/></w:r>'))
    paragraph.add_run(", the Assembly acts.")
    data = _with_footnotes(_save(document), {7: "See document A/99/1."})
    assert _parse(data) == [
        "Recalling its earlier decision, the Assembly acts.",
        FOOTNOTE_SEPARATOR,
        "1 See document A/99/1.",
    ]


def _with_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """Add a footnotes part to a saved .docx (python-docx cannot write footnotes)."""
    separator = f'<w:footnote {W_NS} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    bodies = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for note_id, text in notes.items()
    )
    footnotes = f"<w:footnotes {W_NS}>{separator}{bodies}</w:footnotes>".encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return buffer.getvalue()


def test_truncated_package_is_rejected() -> None:
    document = docx.Document()
    document.add_paragraph("Some text for a file that will be cut short.")
    data = _save(document)
    with pytest.raises(Reject, match="corrupt or truncated ZIP"):
        DocxParser().parse(data[: len(data) // 2], "cut.docx")


def test_zip_without_word_document_is_rejected() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(Reject, match=r"Excel workbook \(\.xlsx\)"):
        DocxParser().parse(buffer.getvalue(), "budget.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes/readme.txt", "hello")
    with pytest.raises(Reject, match="no word/document.xml"):
        DocxParser().parse(buffer.getvalue(), "archive.zip")


def test_document_without_text_is_rejected() -> None:
    with pytest.raises(Reject, match="contains no text"):
        DocxParser().parse(_save(docx.Document()), "blank.docx")
