"""The taxonomy of one language ready to compare texts with: embeddings of every goal,
target, indicator and series text, and a tf-idf profile of each goal's words (idf over the
17 goals, so words every goal uses weigh nothing)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.sdg.taxonomy import GOAL_COUNT, Taxonomy
from unlib.text.analysis import analyze


def terms(lang: str, text: str) -> Counter[str]:
    """Index terms of ``text`` (stemmed; jieba words for Chinese), numbers left out."""
    return Counter(t for t in analyze(lang, text) if (not t.isdigit() and len(t) > 1) or _cjk(t))


def _cjk(term: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in term)


@dataclass
class GoalSpace:
    lang: str
    goals: NDArray[np.int64]  # goal (1..17) of each taxonomy text
    vectors: NDArray[np.float32]  # (texts, dim)
    profiles: list[dict[str, float]]  # per goal (index goal - 1): unit tf-idf vector
    idf: dict[str, float]

    def lexical(self, counts: Counter[str]) -> NDArray[np.float64]:
        """Cosine of the text's tf-idf vector with each goal's (17 values)."""
        weights = {t: (1 + math.log(n)) * self.idf[t] for t, n in counts.items() if t in self.idf}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return np.array(
            [sum(w * p.get(t, 0.0) for t, w in weights.items()) / norm for p in self.profiles]
        )


def build_space(taxonomy: Taxonomy, lang: str, embedder: Embedder) -> GoalSpace:
    pairs = taxonomy.of_lang(lang)
    vectors = embedder.embed([t for _, t in pairs]).astype(np.float32)
    return space_from(lang, pairs, vectors)


def space_from(
    lang: str, pairs: Sequence[tuple[int, str]], vectors: NDArray[np.float32]
) -> GoalSpace:
    """A space from taxonomy texts and their (already computed) embeddings."""
    goals = np.array([g for g, _ in pairs], dtype=np.int64)
    per_goal: list[Counter[str]] = [Counter() for _ in range(GOAL_COUNT)]
    for goal, text in pairs:
        per_goal[goal - 1].update(terms(lang, text))
    df = Counter(t for counts in per_goal for t in counts)
    idf = {t: math.log(GOAL_COUNT / n) for t, n in df.items() if n < GOAL_COUNT}
    profiles = []
    for counts in per_goal:
        weights = {t: (1 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        profiles.append({t: w / norm for t, w in weights.items()})
    return GoalSpace(lang, goals, vectors, profiles, idf)
