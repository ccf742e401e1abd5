"""L2-regularised logistic regression in numpy: the calibrated combination of evidence used
by the subject ensemble and the SDG classifier (a handful of features, so plain gradient
descent on standardised inputs is exact enough and has no dependency)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Logistic:
    mean: Array
    scale: Array
    weights: Array
    bias: float

    def predict(self, features: Array) -> Array:
        """Probabilities for the rows of ``features``."""
        z = ((np.asarray(features, dtype=np.float64) - self.mean) / self.scale) @ self.weights
        return _sigmoid(z + self.bias)

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weights": self.weights.tolist(),
            "bias": self.bias,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Logistic:
        return cls(
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),
        )


def fit_logistic(
    features: Array, labels: Array, *, l2: float = 1.0, steps: int = 2000, rate: float = 0.5
) -> Logistic:
    """Fit on rows of ``features`` with 0/1 ``labels`` (full-batch gradient descent)."""
    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if x.ndim != 2 or len(x) != len(y) or not len(y):
        raise ValueError("features must be a non-empty 2-D array with one label per row")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    weights = np.zeros(x.shape[1])
    prior = min(max(float(y.mean()), 1e-3), 1 - 1e-3)
    bias = float(np.log(prior / (1 - prior)))
    n = len(y)
    for _ in range(steps):
        error = _sigmoid(z @ weights + bias) - y
        weights -= rate * (z.T @ error / n + l2 * weights / n)
        bias -= rate * float(error.mean())
    return Logistic(mean, scale, weights, bias)


def _sigmoid(z: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
