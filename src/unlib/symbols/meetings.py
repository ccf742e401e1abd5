"""Meeting numbers: "at its 3157th meeting", "the 1354th and 1355th meetings", "à sa 4011e
séance", "en su 4011ª sesión", "на своем 4011-м заседании", "جلسته 4011", "第4011次会议".

Only the numbers are found here; whose meeting it is (the Security Council's, whose records
are S/PV.<n>) is decided by ``unlib.symbols.extract`` from the organ named around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from unlib.symbols import cues
from unlib.text.numbers import ordinal_value


@dataclass(frozen=True, slots=True)
class Meeting:
    number: str
    start: int
    end: int


@cache
def _meeting_re(lang: str) -> re.Pattern[str]:
    return re.compile(cues.MEETING[lang])


@cache
def _meeting_other_re(lang: str) -> re.Pattern[str]:
    return re.compile(cues.MEETING_OF_OTHER[lang])


_ORDINAL_NUMBER: Final = re.compile(r"[\dIlO]+(?:\s?(?:st|nd|rd|th|h))?")
_OCR_MEETING_DIGITS: Final = str.maketrans({"I": "1", "l": "1", "O": "0"})


_MEETING_WINDOW: Final = 120  # a list of meeting numbers fits before its noun


def _meeting_matches(view: str, lang: str) -> Iterator[re.Match[str]]:
    """Regex matches of meeting phrases, searched only around the meeting noun (cheap)."""
    pattern = _meeting_re(lang)
    anchor = cues.MEETING_NOUN[lang]
    last_end = 0
    position = view.find(anchor)
    while position != -1:
        start = max(last_end, position - _MEETING_WINDOW)
        for match in pattern.finditer(view, start, min(len(view), position + _MEETING_WINDOW)):
            if match.start() <= position < match.end():
                last_end = match.end()
                yield match
                break
        position = view.find(anchor, position + 1)


def find_meetings(view: str, lang: str) -> Iterator[Meeting]:
    """Meeting numbers ("3157th meeting", "1354th and 1355th meetings"), unless another body's."""
    other = _meeting_other_re(lang)
    for match in _meeting_matches(view, lang):
        if other.match(view, match.end()):
            continue
        if lang == "en":
            yield from _listed_meetings(match)
            continue
        # One number, maybe with a thousands space ("第 8 967 次会议").
        value = meeting_number(match.group("list").replace(" ", "").replace("\t", ""))
        if value is not None:
            start = match.start() if lang in ("zh", "ar") else match.start("list")
            yield Meeting(value, start, match.end())


def _listed_meetings(match: re.Match[str]) -> Iterator[Meeting]:
    """ "the 1354th, 1355th and 1357th meetings": one meeting per number, the noun with the last."""
    listed = match.group("list")
    last = len(_ORDINAL_NUMBER.findall(listed)) - 1
    for index, ordinal in enumerate(_ORDINAL_NUMBER.finditer(listed)):
        value = meeting_number(ordinal.group(0))
        if value is None:
            continue
        start = match.start("list") + ordinal.start()
        end = match.end() if index == last else match.start("list") + ordinal.end()
        yield Meeting(value, start, end)


def meeting_number(text: str) -> str | None:
    """ "3157th" -> "3157"; OCR forms "I851st" -> "1851", "24491h" -> "2449"."""
    digits = re.sub(r"\s?(?:st|nd|rd|th|h)$", "", text)
    if text.endswith("1h") and not text.endswith("th"):
        digits = digits[:-1]  # "th" read as "1h"
    digits = digits.translate(_OCR_MEETING_DIGITS)
    if not digits.isdigit():
        return None
    return digits.lstrip("0") or None


# A General Assembly plenary meeting named with its session: "大会第七十八届会议第12次全体会议"
# is A/78/PV.12 (the session makes the symbol; without it no symbol can be written).
_ZH_ASSEMBLY_PLENARY: Final = re.compile(
    r"大\s*会\s*第(?P<session>[一二三四五六七八九十百]+)届(?:会议|特别会议)?\s*第\s*(?P<n>\d{1,3})\s*次全体会议"
)


def find_assembly_plenaries(view: str) -> Iterator[tuple[str, int, int]]:
    """``("A/78/PV.12", start, end)`` for each Chinese plenary meeting named with its session."""
    if "全体会议" not in view:
        return
    for match in _ZH_ASSEMBLY_PLENARY.finditer(view):
        session = ordinal_value(match.group("session"), "zh")
        if session is not None and "特别" not in match.group(0):
            yield f"A/{session}/PV.{int(match.group('n'))}", match.start(), match.end()
