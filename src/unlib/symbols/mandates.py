"""Lists of resolutions under a heading, as in the "legislative mandates" of budget documents:

    General Assembly resolutions
    13 (I)      Organization of the Secretariat
    70/93 A     Questions relating to information

Each line that starts with a resolution number is a reference to that organ's resolution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from unlib.symbols import cues
from unlib.symbols.phrases import item_pattern
from unlib.symbols.references import item_from_groups, resolve

_MAX_TITLE_LINES: Final = 3  # a title wraps over a few lines; more text ends the list
_ORGAN_BY_NAME: Final = {
    "general": "A",
    "assemblée": "A",
    "asamblea": "A",
    "генеральной": "A",
    "الجمعية": "A",
    "大会": "A",
    "security": "S",
    "conseil de sécurité": "S",
    "consejo de seguridad": "S",
    "совета безопасности": "S",
    "مجلس الأمن": "S",
    "安全理事会": "S",
    "economic": "E",
    "conseil économique": "E",
    "consejo económico": "E",
    "экономического": "E",
    "المجلس الاقتصادي": "E",
    "经济及社会理事会": "E",
    "human": "A/HRC",
    "droits": "A/HRC",
    "derechos": "A/HRC",
    "правам": "A/HRC",
    "حقوق": "A/HRC",
    "人权理事会": "A/HRC",
}


@dataclass(frozen=True, slots=True)
class Listed:
    symbol: str
    decision: bool
    start: int  # view offsets of the number at the head of the line
    end: int


@cache
def _heading_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*(?:{cues.MANDATE_HEADINGS[lang]})[ \t:：]*$", re.MULTILINE)


@cache
def _line_item_re(lang: str) -> re.Pattern[str]:
    # A resolution number at the start of a line, then blanks and the title.
    return re.compile(rf"[ \t]*(?:{item_pattern(lang)})(?=[ \t]+\S|[ \t]*$)")


def find_listed(view: str, lang: str) -> Iterator[Listed]:
    """Resolution numbers heading the lines of a list under an organ's heading."""
    for heading in _heading_re(lang).finditer(view):
        organ = _organ_of(heading.group("organ"))
        decision = heading.group("kind").lower() in (
            "decisions",
            "décisions",
            "decisiones",
            "решения",
            "مقررات",
            "决定",
        )
        yield from _list_lines(view, heading.end(), lang, organ, decision)


def _organ_of(name: str) -> str | None:
    lowered = " ".join(name.lower().split())
    for key, code in _ORGAN_BY_NAME.items():
        if lowered.startswith(key):
            return code
    return None


def _list_lines(
    view: str, position: int, lang: str, organ: str | None, decision: bool
) -> Iterator[Listed]:
    item_re = _line_item_re(lang)
    title_lines = 0
    seen_item = False
    for line_start, line in _lines_after(view, position):
        if not line.strip():
            continue
        if _heading_re(lang).match(line):
            return
        found = item_re.match(line)
        item = item_from_groups(found.groupdict()) if found else None
        if found is None or item is None:
            title_lines += 1
            if title_lines > _MAX_TITLE_LINES or not seen_item:
                return
            continue
        seen_item, title_lines = True, 0
        for symbol in resolve(item, organ, None, decision=decision):
            start = line_start + len(found.group(0)) - len(found.group(0).lstrip())
            yield Listed(symbol, decision, start, line_start + found.end())


def _lines_after(view: str, position: int) -> Iterator[tuple[int, str]]:
    start = view.find("\n", position) + 1
    while 0 < start < len(view):
        end = view.find("\n", start)
        end = len(view) if end == -1 else end
        yield start, view[start:end]
        start = end + 1
