"""Reading cover lines: which are boiler-plate, which wrap onto the next, how to join them.

Shared by the title readers. Raw PDF text keeps the printed line wrapping; cleaned text has one
paragraph per line with blank lines between. Both must give the same title, so wrapping is
decided from the lines themselves: a line that ends open ("of the", ",") or is followed by a
lower-case start wraps; in raw text (no blank lines) a line nearly as wide as the widest line of
the cover also wraps, as it ran into the margin.
"""

from __future__ import annotations

import re
from typing import Final

from unlib.ingest.cover import agenda_items, session_from_cover
from unlib.ingest.cover_terms import (
    BODY_START,
    BOILERPLATE_LINE,
    JOB_NUMBER,
    OPEN_ENDING,
    PREAMBLE_START,
    SYMBOL_LINE,
    organ_pattern,
)
from unlib.text.dates import find_dates

MAX_TITLE_CHARS: Final = 300
_FULL_LINE: Final = 0.8  # a raw line this share of the widest cover line ran into the margin
_MIN_MEASURE: Final = 60  # narrower "widest lines" are a short cover, not a page's measure
_DATE_SLACK: Final = 12  # characters beside the dates on a line that is "only a date"

_ADOPTED_LINE: Final = re.compile(
    r"^(?:Resolution|Decision|Résolution|Décision|Resolución|Decisión|Резолюция|Решение|القرار|"
    r"المقرر)[\s,]+(?:adopt|aprobad|принят|الذي)|通过的(?:决议|决定)$",
    re.IGNORECASE,
)
_ORGAN_ONLY: Final = {
    lang: re.compile(
        rf"^(?:{organ_pattern(lang)})(?:\s+(?:Distr\b.*|التوزيع.*|[A-Z]{{1,6}}/\S+.*))?$",
        re.IGNORECASE,
    )
    for lang in ("ar", "zh", "en", "fr", "ru", "es")
}


def is_noise(line: str, lang: str) -> bool:
    """Cover boiler-plate, never part of a title: "United Nations", "Distr.: General", job
    numbers, symbols, dates, session and agenda lines, an organ's name alone."""
    if BOILERPLATE_LINE.match(line) or JOB_NUMBER.match(line) or SYMBOL_LINE.match(line):
        return True
    if _ADOPTED_LINE.search(line):
        return True
    if lang and (agenda_items(line, lang) or session_from_cover(line, lang)):
        return True
    organ_only = _ORGAN_ONLY.get(lang)
    if organ_only and organ_only.match(line):
        return True
    dates = find_dates(line, lang or "und")
    return bool(dates) and sum(len(d.text) for d in dates) >= len(line) - _DATE_SLACK


def measure(lines: list[str]) -> int:
    """The printed line width of raw text (its widest line, from body text below the cover);
    0 for reflowed text (it has blank lines) or when too few characters show a measure."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    inner = lines[first : last + 1]
    if not inner or any(not line.strip() for line in inner):
        return 0
    width = max(len(line.strip()) for line in inner)
    return width if width >= _MIN_MEASURE else 0


def wraps_onto(line: str, following: str, width: int) -> bool:
    """Whether ``following`` continues ``line`` (see the module docstring)."""
    if OPEN_ENDING.search(line) or following[:1].islower():
        return True
    return width > 0 and len(line) >= _FULL_LINE * width


def run_to_preamble(first: str, rest: list[str], lang: str) -> list[str]:
    """``first`` and the lines after it up to the preamble, a blank line or boiler-plate.

    A line after an open ending is taken whatever it looks like ("… session of the" / "General
    Assembly"); blank lines inside a wrapped phrase are bridged (see bridge_blank_lines).
    """
    parts = [first.strip()]
    for line in bridge_blank_lines([first, *rest])[1:]:
        stripped = line.strip()
        if stripped and OPEN_ENDING.search(parts[-1]):
            parts.append(stripped)  # "… special session of the" / "General Assembly"
            continue
        if not stripped or PREAMBLE_START.match(stripped) or BODY_START.match(stripped):
            break
        # A bracketed line is a committee note, but "(COVID-19)" wrapped alone is title.
        if not stripped.startswith("(") and is_noise(stripped, lang):
            break
        parts.append(stripped)
        if sum(len(part) for part in parts) > MAX_TITLE_CHARS:
            break
    return parts


def bridge_blank_lines(lines: list[str]) -> list[str]:
    """Drop blank lines that cut a wrapped phrase in two, as reflowing sometimes leaves them:
    "… meeting of the" / "" / "General Assembly …", "… bibliotecas nacionales" / "" / "y la …".
    Runs of blank lines become one."""
    following = [""] * len(lines)  # the next non-blank line after each position
    upcoming = ""
    for index in range(len(lines) - 1, -1, -1):
        following[index] = upcoming
        upcoming = lines[index].strip() or upcoming
    bridged: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip():
            previous = bridged[-1].strip() if bridged else ""
            if not previous:
                continue  # leading blank line, or one blank line already kept
            if following[index] and wraps_onto(previous, following[index], 0):
                continue
        bridged.append(line)
    return bridged


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: a space between words, none inside Chinese or a split hyphenation."""
    joined = ""
    for part in parts:
        if joined.endswith("-") and joined[-2:-1].strip():
            joined += part  # a compound broken at its hyphen: "Secretary-" + "General"
        elif joined.endswith(" -") and part[:1].isalnum():
            joined = (
                joined[:-2] + "-" + part
            )  # extraction spaced the hyphen: "drug -" + "resistant"
        elif joined and is_cjk(joined[-1]) and is_cjk(part[:1]):
            joined += part
        else:
            joined = f"{joined} {part}" if joined else part
    return joined


def is_cjk(char: str) -> bool:
    return bool(char) and ("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef")
