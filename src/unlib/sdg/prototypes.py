"""A 17-way softmax over sentence embeddings, learned from the taxonomy texts of all six
languages at once: the multilingual embedding puts a Chinese target next to its English
twin, so one model serves every language, and it weighs the parts of the embedding that tell
goals apart (nearest-text similarity weighs them all alike)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.sdg.taxonomy import GOAL_COUNT

STEPS: Final = 300
RATE: Final = 5.0
L2: Final = 1e-4


@dataclass(frozen=True)
class GoalSoftmax:
    weights: NDArray[np.float64]  # (dim, 17)
    bias: NDArray[np.float64]  # (17,)

    def predict(self, vectors: NDArray[np.float32]) -> NDArray[np.float64]:
        """(texts, 17) probabilities, each row summing to 1."""
        z = vectors.astype(np.float64) @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return np.asarray(p / p.sum(axis=1, keepdims=True), dtype=np.float64)


def fit_softmax(
    vectors: NDArray[np.float32], goals: Sequence[int] | NDArray[np.int64]
) -> GoalSoftmax:
    """Full-batch gradient descent, every taxonomy text weighing the same."""
    x = vectors.astype(np.float64)
    labels = np.asarray(goals, dtype=np.int64) - 1
    if not len(x) or len(x) != len(labels):
        raise ValueError("the softmax needs one goal per taxonomy text")
    target = np.eye(GOAL_COUNT)[labels]
    weight = np.full(len(x), 1.0 / len(x))
    w = np.zeros((x.shape[1], GOAL_COUNT))
    b = np.zeros(GOAL_COUNT)
    for _ in range(STEPS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - target) * weight[:, None]
        w -= RATE * (x.T @ error + L2 * w)
        b -= RATE * error.sum(axis=0)
    return GoalSoftmax(w, b)
