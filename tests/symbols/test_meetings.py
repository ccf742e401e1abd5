"""Meeting numbers in the six languages, including OCR-damaged ones."""

from __future__ import annotations

import pytest

from unlib.symbols.meetings import find_meetings, meeting_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3157th", "3157"),
        ("1st", "1"),
        ("I851st", "1851"),
        ("63lst", "631"),
        ("24491h", "2449"),
        ("3O93rd", "3093"),
        ("0th", None),
    ],
)
def test_meeting_number(text: str, number: str | None) -> None:
    assert meeting_number(text) == number


@pytest.mark.parametrize(
    ("text", "lang", "numbers"),
    [
        ("at its 3157th meeting, on 8 January", "en", ["3157"]),
        ("the 1663rd to 1666th meetings", "en", ["1663", "1666"]),
        ("at its 12th plenary meeting", "en", []),  # plenary: an Assembly or ECOSOC meeting
        ("the 24th meeting of the Commission", "en", []),
        ("à sa 4011e séance", "fr", ["4011"]),
        ("en su 4011ª sesión", "es", ["4011"]),
        ("на своем 4011-м заседании", "ru", ["4011"]),
        ("في جلسته 4011 المعقودة", "ar", ["4011"]),
        ("安全理事会第4011次会议", "zh", ["4011"]),
    ],
)
def test_find_meetings(text: str, lang: str, numbers: list[str]) -> None:
    assert [m.number for m in find_meetings(text, lang)] == numbers
