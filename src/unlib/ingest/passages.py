"""Split a language version into passages: paragraphs with their printed numbers and kinds.

Blank lines always separate paragraphs. Inside a block, a line break starts a new paragraph
when the next line carries a paragraph marker (``12.``, ``(a)``, ``一、``, ``1 -``), is
indented deeper, follows a sentence end with a capital or a caseless script, or follows a
heading line; otherwise the line is a wrap of the same paragraph (hard-wrapped text files).

Resolutions get their structure: after the enacting line ("The Security Council,", "大会，",
"إن مجلس الأمن،" ...) unnumbered paragraphs are preambular ("PP1", "PP2" ...) until the first
operative paragraph; numbered ones are operative with their number. The adoption line closes
the resolution and the footnotes after it are kind "footnote", as are the notes below a
footnote separator line (``_____``) up to the end of that page.

Every passage is ``text[start:end]`` exactly; whitespace is trimmed by moving the offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

from unlib.ingest.line_shapes import (
    SEPARATOR,
    closing_line,
    ends_sentence,
    final_char,
    heading_word,
    is_heading_shape,
    match_marker,
    opener_line,
    resolution_title,
    starts_lower,
)
from unlib.model import Passage

_BLANK_LINES: Final = re.compile(r"\n[ \t\u3000]*\n[ \t\u3000\n]*")
_FOOTNOTE: Final = re.compile(r"^[ \t]*(\d{1,3})/?[ \t]+\S|^[ \t]*(\*{1,3})[ \t]?\S")
_STARS: Final = re.compile(r"(\*{1,3})[ \t]?(?=[^\s*])")
_SLASH_NOTE: Final = re.compile(r"^[ \t]*\d{1,3}/[ \t]+\S")
_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE: Final = re.compile(
    rf"^[ \t]*\d{{1,2}}(?:er)?[ \t]+(?:de[ \t]+)?(?:{_MONTHS})\b", re.IGNORECASE
)
_ANNEX: Final = re.compile(
    r"^(?:Annex|ANNEX|Appendix|Annexe|ANNEXE|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ|附件|المرفق)\b"
)


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    label: str | None = None
    # What the first line shows: a paragraph marker (num, paren, zh, dash, roman, bullet), a
    # heading keyword (heading), or the structure of a resolution (opener, title, closing);
    # "separator" for the rule above footnotes.
    marker: str | None = None
    notes: bool = False  # a footnote (its number, if printed, is the label)
    kind: str = "paragraph"


def split_passages(
    text: str, lang: str, pages: list[tuple[int, int]] | None = None
) -> list[Passage]:
    """Paragraph-sized passages of ``text`` in order, without overlaps or empty ones.

    ``pages`` (spans into ``text``) give each passage its page and bound the footnote area of
    a page. The rules read the script of the text itself (markers, punctuation and enacting
    formulas of all six languages), so ``lang`` only documents what the caller detected.
    """
    paras = list(_Splitter(text, pages).paragraphs())
    _classify(paras, text)
    page_starts = [start for start, _ in pages] if pages else []
    passages: list[Passage] = []
    for para in paras:
        for start, end in split_long(text, para.start, para.end):
            page = bisect.bisect_right(page_starts, start) if page_starts else None
            passages.append(
                Passage(
                    seq=len(passages),
                    text=text[start:end],
                    start=start,
                    end=end,
                    para=para.label,
                    kind=para.kind,
                    page=page or (1 if page_starts else None),
                )
            )
    return passages


class _Splitter:
    """Cuts the text into paragraph spans (trimmed), remembering markers as it goes."""

    def __init__(self, text: str, pages: list[tuple[int, int]] | None) -> None:
        self.text = text
        self.page_ends = [end for _, end in pages] if pages else []
        self.last_number = 0
        self.last_note = 0
        self.in_resolution = False
        self.body_paragraphs = 0  # paragraphs since the enacting line or title
        # Below a footnote separator every paragraph is a note, up to the end of the page;
        # after an adoption line, paragraphs that start with a note number are notes.
        self.page_notes_until = -1
        self.tail_notes_until = -1

    def paragraphs(self) -> Iterator[_Para]:
        position = 0
        for blank in _BLANK_LINES.finditer(self.text):
            yield from self._block(position, blank.start())
            position = blank.end()
        yield from self._block(position, len(self.text))

    def _block(self, start: int, end: int) -> Iterator[_Para]:
        text = self.text
        para_start = -1
        previous = first = ""
        offset = start
        while offset < end:
            newline = text.find("\n", offset, end)
            line_end = end if newline < 0 else newline
            line = text[offset:line_end]
            if line.strip():
                if para_start < 0:
                    para_start, first = offset, line
                elif self._breaks(previous, line, offset, first):
                    yield self._emit(para_start, offset)
                    para_start, first = offset, line
                previous = line
            offset = line_end + 1
        if para_start >= 0:
            yield self._emit(para_start, end)

    def _breaks(self, previous: str, line: str, offset: int, first: str) -> bool:
        """Does ``line`` start a new paragraph after ``previous`` within one block?"""
        if SEPARATOR.match(line) or SEPARATOR.match(previous):
            return True
        if self._in_notes(offset) or self._closes_resolution(first):
            # Notes and the adoption line ("Adopted at the 949th meeting\nby 8 votes ...")
            # run on over several lines; only the next note number starts a new paragraph.
            number = self._note_number(line)
            return number is not None and (ends_sentence(previous) or number == self.last_note + 1)
        marker = match_marker(line)
        if marker is not None and self._accept_marker(marker, previous):
            return True
        if opener_line(line) or closing_line(line):
            return True
        if _indent(line) > _indent(previous) or line.startswith("|") != previous.startswith("|"):
            return True
        if starts_lower(line):
            return False
        if ends_sentence(previous) or opener_line(previous) or heading_word(previous):
            return True
        if match_marker(previous) is not None:
            return False
        return is_heading_shape(previous) and _much_shorter(previous, line)

    def _closes_resolution(self, first_line: str) -> bool:
        return self.in_resolution and self.body_paragraphs > 0 and closing_line(first_line)

    def _accept_marker(self, marker: tuple[str, str], previous: str) -> bool:
        kind, label = marker
        if kind not in {"num", "roman"} or ends_sentence(previous):
            return True
        if kind == "roman":  # "A. G. L. McNaughton" wraps onto a line of its own
            return is_heading_shape(previous)
        # "5." at the start of a wrapped line is more often "…resolution\n67.1 of" than a
        # paragraph: accept a bare number only when it continues the numbering.
        return label.isdigit() and int(label) in {1, self.last_number + 1}

    def _in_notes(self, offset: int) -> bool:
        return offset < self.page_notes_until or offset < self.tail_notes_until

    def _note_number(self, line: str) -> int | None:
        found = _FOOTNOTE.match(line)
        if found is None or _DATE.match(line):
            return None
        if found.group(2):
            return self.last_note
        number = int(found.group(1))
        return number if number > self.last_note or number == 1 else None

    def _emit(self, start: int, end: int) -> _Para:
        text = self.text
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        newline = text.find("\n", start, end)
        para = _Para(start, end)
        self._mark(para, text[start : newline if newline >= 0 else end])
        return para

    def _mark(self, para: _Para, first_line: str) -> None:
        if SEPARATOR.match(first_line):
            self.page_notes_until = self._page_end(para.start)
            para.marker = "separator"
            return
        note = self._note_number(first_line)
        slashed = _SLASH_NOTE.match(first_line) is not None  # "1/ S/25046."
        if (
            para.start < self.page_notes_until
            or slashed
            or (note is not None and para.start < self.tail_notes_until)
        ):
            para.notes = True
            if note is not None:
                found = _FOOTNOTE.match(first_line)
                para.label = (found.group(1) or found.group(2)) if found else None
                self.last_note = note
            return
        self._mark_structure(para, first_line)

    def _mark_structure(self, para: _Para, first_line: str) -> None:
        marker = match_marker(first_line)
        if marker is not None:
            para.marker, para.label = marker
            if marker[0] == "num" and marker[1].isdigit():
                self.last_number = int(marker[1])
        elif heading_word(first_line):
            para.marker = "heading"
        # An adoption line closes a resolution only after its body: "Adopted by the Security
        # Council at its 3157th meeting" under the title of modern resolutions opens it.
        if self._closes_resolution(first_line):
            para.marker = "closing"
            self.in_resolution = False
            self.tail_notes_until = len(self.text)  # until the next resolution starts
            self.last_note = 0
        elif opener_line(first_line) or resolution_title(first_line):
            para.marker = "opener" if opener_line(first_line) else "title"
            self.in_resolution = True
            self.body_paragraphs = 0
            self.tail_notes_until = -1
        elif self.in_resolution:
            self.body_paragraphs += 1

    def _page_end(self, offset: int) -> int:
        if not self.page_ends:
            return len(self.text)
        index = bisect.bisect_left(self.page_ends, offset)
        return self.page_ends[index] if index < len(self.page_ends) else len(self.text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u3000"))


def _much_shorter(previous: str, line: str) -> bool:
    return len(previous.strip()) * 2 <= len(line.strip())


def _classify(paras: list[_Para], text: str) -> None:
    """Give each paragraph its kind; resolution structure decides preamble/operative."""
    numbered_ahead = _ahead(paras, {"num", "dash"}, stops={"closing", "title", "opener"})
    opener_ahead = _ahead(paras, {"opener"}, stops={"closing", "title"})
    state = "none"
    preamble_count = 0
    for index, para in enumerate(paras):
        body = text[para.start : para.end]
        if state == "title" and not opener_ahead[index]:
            state = "preamble"  # a resolution printed without its enacting line
        if para.marker == "separator":
            para.kind = "separator"
        elif para.notes:
            para.kind = "footnote"
        elif body.startswith("|"):
            para.kind = "table"
        elif para.marker in {"opener", "title"}:
            para.kind, preamble_count = "heading", 0
            state = "preamble" if para.marker == "opener" else "title"
        elif para.marker == "closing":
            para.kind, state = "paragraph", "closing"
        elif _is_heading(para, body):
            para.kind = "heading"
            if _ANNEX.match(body):
                state = "none"
        elif state == "preamble" and _still_preamble(para, body, numbered_ahead[index]):
            para.kind = "preamble"
            if para.marker != "paren":  # lettered items belong to the paragraph above
                preamble_count += 1
                para.label = f"PP{preamble_count}"
        elif state in {"preamble", "operative"}:
            state = "operative"
            para.kind = "operative"
        elif para.marker in {"paren", "bullet"}:
            para.kind = "list_item"
    _starred_notes(paras, text)
    paras[:] = [p for p in paras if p.kind != "separator"]


def _starred_notes(paras: list[_Para], text: str) -> None:
    """ "* Reissued for technical reasons", "** A/AC.198/2023/1": notes marked by stars.

    A lone "* " paragraph is a note; a run of them is a bulleted list.
    """
    for index, para in enumerate(paras):
        stars = _STARS.match(text, para.start, para.end)
        if stars is None or para.kind == "footnote":
            continue
        neighbours = paras[max(index - 1, 0) : index] + paras[index + 1 : index + 2]
        listed = any(text.startswith(("* ", "*\t"), p.start) for p in neighbours)
        if len(stars.group(1)) > 1 or not listed:
            para.kind, para.label = "footnote", stars.group(1)


def _ahead(paras: list[_Para], markers: set[str], stops: set[str]) -> list[bool]:
    """For each paragraph: does one marked ``markers`` follow before one marked ``stops``?"""
    ahead = [False] * len(paras)
    seen = False
    for index in range(len(paras) - 1, -1, -1):
        ahead[index] = seen
        if paras[index].marker in stops:
            seen = False
        if paras[index].marker in markers:
            seen = True
    return ahead


def _still_preamble(para: _Para, body: str, numbered_ahead: bool) -> bool:
    if para.marker in {"num", "dash"}:
        return False
    last = final_char(body)
    if last in {":", "："}:
        return False  # "Decides:", "Resolves that:", "Adopts the following declaration:"
    if numbered_ahead:
        return True
    # No numbered paragraphs: preambular paragraphs end with a comma, operative ones do not.
    return last in {",", "，", "،"}


def _is_heading(para: _Para, body: str) -> bool:
    if para.marker in {"num", "dash", "bullet"}:
        return False
    if para.marker == "heading":
        return True
    if para.marker in {"roman", "zh"} or body.startswith("#"):
        return is_heading_shape(body, generous=True)
    return is_heading_shape(body)


# --- very long paragraphs ----------------------------------------------------------------------

MAX_PASSAGE: Final = 2000  # characters; longer paragraphs are cut, sentence ends first
_TARGET: Final = 1500  # a cut is taken as soon as a piece reaches this length
_SENTENCE_END: Final = re.compile(r"[.!?؟][\"'”’»)\]]*(?=\s+[^\s])|[。！？][”’」』）]*")
_CLAUSE_END: Final = re.compile(r"[;；:：,，،、](?=\s*\S)")
_SPACE: Final = re.compile(r"\s+")
_ABBREVIATIONS: Final = frozenset(
    {"no", "nos", "para", "paras", "mr", "mrs", "ms", "dr", "st", "art", "arts", "vol", "p",
     "pp", "chap", "sect", "e.g", "i.e", "etc", "cf", "corr", "add", "rev", "inc", "co", "ltd",
     "op", "ibid", "al", "sr", "jr", "mm", "mme", "sra", "núm", "nº", "г", "гг", "ст", "см", "т.е"}
)  # fmt: skip

_Finder = Callable[[str, int, int], list[int]]


def split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` of at most ``MAX_PASSAGE`` characters, trimmed."""
    if end - start <= MAX_PASSAGE:
        return [(start, end)]
    pieces = [(start, end)]
    for finder in (_sentence_cuts, _clause_cuts, _space_cuts, _hard_cuts):
        pieces = [cut for piece in pieces for cut in _cut(text, piece, finder)]
        if all(e - s <= MAX_PASSAGE for s, e in pieces):
            break
    return [trimmed for s, e in pieces if (trimmed := _trim(text, s, e)) is not None]


