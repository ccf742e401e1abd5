"""A normalized view of a text for pattern matching, with offsets that map back to the original.

The view has the same length as the text: full-width forms, Arabic-Indic digits and dash
variants are folded one-for-one. Markdown links (``[A/AC.198/202\\n3/3](#)``, as converters
leave them) are the one place where characters are *removed*: the link text is compacted
(line breaks and backslash escapes dropped) and padded with spaces, and ``ScanText.span`` maps a
view offset inside such a region back to the right original offset.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Final

_FOLD: Final = {
    **{0xFF01 + i: 0x21 + i for i in range(0x5E)},  # full-width ASCII
    **{0x0660 + i: 0x30 + i for i in range(10)},  # Arabic-Indic digits
    **{0x06F0 + i: 0x30 + i for i in range(10)},  # Persian digits
    0x3000: 0x20,  # ideographic space
    0xA0: 0x20,
    0x2009: 0x20,
    0x202F: 0x20,
    0x2010: 0x2D,
    0x2011: 0x2D,
    0x2012: 0x2D,
    0x2013: 0x2D,
    0x2212: 0x2D,
    0x2019: 0x27,  # ’ -> '
}
# Markdown link whose text is short enough to be a symbol or a resolution number.
_MARKDOWN_LINK: Final = re.compile(r"\[([^\[\]]{1,80})\]\((?:#[^)\s]*|https?://[^)\s]*)?\)")
_REMOVABLE: Final = re.compile(r"\\|[ \t]*\n[ \t]*")


@dataclass(slots=True)
class _Region:
    start: int  # view offset where compacted content begins
    length: int  # compacted length
    origins: list[int]  # original offset of each compacted character
    end: int  # original offset just after the content


@dataclass(slots=True)
class ScanText:
    """The view to match on, and how to map its offsets back."""

    original: str
    view: str
    regions: list[_Region] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the view span ``[start, end)``."""
        first = self._locate(start)
        original_start = first[0].origins[first[1]] if first else start
        if end <= start:
            return original_start, original_start
        last = self._locate(end - 1)
        if last is None:
            return original_start, end
        region, index = last
        # The last kept character of a link text ends where the link text ends.
        original_end = region.end if index == region.length - 1 else region.origins[index] + 1
        return original_start, original_end

    def _locate(self, offset: int) -> tuple[_Region, int] | None:
        """The compacted region holding view ``offset`` and the index inside it, if any."""
        found = bisect.bisect_right(self._starts, offset) - 1
        if found < 0:
            return None
        region = self.regions[found]
        inside = offset - region.start
        return (region, inside) if inside < region.length else None


# OCR of old documents reads the S of "S/1234" as "$": "$/20134".
_DOLLAR_SYMBOL: Final = re.compile(r"(?<![A-Za-z0-9$])\$(?=/\d)")
_DOUBLED_DOLLAR: Final = re.compile(r"(?<![A-Za-z0-9])S\$(?=/\d)")  # "S$/12611"


# str.translate walks every character through a dict: slow on large texts. A regex visits
# only the characters that change (ASCII text has none at all).
_FOLDABLE: Final = re.compile("[" + "".join(re.escape(chr(code)) for code in _FOLD) + "]+")
_FOLD_CHARS: Final = {chr(code): chr(target) for code, target in _FOLD.items()}


def _fold(text: str) -> str:
    if text.isascii():
        return text
    return _FOLDABLE.sub(lambda m: "".join(_FOLD_CHARS[ch] for ch in m.group(0)), text)


def prepare(text: str) -> ScanText:
    """Build the matching view of ``text``."""
    view = _fold(text)
    if "$/" in view:
        view = _DOLLAR_SYMBOL.sub("S", _DOUBLED_DOLLAR.sub(" S", view))
    scan = ScanText(text, view)
    if "](" in view:
        _compact_markdown_links(scan)
    return scan


def _compact_markdown_links(scan: ScanText) -> None:
    chars = list(scan.view)
    for match in _MARKDOWN_LINK.finditer(scan.view):
        content_start, content_end = match.span(1)
        kept = _kept_characters(scan.view, content_start, content_end)
        for index in range(match.start(), match.end()):
            chars[index] = " "
        for index, (_, ch) in enumerate(kept):
            chars[content_start + index] = ch
        scan.regions.append(
            _Region(content_start, len(kept), [offset for offset, _ in kept], content_end)
        )
    scan.view = "".join(chars)
    scan._starts = [region.start for region in scan.regions]


def _kept_characters(view: str, start: int, end: int) -> list[tuple[int, str]]:
    """Characters of the link text minus escapes and line breaks (with surrounding blanks)."""
    kept: list[tuple[int, str]] = []
    position = start
    for removable in _REMOVABLE.finditer(view, start, end):
        kept.extend((offset, view[offset]) for offset in range(position, removable.start()))
        position = removable.end()
    kept.extend((offset, view[offset]) for offset in range(position, end))
    return kept
