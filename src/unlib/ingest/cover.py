"""Facts printed on a UN cover page: issuing organ, session, agenda items and issue date.

Every reader here works on the document *head* (see :func:`document_head`): the first page or
the first few thousand characters, tidied so that raw PDF text (``\\r\\n``, wrapped lines) and
cleaned text (markdown links, reflowed paragraphs) look alike. The *cover zone* is the part of
the head before the body begins (preamble, summary, contents, first numbered paragraph):
sessions and agenda items are read only there, so a session cited in running text is not
mistaken for the document's own.
"""

from __future__ import annotations

import re
from typing import Final

from unlib.ingest.cover_terms import (
    BODY_START,
    OPEN_ENDING,
    PREAMBLE_START,
    organ_code,
    organ_pattern,
    top_level,
)
from unlib.text.date_words import ascii_digits
from unlib.text.dates import FoundDate, find_dates
from unlib.text.numbers import chinese_number, ordinal_value

HEAD_MIN_CHARS: Final = 3_000  # cover facts sit on the first page; this covers one when unpaged
HEAD_MAX_CHARS: Final = 8_000  # a long first page (a whole resolution) is cut here
COVER_MAX_CHARS: Final = 3_000
_PREAMBLE_MAX: Final = 60  # "The General Assembly," is short; a sentence that starts so is not

_MARKDOWN_LINK: Final = re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,300}\)")
# PDF extraction spaces out Chinese ("大 会", "秘书长 关于"): join CJK characters again.
_CJK_GAP: Final = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\u3000]+(?=[\u4e00-\u9fff\uff08-\uff1f])"
)


def document_head(text: str, pages: list[tuple[int, int]] | None) -> str:
    """The first page (bounded to HEAD_MIN..HEAD_MAX characters), tidied for reading."""
    end = HEAD_MIN_CHARS
    if pages:
        end = min(max(pages[0][1], HEAD_MIN_CHARS), HEAD_MAX_CHARS)
    return tidy(text[:end])


