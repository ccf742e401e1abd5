"""A document's own symbol, read from where UN documents print it.

Evidence, strongest first:

1. the masthead: ``United Nations A/RES/73/3``, or a symbol alone on a line near "Distr.";
2. a resolution heading at the top: ``Resolution 600 (1987)`` / ``12 (1946). Resolution of …``
   followed by "The Security Council"; ``73/3. Title`` under "Resolution adopted by the
   General Assembly";
3. running headers: a symbol alone on a line repeated on most pages, or printed next to the
   page footer with the job number (``17/17 21-01746``);
4. a title followed by ``(A/78/1, 第七十八届会议)`` whose session matches the symbol;
5. a cover statement "Official Records of the General Assembly, Eightieth Session,
   Supplement No. 1" (= A/80/1, for sessions since the 31st, when that numbering began).

Precision over recall: only the head of the document is searched for 1, 2, 4 and 5, symbols in
footnotes (``* A/78/150.``) or brackets are never taken, and when nothing is clear we return
None (the document then gets a local id: wrong grouping is worse than none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Final

from unlib.model import OwnSymbol
from unlib.symbols.filename import symbol_from_filename
from unlib.symbols.grammar import Symbol, try_parse
from unlib.symbols.headings import resolution_heading
from unlib.symbols.supplements import supplement_symbol, titled_symbol

_HEAD_CHARS: Final = 3000
_MASTHEAD: Final = re.compile(
    r"^[ \t]*(?:United\s+Nations|UNITED\s+NATIONS|Nations\s+Unies|Naciones\s+Unidas|"
    r"Организация\s+Объединенных\s+Наций|الأمم\s+المتحدة|联合国)[ \t]+(?P<symbol>\S.*?)[ \t]*$",
    re.MULTILINE,
)
# A line holding nothing but a symbol (a trailing reissue "*" allowed, a leading one not:
# "* A/78/150." is a footnote).
_SYMBOL_LINE: Final = re.compile(
    r"^[ \t]*(?P<symbol>[A-Z][A-Za-z0-9./()\- ]*\d[A-Za-z0-9.()*]*)[ \t]*$", re.MULTILINE
)
_DISTRIBUTION: Final = re.compile(r"\bDistr\b|\bDISTR\b|Diffusion|Distribución")
_DISTRIBUTION_WINDOW: Final = 600  # a masthead symbol sits within a few lines of "Distr."
# Page footer with the job number: "17/17 21-01746", "25-07881 5/24", "2/10 18-16895".
_JOB_FOOTER: Final = re.compile(
    r"^[ \t]*(?:\d{1,3}/\d{1,3}[ \t]+\d{2}-\d{5}(?:[ \t]*\(\w\))?|\d{2}-\d{5}(?:[ \t]*\(\w\))?[ \t]+\d{1,3}/\d{1,3})[ \t]*$",
    re.MULTILINE,
)
_FOOTER_DISTANCE: Final = 4  # lines between a running-header symbol and the job footer


def find_own_symbol(
    text: str,
    lang: str,
    *,
    pages: list[tuple[int, int]] | None = None,
    filename: str | None = None,
) -> OwnSymbol | None:
    """The document's own symbol, or None when the text does not state it clearly.

    ``pages`` (page boundaries as offsets into ``text``) lets running headers be counted;
    ``filename`` is used only when the text itself says nothing.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")  # same length: pages still fit
    head = _head(text, pages)
    finders: list[Callable[[], OwnSymbol | None]] = [
        lambda: _from_masthead(head),
        lambda: resolution_heading(head),
        lambda: _from_running_headers(text, pages),
        lambda: titled_symbol(head),
        lambda: supplement_symbol(head),
    ]
    for finder in finders:
        found = finder()
        if found is not None:
            return found
    return _from_filename(filename) if filename else None


def _head(text: str, pages: list[tuple[int, int]] | None) -> str:
    """The first page (at least the first few thousand characters)."""
    if pages:
        start, end = pages[0]
        if end - start >= _HEAD_CHARS // 3:
            return text[start:end]
    return text[:_HEAD_CHARS]


def _own(symbol: Symbol, source: str, evidence: str) -> OwnSymbol:
    return OwnSymbol(symbol.normalized, symbol.key, source, " ".join(evidence.split()))


def _from_masthead(head: str) -> OwnSymbol | None:
    for match in _MASTHEAD.finditer(head):
        symbol = try_parse(match.group("symbol"))
        if symbol is not None:
            return _own(symbol, "head", match.group(0))
    distribution = _DISTRIBUTION.search(head)
    if distribution is None:
        return None
    for match in _SYMBOL_LINE.finditer(head):
        if abs(match.start() - distribution.start()) > _DISTRIBUTION_WINDOW:
            continue
        symbol = try_parse(match.group("symbol"))
        if symbol is not None:
            return _own(symbol, "head", match.group(0))
    return None


def _from_running_headers(text: str, pages: list[tuple[int, int]] | None) -> OwnSymbol | None:
    if pages and len(pages) >= 2:
        found = _repeated_on_pages(text, pages)
        if found is not None:
            return found
    return _next_to_job_footer(text)


def _repeated_on_pages(text: str, pages: list[tuple[int, int]]) -> OwnSymbol | None:
    """A symbol alone on a line near the top or bottom of most pages."""
    counts: Counter[str] = Counter()
    symbols: dict[str, Symbol] = {}
    for start, end in pages:
        lines = [line for line in text[start:end].splitlines() if line.strip()]
        on_page: set[str] = set()
        for line in lines[:4] + lines[-4:]:
            symbol = _line_symbol(line)
            if symbol is not None:
                on_page.add(symbol.key)
                symbols[symbol.key] = symbol
        counts.update(on_page)
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    if count >= max(2, (len(pages) + 1) // 2):
        return _own(symbols[key], "head", f"{symbols[key].normalized} on {count} pages")
    return None


def _next_to_job_footer(text: str) -> OwnSymbol | None:
    """A symbol alone on a line printed beside the page footer ("17/17 21-01746")."""
    lines = text.splitlines()
    footer_lines = {number for number, line in enumerate(lines) if _JOB_FOOTER.match(line)}
    if not footer_lines:
        return None
    non_empty = [number for number, line in enumerate(lines) if line.strip()]
    position = {number: index for index, number in enumerate(non_empty)}
    for footer in sorted(footer_lines):
        index = position[footer]
        nearby = non_empty[max(0, index - _FOOTER_DISTANCE) : index + _FOOTER_DISTANCE + 1]
        for number in nearby:
            symbol = _line_symbol(lines[number])
            if symbol is not None:
                return _own(symbol, "head", f"{lines[number].strip()} / {lines[footer].strip()}")
    return None


def _line_symbol(line: str) -> Symbol | None:
    match = _SYMBOL_LINE.fullmatch(line)
    return try_parse(match.group("symbol")) if match else None


def _from_filename(filename: str) -> OwnSymbol | None:
    symbol, _ = symbol_from_filename(filename)
    return _own(symbol, "filename", filename) if symbol is not None else None
