"""Printed lines of one PDF page, rebuilt from PDFium's character list with their geometry.

PDFium's plain text loses two things layout cleanup needs, so we look at character boxes:

* First-line indents. Unnumbered paragraphs (the preamble of a resolution) are told apart only
  by their indent; an indented line is written with one leading space.
* Superscript footnote references. PDFium glues them to the neighbouring words
  ("Development,2 of", "2015–20303and") and breaks the printed line after them. A raised,
  smaller digit run gets a space on each side, and a line fragment that continues on the same
  baseline is joined back to its line.

Only a few characters per line are measured (the first of each line and the digits), which
keeps this cheap next to PDFium's own text extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

_DIGIT_RUN: Final = re.compile(r"\d+")
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_FIRST_LETTER: Final = re.compile(r"[^\W\d_]")
SUPERSCRIPT_RATIO: Final = 0.8  # a digit this much smaller than its neighbour is a reference
INDENT_POINTS: Final = 8.0  # further from the margin than this is an indent
SAME_BASELINE: Final = 0.35  # fraction of the font size two fragments may differ by


@dataclass(slots=True)
class _Fragment:
    text: str
    left: float
    right: float
    baseline: float
    size: float
    rtl: bool


def page_lines(textpage: Any) -> list[str]:
    """The page's printed lines in reading order; indented lines start with one space."""
    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside UCS-2 or inserted ones: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    fragments: list[_Fragment] = []
    start = 0
    for found in [*_LINE_BREAK.finditer(text), None]:
        end = found.start() if found else len(text)
        fragment = _fragment(textpage, text, start, end)
        if fragment is not None:
            if fragments and _same_line(fragments[-1], fragment):
                fragments[-1].text = f"{fragments[-1].text.rstrip()} {fragment.text.lstrip()}"
            else:
                fragments.append(fragment)
        start = found.end() if found else end
    return _with_indents(fragments)


def _fragment(textpage: Any, text: str, start: int, end: int) -> _Fragment | None:
    first = start
    while first < end and text[first].isspace():
        first += 1
    if first >= end:
        return None
    import pypdfium2.raw as pdfium_c

    left, bottom, right, _ = textpage.get_charbox(first)
    size = pdfium_c.FPDFText_GetFontSize(textpage, first)
    piece = _space_superscripts(textpage, text, start, end)
    letter = _FIRST_LETTER.search(piece)
    rtl = letter is not None and _is_rtl(letter.group())
    return _Fragment(piece, left, right, bottom, size, rtl)


def _is_rtl(char: str) -> bool:
    return "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc"


def _space_superscripts(textpage: Any, text: str, start: int, end: int) -> str:
    """``text[start:end]`` with a space around each superscript digit run."""
    import pypdfium2.raw as pdfium_c

    def size(index: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(textpage, index))

    cuts: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text, start, end):
        reference = _reference_char(text, start, end, run.start(), run.end())
        if reference is None:
            continue
        normal = size(reference)
        small = [i for i in range(run.start(), run.end()) if size(i) < normal * SUPERSCRIPT_RATIO]
        if small and small == list(range(small[0], run.end())):  # the run's tail is raised
            cuts.append((small[0], run.end()))
    if not cuts:
        return text[start:end]
    pieces = []
    position = start
    for cut_start, cut_end in cuts:
        pieces.append(text[position:cut_start])
        if cut_start > start and not text[cut_start - 1].isspace():
            pieces.append(" ")
        pieces.append(text[cut_start:cut_end])
        if cut_end < end and text[cut_end].isalnum():  # not before "," or "，"
            pieces.append(" ")
        position = cut_end
    pieces.append(text[position:end])
    return "".join(pieces)


def _reference_char(text: str, start: int, end: int, run_start: int, run_end: int) -> int | None:
    """A nearby ordinary character whose size a footnote reference is compared with."""
    before = run_start - 1
    while before >= start and text[before].isspace():
        before -= 1
    if before >= start:
        return before
    after = run_end
    while after < end and text[after].isspace():
        after += 1
    return after if after < end else None


def _same_line(previous: _Fragment, fragment: _Fragment) -> bool:
    # PDFium breaks a printed line after a raised character; the rest keeps the baseline and
    # starts to the right of where the previous piece began.
    tolerance = max(previous.size, fragment.size, 1.0) * SAME_BASELINE
    if abs(previous.baseline - fragment.baseline) > tolerance:
        return False
    return fragment.left > previous.left if not fragment.rtl else fragment.right < previous.right


def _with_indents(fragments: list[_Fragment]) -> list[str]:
    left_margin = _margin([round(f.left) for f in fragments if not f.rtl])
    right_margin = _margin([round(f.right) for f in fragments if f.rtl])
    lines = []
    for fragment in fragments:
        if fragment.rtl:
            indented = right_margin is not None and right_margin - fragment.right > INDENT_POINTS
        else:
            indented = left_margin is not None and fragment.left - left_margin > INDENT_POINTS
        text = fragment.text.strip()
        lines.append(f" {text}" if indented else text)
    return lines


def _margin(positions: list[int]) -> int | None:
    """The body text margin: the most common line start (within 2 points)."""
    if len(positions) < 3:
        return None
    counts = Counter(positions)
    best, support = max(
        ((p, counts[p - 2] + counts[p - 1] + counts[p] + counts[p + 1] + counts[p + 2])
         for p in counts),
        key=lambda pair: (pair[1], -pair[0]),
    )  # fmt: skip
    return best if support >= 2 else None
