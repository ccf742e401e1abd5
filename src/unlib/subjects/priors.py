"""What the documents already indexed teach about each concept: how often its label occurs
(specificity), how often a document whose text names it was indexed with it, how often it
is used at all. Counts are smoothed towards the overall rates."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SMOOTHING = 2.0


@dataclass
class Priors:
    docs: int = 0
    matched: Counter[str] = field(default_factory=Counter)  # documents whose text names it
    gold_matched: Counter[str] = field(default_factory=Counter)  # ... and indexed with it
    gold: Counter[str] = field(default_factory=Counter)  # documents indexed with it

    @classmethod
    def count(cls, items: Iterable[tuple[Collection[str], Collection[str]]]) -> Priors:
        """From (concepts named in the text, concepts assigned) of each indexed document."""
        priors = cls()
        for named, assigned in items:
            priors.add(named, assigned)
        return priors

    def add(self, named: Collection[str], assigned: Collection[str]) -> None:
        self.docs += 1
        self.matched.update(set(named))
        self.gold.update(set(assigned))
        self.gold_matched.update(set(named) & set(assigned))

    def idf(self, uri: str) -> float:
        """Inverse document frequency of the concept's labels (≥ 1)."""
        return 1.0 + math.log((self.docs + 1) / (self.matched[uri] + 1))

    def idf_table(self) -> dict[str, float]:
        return {uri: self.idf(uri) for uri in self.matched}

    def named_rate(self, uri: str) -> float:
        """P(indexed with it | its label occurs), smoothed towards the overall rate."""
        base = _rate(sum(self.gold_matched.values()), sum(self.matched.values()))
        return (self.gold_matched[uri] + SMOOTHING * base) / (self.matched[uri] + SMOOTHING)

    def use_rate(self, uri: str) -> float:
        """P(indexed with it), smoothed."""
        return (self.gold[uri] + 0.1) / (self.docs + 1.0)

    def to_json(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "matched": dict(self.matched),
            "gold_matched": dict(self.gold_matched),
            "gold": dict(self.gold),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Priors:
        return cls(
            int(data["docs"]),
            Counter(data["matched"]),
            Counter(data["gold_matched"]),
            Counter(data["gold"]),
        )


def _rate(part: int, whole: int) -> float:
    return (part + 0.5) / (whole + 1.0)
