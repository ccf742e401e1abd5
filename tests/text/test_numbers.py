"""Number readers: digits, roman numerals, Chinese numerals and ordinal words in six languages."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unlib.text.numbers import chinese_number, ordinal_value, roman_to_int, to_ascii_digits


def test_to_ascii_digits_keeps_length_and_other_characters() -> None:
    mixed = "القرار ٧٧/١٢٨ و۱۲ ＡＢ１２３ 45"
    converted = to_ascii_digits(mixed)
    assert len(converted) == len(mixed)
    assert converted == "القرار 77/128 و12 ＡＢ123 45"


@given(st.integers(min_value=0, max_value=10**9))
def test_to_ascii_digits_reads_every_script(number: int) -> None:
    ascii_text = str(number)
    for zero in (0x0660, 0x06F0, 0xFF10):
        native = "".join(chr(zero + int(d)) for d in ascii_text)
        assert to_ascii_digits(native) == ascii_text


def _int_to_roman(number: int) -> str:
    pairs = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for value, numeral in pairs:
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(number: int) -> None:
    numeral = _int_to_roman(number)
    assert roman_to_int(numeral) == number
    assert roman_to_int(numeral.lower()) == number


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "IC", "XVX", "ABC", "12", "X V"])
def test_roman_rejects_malformed(bad: str) -> None:
    assert roman_to_int(bad) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("七十八", 78),
        ("一百零五", 105),
        ("八十", 80),
        ("十五", 15),
        ("二十", 20),
        ("一千二百四十四", 1244),
        ("二〇二三", 2023),
        ("两千", 2000),
        ("1", 1),
        ("１２４４", 1244),
        ("1 244", 1244),
        ("一万零一", 10001),
    ],
)
def test_chinese_number(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("bad", ["", "届", "十十", "百十百", "abc", "七十八届"])
def test_chinese_number_rejects_non_numbers(bad: str) -> None:
    assert chinese_number(bad) is None


_ZH_DIGITS = "零一二三四五六七八九"


def _to_chinese(number: int) -> str:
    """Reference writer: the way UN Chinese texts write session numbers (1..199)."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _ZH_DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _ZH_DIGITS[tens]) + "十"
    if units:
        out += _ZH_DIGITS[units]
    return out


@given(st.integers(min_value=1, max_value=199))
def test_chinese_number_reads_what_a_writer_writes(number: int) -> None:
    assert chinese_number(_to_chinese(number)) == number
    assert ordinal_value(f"第{_to_chinese(number)}届", "zh") == number


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("seventy-third", "en", 73),
        ("Seventy third", "en", 73),
        ("eightieth", "en", 80),
        ("first", "en", 1),
        ("Twelfth", "en", 12),
        ("one hundred and fifth", "en", 105),
        ("73rd", "en", 73),
        ("soixante-treizième", "fr", 73),
        ("quatre-vingtième", "fr", 80),
        ("premier", "fr", 1),
        ("première", "fr", 1),
        ("soixante et onzième", "fr", 71),
        ("quatre-vingt-dix-septième", "fr", 97),
        ("vingt et unième", "fr", 21),
        ("dix-septième", "fr", 17),
        ("73e", "fr", 73),
        ("septuagésimo tercer", "es", 73),
        ("septuagésimo tercero", "es", 73),
        ("octogésimo", "es", 80),
        ("Primer", "es", 1),
        ("decimotercera", "es", 13),
        ("vigésimo primera", "es", 21),
        ("семьдесят третья", "ru", 73),
        ("семьдесят третьей", "ru", 73),
        ("семьдесят третьего", "ru", 73),
        ("восьмидесятая", "ru", 80),
        ("четвёртой", "ru", 4),
        ("сто первой", "ru", 101),
        ("73-й", "ru", 73),
        ("الثالثة والسبعون", "ar", 73),
        ("الثمانون", "ar", 80),
        ("الثمانين", "ar", 80),
        ("الحادية عشرة", "ar", 11),
        ("الأولى", "ar", 1),
        ("الحادية بعد المائة", "ar", 101),
        ("٨٠", "ar", 80),
        ("七十三", "zh", 73),
        ("第八十届", "zh", 80),
        ("80", "zh", 80),
    ],
)
def test_ordinal_value(text: str, lang: str, value: int) -> None:
    assert ordinal_value(text, lang) == value


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("seventy seventy", "en"),
        ("third third", "en"),
        ("session", "en"),
        ("", "fr"),
        ("soixante-treizième", "en"),  # right number, wrong language
        ("hello", "xx"),
        ("الدورة", "ar"),
        ("две тысячи", "ru"),  # 2000 is out of the 1..199 range
    ],
)
def test_ordinal_value_rejects(text: str, lang: str) -> None:
    assert ordinal_value(text, lang) is None


def test_chinese_session_numbers_in_real_reports(shared_data: Path) -> None:
    """Every "第…届" session number in the Chinese reports reads as a plausible session."""
    found = []
    for path in sorted((shared_data / "zh-reports").glob("*.txt")):
        found += re.findall(
            r"第([〇零一二三四五六七八九十百]+)届", path.read_text(encoding="utf-8")
        )
    assert len(found) >= 20
    values = [ordinal_value(f"第{number}届", "zh") for number in found]
    assert all(value is not None and 1 <= value <= 199 for value in values), found
    assert 78 in values and 77 in values


def test_english_session_ordinals_match_the_debate_session(shared_data: Path) -> None:
    """General-debate speeches name their own session in words ("seventy-third session")."""
    phrase = re.compile(
        r"\b((?:[A-Za-z]+-)?[a-z]*(?:th|first|second|third)) session of the General Assembly"
    )
    agreed = 0
    folders = sorted((shared_data / "ungdc" / "TXT").glob("Session *"))
    for folder in folders:
        session = int(folder.name.split()[1])
        counts: Counter[int | None] = Counter()
        for path in sorted(folder.glob("*.txt")):
            for words in phrase.findall(path.read_text(encoding="utf-8", errors="replace")):
                counts[ordinal_value(words, "en")] += 1
        assert None not in counts, f"unreadable ordinal in {folder.name}"
        agreed += counts.most_common(1)[0][0] == session
    assert folders and agreed == len(folders)
