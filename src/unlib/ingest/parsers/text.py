"""Plain text and Markdown: find the encoding, keep the text as it is.

Encodings are tried from the most to the least certain: a byte-order mark, UTF-16 without a
BOM (NUL in every other byte), strict UTF-8, and only then a guess among the legacy encodings
UN texts were actually saved in (GB18030/GBK and Big5 for Chinese, Windows-1251 and KOI8-R
for Russian, Windows-1256 for Arabic, Windows-1252 for the Latin languages). A guess that does
not read as language is refused rather than indexed as mojibake.

Form feeds (page breaks in text exported from PDF) become page boundaries. Markdown syntax is
kept: a link such as ``[A/AC.198/2023/2](#)`` still shows the symbol a later step will find.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath
from typing import Final

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.base import join_pages, meaningful_title
from unlib.ingest.sniff import utf16_without_bom
from unlib.model import ParsedText

LEGACY_ENCODINGS: Final = ["gb18030", "big5", "cp1251", "koi8_r", "cp1256", "cp1252"]
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MARKDOWN_TITLE: Final = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


class TextParser:
    formats: tuple[str, ...] = ("text",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        text, encoding = decode_bytes(data)
        if not text.strip():
            raise Reject("empty file")
        warnings = [] if encoding in {"utf-8", "ascii"} else [f"decoded as {encoding}"]
        pages = text.split("\f")
        joined, spans = join_pages(pages)
        if not joined.strip():
            raise Reject("empty file: only invisible or control characters")
        return ParsedText(
            text=joined,
            format="text",
            pages=spans if len(pages) > 1 else None,
            title=_markdown_title(joined, name),
            warnings=warnings,
        )


def decode_text(data: bytes, name: str = "") -> str:
    """The text of ``data`` (BOM removed), decoded as :func:`decode_bytes` does.

    Raises :class:`Reject` when no encoding reads it plausibly; ``name`` goes in the reason.
    """
    try:
        return decode_bytes(data)[0]
    except Reject as exc:
        if not name:
            raise
        raise Reject(f"{exc.reason} ({name})") from None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns the text (BOM removed) and the encoding used.

    Raises :class:`Reject` when no encoding reads it plausibly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, f"with a {encoding.upper()} byte-order mark")
    if b"\x00" in data[:8192]:
        utf16 = utf16_without_bom(data[:8192])
        if utf16 is None:
            raise Reject("not a document: binary data of unknown type")
        return _strict(data, utf16, "(detected from its byte pattern)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_legacy(data)


def _strict(data: bytes, encoding: str, how: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise Reject(
            f"cannot decode text: the file says it is {encoding.upper()} {how} but byte "
            f"{exc.start} is invalid; re-save it as UTF-8"
        ) from None


def _guess_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise Reject("cannot decode text: not UTF-8 and no plausible legacy encoding")
    return str(best), best.encoding


def _markdown_title(text: str, name: str) -> str | None:
    if PurePath(name).suffix.lower() not in {".md", ".markdown"}:
        return None
    match = _MARKDOWN_TITLE.search(text[:4000])
    return meaningful_title(match.group(1)) if match else None
