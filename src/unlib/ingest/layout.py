"""Layout cleanup: remove page furniture and rebuild paragraphs from printed lines.

PDF text comes as printed lines, with running headers, page numbers and UN job numbers
(``18-16895 (E) 241018``, ``*1816895*``, ``2/10 18-16895``) mixed in, and footnotes at the foot
of each page. :func:`clean_layout` drops the furniture, joins wrapped lines into paragraphs
(separated by a blank line), keeps each footnote a paragraph of its own below the footnote
separator, and recomputes the page spans for the new text. A paragraph that runs over a page
break is kept whole: it counts for the page it starts on, and that page's footnotes follow it.

Text without pages (text files, Word, HTML) only loses furniture lines and repeated link lines;
plain-text files whose lines were hard-wrapped with blank lines in between (common in text
exported from PDF) get those wraps joined. Chinese text loses the spaces that justified
printing puts between characters.

Line shapes (paragraph markers, sentence ends, headings) come from :mod:`unlib.ingest.line_shapes`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Final

from unlib.ingest.line_shapes import (
    RUN_ON_WORDS,
    SEPARATOR,
    closing_line,
    display_width,
    ends_sentence,
    heading_word,
    is_wide,
    match_marker,
    opener_line,
    resolution_title,
    starts_lower,
)
from unlib.model import ParsedText

# Lines made only of job numbers, print dates, page counts and barcodes: "18-16895 (E) 241018",
# "2/10 18-16895", "25-07881 23/24", "*1816895*", "GE.18-12345(E)".
_FURNITURE: Final = re.compile(
    r"^(?:(?:(?:GE|V)\.)?\d{2}-\d{5}[A-Z]?(?:\s*\([A-Z]\))?|\(\s*[A-Z]\s*\)|\d{6}|"
    r"\d{1,4}\s*/\s*\d{1,4}|\*\d{6,}\*)(?:\s+(?:(?:(?:GE|V)\.)?\d{2}-\d{5}[A-Z]?"
    r"(?:\s*\([A-Z]\))?|\([A-Z]\)|\d{6}|\d{1,4}\s*/\s*\d{1,4}|\*\d{6,}\*))*$"
)
_DASHED_PAGE: Final = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
# Only trusted at the top or bottom of a page: "3", "Page 3", "Page 3 of 10", "第 3 页".
_EDGE_PAGE_NUMBER: Final = re.compile(
    r"^(?:\d{1,4}|(?:Page|Página|Стр\.?|Страница)\s+\d{1,4}(?:\s+(?:of|de|из)\s+\d{1,4})?"
    r"|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)$",
    re.IGNORECASE,
)
_URL_LINE: Final = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
_DIGITS: Final = re.compile(r"\d+")
_CJK_GAP: Final = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]) "
    r"(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])"
)
_MULTI_BLANK: Final = re.compile(r"\n{3,}")
_NOTE_START: Final = re.compile(r"^(?:\d{1,3}/?\s+\S|\*{1,3}\s?\S)")
_SPACED_HYPHEN: Final = re.compile(r"\s+[-‐]$")
_CONJUNCTIONS: Final = frozenset({"and", "or", "et", "ou", "y", "o", "e", "u", "и", "или"})

EDGE_LINES: Final = 5  # header/footer zone: this many non-blank lines at the top and bottom
FULL_LINE: Final = 0.8  # share of the measure from which a line ending on punctuation runs on
SHORT_LINE: Final = 0.6  # a line without final punctuation shorter than this ends a paragraph
INDENT_CHARS: Final = 6  # characters a first-line indent costs


def clean_layout(parsed: ParsedText, lang: str) -> ParsedText:
    """A copy of ``parsed`` without page furniture, with paragraphs rebuilt; pages recomputed."""
    if not parsed.text.strip():
        return replace(parsed)
    spans = parsed.pages or [(0, len(parsed.text))]
    pages = [parsed.text[start:end].split("\n") for start, end in spans]
    pages = _without_furniture(pages, paged=parsed.pages is not None)
    if lang == "zh":
        pages = [[_CJK_GAP.sub("", line) for line in page] for page in pages]
    if parsed.format == "pdf" and parsed.pages is not None:
        text, new_spans = _reflow_pages(pages)
        return replace(parsed, text=text, pages=new_spans)
    if parsed.format == "text":
        pages = [_join_hard_wraps(lines) for lines in pages]
    # Other text keeps its lines (passage splitting reads wrapped lines); pages stay apart.
    chunks = [_tidy("\n".join(line.rstrip() for line in lines)) for lines in pages]
    text, new_spans = _join_chunks(chunks)
    return replace(parsed, text=text, pages=new_spans if parsed.pages is not None else None)


def _tidy(text: str) -> str:
    return _MULTI_BLANK.sub("\n\n", text).strip("\n")


def _join_chunks(chunks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans = []
    offset = 0
    for chunk in chunks:
        spans.append((offset, offset + len(chunk)))
        offset += len(chunk) + 2
    return "\n\n".join(chunks), spans


# --- furniture ---------------------------------------------------------------------------------


def _without_furniture(pages: list[list[str]], paged: bool) -> list[list[str]]:
    running = _running_lines(pages) if paged and len(pages) > 1 else set()
    urls = Counter(s for page in pages for line in page if _URL_LINE.match(s := line.strip()))
    repeated_urls = {url for url, count in urls.items() if count > 1}
    cleaned = []
    for page in pages:
        zones = _edge_zones(page) if paged else {}
        cleaned.append(
            [
                line
                for index, line in enumerate(page)
                if not _is_furniture(line.strip(), zones.get(index, ()), running, repeated_urls)
            ]
        )
    return cleaned


def _is_furniture(
    line: str, zones: tuple[str, ...], running: set[tuple[str, str]], urls: set[str]
) -> bool:
    if not line or SEPARATOR.match(line):
        return False
    if _FURNITURE.match(line) or _DASHED_PAGE.match(line) or line in urls:
        return True
    if zones and _EDGE_PAGE_NUMBER.match(line):
        return True
    return any((zone, _key(line)) in running for zone in zones)


def _edge_zones(page: list[str]) -> dict[int, tuple[str, ...]]:
    """Line index -> the page edges ("top", "bottom") it is near, for the first and last lines."""
    filled = [index for index, line in enumerate(page) if line.strip()]
    zones: dict[int, tuple[str, ...]] = {}
    for index in filled[:EDGE_LINES]:
        zones[index] = ("top",)
    for index in filled[-EDGE_LINES:]:
        zones[index] = (*zones.get(index, ()), "bottom")
    return zones


def _key(line: str) -> str:
    # Digits vary from page to page in running heads ("2/10", "A/RES/73/3"): compare without.
    return _DIGITS.sub("#", " ".join(line.split()))


def _running_lines(pages: list[list[str]]) -> set[tuple[str, str]]:
    """(edge, line) pairs repeated at the same edge of many pages: running heads and feet.

    Counting the top and the bottom apart keeps a date printed at the top of the cover and
    again at the foot of the last page (the adoption date) from passing for a running line.
    """
    seen: Counter[tuple[str, str]] = Counter()
    for page in pages:
        seen.update(
            {(zone, _key(page[i])) for i, zones in _edge_zones(page).items() for zone in zones}
        )
    threshold = max(2, round(len(pages) * 0.4))
    return {
        (zone, key)
        for (zone, key), count in seen.items()
        if count >= threshold and len(key) >= 3 and match_marker(key) is None
    }


# --- paged text: reflow printed lines into paragraphs ---------------------------------------


def _reflow_pages(pages: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    widths = sorted(w for page in pages for line in page if (w := display_width(line)) >= 10)
    measure = widths[int(len(widths) * 0.9)] if widths else 80
    out: list[list[str]] = []
    page_first: list[int] = []
    pending_notes: list[list[str]] = []
    for page in pages:
        body, notes = _split_notes(page)
        paragraphs = _paragraphs(body, measure)
        if paragraphs and out and _continues(out[-1][-1], paragraphs[0][0], measure):
            out[-1].extend(paragraphs.pop(0))  # the paragraph runs on from the previous page
        out.extend(pending_notes)
        page_first.append(len(out))
        out.extend(paragraphs)
        pending_notes = notes
    out.extend(pending_notes)
    return _assemble(out, page_first)


def _split_notes(page: list[str]) -> tuple[list[str], list[list[str]]]:
    """Body lines, and the footnote paragraphs below a separator line (separator included)."""
    for index, line in enumerate(page):
        if SEPARATOR.match(line):
            notes: list[list[str]] = [[line.strip()]]
            for note_line in page[index + 1 :]:
                stripped = note_line.strip()
                if not stripped:
                    continue
                if _NOTE_START.match(stripped) or len(notes) == 1:
                    notes.append([stripped])
                else:
                    notes[-1].append(stripped)
            return page[:index], notes
    return page, []


def _paragraphs(lines: list[str], measure: int) -> list[list[str]]:
    """Printed lines grouped into paragraphs (lines keep their one-space indent mark)."""
    paragraphs: list[list[str]] = []
    for line in lines:
        if not line.strip():
            paragraphs.append([])
        elif paragraphs and paragraphs[-1] and _continues(paragraphs[-1][-1], line, measure):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [paragraph for paragraph in paragraphs if paragraph]


def _continues(previous: str, line: str, measure: int) -> bool:
    """Is printed ``line`` the continuation of the paragraph whose last line is ``previous``?"""
    if line.startswith(" ") and not previous.startswith(" "):
        return False  # a first-line indent starts a paragraph
    # An indented first line holds fewer characters than a full line: count the indent.
    width = display_width(previous) + (INDENT_CHARS if previous.startswith(" ") else 0)
    previous, line = previous.strip(), line.strip()
    marker = match_marker(line)
    if marker is not None and (marker[0] != "num" or ends_sentence(previous)):
        return False
    if SEPARATOR.match(line) or _stands_alone(previous) or _stands_alone(line):
        return False
    if resolution_title(line):
        return False
    if previous.endswith(("-", "‐")) or starts_lower(line):
        return True
    if marker is not None:
        return width >= measure * FULL_LINE
    if ends_sentence(previous) or previous.endswith((",", "，", "،")):
        # A paragraph ends on punctuation; only a full line can end on it and run on.
        return width >= measure * FULL_LINE
    # A line stopping on a bare word runs on unless it is short (a heading, a cover line).
    return width >= measure * SHORT_LINE or previous.rsplit(None, 1)[-1].lower() in RUN_ON_WORDS


def _stands_alone(line: str) -> bool:
    """Lines that are paragraphs of their own: enacting and adoption lines, headings by
    keyword, bracketed notes and table rows."""
    if line.startswith("|") or (line.startswith("[") and line.endswith("]")):
        return True
    return opener_line(line) or closing_line(line) or heading_word(line)


def _assemble(
    paragraphs: list[list[str]], page_first: list[int]
) -> tuple[str, list[tuple[int, int]]]:
    texts = [_join_lines(lines) for lines in paragraphs]
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 2
    total = max(offset - 2, 0)
    spans = []
    for page, first in enumerate(page_first):
        last = page_first[page + 1] if page + 1 < len(page_first) else len(texts)
        start = starts[first] if first < len(texts) else total
        end = starts[last - 1] + len(texts[last - 1]) if last > first else start
        spans.append((start, end))
    return "\n\n".join(texts), spans


def _join_lines(lines: list[str]) -> str:
    joined = lines[0].strip()
    for line in lines[1:]:
        joined = _join_two(joined, line.strip())
    return joined


def _join_two(left: str, right: str) -> str:
    if left.endswith(("-", "‐")):
        # "drug -" + "resistant" -> "drug-resistant": a line-end hyphen is a real hyphen in UN
        # texts (words are not split), the space before it a typesetting artefact.
        left = _SPACED_HYPHEN.sub("-", left)
        first_word = right.split(maxsplit=1)[0].lower() if right.split() else ""
        return f"{left} {right}" if first_word in _CONJUNCTIONS else left + right
    if _cjk_side(left[-1]) and _cjk_side(right[0]) and (is_wide(left[-1]) or is_wide(right[0])):
        return left + right  # Chinese is written without spaces
    return f"{left} {right}"


def _cjk_side(char: str) -> bool:
    # Curly quotes are narrow in Unicode but set like CJK punctuation in Chinese text.
    return is_wide(char) or char in "“”‘’"


# --- unpaged plain text: hard wraps with blank lines between -------------------------------


def _join_hard_wraps(lines: list[str]) -> list[str]:
    """Join lines wrapped at a fixed width that have blank lines between the pieces.

    (Wrapped lines without blank lines between are left alone: passage splitting reads them
    as one paragraph anyway, and the text stays as the file has it.)
    """
    measure = _wrap_measure(lines)
    if measure is None:
        return lines
    out: list[str] = []
    last_piece = ""  # the last printed line, before it was joined to the ones above
    pending_blank = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            pending_blank += 1
            continue
        if out and _is_wrap(last_piece, stripped, measure, pending_blank):
            out[-1] = _join_two(out[-1].rstrip(), stripped)
        else:
            out.extend([""] * pending_blank)
            out.append(line)
        pending_blank = 0
        last_piece = stripped
    return out


def _wrap_measure(lines: list[str]) -> int | None:
    """The common width of hard-wrapped lines, if the text has many lines of one width."""
    widths = [display_width(line.strip()) for line in lines if not ends_sentence(line)]
    widths = [w for w in widths if w >= 40]
    if len(widths) < 5:
        return None
    counts = Counter(widths)
    best, support = max(
        ((w, sum(counts[v] for v in range(w - 4, w + 1))) for w in counts), key=lambda p: p[1]
    )
    return best if support >= 5 and support * 5 >= len(widths) else None


def _is_wrap(tail: str, line: str, measure: int, blanks: int) -> bool:
    width = display_width(tail)
    if not 1 <= blanks <= 2 or not measure - 8 <= width <= measure + 4 or ends_sentence(tail):
        return False
    if match_marker(line) or SEPARATOR.match(line) or _stands_alone(line):
        return False
    letter = next((char for char in line if char.isalpha()), "")
    caseless = letter.isalpha() and not (letter.isupper() or letter.islower())
    return caseless or starts_lower(line) or tail.endswith("-")
