"""When, and at which meeting, a resolution or decision was adopted.

Two places say it. The *head*: "Resolution adopted by the General Assembly on 10 October 2018",
"Adopted by the Security Council at its 3157th meeting, on 8 January 1993", "Resolution 600
(1987) of 19 October 1987", "大会2018年10月10日通过的决议". The *end*: "18th plenary meeting /
10 October 2018" under a General Assembly resolution, "Adopted unanimously at the 2754th
meeting." under a Security Council one. Both are read in the six languages; the end is searched
in the last few thousand characters first and in the whole text (one regex pass) only when the
adoption note is not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from unlib.ingest.cover_terms import organ_code, organ_pattern
from unlib.text.dates import find_dates

TAIL_CHARS: Final = 6_000
_DATE_NEAR: Final = 24  # the date must follow an adoption phrase within this many characters
_NOTE_DATE_WINDOW: Final = 90
_MAX_MEETING: Final = 20_000  # the Security Council held its 9,000th meeting in 2022
_HYPHENATED: Final = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Adoption:
    """What a document says about its own adoption (every part optional)."""

    date: str | None = None  # ISO
    meeting: int | None = None  # meeting number
    plenary: bool = False  # a plenary meeting (General Assembly, ECOSOC)
    organ: str | None = None  # the organ the note names: "A", "S", "E", "A/HRC" …


_O = "{organ}"  # placeholder for the organ alternation of the language
_ORD = r"(?:st|nd|rd|th)"
# A number as OCR reads it: "I851st", "3O93rd", "326lst" (letters for digits, repaired below).
_OCR_NUMBER = r"(?:[\dIlO]*\d[\dIlO]*\d[\dIlO]*|\d)"
_OCR_DIGITS: Final = str.maketrans({"I": "1", "l": "1", "O": "0"})
# Head phrases after which the adoption date follows directly.
_HEAD_PHRASES: Final = {
    "en": [
        rf"\b(?:Resolution|Decision)s?\s+adopted\s+by\s+the\s+(?:{_O})"
        rf"(?:\s+at\s+its\s+(?P<meeting>\d+){_ORD}\s+(?P<plenary>plenary\s+)?meeting)?,?\s+(?:on\s+)?",
        rf"\bAdopted\s+by\s+the\s+(?:{_O})\s+at\s+its\s+(?P<meeting>{_OCR_NUMBER}){_ORD}\s+"
        r"(?P<plenary>plenary\s+)?meeting,?\s+(?:held\s+)?on\s+",
        # "Resolution 600 (1987)\nof 19 October 1987" (a misread "of" is tolerated).
        r"^[ \t]*(?-i:Resolution|RESOLUTION)\s+\d+(?:\s*\(\d{4}\))?\s+\S{1,3}\s+",
        r"^[ \t]*\d+\s*\(\d{4}\)\s*\.\s*Resolution\s+of\s+",
    ],
    "fr": [
        rf"\b(?:Résolution|Décision)s?\s+adoptées?\s+par\s+(?:l['’]\s*|le\s+|la\s+)(?:{_O})"
        r"(?:\s+à\s+sa\s+(?P<meeting>\d+)e\s+séance(?P<plenary>\s+plénière)?)?,?\s+(?:le\s+)?",
        rf"\bAdoptée\s+par\s+le\s+(?:{_O})\s+à\s+sa\s+(?P<meeting>\d+)e\s+séance"
        r"(?P<plenary>\s+plénière)?,?\s+(?:tenue\s+)?le\s+",
        r"^[ \t]*(?-i:Résolution|RÉSOLUTION)\s+\d+\s*\(\d{4}\)\s+du\s+",
    ],
    "es": [
        rf"\b(?:Resolución|Decisión)\s+aprobada\s+por\s+(?:la|el)\s+(?:{_O})"
        r"(?:\s+en\s+su\s+(?P<meeting>\d+)[ªa]\s+sesión(?P<plenary>\s+plenaria)?)?,?\s+"
        r"(?:celebrada\s+)?(?:el\s+)?",
        rf"\bAprobada\s+por\s+el\s+(?:{_O})\s+en\s+su\s+(?P<meeting>\d+)[ªa]\s+sesión"
        r"(?P<plenary>\s+plenaria)?,?\s+(?:celebrada\s+)?el\s+",
        r"^[ \t]*(?-i:Resolución|RESOLUCIÓN)\s+\d+\s*\(\d{4}\)\s+de\s+",
    ],
    "ru": [
        rf"\b(?:Резолюция|Решение),?\s+принят(?:ая|ое)\s+(?:{_O})(?:\s+на\s+(?:ее|его|своем)\s+"
        r"(?P<meeting>\d+)-м\s+(?P<plenary>пленарном\s+)?заседании)?,?\s+",
        # "Резолюция 2720 (2023),\nпринятая Советом Безопасности на его 9520-м заседании …"
        rf"\bПринят(?:а|ая|ое)\s+(?:{_O})\s+на\s+(?:его|ее|своем)\s+(?P<meeting>\d+)-м\s+"
        r"(?P<plenary>пленарном\s+)?заседании,?\s+",
        r"^[ \t]*(?-i:Резолюция|РЕЗОЛЮЦИЯ)\s+\d+\s*\(\d{4}\)\s+от\s+",
    ],
    "ar": [
        rf"(?:القرار|المقرر)\s+الذي\s+اتخذ(?:ته|ه)\s+(?:{_O})(?:\s+في\s+جلسته\s+"
        r"(?P<plenary>العامة\s+)?(?P<meeting>\d+))?\s*،?\s*(?:المعقودة\s+)?(?:في\s+)?",
        rf"اتخذه\s+(?:{_O})\s+في\s+جلسته\s+(?P<plenary>العامة\s+)?(?P<meeting>\d+)\s*،?\s*"
        r"(?:المعقودة\s+)?في\s+",
        r"^[ \t]*القرار\s+\d+\s*\(\d{4}\)\s+(?:المؤرخ|المتخذ)\s+(?:في\s+)?",
    ],
}
# Chinese puts the date before the verb: a short line ending in "通过的决议" or "…次会议通过".
_ZH_ADOPTION_LINE: Final = re.compile(
    r"^[^\n。]{0,80}?(?:通过的(?:决议|决定)|会议(?:上)?(?:一致)?通过)[^\n。]{0,8}$", re.MULTILINE
)
_ZH_ORGANS: Final = re.compile(organ_pattern("zh"))
_ZH_MEETING: Final = re.compile(r"第\s*(?P<meeting>\d+)\s*次(?P<plenary>全体)?会议")

# End notes: "18th plenary meeting" (then the date) and "Adopted unanimously at the 2754th meeting".
_NOTE_GAP = r"(?:[^.\n]|\n(?!\s*\n)){0,120}?"
_END_NOTES: Final = {
    "en": [
        # "18th plenary meeting" (older volumes: "947th plenary meeting,") above the date.
        rf"^[ \t]*(?P<meeting>\d+){_ORD}\s+(?P<plenary>plenary\s+)?meeting[ \t]*[,.]?[ \t]*$",
        # OCR'd notes: "Adopted unanimously the 2399th meeting", "at the 273 1st meeting",
        # "at the 3005 meeting", "at the resumed 2190th meeting", "3017th (closed) meeting".
        rf"^[ \t]*Ad[ao]pted\b{_NOTE_GAP}\b(?:at\s+)?(?:its|the)\s+(?:resumed\s+)?"
        rf"(?P<meeting>{_OCR_NUMBER}(?: \d)?)(?:{_ORD})?\s+(?:\([\w\s]{{1,20}}\)\s+)?"
        r"(?P<plenary>plenary\s+)?meeting",
        rf"^[ \t]*At\s+the\s+(?P<meeting>\d+){_ORD}\s+meeting\.?[ \t]*$",
    ],
    "fr": [
        r"^[ \t]*(?P<meeting>\d+)e\s+séance(?P<plenary>\s+plénière)?[ \t]*[,.]?[ \t]*$",
        rf"^[ \t]*Adoptée\b{_NOTE_GAP}\bà\s+(?:sa|la)\s+(?P<meeting>\d+)e\s+séance"
        r"(?P<plenary>\s+plénière)?",
    ],
    "es": [
        r"^[ \t]*(?P<meeting>\d+)[ªa]\s+sesión(?P<plenary>\s+plenaria)?[ \t]*[,.]?[ \t]*$",
        rf"^[ \t]*Aprobada\b{_NOTE_GAP}\ben\s+(?:su|la)\s+(?P<meeting>\d+)[ªa]\s+sesión"
        r"(?P<plenary>\s+plenaria)?",
    ],
    "ru": [
        r"^[ \t]*(?P<meeting>\d+)-е\s+(?P<plenary>пленарное\s+)?заседание[ \t]*[,.]?[ \t]*$",
        rf"^[ \t]*Принят[аоы]?\b{_NOTE_GAP}\bна\s+(?:его|ее|своем\s+)?\s*(?P<meeting>\d+)-м\s+"
        r"(?P<plenary>пленарном\s+)?заседании",
    ],
    "ar": [
        r"^[ \t]*الجلسة\s+(?P<plenary>العامة\s+)?(?P<meeting>\d+)[ \t]*[،.]?[ \t]*$",
        rf"^[ \t]*(?:اتخذ|اعتمد)\w*{_NOTE_GAP}في\s+جلسته\s+(?P<plenary>العامة\s+)?(?P<meeting>\d+)",
    ],
    "zh": [
        r"^[ \t]*第\s*(?P<meeting>\d+)\s*次(?P<plenary>全体)?会议[ \t]*$",
        r"第\s*(?P<meeting>\d+)\s*次会议(?:上)?(?:一致)?通过",
    ],
}


def _compile(lang: str, patterns: list[str], flags: int) -> list[re.Pattern[str]]:
    organs = organ_pattern(lang)
    return [re.compile(p.replace(_O, organs), flags | re.MULTILINE) for p in patterns]


# Head phrases may be in capitals ("RESOLUTION 898 (1994)"); end notes must start with a
# capital ("Adopted …") so that a wrapped line of running text ("adopted at its …") is not one.
_HEAD_RE: Final = {lang: _compile(lang, ps, re.IGNORECASE) for lang, ps in _HEAD_PHRASES.items()}
_END_RE: Final = {lang: _compile(lang, ps, 0) for lang, ps in _END_NOTES.items()}


def find_adoption(head: str, text: str, lang: str, *, resolution_like: bool = False) -> Adoption:
    """Adoption facts from the head phrase, completed by the end note.

    The end note is looked for in the last TAIL_CHARS characters; the whole text is read only
    for a text that is a resolution or decision (``resolution_like``, or an adoption phrase in
    its head), whose note may sit above long footnotes or an annex.
    """
    from_head = _zh_head(head) if lang == "zh" else _head(head, lang)
    whole_text = resolution_like or from_head != Adoption()
    from_end = _end_note(text, lang, whole_text=whole_text)
    return Adoption(
        date=from_head.date or from_end.date,
        meeting=from_head.meeting or from_end.meeting,
        plenary=from_head.plenary if from_head.meeting else from_end.plenary,
        organ=from_head.organ or from_end.organ,
    )


def _searchable(text: str) -> str:
    """Without stray underscores (OCR noise: "at _its 3258th"); same length.

    The patterns use ``\\d``, which also matches Arabic-Indic and full-width digits, and ``int``
    reads those, so no digit translation is needed here.
    """
    return text.replace("_", " ")


def _head(head: str, lang: str) -> Adoption:
    searchable = _searchable(head)
    for pattern in _HEAD_RE.get(lang, []):
        for match in pattern.finditer(searchable):
            window = head[match.end() : match.end() + _DATE_NEAR + 40]
            dates = [d for d in find_dates(window, lang) if d.start <= _DATE_NEAR]
            if dates:
                return _adoption(match, dates[0].iso)
    return Adoption()


def _zh_head(head: str) -> Adoption:
    for match in _ZH_ADOPTION_LINE.finditer(head):
        line = head[match.start() : match.end()]
        dates = find_dates(line, "zh")
        meeting = _ZH_MEETING.search(line)
        organ = _ZH_ORGANS.search(line)
        if dates or meeting:
            return Adoption(
                date=dates[0].iso if dates else None,
                meeting=_meeting_number(meeting.group("meeting")) if meeting else None,
                plenary=bool(meeting and meeting.group("plenary")),
                organ=organ_code(organ) if organ else None,
            )
    return Adoption()


def _adoption(match: re.Match[str], date: str | None) -> Adoption:
    groups = match.groupdict()
    meeting = _meeting_number(groups.get("meeting"))
    return Adoption(
        date=date,
        meeting=meeting,
        plenary=bool(groups.get("plenary")),
        organ=organ_code(match),
    )


def _meeting_number(digits: str | None) -> int | None:
    """The meeting number; a number no organ has reached is a misreading (footnote glued on)."""
    if not digits:
        return None
    number = int(digits.replace(" ", "").translate(_OCR_DIGITS))
    return number if 0 < number < _MAX_MEETING else None


def _end_note(text: str, lang: str, *, whole_text: bool) -> Adoption:
    patterns = _END_RE.get(lang, [])
    tail_start = max(0, len(text) - TAIL_CHARS)
    regions = [tail_start, 0] if tail_start and whole_text else [tail_start]
    for start in regions:
        region = _searchable(text[start:]).replace("\r\n", "\n")
        region = _HYPHENATED.sub("", region)  # "meet-\ning" -> "meeting"
        found = _last_note(region, patterns, lang)
        if found is not None:
            return found
    return Adoption()


def _last_note(region: str, patterns: list[re.Pattern[str]], lang: str) -> Adoption | None:
    best: re.Match[str] | None = None
    for pattern in patterns:
        for match in pattern.finditer(region):
            if best is None or match.start() > best.start():
                best = match
    if best is None:
        return None
    after = find_dates(region[best.end() : best.end() + _NOTE_DATE_WINDOW], lang)
    before = find_dates(region[max(0, best.start() - _NOTE_DATE_WINDOW) : best.start()], lang)
    # The date sits under the meeting line; Chinese may print it above.
    date = after[0].iso if after else (before[-1].iso if before and lang == "zh" else None)
    return _adoption(best, date if _is_meeting_line(best) else None)


def _is_meeting_line(match: re.Match[str]) -> bool:
    """Only a bare "18th plenary meeting" line is followed by the adoption date."""
    first = match.group(0).lstrip()[:1]
    return first.isdigit() or first in "第ا"
