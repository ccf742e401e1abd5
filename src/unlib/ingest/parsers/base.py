"""The parser contract and the registry that picks a parser by format.

A parser turns the bytes of one file into :class:`~unlib.model.ParsedText`. Parsers are looked
up by the format :func:`unlib.ingest.sniff.sniff` decided on; the registry stores an import path
and imports the module on first use, so the PDF library is not loaded to read a text file and
new parsers (OCR, other formats) can be registered without touching this module.
"""

from __future__ import annotations

import importlib
import threading
from typing import Protocol, runtime_checkable

from unlib.model import ParsedText
from unlib.text.normalize import normalize_extracted

# Between pages in the joined text: a paragraph break, so no word spans two pages.
PAGE_SEPARATOR = "\n\n"


@runtime_checkable
class Parser(Protocol):
    """Reads one file format. ``formats`` names the sniffed formats it handles."""

    formats: tuple[str, ...]

    def parse(self, data: bytes, name: str) -> ParsedText:
        """Extract the text; raise :class:`unlib.ingest.errors.Reject` when it cannot."""
        ...


class ParserRegistry:
    """Format -> parser, with the parser's module imported lazily on first use."""

    def __init__(self) -> None:
        self._paths: dict[str, str] = {}
        self._loaded: dict[str, Parser] = {}
        self._lock = threading.Lock()

    def register(self, fmt: str, parser: Parser | str) -> None:
        """Register a parser instance, or an import path ``"package.module:ParserClass"``.

        A later registration for the same format replaces the earlier one (plugins win).
        """
        with self._lock:
            self._loaded.pop(fmt, None)
            self._paths.pop(fmt, None)
            if isinstance(parser, str):
                self._paths[fmt] = parser
            else:
                self._loaded[fmt] = parser

    def formats(self) -> list[str]:
        return sorted(set(self._paths) | set(self._loaded))

    def get(self, fmt: str) -> Parser:
        """The parser for ``fmt``; KeyError names the formats we do have."""
        parser = self._loaded.get(fmt)
        if parser is not None:
            return parser
        with self._lock:
            if fmt not in self._loaded:
                if fmt not in self._paths:
                    raise KeyError(f"no parser for format {fmt!r}; known: {self.formats()}")
                self._loaded[fmt] = _load(self._paths[fmt])
            return self._loaded[fmt]


def _load(path: str) -> Parser:
    module_name, _, attr = path.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    parser = factory()
    if not isinstance(parser, Parser):
        raise TypeError(f"{path} does not implement the Parser protocol")
    return parser


def join_pages(page_texts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Normalize each page and join them; returns the text and each page's (start, end)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for raw in page_texts:
        page = normalize_extracted(raw).strip("\n")
        if parts:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        parts.append(page)
        spans.append((offset, offset + len(page)))
        offset += len(page)
    return "".join(parts), spans


def meaningful_title(title: str | None) -> str | None:
    """``title`` cleaned, or None when it is empty or obviously not a title.

    Embedded metadata is often junk left by the authoring tool: "Microsoft Word - N1816895.docx",
    a file name, a job number, "Untitled".
    """
    if not title:
        return None
    cleaned = " ".join(normalize_extracted(title).split())
    lowered = cleaned.lower()
    if len(cleaned) < 3 or lowered in {"untitled", "title", "document", "untitled document"}:
        return None
    if lowered.startswith(("microsoft word - ", "microsoft word-")):
        return None
    if lowered.endswith((".doc", ".docx", ".pdf", ".rtf", ".odt", ".txt", ".htm", ".html")):
        return None
    # Job numbers and bare identifiers such as "N1816895" or "1816895".
    if cleaned.replace("-", "").isalnum() and any(c.isdigit() for c in cleaned):
        letters = sum(c.isalpha() for c in cleaned)
        if letters <= 2:
            return None
    return cleaned
