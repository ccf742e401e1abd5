"""Phrased references: "resolution 77/128 B", "résolutions 661 (1990) et 665 (1990)",
"第1160(1998)、1199(1998)和1244(1999)号决议", "القرار 77/128 باء", and the headings by which old
Council resolutions name themselves ("12 (1946). Resolution of …").

A phrase is found in one regex pass per language (cue word + list of numbers); each number of
the list is then re-read item by item so that every item gets its own span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from unlib.symbols import cues
from unlib.symbols.references import Item, item_from_groups

# How a number may be written inside a reference. Chinese PDF text breaks lines (and puts
# thousands spaces) inside numbers: "73/27\n0", "1 244".
_NUM: Final = {"zh": r"\d+(?:(?:[ \t]*\n\s*|[ \t])\d+)*"}
_DEFAULT_NUM: Final = r"\d+"
_ROMAN_PAREN: Final = r"(?:ES|S)-(?:[IVX]{1,6}|\d{1,2})|[IVXL1l]{1,7}"
# OCR misreads digits in old resolutions ("S11 (1982)", "!86 (1964)", "70S (1991)"): tolerated
# only right before a year in parentheses, which confirms the reading.
_OCR_NUM: Final = r"(?=[\dSOIl!]{0,3}\d[\dSOIl!]{0,3}\d)[\dSOIl!]{2,4}"


def _parts(lang: str) -> str:
    letter = rf"(?:{cues.PART_LETTER[lang]})(?![A-Za-zА-Яа-я\u0600-\u06ff/])"
    joiner = rf"\s*(?:[-–,、]|{cues.LIST_WORDS[lang]})\s*"
    return rf"{letter}(?:{joiner}{letter})*"


def item_pattern(lang: str) -> str:
    """One number of a reference, as alternatives with distinct group names."""
    num = _NUM.get(lang, _DEFAULT_NUM)
    parts = _parts(lang)
    return (
        rf"(?:(?P<s_sess>(?:ES|S)-\d{{1,2}}|\d{{1,2}})\s?/\s?(?P<s_num>{num})"
        rf"(?:\s?(?P<s_parts>{parts}))?(?![\d/])"
        rf"|(?P<a_year>(?:19|20)\d\d)\s?/\s?(?P<a_num>\d{{1,4}})(?![\d/])"
        rf"|(?P<p_num>{num})\s*(?:(?P<p_part>{cues.PART_LETTER[lang]})\s*)?"
        rf"\(\s*(?P<p_paren>(?:19|20)\d\d|{_ROMAN_PAREN})\s*(?:\)|(?=\s+of\s))"
        rf"|(?<![\w!])(?P<o_num>{_OCR_NUM})\s*\.?\s*\(\s*(?P<o_year>(?:19|20)\d\d)\s*\)"
        rf"|(?P<m_num>\d{{1,4}})\s+(?:\(?(?P<m_year>(?:19|20)\d\d)\)|(?P<m_year2>(?:19|20)\d\d)(?=\s+of\s))"
        rf"|(?P<b_num>\d{{1,4}})(?![\d/.,]\d|\s*\(|\s*[-–]\s*\d|\d))"
    )


# A title never holds another reference: a cue word or a numbered item ends it.
_NOT_IN_TITLE: Final = (
    r"[Rr][eé]solu|[Dd][eé]cisi|резолюц|решени|\d{1,4}\s*(?:[A-Z]\s*)?\(|\d{1,4}\s?/\s?\d"
)
# The start of an item that carries a session, a year or a roman numeral (not a bare number).
_NUMBERED_AHEAD: Final = (
    r"(?=\d{1,4}\s*(?:[A-Z]\s*)?\(|\d{1,2}\s?/\s?\d|(?:19|20)\d\d\s?/\s?\d|(?:ES|S)-\d)"
)


def separator_pattern(lang: str) -> str:
    """What stands between two items: dates, punctuation, "and", Chinese 号 and 第."""
    date = cues.DATE_AFTER_ITEM.get(lang, r"(?!)")
    words = cues.LIST_WORDS[lang]
    if lang == "zh":
        return (
            r"\s*(?:号\s*)?[()（）]?\s*(?:[、，,；;]\s*(?:(?:"
            + words
            + r")\s*)?|(?:"
            + words
            + r"))\s*[()（）\s]*(?:第\s*)?"
        )
    boundary = "" if lang == "ar" else r"\b"
    words = rf"(?:{words}){boundary}\s*(?:,\s*)?"
    title = cues.TITLE_AFTER_ITEM.get(lang)
    # A title between items ("74/270 of 2 April 2020 on global solidarity …, 74/274 …") is
    # stepped over only when a numbered item (not a bare number) follows.
    titled = ""
    if title:
        body = rf"(?:(?!\n[ \t]*\n|{_NOT_IN_TITLE})[^;]){{1,200}}?"
        ahead = rf"(?=\s*[,;،]\s*(?:{words})?{_NUMBERED_AHEAD}|\s+{words}{_NUMBERED_AHEAD})"
        titled = rf"(?:\s*,?\s+(?:{title})\b{body}{ahead})?"
    return rf"(?:{date})?{titled}(?:\s*[,;،]\s*(?:{words})?|\s+{words})"


_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class ItemSpan:
    item: Item
    start: int  # view offsets of the item's text
    end: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """A matched reference phrase: its cue and the items it lists."""

    decision: bool
    cue: str  # the cue word as written ("resolutions", "决议")
    start: int  # view offset of the cue word (or of 第 in Chinese)
    end: int  # view offset after the last item (after 决议/决定 in Chinese)
    list_start: int
    items: list[ItemSpan]
    inner_organ: str | None  # organ named between cue and number (Russian, Arabic)


@cache
def _compiled(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    item = item_pattern(lang)
    separator = separator_pattern(lang)
    plain = _ungrouped(item)
    listed = rf"(?:{plain})(?:{separator}(?:{plain}))*"
    if lang == "zh":
        phrase = (
            rf"(?P<lead>第\s*)?(?P<list>{listed})"
            r"[\s()（）]*(?P<hao>号)?[\s()（）]*(?P<cue>决[\s()（）]{0,4}[议定])"
        )
    else:
        inner = organ_alternation(lang) if lang in ("ru", "ar") else r"(?!)"
        cue = rf"(?P<res>{cues.RESOLUTION_WORDS[lang]})|(?P<dec>{cues.DECISION_WORDS[lang]})"
        phrase = (
            rf"(?:{cue})(?:\s+(?P<inner>{inner}))?\s+{cues.NUMBER_SIGN[lang]}"
            rf"(?P<list>{listed})"
        )
    flags = re.UNICODE
    phrase = rf"(?=[{cues.CUE_FIRST_CHARS[lang]}])" + phrase
    return (
        re.compile(phrase, flags),
        re.compile(item, flags),
        re.compile(separator, flags),
    )


def _ungrouped(pattern: str) -> str:
    """The item pattern without group names, so that it can be repeated in one regex."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def organ_alternation(lang: str) -> str:
    """All organ names of a language as one alternation with a named group per organ."""
    order = ("E", "A/HRC", "E/CN.4", "T", "S", "other", "A", "council")
    groups = []
    for code in order:
        name = "o_" + re.sub(r"\W", "_", code)
        groups.append(rf"(?P<{name}>{cues.ORGANS[code][lang]})")
    return "|".join(groups)


