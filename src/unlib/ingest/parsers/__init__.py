"""File parsers: bytes of one file -> :class:`~unlib.model.ParsedText`.

``parse_file`` dispatches on the sniffed format through :data:`registry`; parser modules are
imported on first use. Register another parser (an OCR engine, a new format) with
``registry.register("format", "package.module:ParserClass")``.
"""

from __future__ import annotations

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.base import Parser, ParserRegistry
from unlib.ingest.sniff import Sniffed
from unlib.model import ParsedText

__all__ = ["Parser", "ParserRegistry", "parse_file", "registry"]

registry = ParserRegistry()
registry.register("pdf", "unlib.ingest.parsers.pdf:PdfParser")
registry.register("docx", "unlib.ingest.parsers.docx:DocxParser")
registry.register("html", "unlib.ingest.parsers.html:HtmlParser")
registry.register("text", "unlib.ingest.parsers.text:TextParser")


def parse_file(data: bytes, sniffed: Sniffed, name: str) -> ParsedText:
    """Extract the text of one file with the parser registered for ``sniffed.format``.

    Raises :class:`Reject` when the file cannot be read. Parsers reject the problems they know
    about with a precise reason; anything else a parsing library throws at us on a damaged
    file is turned into a rejection too, so one bad file never stops a batch.
    """
    try:
        parser = registry.get(sniffed.format)
    except KeyError:
        raise Reject(f"no parser for {sniffed.format} files ({sniffed.media_type})") from None
    try:
        return parser.parse(data, name)
    except Reject:
        raise
    except (MemoryError, RecursionError):
        raise Reject(
            f"{sniffed.format.upper()} file is too large or too deeply nested to read"
        ) from None
    except Exception as exc:  # damaged files make parsing libraries fail in many ways
        raise Reject(
            f"could not read the {sniffed.format.upper()} file {name!r}: it looks damaged "
            f"({type(exc).__name__}: {exc})"
        ) from exc
