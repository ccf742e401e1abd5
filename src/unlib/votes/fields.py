"""Reading single values of voting CSV files: votes, dates, counts, flags.

Each reader raises :class:`FieldError` with a message naming the value, so that the row can be
reported (file and line) and skipped, never silently changed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

_VOTES: Final = {
    "y": "Y",
    "yes": "Y",
    "n": "N",
    "no": "N",
    "a": "A",
    "abstain": "A",
    "abstention": "A",
    "x": "X",
    "nv": "X",
    "non-voting": "X",
    "non voting": "X",
    "not voting": "X",
    "absent": "X",
}
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_COMPACT_DATE: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SLASH_DATE: Final = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$")
_TRUE: Final = frozenset({"1", "true", "yes", "y", "t"})
_FALSE: Final = frozenset({"0", "false", "no", "n", "f"})


class FieldError(ValueError):
    """A value that cannot be read; the message says which and why."""


def clean(value: str | None) -> str | None:
    """The value with surrounding and repeated spaces removed; None when empty."""
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None


def read_vote(value: str | None) -> str:
    """Y, N, A or X. An empty official ``ms_vote`` is a member that did not vote (X), as in
    the Library's MARC records, which give no vote code for non-voting members."""
    text = (value or "").strip().lower()
    if not text:
        return "X"
    try:
        return _VOTES[text]
    except KeyError:
        raise FieldError(f"unknown vote {value!r} (expected Y, N, A or X)") from None


def read_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from ISO, compact or unambiguous day/month forms."""
    text = (value or "").strip()
    if not text:
        return None
    match = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if match:
        return _checked(text, int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _SLASH_DATE.match(text)
    if match:
        a, b, c = (int(g) for g in match.groups())
        if a > 31:  # 2023/10/27
            return _checked(text, a, b, c)
        if a > 12 >= b:  # 27/10/2023
            return _checked(text, c, b, a)
        if b > 12 >= a:  # 10/27/2023
            return _checked(text, c, a, b)
        raise FieldError(f"ambiguous date {text!r} (day and month could be swapped)")
    raise FieldError(f"unreadable date {text!r}")


def _checked(text: str, year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise FieldError(f"impossible date {text!r}") from None


def read_count(value: str | None) -> int | None:
    """A non-negative whole number ("120" or "120.0"); None when empty."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise FieldError(f"not a number: {text!r}") from None
    if number < 0 or number != int(number):
        raise FieldError(f"not a count: {text!r}")
    return int(number)


def read_flag(value: str | None) -> bool | None:
    text = (value or "").strip().lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldError(f"not a yes/no value: {value!r}")


def split_subjects(value: str | None) -> list[str]:
    """Subjects as a list: the Library separates several with "|" (one stays one)."""
    text = clean(value)
    if not text:
        return []
    return [part.strip() for part in text.split("|") if part.strip()]
