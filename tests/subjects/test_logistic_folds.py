"""The numpy logistic regression (calibration) and the grouped cross-validation folds."""

from __future__ import annotations

import numpy as np
import pytest

from unlib.subjects.folds import fold_of, split
from unlib.subjects.logistic import Logistic, fit_logistic
from unlib.subjects.model import Example, Text


def test_logistic_is_calibrated_and_round_trips() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(4000, 2))
    truth = 1 / (1 + np.exp(-(2.0 * x[:, 0] - 1.0)))
    y = (rng.random(4000) < truth).astype(float)
    model = fit_logistic(x, y)
    predicted = model.predict(x)
    assert abs(predicted.mean() - y.mean()) < 0.02
    high = predicted > 0.8
    assert abs(y[high].mean() - predicted[high].mean()) < 0.05
    assert abs(model.weights[1]) < 0.2 * abs(model.weights[0])  # the noise feature
    again = Logistic.from_json(model.to_json())
    assert np.allclose(again.predict(x[:5]), predicted[:5])
    with pytest.raises(ValueError, match="one label per row"):
        fit_logistic(x, y[:10])


def test_revisions_share_a_fold() -> None:
    examples = [
        Example(key, (Text("t", "en"),), frozenset({"u"}), group=key.split("/Rev.")[0])
        for key in ("A/C.3/78/L.5", "A/C.3/78/L.5/Rev.1", "A/C.3/78/L.6", "A/C.3/78/L.7")
    ]
    assert fold_of("A/C.3/78/L.5", 5) == fold_of("A/C.3/78/L.5", 5)
    folds = list(split(examples, 3))
    for train, held in folds:
        assert not set(train) & set(held)
        assert (0 in held) == (1 in held)
    assert sorted(i for _, held in folds for i in held) == [0, 1, 2, 3]
