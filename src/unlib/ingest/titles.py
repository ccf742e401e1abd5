"""A document's title as a cataloguer would write it, in the document's language.

Tried in order, first answer wins:

1. a resolution or decision heading: "73/3. Political declaration of …" (lines joined up to the
   preamble);
2. a Security Council resolution, which carries no title: "Resolution 600 (1987)" in the
   document's language;
3. a title block of the cover (see :mod:`unlib.ingest.title_blocks`): under a draft's
   "Sponsors: draft resolution" line, above a bare "Report of the Secretary-General", or a line
   that is itself a title ("Letter dated … addressed to …");
4. a founding instrument recognised by its text ("Charter of the United Nations");
5. a meaningful embedded title (PDF Info, DOCX properties, HTML <title>);
6. the first heading-like line of the cover.

Cover boiler-plate ("United Nations", "Distr.: General", job numbers, agenda and session lines)
is never a title.
"""

from __future__ import annotations

import re
from typing import Final

from unlib.ingest.cover_lines import (
    MAX_TITLE_CHARS,
    bridge_blank_lines,
    is_noise,
    join_lines,
    measure,
    run_to_preamble,
)
from unlib.ingest.instruments import instrument_title
from unlib.ingest.title_blocks import author_block_title, draft_title
from unlib.model import OwnSymbol
from unlib.text.numbers import roman_to_int

# "73/3. Title", "ES-10/21. Title", "2018/12. Title", "78/190 - عنوان", and the older
# "1514 (XV). Title" / "2453 A (XXIII). Title", at the start of a line (or after the bracketed
# committee note that a reflowed paragraph may have joined to it).
_RESOLUTION_HEADING: Final = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{0,200}\][ \t]*)?"
    r"(?:(?P<session>(?:ES|S)-\d{1,2}|\d{1,4})/\d{1,4}(?:[ \t]*[A-Z](?!\w))?"
    r"|\d{1,4}(?:[ \t]*[A-Z])?[ \t]*\((?P<roman>(?:ES-|S-)?[IVXLC]{1,8})\))"
    r"[ \t]*[.．:\-–—][ \t]*(?=\S)",
    re.MULTILINE,
)
_SC_SYMBOL: Final = re.compile(r"^S/RES/(?P<number>\d+)\s*\((?P<year>\d{4})\)$")
_SC_HEADING: Final = re.compile(
    r"^[ \t]*(?:(?:Resolution|Résolution|Resolución|Резолюция|القرار)\s+(?P<number>\d+)\s*"
    r"\((?P<year>\d{4})\)|(?P<number2>\d+)\s*\((?P<year2>\d{4})\)\s*\.\s*Resolution\b"
    r"|第\s*(?P<number3>\d+)\s*\((?P<year3>\d{4})\)\s*号决议)",
    re.MULTILINE | re.IGNORECASE,
)
_HEADING_REACH: Final = 3_000  # the heading sits on the first page, above the preamble
_SC_HEADING_REACH: Final = 600  # the heading opens the text
_SC_TITLE: Final = {
    "en": "Resolution {n} ({y})",
    "fr": "Résolution {n} ({y})",
    "es": "Resolución {n} ({y})",
    "ru": "Резолюция {n} ({y})",
    "ar": "القرار {n} ({y})",
    "zh": "第{n}({y})号决议",
}
# "1. …", "24.1 …", "(a) …", "一、…": a numbered paragraph, not a heading.
_NUMBERED: Final = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\s|\d{1,3}\s*[.．、)]\s*|\(?[a-z]\)\s)")
_SENTENCE: Final = re.compile(r"^(?:\S+\s+){8,}.*[.。]$")  # nine words or more, then a full stop
_TRAILING_NOISE: Final = re.compile(r"[\s*∗†‡]+$|\s+\d{1,2}$|\s*\((?:[A-Z]{1,6}/[^)]*)\)\s*$")
_EMBEDDED_NOISE: Final = re.compile(
    r"^(?:microsoft\s+word\s*-|untitled|document\d*$|[\w\-]+\.(?:docx?|pdf|rtf|txt)$)"
    r"|^\d{2}-\d{5}|^[A-Z]{1,6}(?:/[\w.\-]+)+(?:\s*\(\d{4}\))?$",
    re.IGNORECASE,
)


