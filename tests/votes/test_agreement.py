"""Agreement scores between two countries' votes."""

from __future__ import annotations

import pytest

from unlib.votes.agreement import by_year, overall, pair_score


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("Y", "Y", 1.0),
        ("N", "N", 1.0),
        ("A", "A", 1.0),
        ("Y", "A", 0.5),
        ("A", "N", 0.5),
        ("Y", "N", 0.0),
        ("N", "Y", 0.0),
        ("X", "Y", None),
        ("A", "X", None),
    ],
)
def test_pair_scores(a: str, b: str, score: float | None) -> None:
    assert pair_score(a, b) == score


def test_overall_and_by_year() -> None:
    pairs = [
        (2001, "Y", "Y"),
        (2001, "Y", "A"),
        (2002, "Y", "N"),
        (2002, "X", "Y"),
        (None, "N", "N"),
    ]
    result = overall(pairs)
    assert (result.roll_calls, result.value) == (4, 0.625)
    years = by_year(pairs)
    assert list(years) == [2001, 2002]
    assert (years[2001].value, years[2001].roll_calls) == (0.75, 2)
    assert (years[2002].value, years[2002].roll_calls) == (0.0, 1)
    assert overall([]).value is None
