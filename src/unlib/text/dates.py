"""Calendar dates as UN documents print them, in the six official languages.

``find_dates`` reads every full date (day, month and year) in a text and returns it as an ISO
string with its offsets; ``parse_date`` reads one date expression. Styles covered (the words are
in :mod:`unlib.text.date_words`):

- en "10 October 2018", "October 10, 2018"; fr "10 octobre 2018", "1er mars 2020";
  es "10 de octubre de 2018"; ru "10 октября 2018 года";
- ar "10 تشرين الأول/أكتوبر 2018" (UN Arabic names a month twice, Levantine/Egyptian; either
  half alone is read too);
- zh "2023年4月24日", "2023 年 3 月 13 日", "二〇二三年四月二十四日";
- ISO "2018-10-10" in every language; non-ASCII digits (Arabic-Indic, full-width) anywhere.

Days written together are all read and flagged ``in_range``: periods ("2023年4月24日至5月4日",
"24 April–4 May 2023", "du 24 au 28 avril 2023", "2014年7月29至31日") and lists ("24 and 25
October 2013", "2014年12月15日和29日"), so that callers can tell a session's period from a
document's date. Impossible dates (31 February) are dropped. Everything is a handful of
compiled regular expressions: cheap enough to run over a whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

from unlib.text.date_words import (
    ISO_RE,
    LIST_WORDS,
    PATTERNS,
    RANGE_WORDS,
    ZH_NUMERAL,
    ascii_digits,
    iso,
    month_number,
    month_pattern,
    number,
)

# The General Assembly's first session opened in 1946: session N opens in 1945 + N.
_GA_FIRST_YEAR_OFFSET: Final = 1945
_LOOKBACK: Final = 60  # characters before a date searched for the days written with it


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: ``text[start:end]`` is the expression as written."""

    iso: str  # YYYY-MM-DD
    start: int
    end: int
    text: str
    # One of several days written together: an end of a period ("24 April–4 May 2023") or an
    # item of a list ("24 and 25 October 2013").
    in_range: bool = False


def ga_session_year(session: int) -> int:
    """The year in which General Assembly session ``session`` opens (73 -> 2018)."""
    return _GA_FIRST_YEAR_OFFSET + session


def find_dates(text: str, lang: str) -> list[FoundDate]:
    """Every full date in ``text``, in order, with offsets into ``text``.

    ``lang`` picks the month names ("ar", "zh", "en", "fr", "ru", "es"); any other value reads
    the styles of all six languages.
    """
    searchable = ascii_digits(text)  # same length, so offsets carry over
    found: list[FoundDate] = []
    for language in [lang] if lang in PATTERNS else list(PATTERNS):
        for date in _full_dates(searchable, text, language):
            if language == "zh":
                found.extend(_zh_days_after(searchable, text, date))
            else:
                found.extend(_days_before(searchable, text, date, language))
        if language == "zh":
            found.extend(_zh_day_lists(searchable, text))
    return _without_overlaps(found)


def parse_date(text: str, lang: str) -> str | None:
    """The ISO form of the (first) date in a short date expression, or ``None``.

    ``parse_date("10 de octubre de 2018", "es") == "2018-10-10"``; for a period its start.
    """
    dates = find_dates(text, lang)
    return dates[0].iso if dates else None


# --- single dates --------------------------------------------------------------------------------