def _cut(text: str, piece: tuple[int, int], finder: _Finder) -> list[tuple[int, int]]:
    start, end = piece
    if end - start <= MAX_PASSAGE:
        return [piece]
    out = []
    best: int | None = None  # the latest cut still within reach of ``start``
    for cut in [*finder(text, start, end), end]:
        if cut - start <= MAX_PASSAGE:
            best = cut
            if cut - start >= _TARGET and cut != end:
                out.append((start, cut))
                start, best = cut, None
            continue
        # ``cut`` is out of reach: cut at ``best``, or hand the stretch to a finer finder.
        stop = best if best is not None else cut
        out.append((start, stop))
        start = stop
        best = cut if cut - start <= MAX_PASSAGE else None
    if start < end:
        out.append((start, end))
    return out


def _sentence_cuts(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for found in _SENTENCE_END.finditer(text, start, end):
        if found.group()[0] == "." and _not_a_sentence_end(text, found.start(), found.end()):
            continue
        cuts.append(found.end())
    return cuts


def _not_a_sentence_end(text: str, dot: int, after: int) -> bool:
    """An abbreviation ("para. 5", "e.g. the") or an initial ("J. Smith") before the dot."""
    following = text[after : after + 3].lstrip()
    if following[:1].islower():
        return True
    word = text[max(0, dot - 12) : dot].rsplit(None, 1)[-1].lstrip("([") if dot else ""
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _clause_cuts(text: str, start: int, end: int) -> list[int]:
    return [found.end() for found in _CLAUSE_END.finditer(text, start, end)]


def _space_cuts(text: str, start: int, end: int) -> list[int]:
    return [found.start() for found in _SPACE.finditer(text, start, end)]


def _hard_cuts(text: str, start: int, end: int) -> list[int]:
    return list(range(start + _TARGET, end, _TARGET))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
