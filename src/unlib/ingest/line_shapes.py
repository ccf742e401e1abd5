"""Line shapes shared by layout cleanup and passage splitting: paragraph markers, sentence ends,
headings, the enacting line that opens a resolution and the adoption line that closes it."""

from __future__ import annotations

import re
from typing import Final

# Words a printed line can stop on only in the middle of a paragraph.
RUN_ON_WORDS: Final = frozenset(
    {"the", "of", "and", "on", "in", "to", "for", "by", "at", "with", "from", "a", "an", "as",
     "or", "its", "their", "this", "that", "de", "du", "des", "la", "le", "les", "et", "à",
     "au", "aux", "en", "sur", "par", "pour", "dans", "del", "el", "los", "las", "y", "con",
     "al", "и", "в", "на", "по", "с", "к", "о", "об", "для", "из", "от"}
)  # fmt: skip

SEPARATOR: Final = re.compile(r"^[^\S\n]*_{5,}[^\S\n]*$")  # the rule above the footnotes
_D: Final = "0-9٠-٩۰-۹"  # ASCII, Arabic-Indic and Eastern Arabic-Indic digits
_CN: Final = "一二三四五六七八九十百"
_MARKER: Final = re.compile(
    rf"^[ \t\u3000]*(?:(?P<bullet>[-*•▪●◦■·–—])[ \t]+)?(?:"
    rf"(?P<num>[{_D}]{{1,3}}(?:\.[{_D}]{{1,3}})+\.?|[{_D}]{{1,3}}\.)(?=[ \t\u3000]|$)"
    rf"|(?P<paren>\((?:[a-z]{{1,2}}|[ivxlcdm]{{1,6}}|[A-Z]|\d{{1,3}})\)|[a-z]\))(?=[ \t])"
    rf"|(?P<zhparen>[(（][{_CN}]{{1,3}}[)）])"
    rf"|(?P<zh>[{_CN}]{{1,3}})[、.．]"
    rf"|(?P<dash>[{_D}]{{1,3}})[ \t]?[-–][ \t]"
    rf"|(?P<roman>[IVXLC]{{1,6}}|[A-Z])\.(?=[ \t])"
    rf")?"
)
_TO_ASCII: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TERMINAL: Final = frozenset(".;:!?。；：！？…؟؛")
_TRAILING: Final = " \t\"'”’»)]）」』"
_FOOTNOTE_REF: Final = re.compile(r"(?<=[.;:,!?。；：，])\s?\d{1,3}/?$")
_HEADING_WORD: Final = re.compile(
    r"^(?:(?:CHAPTER|Chapter|ARTICLE|Article|SECTION|Section|PART|Part|ANNEX|Annex|APPENDIX|"
    r"Appendix|CHAPITRE|Chapitre|ANNEXE|Annexe|CAPÍTULO|Capítulo|ARTÍCULO|Artículo|ANEXO|Anexo|"
    r"ГЛАВА|Глава|СТАТЬЯ|Статья|РАЗДЕЛ|Раздел|ПРИЛОЖЕНИЕ|Приложение|الفصل|المادة|المرفق|الباب)"
    rf"\b[^.;,]{{0,80}}|第[{_CN}零〇\d]+[章条節节部编篇][^。；，]{{0,40}})$"
)
_OPENER: Final = re.compile(
    r"^\s*(?:The\s(?:[A-Z][\w’'-]*\s|(?:of|on|and|for|the)\s){0,6}"
    r"(?:Council|Assembly|Commission|Committee|Conference|Board|Forum)\s*[,.]?"
    r"|(?:Le|La|L['’])\s?(?:Conseil|Assemblée|Commission|Comité|Conférence)\b[^,.;:]{0,60},"
    r"|(?:El|La)\s(?:Consejo|Asamblea|Comisión|Comité|Conferencia|Junta)\b[^,.;:]{0,60},"
    r"|(?:Совет|Генеральная Ассамблея|Экономический и Социальный Совет|Комиссия|Конференция"
    r"|Исполнительный совет)[^,.;]{0,60},"
    r"|[\u4e00-\u9fff]{0,12}(?:安全理事会|大会|理事会|委员会|会议|执行局)[，,]"
    r"|(?:إن\s+)?(?:مجلس|الجمعية العامة|المجلس|لجنة|مؤتمر)[^،,.]{0,60}[،,])\s*$"
)
# The number-and-title line a resolution starts with: "73/6. Fiftieth anniversary ...",
# "12 (1946). Resolution of ...", "Resolution 242 (1967)", "第2334(2016)号决议".
_RESOLUTION_TITLE: Final = re.compile(
    r"^\s*(?:\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.\s|\d{1,4}\s?\(\d{4}\)\.?\s"
    r"|(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution|RESOLUCIÓN|Resolución|РЕЗОЛЮЦИЯ|Резолюция)"
    r"\s+\d{1,4}(?:\s?\(\d{4}\))?\s*$|第\s*\d{1,4}\s*(?:\(\d{4}\)|（\d{4}）)?\s*号决议\s*$)"
)
_CLOSING: Final = re.compile(
    r"^\s*(?:Adopted|Adoptée?s?|Aprobad[oa]s?|Принят[аоы]?|اعتمد|اتخذ|"
    r"\d{1,4}(?:st|nd|rd|th) plenary meeting|\d{1,4}e séance plénière|"
    r"\d{1,4}\.?ª sesión plenaria|\d{1,4}-[ея] пленарное заседание|第\s*\d+\s*次全体会议|"
    r".{0,30}第\s*\d+\s*次会议(?:上)?(?:一致)?通过)"
)
_WIDE_CHARS: Final = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def match_marker(line: str) -> tuple[str, str] | None:
    """The paragraph marker ``line`` starts with, as (kind, label), e.g. ("num", "12")."""
    found = _MARKER.match(line)
    if found is None or found.lastgroup is None:
        return None
    kind = found.lastgroup
    label = found.group(kind)
    if kind == "bullet":
        return "bullet", label
    if kind in {"num", "dash"}:
        return kind, label.rstrip(".").translate(_TO_ASCII)
    if kind == "zhparen":
        return "zh", label
    if kind == "roman":
        return "roman", label
    return kind, label


