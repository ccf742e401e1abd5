"""Word automatic paragraph numbering, rendered the way it prints ("12.", "(a)", "一、").

In a .docx the printed number of a numbered paragraph is not in the text: the paragraph points
to a list definition (numbering.xml) directly or through its style, and Word counts. We count
the same way: one counter per list instance and level, deeper levels restarting when a
shallower one advances, ``lvlText`` such as ``"%1."`` or ``"(%2)"`` filled in with each level
formatted in its number format. Bullets print no number and get no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS: Final = {"w": W}
_CHINESE_DIGITS: Final = "零一二三四五六七八九"
_ROMAN: Final = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def wval(element: etree._Element, attribute: str = "val") -> str | None:
    """The ``w:``-namespaced attribute of ``element`` (``w:val`` by default)."""
    return element.get(f"{{{W}}}{attribute}")


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str


@dataclass
class ListNumbering:
    """List definitions of one document and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # start overrides
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> num
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Document) -> ListNumbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return numbering  # no numbering.xml: nothing is numbered automatically
        abstract = {
            wval(a, "abstractNumId"): _levels(a) for a in root.iterfind("w:abstractNum", _NS)
        }
        for num in root.iterfind("w:num", _NS):
            num_id = wval(num, "numId")
            ref = num.find("w:abstractNumId", _NS)
            if num_id is None or ref is None:
                continue
            numbering.levels[num_id] = abstract.get(wval(ref), {})
            for override in num.iterfind("w:lvlOverride", _NS):
                start = override.find("w:startOverride", _NS)
                if start is not None:
                    ilvl = int(wval(override, "ilvl") or 0)
                    numbering.starts[(num_id, ilvl)] = int(wval(start) or 1)
        numbering.style_numbering = _style_numbering(document)
        return numbering

    def label(self, paragraph: etree._Element) -> str:
        """The printed number of ``paragraph`` ("" when not numbered), advancing the count."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or levels[ilvl].fmt in {"bullet", "none"}:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        first = self.starts.get((num_id, ilvl), levels[ilvl].start)
        counts[ilvl] = first if counts[ilvl] == 0 else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = levels[ilvl].text
        for lvl in range(ilvl, -1, -1):
            level = levels.get(lvl)
            value = counts[lvl] or (level.start if level else 1)
            rendered = format_number(value, level.fmt if level else "decimal")
            text = text.replace(f"%{lvl + 1}", rendered)
        return text.strip()

    def _num_pr(self, paragraph: etree._Element) -> tuple[str, int] | None:
        num_pr = paragraph.find("w:pPr/w:numPr", _NS)
        if num_pr is None:
            style = paragraph.find("w:pPr/w:pStyle", _NS)
            return self.style_numbering.get(wval(style) or "") if style is not None else None
        num_id = num_pr.find("w:numId", _NS)
        ilvl = num_pr.find("w:ilvl", _NS)
        if num_id is None or wval(num_id) in {None, "0"}:  # numId 0 switches numbering off
            return None
        return wval(num_id) or "", int(wval(ilvl) or 0) if ilvl is not None else 0


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.iterfind("w:lvl", _NS):
        start = lvl.find("w:start", _NS)
        fmt = lvl.find("w:numFmt", _NS)
        text = lvl.find("w:lvlText", _NS)
        levels[int(wval(lvl, "ilvl") or 0)] = Level(
            start=int(wval(start) or 1) if start is not None else 1,
            fmt=(wval(fmt) or "decimal") if fmt is not None else "decimal",
            text=(wval(text) or "") if text is not None else "",
        )
    return levels


def _style_numbering(document: Document) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering themselves (UN templates number by style)."""
    found: dict[str, tuple[str, int]] = {}
    for style in document.styles.element.iterfind("w:style", _NS):
        num_pr = style.find("w:pPr/w:numPr", _NS)
        style_id = wval(style, "styleId")
        if num_pr is None or style_id is None:
            continue
        num_id = num_pr.find("w:numId", _NS)
        ilvl = num_pr.find("w:ilvl", _NS)
        if num_id is not None and wval(num_id) not in {None, "0"}:
            found[style_id] = (wval(num_id) or "", int(wval(ilvl) or 0) if ilvl is not None else 0)
    return found


def format_number(value: int, fmt: str) -> str:
    """``value`` in Word number format ``fmt`` (decimal when the format is unknown)."""
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in {"chineseCounting", "chineseCountingThousand", "ideographTraditional",
               "japaneseCounting", "taiwaneseCounting", "chineseLegalSimplified"}:  # fmt: skip
        return _chinese(value)
    if fmt == "hindiNumbers":  # Arabic-Indic digits
        return "".join(chr(0x660 + int(d)) for d in str(value))
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter past z: 27 -> "aa", 28 -> "bb".
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = []
    for number, numeral in _ROMAN:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)


def _chinese(value: int) -> str:
    if value < 10:
        return _CHINESE_DIGITS[value]
    if value < 100:
        tens, units = divmod(value, 10)
        head = "" if tens == 1 else _CHINESE_DIGITS[tens]
        return head + "十" + (_CHINESE_DIGITS[units] if units else "")
    return str(value)
