"""The parser registry and ``parse_file``: dispatch by format, lazy loading, plug-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlib.ingest.errors import Reject
from unlib.ingest.parsers import ParserRegistry, parse_file, registry
from unlib.ingest.parsers.base import Parser, join_pages, meaningful_title
from unlib.ingest.sniff import Sniffed, sniff
from unlib.model import ParsedText


class ShoutingParser:
    """A tiny in-test parser: the registry accepts anything with ``formats`` and ``parse``."""

    formats: tuple[str, ...] = ("text",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        return ParsedText(text=data.decode().upper(), format="text")


class BrokenParser:
    formats: tuple[str, ...] = ("text",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        raise ValueError("unexpected structure at byte 12")


def test_every_sniffed_format_has_a_parser() -> None:
    assert registry.formats() == ["docx", "html", "pdf", "text"]
    for fmt in registry.formats():
        assert isinstance(registry.get(fmt), Parser)


def test_parsers_load_on_first_use() -> None:
    fresh = ParserRegistry()
    fresh.register("pdf", "unlib.ingest.parsers.pdf:PdfParser")
    assert fresh._loaded == {}
    parser = fresh.get("pdf")
    assert fresh._loaded == {"pdf": parser} and fresh.get("pdf") is parser


def test_unknown_format_is_a_clear_rejection() -> None:
    with pytest.raises(Reject, match="no parser for ocr files"):
        parse_file(b"x", Sniffed("ocr", "image/tiff"), "scan.tif")
    with pytest.raises(KeyError, match="known: "):
        ParserRegistry().get("pdf")


def test_later_registration_replaces_the_parser() -> None:
    fresh = ParserRegistry()
    fresh.register("text", "unlib.ingest.parsers.text:TextParser")
    fresh.register("text", ShoutingParser())
    assert fresh.get("text").parse(b"quiet", "a.txt").text == "QUIET"


def test_library_failures_become_rejections(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = ParserRegistry()
    fresh.register("text", BrokenParser())
    monkeypatch.setattr("unlib.ingest.parsers.registry", fresh)
    with pytest.raises(Reject, match=r"could not read the TEXT file 'x.txt'.*byte 12"):
        parse_file(b"hello", Sniffed("text", "text/plain"), "x.txt")


def test_dispatch_on_real_files(shared_data: Path) -> None:
    for path in [
        shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf",
        shared_data / "zh-reports" / "002_154014945e581d1e.txt",
    ]:
        data = path.read_bytes()
        sniffed = sniff(data[:8192], path.name)
        parsed = parse_file(data, sniffed, path.name)
        assert parsed.format == sniffed.format and parsed.text


def test_join_pages_normalizes_each_page_and_keeps_spans() -> None:
    text, spans = join_pages(["First\r\npage\u00a0one\n", "\n\nSecond  page"])
    assert text == "First\npage one\n\nSecond page"
    assert [text[s:e] for s, e in spans] == ["First\npage one", "Second page"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Microsoft Word - N1816895.docx", None),
        ("N1816895", None),
        ("1816895", None),
        ("untitled", None),
        ("report_final.pdf", None),
        ("  ", None),
        (None, None),
        ("A/RES/73/3", "A/RES/73/3"),
        ("Political  declaration on tuberculosis", "Political declaration on tuberculosis"),
    ],
)
def test_meaningful_title(raw: str | None, expected: str | None) -> None:
    assert meaningful_title(raw) == expected
