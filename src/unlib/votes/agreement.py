"""How often two member states vote alike.

For each roll call on which **both** cast a vote (yes, no or abstention), the pair scores

- 1 when they voted the same (yes–yes, no–no, abstain–abstain),
- 0.5 when one abstained and the other voted yes or no,
- 0 when one voted yes and the other no.

Agreement is the mean score, between 0 and 1. Roll calls where either did not vote (absent, or
present and not voting, "X") are left out, as are Security Council resolutions adopted without
a vote (every member is listed "Y" there, which says nothing about agreement). ``roll_calls``
is the number of roll calls counted. These are the weights of the three-category agreement
index commonly computed from Voeten's data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

METHOD: Final = (
    "mean over roll calls where both voted yes, no or abstain: 1 same vote, 0.5 one abstained "
    "and the other voted yes or no, 0 yes against no; absences and non-voting left out"
)
_SCORES: Final = {
    ("Y", "Y"): 1.0,
    ("N", "N"): 1.0,
    ("A", "A"): 1.0,
    ("Y", "A"): 0.5,
    ("A", "Y"): 0.5,
    ("N", "A"): 0.5,
    ("A", "N"): 0.5,
    ("Y", "N"): 0.0,
    ("N", "Y"): 0.0,
}


def pair_score(a: str, b: str) -> float | None:
    """The score of one roll call, None when it does not count (either did not vote)."""
    return _SCORES.get((a, b))


@dataclass(frozen=True, slots=True)
class Agreement:
    roll_calls: int
    total: float  # sum of scores

    @property
    def value(self) -> float | None:
        return round(self.total / self.roll_calls, 4) if self.roll_calls else None


def overall(pairs: Iterable[tuple[int | None, str, str]]) -> Agreement:
    """Agreement over all ``(year, vote a, vote b)`` pairs."""
    scores = [s for s in (pair_score(a, b) for _, a, b in pairs) if s is not None]
    return Agreement(len(scores), sum(scores))


def by_year(pairs: Iterable[tuple[int | None, str, str]]) -> dict[int, Agreement]:
    """Agreement per calendar year of the vote (roll calls without a date left out)."""
    sums: dict[int, list[float]] = {}
    for year, a, b in pairs:
        score = pair_score(a, b)
        if score is not None and year is not None:
            sums.setdefault(year, []).append(score)
    return {year: Agreement(len(s), sum(s)) for year, s in sorted(sums.items())}