def organ_code(match: re.Match[str]) -> str | None:
    """Which organ an ``organ_alternation`` match named."""
    for name, value in match.groupdict().items():
        if value and name.startswith("o_"):
            return {"o_A_HRC": "A/HRC", "o_E_CN_4": "E/CN.4"}.get(name, name[2:])
    return None


def find_phrases(view: str, lang: str) -> Iterator[Phrase]:
    """Every resolution/decision phrase in ``view`` for one language."""
    phrase_re, item_re, separator_re = _compiled(lang)
    for match in phrase_re.finditer(view):
        if lang == "zh" and not (match.group("lead") or match.group("hao")):
            continue  # "…决议" after a bare number needs 第 or 号 to be a reference
        # Chinese lists are closed by 号决议 (line breaks inside are PDF artefacts); the others
        # run on while separator + item follow, up to a paragraph break.
        bound = match.end("list") if lang == "zh" else len(view)
        items = list(_items(view, match.start("list"), bound, item_re, separator_re))
        if not items:
            continue
        inner = match.groupdict().get("inner")
        yield Phrase(
            decision=_is_decision(match, lang),
            cue=match.group("cue") if lang == "zh" else match.group("res") or match.group("dec"),
            start=match.start(),
            end=match.end() if lang == "zh" else max(match.end(), items[-1].end),
            list_start=match.start("list"),
            items=items,
            inner_organ=_inner_organ(inner, lang) if inner else None,
        )


