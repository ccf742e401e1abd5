"""HTML pages: the visible text, one paragraph per block element.

Page chrome (navigation, site header and footer, sidebars), scripts, styles and hidden elements
are dropped; a ``<header>``/``<footer>`` inside ``<article>`` or ``<main>`` is content and kept.
Block elements (p, div, li, headings, table cells ...) become paragraphs separated by a blank
line, ``<br>`` a line break. lxml's HTML parser repairs malformed markup, so a broken page still
gives its text. The title comes from ``<title>``, else the first ``<h1>``.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from lxml import etree, html

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.base import join_pages, meaningful_title
from unlib.ingest.parsers.text import decode_bytes
from unlib.model import ParsedText

_DROP_ALWAYS: Final = frozenset(
    {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
     "nav", "aside", "button", "select", "input", "textarea", "head", "map", "audio", "video"}
)  # fmt: skip
_CHROME: Final = frozenset({"header", "footer"})
_CONTENT_ROOTS: Final = frozenset({"article", "main"})
_BLOCKS: Final = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure",
     "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
     "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "fieldset",
     "legend", "details", "summary", "hr", "header", "footer", "body", "center"}
)  # fmt: skip
_META_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SINGLE_BYTE_LATIN: Final = frozenset({"cp1252", "latin-1", "iso8859-1", "iso8859-15"})
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WHITESPACE: Final = re.compile(r"\s+")


class HtmlParser:
    formats: tuple[str, ...] = ("html",)

    def parse(self, data: bytes, name: str) -> ParsedText:
        markup, encoding = decode_html(data)
        markup = _XML_DECLARATION.sub("", markup)
        if not markup.strip():
            raise Reject("empty file")
        try:
            root = html.document_fromstring(markup)
        except (etree.ParserError, ValueError) as exc:
            raise Reject(f"cannot parse HTML: {exc}") from None
        title = _title(root)
        text, _ = join_pages(["\n\n".join(visible_blocks(root))])
        if not text.strip():
            raise Reject("HTML page has no visible text (only markup, scripts or navigation)")
        warnings = [] if encoding in {"utf-8", "ascii"} else [f"decoded as {encoding}"]
        return ParsedText(text=text, format="html", title=title, warnings=warnings)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode with the BOM, else the declared charset, else as plain text would be.

    Valid UTF-8 wins over a declared single-byte charset: pages re-saved as UTF-8 often keep
    their old ``<meta charset=windows-1252>``, and such bytes are almost never meant as Latin-1.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            if codecs.lookup(encoding).name not in _SINGLE_BYTE_LATIN or data.isascii():
                return data.decode(encoding), encoding
            return data.decode("utf-8"), "utf-8"
        except (LookupError, UnicodeDecodeError):
            pass  # unknown charset name or wrong declaration: detect instead
    return decode_bytes(data)


def _title(root: html.HtmlElement) -> str | None:
    for path in ("//title", "//h1"):
        for element in root.xpath(path):
            title = meaningful_title(" ".join(element.text_content().split()))
            if title:
                return title
    return None


def visible_blocks(root: html.HtmlElement) -> list[str]:
    """The visible text of ``root``, one string per block element, in document order."""
    blocks: list[str] = []
    current: list[str] = []
    in_pre = 0
    # An explicit stack instead of recursion: malformed pages can nest thousands deep.
    # lxml's iterwalk is not used because it skips comments, and with them their tail text.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        element, starting = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not starting:
            in_pre -= tag == "pre"
            if tag in _BLOCKS:
                _flush(current, blocks)
            _add_text(current, element.tail, in_pre)
            continue
        if not tag or _is_hidden(element, tag):  # comments, instructions, hidden subtrees
            _add_text(current, element.tail, in_pre)
            continue
        if tag in _BLOCKS:
            _flush(current, blocks)
        in_pre += tag == "pre"
        if tag == "br":
            current.append("\n")
        _add_text(current, element.text, in_pre)
        stack.append((element, False))
        stack.extend((child, True) for child in reversed(element))
    _flush(current, blocks)
    return blocks


def _flush(current: list[str], blocks: list[str]) -> None:
    """Close the block being collected: its non-empty lines become one paragraph."""
    text = "".join(current)
    current.clear()
    joined = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    if joined:
        blocks.append(joined)


def _add_text(current: list[str], text: str | None, in_pre: int) -> None:
    if text:
        current.append(text if in_pre else _WHITESPACE.sub(" ", text))


def _is_hidden(element: etree._Element, tag: str) -> bool:
    if tag in _DROP_ALWAYS:
        return True
    if tag in _CHROME and not any(a.tag in _CONTENT_ROOTS for a in element.iterancestors()):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
