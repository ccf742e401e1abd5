"""Ranking metrics of subject indexing, shared by the evaluation of every system (ours and
Annif's): precision at k, F1 at k and NDCG at k for one document, and their means."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from statistics import fmean


def precision_at(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """Share of the first ``k`` suggestions that are right (k in the denominator)."""
    wanted = set(gold)
    return sum(1 for uri in ranked[:k] if uri in wanted) / k


def recall_at(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    wanted = set(gold)
    if not wanted:
        return 0.0
    return sum(1 for uri in ranked[:k] if uri in wanted) / len(wanted)


def f1_at(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """F1 of the first ``k`` suggestions (precision over the suggestions actually given)."""
    wanted = set(gold)
    top = list(ranked[:k])
    right = sum(1 for uri in top if uri in wanted)
    if not right:
        return 0.0
    precision = right / len(top)
    recall = right / len(wanted)
    return 2 * precision * recall / (precision + recall)


def ndcg_at(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """Normalised discounted cumulative gain with binary relevance."""
    wanted = set(gold)
    if not wanted:
        return 0.0
    gain = sum(1 / math.log2(i + 2) for i, uri in enumerate(ranked[:k]) if uri in wanted)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(wanted), k)))
    return gain / ideal


METRICS = ("F1@5", "NDCG@10", "P@1", "P@3", "P@5")


def scores(ranked: Sequence[str], gold: Iterable[str]) -> dict[str, float]:
    """Every metric of :data:`METRICS` for one document."""
    wanted = set(gold)
    return {
        "F1@5": f1_at(ranked, wanted, 5),
        "NDCG@10": ndcg_at(ranked, wanted, 10),
        "P@1": precision_at(ranked, wanted, 1),
        "P@3": precision_at(ranked, wanted, 3),
        "P@5": precision_at(ranked, wanted, 5),
    }


def mean_scores(rankings: Iterable[tuple[Sequence[str], Iterable[str]]]) -> dict[str, float]:
    """Each metric averaged over documents (documents without gold are left out)."""
    rows = [scores(ranked, gold) for ranked, gold in rankings if set(gold)]
    if not rows:
        return {name: 0.0 for name in METRICS}
    return {name: fmean(row[name] for row in rows) for name in METRICS}