def tidy(text: str) -> str:
    """Uniform line ends, markdown links reduced to their text, Chinese spacing repaired."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _CJK_GAP.sub("", text)


def cover_zone(head: str) -> str:
    """The head up to where the body begins (and at most COVER_MAX_CHARS)."""
    zone = head[:COVER_MAX_CHARS]
    match = BODY_START.search(zone)
    preamble = _first_preamble(zone)
    cuts = [m for m in (match.start() if match else None, preamble) if m is not None]
    return zone[: min(cuts)] if cuts else zone


def _first_preamble(zone: str) -> int | None:
    offset = 0
    previous = ""
    for line in zone.split("\n"):
        # "… special session of the" / "General Assembly," continues a title; it opens nothing.
        opens = PREAMBLE_START.match(line) and len(line.strip()) < _PREAMBLE_MAX
        if opens and not OPEN_ENDING.search(previous):
            return offset
        offset += len(line) + 1
        previous = line.strip() or previous
    return None


# --- organ ---------------------------------------------------------------------------------------

# An organ's name alone on a cover line ("Security Council", "The General Assembly,"), or
# followed by the distribution line or "Official Records" — not a sentence that starts with it.
_AFTER_ORGAN: Final = (
    r"(?=[ \t]*[,.،，]?[ \t]*$|[ \t]+(?:Distr\b|التوزيع)|[ \t]*(?:Official\s+Records|Documents\s+officiels"
    r"|Documentos\s+Oficiales|Официальные\s+отчеты|الوثائق\s+الرسمية|正式记录))"
)
_ORGAN_LINE: Final = {
    lang: re.compile(
        rf"^[ \t]*(?:The\s+|L['’]\s*|La\s+|El\s+|Le\s+|إن\s+)?(?:{organ_pattern(lang)}){_AFTER_ORGAN}",
        re.IGNORECASE | re.MULTILINE,
    )
    for lang in ("ar", "zh", "en", "fr", "ru", "es")
}
_ORGAN_LINE_MAX: Final = 80  # a cover line or preamble opener; longer lines are running text


def body_from_cover(head: str, lang: str) -> str | None:
    """The organ named at the start of a short cover line or of the preamble ("The Security
    Council,"), as its symbol code."""
    pattern = _ORGAN_LINE.get(lang)
    if pattern is None:
        return None
    for match in pattern.finditer(head):
        line_end = head.find("\n", match.start())
        line = head[match.start() : line_end if line_end >= 0 else len(head)]
        if len(line.strip()) <= _ORGAN_LINE_MAX:
            return top_level(organ_code(match))
    return None


# --- session -------------------------------------------------------------------------------------

_WORDS: Final = r"[^\W\d_]+(?:[-\s][^\W\d_]+){0,3}?"
_SESSION_PATTERNS: Final = {
    "en": r"^[ \t]*(?:Resumed\s+)?(?P<ord>{w}|\d+(?:st|nd|rd|th))\s+(?P<kind>(?:emergency\s+)?special\s+)?session\b",
    "fr": r"^[ \t]*(?:Reprise\s+de\s+la\s+)?(?P<ord>{w}|\d+e)\s+session(?P<kind>\s+extraordinaire(?:\s+d['’]urgence)?)?",
    "es": r"^[ \t]*(?P<ord>{w}|\d+[º°o])\s+per[íi]odo\s+(?P<kind>extraordinario\s+)?de\s+sesiones(?P<emergency>\s+de\s+emergencia)?",
    "ru": r"^[ \t]*(?P<ord>{w}|\d+-я)\s+(?P<kind>(?:чрезвычайная\s+)?специальная\s+)?сессия",
    "ar": r"^[ \t]*الدورة\s+(?P<kind>الاستثنائية\s+(?:الطارئة\s+)?)?(?P<ord>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2})",
    "zh": r"^[^\n。，；]{0,24}?第(?P<ord>[〇零一二三四五六七八九十百\d]+)届(?P<kind>紧急特别|特别)?会议",
}
_SESSION_RE: Final = {
    lang: re.compile(pattern.replace("{w}", _WORDS), re.IGNORECASE | re.MULTILINE)
    for lang, pattern in _SESSION_PATTERNS.items()
}
# "2023 session" (ECOSOC numbers its sessions by year) in each language.
_YEAR_SESSION_RE: Final = re.compile(
    r"^[ \t]*(?:(?P<y1>\d{4})\s+session|Session\s+de\s+(?P<y2>\d{4})|Per[íi]odo\s+de\s+sesiones"
    r"\s+de\s+(?P<y3>\d{4})|Сессия\s+(?P<y4>\d{4})\s+года|دورة\s+عام\s+(?P<y5>\d{4})"
    r"|(?P<y6>\d{4})年届会)",
    re.IGNORECASE | re.MULTILINE,
)


def session_from_cover(zone: str, lang: str) -> str | None:
    """ "Seventy-third session" -> "73"; emergency special -> "ES-10"; special -> "S-13"."""
    pattern = _SESSION_RE.get(lang)
    searchable = ascii_digits(zone)
    for match in pattern.finditer(searchable) if pattern else ():
        number = _session_number(match.group("ord"), lang)
        if number is not None:
            return _session_label(number, match, lang)
    year = _YEAR_SESSION_RE.search(searchable)
    if year:
        return next(value for value in year.groupdict().values() if value)
    return None


def _session_number(words: str, lang: str) -> int | None:
    if lang == "zh":
        return chinese_number(words)
    tokens = words.split()
    if lang == "ar":
        # The number follows "الدورة" and the line may go on: read the longest leading run.
        runs = [tokens[:size] for size in range(len(tokens), 0, -1)]
    else:
        # The number precedes "session"; a cover line may start with the organ's name
        # ("General Assembly Seventy-third session"), never with lower-case running text.
        runs = [tokens[i:] for i in range(len(tokens)) if all(t[:1].isupper() for t in tokens[:i])]
    for run in runs:
        value = ordinal_value(" ".join(run), lang)
        if value is not None:
            return value
    return None


def _session_label(number: int, match: re.Match[str], lang: str) -> str:
    kind = (match.group("kind") or "").lower()
    emergency = lang == "es" and bool(match.group("emergency"))
    if emergency or any(
        word in kind for word in ("emergency", "urgence", "чрезвычайная", "الطارئة", "紧急")
    ):
        return f"ES-{number}"
    if kind.strip():
        return f"S-{number}"
    return str(number)


# --- agenda items --------------------------------------------------------------------------------

# One item: "129", "68 (b)", "71 b)", "24(b)(i)"; Arabic sub-items use abjad letters "(ب)".
_ITEM: Final = r"\d{1,3}(?:\s*\(?[a-z\u0621-\u064a]{1,2}\))?(?:\s*\(?[ivx]{1,4}\))?"
_JOIN: Final = r"\s*(?:,|and|et|y|и|و|和|、|及)\s*"
# A list of items: "68 and 69", "68 (a) and (b)", "7, 8 et 9".
_LIST: Final = rf"{_ITEM}(?:{_JOIN}(?:{_ITEM}|\(?[a-z\u0621-\u064a]\)))*"
_LIST_RE: Final = re.compile(_LIST, re.IGNORECASE)
_AGENDA_PATTERNS: Final = {
    "en": rf"(?:provisional\s+)?agenda\s+items?\s+{_LIST}|\bitems?\s+{_LIST}\s+of\s+the\s+(?:provisional\s+)?agenda",
    "fr": rf"\bpoints?\s+{_LIST}\s+de\s+l['’]\s*ordre\s+du\s+jour",
    "es": rf"\btemas?\s+{_LIST}\s+del\s+programa",
    "ru": rf"пункты?\s+{_LIST}\s+(?:предварительной\s+)?повестки\s+дня",
    "ar": rf"(?:البند|البندان|البندين|البنود)\s+{_LIST}\s+من\s+جدول\s+الأعمال",
    "zh": rf"议程\W{{0,4}}项目\s*{_LIST}",
}
_AGENDA_RE: Final = {
    lang: re.compile(pattern, re.IGNORECASE) for lang, pattern in _AGENDA_PATTERNS.items()
}
_ONE_ITEM: Final = re.compile(
    r"(?P<number>\d{1,3})?\s*(?:\(?(?P<sub>[a-z\u0621-\u064a]{1,2})\))?(?:\s*\(?(?P<roman>[ivx]{1,4})\))?",
    re.IGNORECASE,
)
_ABJAD: Final = {
    "أ": "a",
    "ا": "a",
    "ب": "b",
    "ج": "c",
    "د": "d",
    "ه": "e",
    "هـ": "e",
    "و": "f",
    "ز": "g",
    "ح": "h",
    "ط": "i",
    "ي": "j",
}
_ITEM_SPLIT: Final = re.compile(_JOIN, re.IGNORECASE)


def agenda_items(zone: str, lang: str) -> list[str]:
    """Agenda items as "129" / "68 (b)", deduplicated, in the order printed."""
    pattern = _AGENDA_RE.get(lang)
    items: list[str] = []
    for match in pattern.finditer(ascii_digits(zone)) if pattern else ():
        number = ""
        for part in _ITEM_SPLIT.split(_items_text(match)):
            item, number = _read_item(part.strip(), number)
            if item and item not in items:
                items.append(item)
    return items


def _items_text(match: re.Match[str]) -> str:
    # The list is the run of numbers, letters and joiners after the keyword.
    found = _LIST_RE.search(match.group(0))
    return found.group(0) if found else ""


def _read_item(part: str, previous_number: str) -> tuple[str | None, str]:
    match = _ONE_ITEM.fullmatch(part)
    if not match or not (match.group("number") or previous_number):
        return None, previous_number
    number = match.group("number") or previous_number  # "68 (a) and (b)": (b) belongs to 68
    sub = match.group("sub")
    label = number
    if sub:
        label += f" ({_ABJAD.get(sub, sub.lower())})"
    if match.group("roman"):
        label += f" ({match.group('roman').lower()})"
    return label, number


# --- issue date ----------------------------------------------------------------------------------

_DISTRIBUTION: Final = re.compile(r"Distr\b|التوزيع", re.IGNORECASE)
_DISTR_WINDOW: Final = 160
_BRACKETED_LINE: Final = re.compile(r"^[ \t]*\[([^\]\n]{6,40})\][ \t]*$", re.MULTILINE)
_REISSUE: Final = re.compile(
    r"Reissued\s+for\s+technical\s+reasons|Nouveau\s+tirage\s+pour\s+raisons\s+techniques"
    r"|Publicado\s+nuevamente\s+por\s+razones\s+técnicas|Переиздан\w*\s+по\s+техническим"
    r"|أعيد\s+إصدار\w*\s+لأسباب\s+فنية|由于技术原因",
    re.IGNORECASE,
)


def issue_date(head: str, lang: str) -> str | None:
    """The date under "Distr.: General" (or in brackets on its own line), as ISO."""
    for match in _DISTRIBUTION.finditer(head):
        window = head[match.end() : match.end() + _DISTR_WINDOW]
        dates = [d for d in find_dates(window, lang) if not d.in_range]
        if dates:
            return dates[0].iso
    for match in _BRACKETED_LINE.finditer(head):
        dates = find_dates(match.group(1), lang)
        if dates:
            return dates[0].iso
    return None


def reissue_date(head: str, lang: str) -> str | None:
    """The date of a "Reissued for technical reasons on …" footnote."""
    for match in _REISSUE.finditer(head):
        dates = find_dates(head[match.start() : match.start() + 120], lang)
        if dates:
            return dates[0].iso
    return None


def dated_line(zone: str, lang: str) -> str | None:
    """A date standing (nearly) alone on a cover line, such as "New York, 18 October 2018".

    Periods (a session's "24 April–4 May 2023") and dates inside sentences are not the
    document's date, so they are skipped.
    """
    for found in find_dates(zone, lang):
        if found.in_range:
            continue
        if len(_line_around(zone, found).strip()) <= len(found.text) + 30:
            return found.iso
    return None


def _line_around(text: str, found: FoundDate) -> str:
    start = text.rfind("\n", 0, found.start) + 1
    end = text.find("\n", found.end)
    return text[start : end if end >= 0 else len(text)]
