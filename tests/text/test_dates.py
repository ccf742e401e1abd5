"""Dates in the six languages' UN styles, checked on hand-written expressions and real texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unlib.text.dates import FoundDate, find_dates, ga_session_year, parse_date

# Each language's UN style, with the spacing and digit variants that extraction produces.
SINGLE_DATES = [
    ("10 October 2018", "en", "2018-10-10"),
    ("October 10, 2018", "en", "2018-10-10"),
    ("on \r\n10 October 2018", "en", "2018-10-10"),
    ("1st January 1977", "en", "1977-01-01"),
    ("10 octobre 2018", "fr", "2018-10-10"),
    ("1er mars 2020", "fr", "2020-03-01"),
    ("le 3 août 2023", "fr", "2023-08-03"),
    ("3 aout 2023", "fr", "2023-08-03"),
    ("10 de octubre de 2018", "es", "2018-10-10"),
    ("1º de marzo de 2020", "es", "2020-03-01"),
    ("5 de setiembre de 2019", "es", "2019-09-05"),
    ("10 октября 2018 года", "ru", "2018-10-10"),
    ("1 марта 2020 г.", "ru", "2020-03-01"),
    ("10 تشرين الأول/أكتوبر 2018", "ar", "2018-10-10"),
    ("١٠ تشرين الأول / أكتوبر ٢٠١٨", "ar", "2018-10-10"),
    ("2 أيار/مايو 2020", "ar", "2020-05-02"),
    ("18 حزيران/يونيه 2021", "ar", "2021-06-18"),
    ("7 يوليو 2022", "ar", "2022-07-07"),
    ("9 كانون الثاني/يناير 2024", "ar", "2024-01-09"),
    ("2023年4月24日", "zh", "2023-04-24"),
    ("2023 年 3 月 13 日", "zh", "2023-03-13"),
    ("２０２３年４月２４日", "zh", "2023-04-24"),
    ("二〇二三年四月二十四日", "zh", "2023-04-24"),
    ("[2025年7月18日]", "zh", "2025-07-18"),
    ("published 2018-10-10", "fr", "2018-10-10"),
]


@pytest.mark.parametrize(("text", "lang", "iso"), SINGLE_DATES)
def test_parse_date_reads_each_language_style(text: str, lang: str, iso: str) -> None:
    assert parse_date(text, lang) == iso


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("31 February 2020", "en"),
        ("30 février 2021", "fr"),
        ("2023年2月30日", "zh"),
        ("31 حزيران/يونيه 2021", "ar"),
        ("October 2018", "en"),  # no day: not a date we can give as YYYY-MM-DD
        ("18-16895 (E) 241018", "en"),  # a job number
        ("A/RES/73/3", "en"),
    ],
)
def test_impossible_or_partial_dates_are_rejected(text: str, lang: str) -> None:
    assert parse_date(text, lang) is None


def test_offsets_point_at_the_expression_as_written() -> None:
    text = "Adopted on ١٠ تشرين الأول/أكتوبر ٢٠١٨ at the meeting"
    (found,) = find_dates(text, "ar")
    assert text[found.start : found.end] == found.text
    assert found.text.startswith("١٠")
    assert found.iso == "2018-10-10"


@pytest.mark.parametrize(
    ("text", "lang", "isos"),
    [
        ("2023年4月24日至5月4日", "zh", ["2023-04-24", "2023-05-04"]),
        ("2022 年 7 月 1 日至 2023 年 1 月 31 日", "zh", ["2022-07-01", "2023-01-31"]),
        ("24 April–4 May 2023", "en", ["2023-04-24", "2023-05-04"]),
        ("from 24 to 28 April 2023", "en", ["2023-04-24", "2023-04-28"]),
        ("28 December–3 January 2024", "en", ["2023-12-28", "2024-01-03"]),
        ("du 24 au 28 avril 2023", "fr", ["2023-04-24", "2023-04-28"]),
        ("del 24 al 28 de abril de 2023", "es", ["2023-04-24", "2023-04-28"]),
        ("с 24 по 28 апреля 2023 года", "ru", ["2023-04-24", "2023-04-28"]),
        ("من 24 إلى 28 نيسان/أبريل 2023", "ar", ["2023-04-24", "2023-04-28"]),
    ],
)
def test_ranges_give_both_ends_flagged_as_a_range(text: str, lang: str, isos: list[str]) -> None:
    found = find_dates(text, lang)
    assert [d.iso for d in found] == isos
    assert all(d.in_range for d in found)
    assert all(text[d.start : d.end] == d.text for d in found)


def test_single_dates_are_not_flagged_as_ranges() -> None:
    found = find_dates("Distr.: General\n18 October 2018\nOriginal: English", "en")
    assert found == [FoundDate("2018-10-18", 16, 31, "18 October 2018")]


def test_unknown_language_reads_every_style() -> None:
    text = "10 October 2018; 2023年4月24日; 5 de mayo de 2020"
    assert [d.iso for d in find_dates(text, "und")] == ["2018-10-10", "2023-04-24", "2020-05-05"]


def test_ga_session_year() -> None:
    assert ga_session_year(1) == 1946
    assert ga_session_year(73) == 2018
    assert ga_session_year(80) == 2025


def test_zh_reports_session_period_and_reissue_date(shared_data: Path) -> None:
    head = (shared_data / "zh-reports" / "000_e50f63f2d723d7aa.txt").read_text()[:1500]
    found = find_dates(head, "zh")
    period = [d.iso for d in found if d.in_range]
    assert period[:2] == ["2023-04-24", "2023-05-04"]  # the session, both ends
    assert "2023-03-13" in [d.iso for d in found if not d.in_range]  # the reissue note


def test_every_security_council_resolution_heading_date_matches_its_year(
    shared_data: Path,
) -> None:
    """Resolutions 1–899: the first date of each text is its adoption date, in its own year."""
    folder = shared_data / "unsc-resolutions-en" / "texts"
    checked = agreeing = 0
    for path in sorted(folder.glob("S_RES_*_EN_GOLD.txt")):
        year = re.search(r"_(\d{4})_EN", path.name)
        assert year is not None
        dates = find_dates(path.read_text(encoding="utf-8")[:400], "en")
        checked += 1
        agreeing += bool(dates) and dates[0].iso[:4] == year.group(1)
    assert checked == 451
    # OCR leftovers ("of 14 October £964", "10 Auqust") are the only misses.
    assert agreeing / checked >= 0.97


def test_aligned_english_and_chinese_sentences_give_the_same_dates(shared_data: Path) -> None:
    """The UN Parallel Corpus dev set: where a sentence pair has dates, both sides agree.

    The Chinese side was word-segmented with spaces by the corpus's redistributor; they are
    removed first, as SOURCE.md says. Remaining differences are translations that differ
    ("3 to 5 February" without its year, a date given only on one side).
    """
    folder = shared_data / "unpc-v1.0-en-zh"
    english = (folder / "UNv1.0.devset.en").read_text(encoding="utf-8").split("\n")
    chinese = (folder / "UNv1.0.devset.zh").read_text(encoding="utf-8").split("\n")
    assert len(english) == len(chinese)
    agree = pairs = 0
    for en, zh in zip(english, chinese, strict=True):
        zh = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", zh)
        zh = re.sub(r"(?<=\d) (?=[年月日])|(?<=[年月日至和]) (?=\d)", "", zh)
        en_dates = {d.iso for d in find_dates(en, "en")}
        zh_dates = {d.iso for d in find_dates(zh, "zh")}
        if en_dates or zh_dates:
            pairs += 1
            agree += en_dates == zh_dates
    assert pairs > 250
    assert agree / pairs >= 0.93


@pytest.mark.parametrize(
    ("text", "lang", "isos"),
    [
        ("on 24 and 25 October 2013", "en", ["2013-10-24", "2013-10-25"]),
        (
            "on 19 November and 23 and 29 December 2014",
            "en",
            ["2014-11-19", "2014-12-23", "2014-12-29"],
        ),
        ("les 3, 4 et 5 mai 2024", "fr", ["2024-05-03", "2024-05-04", "2024-05-05"]),
        ("2013年10月24和25日", "zh", ["2013-10-24", "2013-10-25"]),
        ("2014年7月29至31日", "zh", ["2014-07-29", "2014-07-31"]),
        ("2014年12月15日和29日", "zh", ["2014-12-15", "2014-12-29"]),
    ],
)
def test_lists_of_days_are_read_and_flagged(text: str, lang: str, isos: list[str]) -> None:
    found = find_dates(text, lang)
    assert [d.iso for d in found] == isos
    assert all(d.in_range for d in found)


def test_a_comma_alone_does_not_make_a_list() -> None:
    (found,) = find_dates("Article 5, 12 May 2018", "en")
    assert (found.iso, found.in_range) == ("2018-05-12", False)
