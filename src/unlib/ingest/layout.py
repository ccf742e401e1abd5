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

The line-shape helpers at the end (paragraph markers, sentence ends, headings, enacting and
adoption lines) are shared with :mod:`unlib.ingest.passages`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Final

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
# Words a printed line can stop on only in the middle of a paragraph.
RUN_ON_WORDS: Final = frozenset(
    {"the", "of", "and", "on", "in", "to", "for", "by", "at", "with", "from", "a", "an", "as",
     "or", "its", "their", "this", "that", "de", "du", "des", "la", "le", "les", "et", "à",
     "au", "aux", "en", "sur", "par", "pour", "dans", "del", "el", "los", "las", "y", "con",
     "al", "и", "в", "на", "по", "с", "к", "о", "об", "для", "из", "от"}
)  # fmt: skip
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


# --- line shapes (also used by unlib.ingest.passages) ------------------------------------------

SEPARATOR: Final = re.compile(r"^[^\S\n]*_{5,}[^\S\n]*$")  # the rule above the footnotes
_D: Final = "0-9٠-٩۰-۹"  # ASCII, Arabic-Indic and Eastern Arabic-Indic digits
_CN: Final = "一二三四五六七八九十百"
_MARKER: Final = re.compile(
    rf"^[ \t\u3000]*(?:(?P<bullet>[-*•▪●◦■·–—])[ \t]+)?(?:"
    rf"(?P<num>[{_D}]{{1,3}}(?:\.[{_D}]{{1,3}})+\.?|[{_D}]{{1,3}}\.)(?=[ \t\u3000]|$)"
    rf"|(?P<paren>\((?:[a-z]{{1,2}}|[ivxlcdm]{{1,6}}|[A-Z]|\d{{1,3}})\)|[a-z]\))(?=[ \t])"
    rf"|(?P<zhparen>[(（][{_CN}]{{1,3}}[)）])"
    rf"|(?P<zh>[{_CN}]{{1,3}})[、.．]"
    rf"|(?P<dash>[{_D}]{{1,3}})[ \t]?[-–][ \t]"
    rf"|(?P<roman>[IVXLC]{{1,6}}|[A-Z])\.(?=[ \t])"
    rf")?"
)
_TO_ASCII: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TERMINAL: Final = frozenset(".;:!?。；：！？…؟؛")
_TRAILING: Final = " \t\"'”’»)]）」』"
_FOOTNOTE_REF: Final = re.compile(r"(?<=[.;:,!?。；：，])\s?\d{1,3}/?$")
_HEADING_WORD: Final = re.compile(
    r"^(?:(?:CHAPTER|Chapter|ARTICLE|Article|SECTION|Section|PART|Part|ANNEX|Annex|APPENDIX|"
    r"Appendix|CHAPITRE|Chapitre|ANNEXE|Annexe|CAPÍTULO|Capítulo|ARTÍCULO|Artículo|ANEXO|Anexo|"
    r"ГЛАВА|Глава|СТАТЬЯ|Статья|РАЗДЕЛ|Раздел|ПРИЛОЖЕНИЕ|Приложение|الفصل|المادة|المرفق|الباب)"
    rf"\b[^.;,]{{0,80}}|第[{_CN}零〇\d]+[章条節节部编篇][^。；，]{{0,40}})$"
)
_OPENER: Final = re.compile(
    r"^\s*(?:The\s(?:[A-Z][\w’'-]*\s|(?:of|on|and|for|the)\s){0,6}"
    r"(?:Council|Assembly|Commission|Committee|Conference|Board|Forum)\s*[,.]?"
    r"|(?:Le|La|L['’])\s?(?:Conseil|Assemblée|Commission|Comité|Conférence)\b[^,.;:]{0,60},"
    r"|(?:El|La)\s(?:Consejo|Asamblea|Comisión|Comité|Conferencia|Junta)\b[^,.;:]{0,60},"
    r"|(?:Совет|Генеральная Ассамблея|Экономический и Социальный Совет|Комиссия|Конференция"
    r"|Исполнительный совет)[^,.;]{0,60},"
    r"|[\u4e00-\u9fff]{0,12}(?:安全理事会|大会|理事会|委员会|会议|执行局)[，,]"
    r"|(?:إن\s+)?(?:مجلس|الجمعية العامة|المجلس|لجنة|مؤتمر)[^،,.]{0,60}[،,])\s*$"
)
# The number-and-title line a resolution starts with: "73/6. Fiftieth anniversary ...",
# "12 (1946). Resolution of ...", "Resolution 242 (1967)", "第2334(2016)号决议".
_RESOLUTION_TITLE: Final = re.compile(
    r"^\s*(?:\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.\s|\d{1,4}\s?\(\d{4}\)\.?\s"
    r"|(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution|RESOLUCIÓN|Resolución|РЕЗОЛЮЦИЯ|Резолюция)"
    r"\s+\d{1,4}(?:\s?\(\d{4}\))?\s*$|第\s*\d{1,4}\s*(?:\(\d{4}\)|（\d{4}）)?\s*号决议\s*$)"
)
_CLOSING: Final = re.compile(
    r"^\s*(?:Adopted|Adoptée?s?|Aprobad[oa]s?|Принят[аоы]?|اعتمد|اتخذ|"
    r"\d{1,4}(?:st|nd|rd|th) plenary meeting|\d{1,4}e séance plénière|"
    r"\d{1,4}\.?ª sesión plenaria|\d{1,4}-[ея] пленарное заседание|第\s*\d+\s*次全体会议|"
    r".{0,30}第\s*\d+\s*次会议(?:上)?(?:一致)?通过)"
)
_WIDE_CHARS: Final = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def match_marker(line: str) -> tuple[str, str] | None:
    """The paragraph marker ``line`` starts with, as (kind, label), e.g. ("num", "12")."""
    found = _MARKER.match(line)
    if found is None or found.lastgroup is None:
        return None
    kind = found.lastgroup
    label = found.group(kind)
    if kind == "bullet":
        return "bullet", label
    if kind in {"num", "dash"}:
        return kind, label.rstrip(".").translate(_TO_ASCII)
    if kind == "zhparen":
        return "zh", label
    if kind == "roman":
        return "roman", label
    return kind, label