def _is_decision(match: re.Match[str], lang: str) -> bool:
    if lang == "zh":
        return match.group("cue").endswith("定")
    return match.group("dec") is not None


def _inner_organ(text: str, lang: str) -> str | None:
    found = re.fullmatch(organ_alternation(lang), text)
    return organ_code(found) if found else None


# One unreadable item inside a list ("1760 (XVID of 31 October 1962") is stepped over.
_UNREADABLE_ITEM: Final = re.compile(r"\d{1,4}\s*\([A-Za-z0-9\-]{1,8}(?![A-Za-z0-9\-)])")


def _items(
    view: str, start: int, end: int, item_re: re.Pattern[str], separator_re: re.Pattern[str]
) -> Iterator[ItemSpan]:
    """The items of a list from ``start``; Chinese lists stop at ``end`` (before 号决议), the
    others run as long as separator + item follow."""
    bounded = end < len(view)
    position = start
    while position < end:
        # No endpos: lookaheads in the item pattern must see past the list's end.
        found = item_re.match(view, position)
        if found is None and position > start:
            found = _after_unreadable(view, position, item_re, separator_re)
        if not found or found.end() > end:
            return
        item = item_from_groups(found.groupdict())
        if item is not None:
            yield ItemSpan(item, found.start(), found.end())
        separator = separator_re.match(view, found.end())
        if not separator or separator.end() == found.end() or separator.end() > end:
            return
        if not bounded and _BLANK_LINE.search(view, found.end(), separator.end()):
            return  # a paragraph break ends the list: what follows is a paragraph number
        position = separator.end()


def _after_unreadable(
    view: str, position: int, item_re: re.Pattern[str], separator_re: re.Pattern[str]
) -> re.Match[str] | None:
    garbage = _UNREADABLE_ITEM.match(view, position)
    if garbage is None:
        return None
    separator = separator_re.match(view, garbage.end())
    if separator is None or separator.end() == garbage.end():
        return None
    if _BLANK_LINE.search(view, garbage.end(), separator.end()):
        return None
    return item_re.match(view, separator.end())


# The heading of a resolution in the Council's "Resolutions and Decisions" volumes:
# "12 (1946). Resolution of 10 December 1946" (the number names the resolution itself).
_HEADING: Final = re.compile(
    r"^[ \t]*(?P<n>\d{1,4})\s?\((?P<year>(?:19|20)\d\d)\)\.[ \t]+"
    r"(?:Resolution|Résolution|Resolución|Резолюция)[ \t]+(?:of|du|de|от)\b",
    re.MULTILINE,
)


def find_resolution_headings(view: str) -> Iterator[tuple[str, int, int]]:
    """``("S/RES/12 (1946)", start, end)`` for each "N (YYYY). Resolution of …" heading."""
    for match in _HEADING.finditer(view):
        number = match.group("n").lstrip("0") or "0"
        yield f"S/RES/{number} ({match.group('year')})", match.start("n"), match.end("year") + 1