def _full_dates(searchable: str, original: str, lang: str) -> Iterator[FoundDate]:
    for pattern in PATTERNS[lang]:
        for match in pattern.finditer(searchable):
            month = match.group("month")
            month_value = number(month) if lang == "zh" else month_number(month, lang)
            found = iso(number(match.group("year")), month_value, number(match.group("day")))
            if found:
                yield _found(found, match.start(), match.end(), original)
    for match in ISO_RE.finditer(searchable):
        found = iso(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if found:
            yield _found(found, match.start(), match.end(), original)


def _found(iso_date: str, start: int, end: int, original: str, series: bool = False) -> FoundDate:
    return FoundDate(iso_date, start, end, original[start:end], in_range=series)


# --- days written together (en, fr, es, ru, ar): the earlier days precede the full date ----------


def _before_pattern(lang: str) -> re.Pattern[str]:
    # "24 April–", "24 to ", "du 24 au ", "24 de abril al ", "24 and ", "3, " — optionally with
    # their own month and year ("28 December 2023 – 3 January 2024").
    connector = rf"(?:[–—-]|,|\b(?:{RANGE_WORDS[lang]}|{LIST_WORDS[lang]})\b)"
    return re.compile(
        rf"(?<![\d/.])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|-?го)?(?:\s+(?:de\s+)?"
        rf"{month_pattern(lang)}(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?)?\s*(?P<connector>{connector})\s*$",
        re.IGNORECASE,
    )


_BEFORE: Final = {lang: _before_pattern(lang) for lang in ("en", "fr", "es", "ru", "ar")}


def _days_before(searchable: str, original: str, found: FoundDate, lang: str) -> list[FoundDate]:
    """The full date and the days written before it: "19 November and 23 and 29 December 2014".

    A comma joins days only inside a list already begun ("3, 4 and 5 May"), not on its own.
    """
    series = [found]
    pattern = _BEFORE[lang]
    while True:
        anchor = series[0]
        match = pattern.search(searchable, max(0, anchor.start - _LOOKBACK), anchor.start)
        if match is None or (match.group("connector") == "," and len(series) == 1):
            break
        earlier = _earlier_iso(match, anchor.iso, lang)
        if earlier is None:
            break
        text = original[match.start() : match.start("connector")].rstrip()
        series.insert(0, _found(earlier, match.start(), match.start() + len(text), original, True))
    if len(series) == 1:
        return series
    return [replace(date, in_range=True) for date in series]


def _earlier_iso(match: re.Match[str], later: str, lang: str) -> str | None:
    year, month, _ = (int(part) for part in later.split("-"))
    if match.group("month"):
        month = month_number(match.group("month"), lang) or month
    explicit_year = match.group("year")
    day = int(match.group("day"))
    found = iso(int(explicit_year) if explicit_year else year, month, day)
    if found and found > later and not explicit_year:
        found = iso(year - 1, month, day)  # "28 December–3 January 2024"
    return found if found and found <= later else None


# --- Chinese: the later days follow the full date ------------------------------------------------

_ZH_DAY: Final = rf"(?:\d{{1,2}}|[{ZH_NUMERAL}]{{1,3}})"
_ZH_JOIN: Final = r"\s*[至到~〜—–\-和及、]\s*"
# "…日至5月4日", "…日和29日", "…日至2023年1月31日" (year and month may be left out).
_ZH_NEXT_DAY: Final = re.compile(
    rf"{_ZH_JOIN}(?P<date>(?:(?P<year>\d{{4}})\s*年\s*)?(?:(?P<month>{_ZH_DAY})\s*月\s*)?"
    rf"(?P<day>{_ZH_DAY})\s*[日号])"
)
# "2014年7月29至31日", "2013年10月24和25日": several days under one 日.
_ZH_DAY_LIST: Final = re.compile(
    rf"(?<!\d)(?P<year>\d{{4}})\s*年\s*(?P<month>{_ZH_DAY})\s*月\s*"
    rf"(?P<days>{_ZH_DAY}(?:{_ZH_JOIN}{_ZH_DAY})+)\s*[日号]"
)
_ZH_DAY_TOKEN: Final = re.compile(_ZH_DAY)


def _zh_days_after(searchable: str, original: str, found: FoundDate) -> list[FoundDate]:
    series = [found]
    while match := _ZH_NEXT_DAY.match(searchable, series[-1].end):
        year, month, _ = (int(part) for part in series[-1].iso.split("-"))
        year = int(match.group("year")) if match.group("year") else year
        month = (number(match.group("month")) or month) if match.group("month") else month
        later = iso(year, month, number(match.group("day")))
        if later is None or later < series[-1].iso:
            break
        series.append(_found(later, match.start("date"), match.end(), original, True))
    if len(series) == 1:
        return series
    return [replace(date, in_range=True) for date in series]


def _zh_day_lists(searchable: str, original: str) -> Iterator[FoundDate]:
    for match in _ZH_DAY_LIST.finditer(searchable):
        year, month = number(match.group("year")), number(match.group("month"))
        for index, day in enumerate(_ZH_DAY_TOKEN.finditer(searchable, *match.span("days"))):
            found = iso(year, month, number(day.group(0)))
            if found:
                start = match.start() if index == 0 else day.start()
                yield _found(found, start, day.end(), original, True)


def _without_overlaps(dates: list[FoundDate]) -> list[FoundDate]:
    """One date per place: of overlapping readings keep the longest, preferring a series'."""
    kept: list[FoundDate] = []
    for date in sorted(dates, key=lambda d: (d.start, -(d.end - d.start), not d.in_range)):
        if kept and date.start < kept[-1].end:
            continue
        kept.append(date)
    return kept
