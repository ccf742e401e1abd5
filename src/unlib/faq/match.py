"""Which FAQ entries a question asks: cosine similarity between the question and every stored
phrasing (each entry's question and variants, in all its languages), best phrasing per entry.

A match counts only at :data:`MATCH_THRESHOLD` or above. The value was set before the held-out
paraphrases of ``bench/data/faq`` were written and is not tuned on them: ``bench/faq_eval.py``
reports how many right matches it keeps and how many unanswerable questions it lets through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy

from unlib.store.faq import FaqEntry, FaqVectors

MATCH_THRESHOLD: Final = 0.62


@dataclass(frozen=True, slots=True)
class FaqMatch:
    entry_id: int
    lang: str  # language of the phrasing that matched
    n: int  # which phrasing: 0 the question, 1… its variants
    score: float


def best_matches(question: numpy.ndarray, vectors: FaqVectors, limit: int = 3) -> list[FaqMatch]:
    """The ``limit`` best entries for a question vector, best first (any score)."""
    if not vectors.entries:
        return []
    scores = vectors.matrix @ numpy.asarray(question, numpy.float32)
    best: dict[int, FaqMatch] = {}
    for row in numpy.argsort(-scores):
        entry = vectors.entries[row]
        if entry not in best:
            best[entry] = FaqMatch(
                entry, vectors.langs[row], vectors.numbers[row], float(scores[row])
            )
            if len(best) == limit:
                break
    return list(best.values())


def phrasing(entry: FaqEntry, match: FaqMatch) -> str:
    """The text of the phrasing that matched."""
    text = entry.text(match.lang)
    if text is None or match.n >= len(text.phrasings):
        return ""
    return text.phrasings[match.n]


def accepted(matches: Sequence[FaqMatch], threshold: float = MATCH_THRESHOLD) -> FaqMatch | None:
    return matches[0] if matches and matches[0].score >= threshold else None
