"""Plain-text parser: encodings found from BOMs, strict UTF-8 and plausible legacy code pages."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.text import TextParser, decode_bytes, decode_text
from unlib.text.normalize import normalize_extracted


def _parse(data: bytes, name: str = "doc.txt") -> str:
    return TextParser().parse(data, name).text


@pytest.fixture(scope="module")
def chinese_report(shared_data: Path) -> str:
    return (shared_data / "zh-reports" / "000_e50f63f2d723d7aa.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def russian_charter(shared_data: Path) -> str:
    return (shared_data / "un-charter" / "un_charter_ru.txt").read_text(encoding="utf-8")


def test_utf8_file_reads_as_is(chinese_report: str) -> None:
    parsed = TextParser().parse(chinese_report.encode(), "000.txt")
    assert parsed.text == normalize_extracted(chinese_report).strip("\n")
    assert parsed.warnings == [] and parsed.pages is None and parsed.format == "text"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_decide_and_are_dropped(bom: bytes, encoding: str) -> None:
    sentence = "安全理事会，重申其承诺。\nThe Council reaffirms its commitment."
    assert _parse(bom + sentence.encode(encoding)) == sentence


def test_utf16_without_bom_is_recognised() -> None:
    sentence = "The General Assembly decides to include the item in its agenda."
    assert decode_bytes(sentence.encode("utf-16-le")) == (sentence, "utf-16-le")
    assert decode_bytes(sentence.encode("utf-16-be")) == (sentence, "utf-16-be")


def test_gb18030_chinese_report_is_decoded(chinese_report: str) -> None:
    sample = chinese_report[:4000]
    text, encoding = decode_bytes(sample.encode("gb18030"))
    assert text == sample and encoding == "gb18030"
    parsed = TextParser().parse(sample.encode("gb18030"), "report.txt")
    assert parsed.warnings == ["decoded as gb18030"]


def test_cp1251_russian_charter_is_decoded(russian_charter: str) -> None:
    sample = russian_charter[:4000]
    text, encoding = decode_bytes(sample.encode("cp1251"))
    assert text == sample and encoding == "cp1251"


def test_cp1256_arabic_charter_is_decoded(shared_data: Path) -> None:
    arabic = (shared_data / "un-charter" / "un_charter_ar.txt").read_text(encoding="utf-8")
    sample = arabic[:3000]
    encodable = sample.encode("cp1256", errors="ignore")
    assert decode_bytes(encodable) == (encodable.decode("cp1256"), "cp1256")


def test_undecodable_bytes_are_rejected() -> None:
    junk = bytes(b for b in os.urandom(6000) if b not in (0, 10, 13))
    with pytest.raises(Reject, match="cannot decode text"):
        decode_bytes(b"\x81\x30" + junk)


def test_decode_text_names_the_file_in_the_reason() -> None:
    with pytest.raises(Reject, match=r"\(bad\.txt\)"):
        decode_text(b"\xef\xbb\xbfvalid start \xff\xfe\xfd broken", "bad.txt")


def test_markdown_links_stay_as_text_and_title_is_read() -> None:
    markdown = "# Outreach report\n\nSee [A/AC.198/2023/2](#) and [A/AC.198/2023/3](#).\n"
    parsed = TextParser().parse(markdown.encode(), "report.md")
    assert "[A/AC.198/2023/2](#)" in parsed.text
    assert parsed.title == "Outreach report"
    assert TextParser().parse(markdown.encode(), "report.txt").title is None


def test_form_feeds_become_pages() -> None:
    parsed = TextParser().parse(b"First page text.\fSecond page text.\f", "export.txt")
    assert parsed.pages is not None and len(parsed.pages) == 3
    assert [parsed.text[s:e] for s, e in parsed.pages] == [
        "First page text.",
        "Second page text.",
        "",
    ]


def test_empty_and_invisible_files_are_rejected() -> None:
    with pytest.raises(Reject, match="empty file"):
        _parse(b"  \n \n")
    with pytest.raises(Reject, match="empty file"):
        _parse("\u200b\u200b\n\ufeff".encode())
