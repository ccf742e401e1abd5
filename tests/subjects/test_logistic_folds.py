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


def test_the_cut_keeps_a_short_sure_list_or_all() -> None:
    from unlib.subjects.ensemble import cut

    sure = [0.95, 0.9, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01, 0.01, 0.01]
    doubtful = [0.3, 0.28, 0.27, 0.26, 0.25, 0.25, 0.24, 0.24, 0.23, 0.23]
    assert cut(sure, 0.0, 4.0, 12) == 12  # weight 0: no cut
    assert cut(sure, 0.9, 4.0, 12) == 2
    assert cut(doubtful, 0.5, 4.0, 12) == 12  # the right ones may be anywhere in the 10
    assert cut([], 0.9, 4.0, 0) == 0
    assert 1 <= cut([0.5], 0.9, 4.0, 1) <= 1


def test_the_cut_chosen_in_training_is_scored_like_the_benchmark() -> None:
    from unlib.subjects.metrics import f1_at
    from unlib.subjects.training import best_cut

    rng = np.random.default_rng(3)
    probabilities = rng.random(60) ** 2
    labels = (rng.random(60) < probabilities).astype(float)
    spans = [(i, 20 * i, 20 * i + 20) for i in range(3)]
    examples = [
        Example(str(i), (Text("t", "en"),), frozenset({"a", "b", "c", "d", "e", "f"}))
        for i in range(3)
    ]
    threshold, weight, f1 = best_cut(probabilities, labels, spans, examples, 6.0)
    assert threshold == 0.0 and weight == 0.0  # nothing beats the full lists here
    expected = 0.0
    for i, start, end in spans:
        order = sorted(range(start, end), key=lambda r: -probabilities[r])[:10]
        ranked = [str(r) if labels[r] else "" for r in order]
        gold = [str(r) for r in range(start, end) if labels[r]]
        gold += [f"missed {j}" for j in range(len(examples[i].subjects) - len(gold))]
        expected += f1_at(ranked, gold, 5) / 3
    assert abs(f1 - expected) < 1e-9


def _judged_lists(
    seed: int, documents: int
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, int]], list[Example]]:
    """Calibrated probabilities of 20 candidates per document, their truth drawn from them,
    and documents with 1 to 8 subjects (some never among the candidates)."""
    rng = np.random.default_rng(seed)
    probabilities = rng.random(20 * documents) ** 3
    labels = (rng.random(20 * documents) < probabilities).astype(float)
    spans = [(i, 20 * i, 20 * i + 20) for i in range(documents)]
    examples = []
    for i, start, end in spans:
        found = int(labels[start:end].sum())
        subjects = frozenset(f"s{j}" for j in range(max(found, 1) + int(rng.integers(0, 3))))
        examples.append(Example(str(i), (Text("t", "en"),), subjects))
    return probabilities, labels, spans, examples


def _scored_like_the_benchmark(
    probabilities: np.ndarray,
    labels: np.ndarray,
    spans: list[tuple[int, int, int]],
    examples: list[Example],
    threshold: float,
    weight: float,
    missed: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Per document F1@5 and NDCG@10 of the list the ensemble would return, by the
    benchmark's metric code."""
    from unlib.subjects.ensemble import cut, expected_subjects
    from unlib.subjects.metrics import f1_at, ndcg_at

    f1, ndcg = [], []
    for i, start, end in spans:
        order = sorted(range(start, end), key=lambda r: -probabilities[r])
        kept = [r for r in order if probabilities[r] >= threshold] or order[:1]
        expected = expected_subjects(probabilities[start:end], missed, 0.0)
        count = cut([probabilities[r] for r in kept[:10]], weight, expected, len(kept))
        ranked = [f"s{int(labels[start:r].sum())}" if labels[r] else f"w{r}" for r in kept[:count]]
        gold = sorted(examples[i].subjects)
        f1.append(f1_at(ranked, gold, 5))
        ndcg.append(ndcg_at(ranked, gold, 10))
    return np.array(f1), np.array(ndcg)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_chosen_cut_is_within_noise_of_the_best_and_the_most_precise(seed: int) -> None:
    from unlib.subjects.training import CUT_WEIGHTS, THRESHOLDS, best_cut, missed_subjects

    data = _judged_lists(seed, 120)
    missed = missed_subjects(data[1], data[2], data[3])
    threshold, weight, f1 = best_cut(*data, missed)
    scored = {
        (t, w): _scored_like_the_benchmark(*data, t, w, missed)
        for t in THRESHOLDS
        for w in CUT_WEIGHTS
    }
    objective = {key: (f + n) / 2 for key, (f, n) in scored.items()}
    best = max(objective, key=lambda key: objective[key].mean())
    chosen = objective[threshold, weight]
    difference = objective[best] - chosen
    assert difference.mean() <= difference.std(ddof=1) / np.sqrt(len(chosen)) + 1e-9
    assert abs(scored[threshold, weight][0].mean() - f1) < 1e-9
    tied = [
        key
        for key, values in objective.items()
        if (objective[best] - values).mean()
        <= (objective[best] - values).std(ddof=1) / np.sqrt(len(values)) + 1e-9
    ]
    assert len(tied) > 1  # a flat top, as real held-out data has
    assert f1 >= max(scored[key][0].mean() for key in tied) - 1e-9  # the most precise of them


def test_a_documents_subjects_are_estimated_from_its_probabilities() -> None:
    from unlib.subjects.ensemble import expected_subjects
    from unlib.subjects.training import missed_subjects

    assert expected_subjects([0.9, 0.5, 0.1], 1.5, 3.0) == pytest.approx(3.0)
    assert expected_subjects([0.9, 0.5, 0.1], None, 4.0) == 4.0  # a model saved before
    labels = np.array([1.0, 0.0, 1.0, 0.0])
    examples = [Example(k, (Text("t", "en"),), frozenset({"a", "b", "c"})) for k in "xy"]
    assert missed_subjects(labels, [(0, 0, 2), (1, 2, 4)], examples) == 2.0
