"""A UN Digital Library bibliographic record in the UN MARC profile, read into plain data.

191 symbol · 245 title · 269 date · 041/040 language · 991 agenda · 650 UNBIS subjects
(first indicator 1: primary) · 610/611/630 name and title subjects · 993 related documents ·
856 files per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from unlib.marc.reader import DataField, MarcRecord
from unlib.model import LANGUAGES

MARC_LANGUAGES: Final = {
    "ara": "ar",
    "chi": "zh",
    "eng": "en",
    "fre": "fr",
    "rus": "ru",
    "spa": "es",
}
_LANGUAGE_LABELS: Final = {
    "العربية": "ar",
    "中文": "zh",
    "english": "en",
    "français": "fr",
    "русский": "ru",
    "español": "es",
}
_FILE_LANG: Final = re.compile(r"-(AR|ZH|EN|FR|RU|ES)\.\w+$", re.IGNORECASE)
_RELATIONS: Final = {"1": "resolution", "3": "report"}  # 993 first indicator (others: related)
_TRAILING: Final = re.compile(r"[\s/:;,=]+$")
# "107", "69 (b)", "69b", "71b[20]" (bracket: the draft's place under the item, dropped)
_ITEM: Final = re.compile(r"^(\d+)\s*(?:\(?([a-z])\)?)?\s*(?:\[\d+\])?$", re.IGNORECASE)
_NAME_SUBFIELDS: Final = "abcdgnpt"


@dataclass(frozen=True, slots=True)
class Subject:
    tag: str  # 650 | 610 | 611 | 630
    heading: str
    authority: str | None  # $0
    primary: bool


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    document: str | None  # 991 $a: the agenda's symbol
    item: str | None  # $b as printed: "107", "69 (b)"
    title: str | None  # $c
    subject: str | None  # $d


@dataclass(frozen=True, slots=True)
class FileLink:
    url: str
    lang: str  # ar zh en fr ru es, or "und"
    label: str | None
    size: int | None


@dataclass
class UndlRecord:
    control: str | None
    symbol: str | None
    other_symbols: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    date: str | None = None
    agenda: list[AgendaEntry] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (relation, symbol as written)
    files: list[FileLink] = field(default_factory=list)

    @property
    def agenda_items(self) -> list[str]:
        return list(dict.fromkeys(a.item for a in self.agenda if a.item))


def read_undl(record: MarcRecord) -> UndlRecord:
    symbols = [s for f in record.fields_of("191") if (s := f.first("a"))]
    found = UndlRecord(
        control=record.control_number,
        symbol=symbols[0] if symbols else None,
        other_symbols=symbols[1:],
    )
    title = _title(record)
    if title:
        found.titles[_title_language(record)] = title
    found.date = _date(record.first("269", "a"))
    found.agenda = [_agenda(f) for f in record.fields_of("991")]
    found.subjects = [_subject(f) for f in record.fields_of("650", "610", "611", "630")]
    found.subjects = [s for s in found.subjects if s.heading]
    found.related = [
        (_RELATIONS.get(f.ind1, "related"), symbol)
        for f in record.fields_of("993")
        for symbol in f.all("a")
    ]
    found.files = [link for f in record.fields_of("856") if (link := _file(f))]
    return found


def _title(record: MarcRecord) -> str | None:
    for tag in ("245",):
        for found in record.fields_of(tag):
            parts = [value for code, value in found.subfields if code in "abnp" and value]
            if parts:
                return _TRAILING.sub("", " ".join(parts)) or None
    return None


def _title_language(record: MarcRecord) -> str:
    code = record.first("041", "a") or record.first("040", "b") or "eng"
    return MARC_LANGUAGES.get(code.strip().lower()[:3], "en")


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value
    return None


def _agenda(found: DataField) -> AgendaEntry:
    item = found.first("b")
    if item:
        match = _ITEM.match(item.strip())
        item = _item_label(match) if match else item.strip()
    return AgendaEntry(
        found.first("a"), item or None, _clean(found.first("c")), _clean(found.first("d"))
    )


def _item_label(match: re.Match[str]) -> str:
    number, sub = match.group(1), match.group(2)
    return f"{number} ({sub.lower()})" if sub else number


def _clean(value: str | None) -> str | None:
    return _TRAILING.sub("", value.strip()).rstrip(".") or None if value else None


def _subject(found: DataField) -> Subject:
    codes = "a" if found.tag == "650" else _NAME_SUBFIELDS
    heading = " ".join(value for code, value in found.subfields if code in codes and value)
    subdivisions = [value for code, value in found.subfields if code in "xyz" and value]
    if subdivisions:
        heading = "--".join([heading, *subdivisions])
    return Subject(found.tag, heading.strip(), found.first("0"), found.ind1 == "1")


def _file(found: DataField) -> FileLink | None:
    url = found.first("u")
    if not url:
        return None
    label = _fix_mojibake(found.first("y"))
    lang = _file_language(url, label)
    size = found.first("s")
    return FileLink(url, lang, label, int(size) if size and size.isdigit() else None)


def _file_language(url: str, label: str | None) -> str:
    match = _FILE_LANG.search(url)
    if match:
        return match.group(1).lower()
    by_label = _LANGUAGE_LABELS.get((label or "").strip().lower())
    return by_label if by_label in LANGUAGES else "und"


def _fix_mojibake(text: str | None) -> str | None:
    """Undo UTF-8 read as Latin-1 ("FranÃ§ais" → "Français"), as some exports have it."""
    if not text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