def find_title(
    head: str,
    zone: str,
    text: str,
    lang: str,
    *,
    own: OwnSymbol | None = None,
    embedded_title: str | None = None,
) -> str | None:
    """The title of a document (see the module docstring for the order of evidence)."""
    lines = bridge_blank_lines([line.strip() for line in zone.split("\n")])
    candidates = (
        lambda: resolution_heading_title(head),
        lambda: security_council_title(head, lang, own),
        lambda: draft_title(lines, lang),
        lambda: author_block_title(lines, lang, measure(head.split("\n"))),
        lambda: instrument_title(text, lang),
        lambda: _meaningful_embedded(embedded_title, lang),
        lambda: first_heading_line(lines or head.split("\n"), lang),
    )
    for candidate in candidates:
        title = candidate()
        if title:
            return clean_title(title)
    return None


def clean_title(title: str) -> str:
    """Collapse whitespace, drop footnote marks and a trailing symbol, bound the length."""
    title = re.sub(r"\s+", " ", title).strip()
    title = re.sub(
        r"(?<=[\u4e00-\u9fff\uff1a\uff08\uff09]) (?=[\u4e00-\u9fff\uff1a\uff08\uff09])", "", title
    )
    previous = None
    while previous != title:
        previous, title = title, _TRAILING_NOISE.sub("", title).strip()
    if len(title) > MAX_TITLE_CHARS:
        cut = title.rfind(" ", 0, MAX_TITLE_CHARS)
        title = title[: cut if cut > MAX_TITLE_CHARS // 2 else MAX_TITLE_CHARS].rstrip(" ,;:") + "…"
    return title


# --- 1. resolution heading -----------------------------------------------------------------------


def resolution_heading_title(head: str) -> str | None:
    """ "73/3. Political declaration of the …" and its continuation lines, up to the preamble."""
    match = _RESOLUTION_HEADING.search(head[:_HEADING_REACH])
    if match is None:
        return None
    first, *rest = head[match.end() :].split("\n")
    if not re.search(r"[^\W\d_]", first):
        return None
    return join_lines(run_to_preamble(first, rest, ""))


def resolution_heading_session(head: str) -> str | None:
    """The session in a resolution's number: "73/3." -> "73", "1514 (XV)." -> "15",
    "ES-10/21." -> "ES-10"; ECOSOC's "2018/12." gives its year, "2018"."""
    match = _RESOLUTION_HEADING.search(head[:_HEADING_REACH])
    if match is None:
        return None
    if match.group("session"):
        return match.group("session")
    prefix, _, roman = match.group("roman").rpartition("-")
    number = roman_to_int(roman)
    if number is None:
        return None
    return f"{prefix}-{number}" if prefix else str(number)


# --- 2. Security Council resolution --------------------------------------------------------------


def security_council_title(head: str, lang: str, own: OwnSymbol | None) -> str | None:
    """ "Resolution 600 (1987)" for a Security Council resolution, in the document's language."""
    symbol = _SC_SYMBOL.match(own.symbol) if own else None
    found = (symbol.group("number"), symbol.group("year")) if symbol else None
    number_year = found or security_council_heading(head)
    if number_year is None:
        return None
    number, year = number_year
    return _SC_TITLE.get(lang, _SC_TITLE["en"]).format(n=number, y=year)


def security_council_heading(head: str) -> tuple[str, str] | None:
    """(number, year) from a heading "Resolution 600 (1987)" / "12 (1946). Resolution of …".

    A four-digit year in brackets is the Security Council's numbering; General Assembly and
    ECOSOC resolutions of that style carry a session in roman numerals ("2453 (XXIII)").
    """
    heading = _SC_HEADING.search(head[:_SC_HEADING_REACH])
    if heading is None:
        return None
    groups = heading.groupdict()
    number = groups["number"] or groups["number2"] or groups["number3"]
    year = groups["year"] or groups["year2"] or groups["year3"]
    return number, year


# --- 5. embedded title and 6. first heading ------------------------------------------------------


def _meaningful_embedded(title: str | None, lang: str) -> str | None:
    if not title:
        return None
    stripped = title.strip()
    if len(stripped) < 8 or not re.search(r"[^\W\d_]{3}", stripped):
        return None
    if _EMBEDDED_NOISE.search(stripped) or is_noise(stripped, lang):
        return None
    return stripped


def first_heading_line(lines: list[str], lang: str) -> str | None:
    """The first short line that is neither boiler-plate nor a sentence of running text."""
    for line in lines:
        stripped = line.strip()
        if not stripped or len(stripped) > 200 or is_noise(stripped, lang):
            continue
        if stripped.endswith((",", ";", "،", "，", "；")) or stripped.startswith("|"):
            continue
        if _NUMBERED.match(stripped) or _SENTENCE.search(stripped):
            continue  # a numbered paragraph or a sentence of running text
        if not re.search(r"[^\W\d_]{2}", stripped):
            continue
        return stripped
    return None