def final_char(text: str) -> str:
    """The last character that counts: footnote numbers and closing quotes are skipped."""
    return _FOOTNOTE_REF.sub("", text.rstrip()).rstrip(_TRAILING)[-1:]


def ends_sentence(line: str) -> bool:
    """Does ``line`` end with sentence punctuation (footnote numbers and quotes ignored)?"""
    return final_char(line) in _TERMINAL and final_char(line) != ""


def starts_lower(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()


def opener_line(line: str) -> bool:
    """The enacting line of a resolution: "The Security Council,", "大会，", "إن مجلس الأمن،"."""
    return len(line) <= 120 and _OPENER.match(line) is not None


def resolution_title(line: str) -> bool:
    """The line with a resolution's number that starts it ("73/6. Fiftieth anniversary ...")."""
    return _RESOLUTION_TITLE.match(line) is not None


def closing_line(line: str) -> bool:
    """The adoption line ending a resolution: "Adopted unanimously at the 2754th meeting."."""
    return _CLOSING.match(line) is not None


def heading_word(line: str) -> bool:
    """A heading by its first word: "Article 51", "CHAPTER VII", "第七章", "Статья 2"."""
    return _HEADING_WORD.match(line.strip()) is not None


def is_heading_shape(text: str, generous: bool = False) -> bool:
    """Short, at most two lines, not starting lowercase and without closing punctuation."""
    stripped = text.strip()
    limit = 250 if generous else 200
    # Cheap tests first: this runs on every paragraph of every document.
    if not stripped or len(stripped) > limit or stripped.count("\n") > 1:
        return False
    last = final_char(stripped)
    if not last or last in _TERMINAL or last in ",，،、" or starts_lower(stripped):
        return False
    if display_width(stripped) > limit or not any(c.isalpha() for c in stripped[:80]):
        return False
    return stripped.rsplit(None, 1)[-1].lower() not in RUN_ON_WORDS


def display_width(text: str) -> int:
    """Printed width in columns: CJK characters count two."""
    return len(text) if text.isascii() else len(text) + len(_WIDE_CHARS.findall(text))


def is_wide(char: str) -> bool:
    return _WIDE_CHARS.match(char) is not None
