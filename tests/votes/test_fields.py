"""Single values of voting CSV files."""

from __future__ import annotations

import pytest

from unlib.votes.fields import (
    FieldError,
    clean,
    read_count,
    read_date,
    read_flag,
    read_vote,
    split_subjects,
)


@pytest.mark.parametrize(
    ("written", "vote"),
    [
        ("Y", "Y"),
        ("yes", "Y"),
        ("N", "N"),
        ("no", "N"),
        ("A", "A"),
        ("abstain", "A"),
        ("X", "X"),
        ("NV", "X"),
        ("non-voting", "X"),
        ("", "X"),
        (" y ", "Y"),
    ],
)
def test_votes(written: str, vote: str) -> None:
    assert read_vote(written) == vote


def test_unknown_vote_is_an_error() -> None:
    with pytest.raises(FieldError, match="unknown vote 'maybe'"):
        read_vote("maybe")


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023-10-27", "2023-10-27"),
        ("2023-10-27T00:00:00", "2023-10-27"),
        ("2023-10-27 00:00:00", "2023-10-27"),
        ("20231027", "2023-10-27"),
        ("27/10/2023", "2023-10-27"),
        ("10/27/2023", "2023-10-27"),
        ("2023/10/27", "2023-10-27"),
        ("", None),
    ],
)
def test_dates(written: str, iso: str | None) -> None:
    assert read_date(written) == iso


@pytest.mark.parametrize("written", ["03/04/2023", "2023-02-30", "yesterday"])
def test_bad_dates(written: str) -> None:
    with pytest.raises(FieldError):
        read_date(written)


def test_counts_flags_subjects() -> None:
    assert [read_count(v) for v in ("120", "120.0", "", " 7 ")] == [120, 120, None, 7]
    for bad in ("-1", "1.5", "many"):
        with pytest.raises(FieldError):
            read_count(bad)
    assert [read_flag(v) for v in ("1", "0", "True", "false", "")] == [
        True,
        False,
        True,
        False,
        None,
    ]
    assert split_subjects("A--B|C") == ["A--B", "C"] and split_subjects("") == []
    assert clean("  two   words ") == "two words" and clean("  ") is None
