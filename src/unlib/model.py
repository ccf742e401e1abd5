"""Plain data shared by every layer: what a parser returns, what ingestion produces, what the
catalogue stores and what search and the interfaces hand back.

Nothing here does I/O or imports another unlib module: all layers may import it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Final

# The six official languages, in the UN's customary order.
LANGUAGES: Final = ("ar", "zh", "en", "fr", "ru", "es")
# Text in a language we do not analyse (or cannot tell) is stored and searched as "und".
UNDETERMINED: Final = "und"

LANGUAGE_NAMES: Final = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
    "und": "Undetermined",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A document symbol found in running text.

    ``start``/``end`` are code-point offsets into the text that was searched, so
    ``text[start:end] == mention.text``.
    """

    symbol: str  # normalized symbol, e.g. "S/RES/1244 (1999)"
    key: str  # identity key of the cited work (see unlib.symbols.Symbol.key)
    text: str  # the exact span as written, e.g. "第1244(1999)号决议"
    start: int
    end: int
    kind: str  # "resolution" | "meeting" | "document" | "decision"


@dataclass(slots=True)
class ParsedText:
    """What a file parser extracts from one file, before any interpretation."""

    text: str
    format: str  # "pdf" | "docx" | "html" | "text"
    # Page boundaries as (start, end) offsets into ``text``; None when the format has no pages.
    pages: list[tuple[int, int]] | None = None
    # Title from embedded metadata (PDF Info, DOCX core properties, HTML <title>), if any.
    title: str | None = None
    needs_ocr: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Passage:
    """A paragraph-sized unit of a language version: the unit of search hits and citations."""

    seq: int  # 0-based order within the version
    text: str
    start: int  # offsets into the version text
    end: int
    # The paragraph number or label as printed ("1", "12", "(a)", "PP3" for the third
    # preambular paragraph of a resolution); None for unnumbered paragraphs and headings.
    para: str | None = None
    # "heading" | "paragraph" | "preamble" | "operative" | "footnote" | "list_item" | "table"
    kind: str = "paragraph"
    page: int | None = None  # 1-based page number when the format has pages


@dataclass(slots=True)
class DocMetadata:
    """Bibliographic facts read from a document's text (all optional: real documents vary)."""

    title: str | None = None
    date: str | None = None  # ISO date of the document (issue date), YYYY-MM-DD
    adopted: str | None = None  # ISO adoption date of a resolution/decision
    body: str | None = None  # issuing organ as a symbol body code: "A", "S", "E", "ST", ...
    session: str | None = None  # "78", "ES-10", "S-13"; for the Security Council its year
    agenda_items: list[str] = field(default_factory=list)  # as printed: "129", "68 (b)"
    meeting: str | None = None  # symbol of the meeting that adopted it: "S/PV.2754"


@dataclass(slots=True)
class OwnSymbol:
    """The document's own symbol and how we know it."""

    symbol: str  # normalized
    key: str
    source: str  # "head" | "filename" | "text" (e.g. GAOR supplement) | "resolution-heading"
    evidence: str  # the text that gave it away, for the audit trail


@dataclass(slots=True)
class IngestedDocument:
    """Everything ingestion learned from one file: the unit committed atomically."""

    sha256: str
    source_path: str
    original_name: str
    size: int
    format: str
    media_type: str
    lang: str
    lang_confidence: float
    # The extracted text, zlib-compressed: it crosses process boundaries and goes to the
    # catalogue as is (see the ``text`` property).
    text_z: bytes
    n_chars: int
    passages: list[Passage]
    citations: list[tuple[int, Mention]]  # (passage seq, mention with offsets in the version text)
    metadata: DocMetadata
    own_symbol: OwnSymbol | None
    doc_type: str  # facet value: "resolution", "report", "meeting", ... (see unlib.ingest.doctype)
    # Per passage, the text handed to the full-text index (already analysed for Chinese);
    # None where it is the passage text itself, so it is not shipped twice.
    index_text: list[str | None] = field(default_factory=list)
    index_title: str | None = None  # the title as analysed for the index
    # Language code found in the file name (A_RES_73_3-EN.pdf -> "en"), if any.
    filename_lang: str | None = None
    # Stem of the file name without its language code: groups symbol-less language versions.
    group_stem: str | None = None
    needs_ocr: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return zlib.decompress(self.text_z).decode("utf-8")

    @staticmethod
    def compress(text: str) -> bytes:
        return zlib.compress(text.encode("utf-8"), 1)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file ingestion refused, with the reason a librarian can act on."""

    path: str
    reason: str
    sha256: str | None = None
    quarantined_as: str | None = None