def final_char(text: str) -> str:
    """The last character that counts: footnote numbers and closing quotes are skipped."""
    return _FOOTNOTE_REF.sub("", text.rstrip()).rstrip(_TRAILING)[-1:]


def ends_sentence(line: str) -> bool:
    """Does ``line`` end with sentence punctuation (footnote numbers and quotes ignored)?"""
    return final_char(line) in _TERMINAL and final_char(line) != ""


def starts_lower(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()


def opener_line(line: str) -> bool:
    """The enacting line of a resolution: "The Security Council,", "大会，", "إن مجلس الأمن،"."""
    return len(line) <= 120 and _OPENER.match(line) is not None


def resolution_title(line: str) -> bool:
    """The line with a resolution's number that starts it ("73/6. Fiftieth anniversary ...")."""
    return _RESOLUTION_TITLE.match(line) is not None


def closing_line(line: str) -> bool:
    """The adoption line ending a resolution: "Adopted unanimously at the 2754th meeting."."""
    return _CLOSING.match(line) is not None


def heading_word(line: str) -> bool:
    """A heading by its first word: "Article 51", "CHAPTER VII", "第七章", "Статья 2"."""
    return _HEADING_WORD.match(line.strip()) is not None


def is_heading_shape(text: str, generous: bool = False) -> bool:
    """Short, at most two lines, not starting lowercase and without closing punctuation."""
    stripped = text.strip()
    limit = 250 if generous else 200
    # Cheap tests first: this runs on every paragraph of every document.
    if not stripped or len(stripped) > limit or stripped.count("\n") > 1:
        return False
    last = final_char(stripped)
    if not last or last in _TERMINAL or last in ",，،、" or starts_lower(stripped):
        return False
    if display_width(stripped) > limit or not any(c.isalpha() for c in stripped[:80]):
        return False
    return stripped.rsplit(None, 1)[-1].lower() not in RUN_ON_WORDS


def display_width(text: str) -> int:
    """Printed width in columns: CJK characters count two."""
    return len(text) if text.isascii() else len(text) + len(_WIDE_CHARS.findall(text))


def is_wide(char: str) -> bool:
    return _WIDE_CHARS.match(char) is not None
