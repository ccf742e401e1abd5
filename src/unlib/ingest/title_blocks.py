"""Titles that sit in a block of the cover, located by the line next to them.

- A draft: the title follows the line "Austria and Chile: draft resolution" and runs to the
  preamble.
- A report or note: the title is the block above the bare author line "Report of the
  Secretary-General" / "秘书长的报告" (above it, after the agenda line, UN covers print the agenda
  item's own title, which is not the document's).
- A line that is itself a title: "Report of the Secretary-General on the work of the
  Organization", "Letter dated … addressed to …", "Statement by the President …".
"""

from __future__ import annotations

import re
from typing import Final

from unlib.ingest.cover_lines import (
    is_noise,
    join_lines,
    run_to_preamble,
    wraps_onto,
)
from unlib.ingest.cover_terms import (
    BARE_AUTHOR,
    BODY_START,
    DRAFT_LINE,
    PREAMBLE_START,
    TITLE_OPENINGS,
    compile_by_lang,
)
from unlib.text.dates import find_dates

_MAX_BLOCK_LINES: Final = 6  # a title block is a few lines at most
_LETTER_DATE_REACH: Final = 80  # "Identical letters dated 5 July 2024" / "…的信" put it early
_LETTER: Final = re.compile(
    r"(?:Identical\s+)?Letters?\s+dated|Lettres?\s+(?:identiques\s+)?datées?|Cartas?\s+"
    r"(?:idénticas\s+)?de\s+fecha|(?:Идентичные\s+)?Письм[оа]|رسال"
    r"|[^\n。]{0,30}日[^\n。]{0,120}的(?:同文)?信$",
    re.IGNORECASE,
)
# A letter's title runs on until it has named its addressee.
_ADDRESSEE: Final = re.compile(
    r"addressed\s+to\s+\S+|adressées?\s+(?:au|à|aux)\s+\S+|dirigidas?\s+(?:al|a)\s+\S+"
    r"|на\s+имя\s+\S+|موجهة\s+إلى\s+\S+|موجهتان\s+إلى\s+\S+|给[^\n。]{1,60}的(?:同文)?信$",
    re.IGNORECASE,
)
_LANGS: Final = ("ar", "zh", "en", "fr", "ru", "es")
_BARE: Final = {lang: list(compile_by_lang(BARE_AUTHOR, lang).values()) for lang in _LANGS}
_OPENINGS: Final = {lang: list(compile_by_lang(TITLE_OPENINGS, lang).values()) for lang in _LANGS}
_DRAFT: Final = {lang: re.compile(DRAFT_LINE[lang], re.IGNORECASE) for lang in _LANGS}


def draft_title(lines: list[str], lang: str) -> str | None:
    """The title printed under "Austria and Chile: draft resolution", up to the preamble."""
    pattern = _DRAFT.get(lang)
    for index, line in enumerate(lines[:-1] if pattern else []):
        if pattern and pattern.search(line.rstrip("*∗ ")):
            below = lines[index + 1 :]
            while below and not below[0]:
                below = below[1:]  # blank lines between the sponsors and the title
            if below and not is_noise(below[0], lang) and not PREAMBLE_START.match(below[0]):
                return join_lines(run_to_preamble(below[0], below[1:], lang))
    return None


def author_block_title(lines: list[str], lang: str, width: int = 0) -> str | None:
    """The block above "Report of the Secretary-General", or a line that is a title itself.

    ``width`` is the printed measure of raw text (see :func:`cover_lines.measure`), 0 if unknown.
    """
    for index, line in enumerate(lines):
        if any(pattern.fullmatch(line.rstrip("*∗ ")) for pattern in _BARE.get(lang, [])):
            block = _block_above(lines, index, lang, width)
            if block:
                return block
    for index, line in enumerate(lines):
        if any(pattern.match(line) for pattern in _OPENINGS.get(lang, [])):
            return join_lines(_continued(lines, index, lang, width))
    return None


def letter_date(title: str | None, lang: str) -> str | None:
    """The date a letter's title gives it: "Letter dated 5 July 2024 from …" -> 2024-07-05."""
    if not title or not _LETTER.match(title):
        return None
    dates = find_dates(title[:_LETTER_DATE_REACH], lang)
    return dates[0].iso if dates else None


def _block_above(lines: list[str], index: int, lang: str, width: int) -> str | None:
    """The last unit of the non-boiler-plate lines above ``index`` (see the module docstring)."""
    position = index - 1
    while position >= 0 and not lines[position]:
        position -= 1
    block: list[str] = []
    while position >= 0 and lines[position] and len(block) < _MAX_BLOCK_LINES:
        if is_noise(lines[position], lang):
            break
        block.insert(0, lines[position])
        position -= 1
    if not block:
        return None
    # Chinese has no letter case to tell a new block by: the whole block is the title.
    return join_lines(block if lang == "zh" else _last_unit(block, width))


def _last_unit(block: list[str], width: int) -> list[str]:
    start = len(block) - 1
    while start > 0 and wraps_onto(block[start - 1], block[start], width):
        start -= 1
    return block[start:]


def _continued(lines: list[str], index: int, lang: str, width: int) -> list[str]:
    """A title line and the lines it wraps onto; a letter's runs on to its addressee."""
    parts = [lines[index]]
    letter = _LETTER.match(lines[index])
    for line in lines[index + 1 : index + _MAX_BLOCK_LINES]:
        if not line or is_noise(line, lang) or BODY_START.match(line):
            break
        awaiting_addressee = letter is not None and not _ADDRESSEE.search(" ".join(parts))
        if not (awaiting_addressee or wraps_onto(parts[-1], line, width)):
            break
        parts.append(line)
    return parts
