"""Month names and single-date patterns of the six languages, for :mod:`unlib.text.dates`.

Vocabulary only: what a date looks like in each language's UN style (day, month, year), how a
month name is numbered, and which words join several days into a period or a list.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from unlib.text.numbers import chinese_number, to_ascii_digits

LANGS: Final = ("ar", "zh", "en", "fr", "ru", "es")
# Years outside this window are OCR noise or numbers that only look like years.
_MIN_YEAR: Final = 1800
_MAX_YEAR: Final = 2199

# --- month names ---------------------------------------------------------------------------------

# Month names in order, as the UN writes them (Russian in the genitive: "10 октября").
_MONTH_NAMES: Final = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
# Other spellings: English abbreviations (May is both), French without accents, Spanish "setiembre".
_MONTH_VARIANTS: Final = {
    "en": "jan feb mar apr may jun jul aug sep oct nov dec",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "es": "enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
# (Levantine, Egyptian) names: UN Arabic prints "Levantine/Egyptian".
_AR_MONTHS: Final = (
    ("كانون الثاني", "يناير"),
    ("شباط", "فبراير"),
    ("آذار", "مارس"),
    ("نيسان", "أبريل"),
    ("أيار", "مايو"),
    ("حزيران", "يونيه|يونيو"),
    ("تموز", "يوليه|يوليو"),
    ("آب", "أغسطس"),
    ("أيلول", "سبتمبر"),
    ("تشرين الأول", "أكتوبر"),
    ("تشرين الثاني", "نوفمبر"),
    ("كانون الأول", "ديسمبر"),
)


def _month_table(lang: str) -> dict[str, int]:
    """Lower-case month name (any listed spelling) -> month number."""
    table: dict[str, int] = {}
    for names in (_MONTH_NAMES[lang], _MONTH_VARIANTS[lang]):
        table.update({name: number for number, name in enumerate(names.split(), 1)})
    if lang == "en":
        table["sept"] = 9
    return table


def alternation(names: list[str]) -> str:
    # Longest first, so that "sept" wins over "sep" and "septembre" over both.
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def _arabic_letters(name: str) -> str:
    """Regex for an Arabic word tolerant of hamza seats and alif maqsura, as spellings vary."""
    pattern = ""
    for ch in name:
        if ch in "أإآا":
            pattern += "[أإآا]"
        elif ch in "يى":
            pattern += "[يى]"
        elif ch == " ":
            pattern += r"\s+"
        else:
            pattern += re.escape(ch)
    return pattern


def _arabic_month_pattern() -> tuple[str, list[re.Pattern[str]]]:
    """One alternation for all Arabic month spellings, and per month a matcher to number it."""
    per_month: list[re.Pattern[str]] = []
    alternatives: list[str] = []
    for levantine, egyptian in _AR_MONTHS:
        lev = _arabic_letters(levantine)
        egy = "(?:" + "|".join(_arabic_letters(e) for e in egyptian.split("|")) + ")"
        alternatives.append(rf"{lev}(?:\s*/\s*{egy})?|{egy}")
        per_month.append(re.compile(rf"(?:{lev}|{egy})"))
    # Two-word names first: "كانون الثاني" must not be read as a shorter name.
    return "|".join(alternatives), per_month


AR_MONTH_RE, _AR_MONTH_MATCHERS = _arabic_month_pattern()


def _arabicmonth_number(name: str) -> int | None:
    for number, matcher in enumerate(_AR_MONTH_MATCHERS, 1):
        if matcher.match(name):
            return number
    return None


MONTH_TABLES: Final = {lang: _month_table(lang) for lang in ("en", "fr", "es", "ru")}


def month_number(name: str, lang: str) -> int | None:
    """The number (1-12) of a month name in ``lang`` (any listed spelling), or ``None``."""
    if lang == "ar":
        return _arabicmonth_number(name)
    return MONTH_TABLES[lang].get(name.lower().rstrip("."))


# --- patterns ------------------------------------------------------------------------------------

_DAY: Final = r"(?<![\d/.])(?P<day>[0-3]?\d)"
_YEAR: Final = r"(?P<year>\d{4})(?!\d)"
ZH_NUMERAL: Final = "〇零一二三四五六七八九十"


def _latin_patterns(lang: str) -> list[re.Pattern[str]]:
    months = alternation(list(MONTH_TABLES[lang]))
    month = rf"(?P<month>(?:{months})\b\.?)"
    flags = re.IGNORECASE
    if lang == "en":
        return [
            re.compile(rf"{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\s*,?\s+{_YEAR}", flags),
            re.compile(rf"{month}\s+{_DAY}(?:st|nd|rd|th)?\s*,?\s+{_YEAR}", flags),
        ]
    if lang == "fr":
        return [re.compile(rf"{_DAY}\s?(?:er|re|ᵉʳ)?\s+{month}\s+{_YEAR}", flags)]
    if lang == "es":
        return [
            re.compile(rf"{_DAY}\s?[º°o]?\s+(?:de\s+)?{month}\s+(?:de(?:l)?\s+)?{_YEAR}", flags)
        ]
    # Russian: "10 октября 2018 года" / "… 2018 г."; the trailing word belongs to the date.
    return [
        re.compile(rf"{_DAY}(?:-?го)?\s+{month}\s+{_YEAR}(?:\s+(?:года|г\.))?", flags),
    ]


def _compile_patterns() -> dict[str, list[re.Pattern[str]]]:
    patterns = {lang: _latin_patterns(lang) for lang in ("en", "fr", "es", "ru")}
    patterns["ar"] = [re.compile(rf"{_DAY}\s+(?P<month>{AR_MONTH_RE})\s*,?\s+{_YEAR}")]
    zh_num = rf"(?:\d{{1,2}}|[{ZH_NUMERAL}]{{1,3}})"
    patterns["zh"] = [
        re.compile(
            rf"(?<!\d)(?P<year>\d{{4}}|[{ZH_NUMERAL}千百]{{4,9}})\s*年\s*(?P<month>{zh_num})"
            rf"\s*月\s*(?P<day>{zh_num})\s*[日号]"
        )
    ]
    return patterns


PATTERNS: Final = _compile_patterns()
ISO_RE: Final = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")


_NON_ASCII_DIGIT: Final = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")


def ascii_digits(text: str) -> str:
    """:func:`to_ascii_digits`, skipped (a fast scan) when the text has no other digits."""
    return to_ascii_digits(text) if _NON_ASCII_DIGIT.search(text) else text


def number(token: str) -> int | None:
    """A day, month or year written in digits or Chinese numerals."""
    return int(token) if token.isdigit() else chinese_number(token)


def iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """ "YYYY-MM-DD", or ``None`` for an impossible date (31 February, month 13, day 0)."""
    if year is None or month is None or day is None or not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_pattern(lang: str) -> str:
    """A named group ``month`` matching the month names of ``lang`` (not Chinese)."""
    if lang == "ar":
        return rf"(?P<month>{AR_MONTH_RE})"
    return rf"(?P<month>(?:{alternation(list(MONTH_TABLES[lang]))})\b\.?)"


# Words that join days into a period ("24 to 28 April") or a list ("24 and 25 October").
RANGE_WORDS: Final = {
    "en": "to|until|through",
    "fr": "au|à",
    "es": "al|a|hasta",
    "ru": "по|до",
    "ar": "إلى|الى|حتى",
}
LIST_WORDS: Final = {"en": "and", "fr": "et", "es": "y", "ru": "и", "ar": "و"}
