"""Fitting the SDG classifier's calibration on expert judgements (text, goal, yes/no), with
an honest cross-validated accuracy: folds by text, neighbour features of a text never drawn
from its own judgements, and the regularisation chosen inside each training fold (nested
cross-validation), never on the rows it is scored on."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from unlib.model import LANGUAGES
from unlib.sdg.classifier import RECOMMENDED_THRESHOLD, SdgClassifier, SdgModel
from unlib.sdg.features import Memory, memory_features
from unlib.sdg.prototypes import fit_softmax
from unlib.sdg.space import space_from
from unlib.sdg.taxonomy import GOAL_COUNT
from unlib.subjects.folds import fold_of
from unlib.subjects.logistic import Logistic, fit_logistic

FOLDS: Final = 5
# Regularisation of the calibration on expert judgements (a few hundred rows, ~45 features):
# chosen among these by an inner cross-validation (folds by text) on the training rows alone.
L2_GRID: Final = (1.0, 3.0, 10.0, 30.0, 100.0)
INNER_FOLDS: Final = 4
THRESHOLDS: Final = tuple(round(0.3 + 0.05 * i, 2) for i in range(9))


@dataclass(frozen=True, slots=True)
class Judgement:
    text: str
    goal: int
    label: bool


@dataclass
class _Data:
    texts: list[str]
    vectors: NDArray[np.float32]
    static: NDArray[np.float64]  # (texts, 17, features) that need no judgement
    text_of: NDArray[np.int64]  # per judgement: its text
    goals: NDArray[np.int64]
    labels: NDArray[np.bool_]


def train_sdg(
    judgements: Sequence[Judgement],
    classifier: SdgClassifier,
    lang: str = "en",
    *,
    memory: bool = True,
    folds: int = FOLDS,
) -> SdgModel:
    """A model fitted on ``judgements``; its report holds the cross-validated accuracy at
    each threshold and the threshold it recommends."""
    if len({j.label for j in judgements}) < 2:
        raise ValueError("training needs judgements of both kinds (true and false)")
    data = _prepare(judgements, classifier, lang)
    predicted, fold_l2 = _cross_validate(data, memory, folds)
    accuracy = {str(t): float(((predicted >= t) == data.labels).mean()) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (accuracy[str(t)], -abs(t - RECOMMENDED_THRESHOLD)))
    everything = np.arange(len(data.labels))
    l2 = _choose_l2(data, everything, memory)
    calibrator = _fit(data, everything, memory, l2)
    model = SdgModel(
        softmax=classifier.model.softmax,
        calibrator=calibrator,
        memory=_memory(data, np.arange(len(data.labels))) if memory else None,
        threshold=best,
        embedder=classifier.embedder.name,
        report={
            "judgements": len(judgements),
            "cv_accuracy": accuracy,
            "threshold": best,
            "l2": l2,
            "cv_fold_l2": fold_l2,
        },
    )
    model.version = _version(model)
    return model


def zero_shot(classifier: SdgClassifier, lang: str = "en") -> SdgModel:
    """A model from the taxonomy alone (no expert judgement): the softmax learned on every
    language, and a calibration learned on taxonomy texts scored by a softmax and a goal
    space that never saw their target (two folds by target). Each held-out text gives one
    true judgement (its goal) and one false one (the other goal the softmax likes best: the
    hard cases experts judge)."""
    langs = [code for code in LANGUAGES if classifier.taxonomy.texts.get(code)]
    spaces = {code: classifier.space(code) for code in langs}
    groups = {code: classifier.taxonomy.groups_of(code) for code in langs}
    rows: list[NDArray[np.float64]] = []
    labels: list[float] = []
    for fold in range(2):
        keep = {code: np.array([fold_of(g, 2) != fold for g in groups[code]]) for code in langs}
        softmax = fit_softmax(
            np.vstack([spaces[c].vectors[keep[c]] for c in langs]),
            np.concatenate([spaces[c].goals[keep[c]] for c in langs]),
        )
        pairs = classifier.taxonomy.of_lang(lang)
        kept_pairs = [p for p, k in zip(pairs, keep[lang], strict=True) if k]
        space = space_from(lang, kept_pairs, spaces[lang].vectors[keep[lang]])
        probe = SdgClassifier(
            classifier.taxonomy,
            classifier.embedder,
            SdgModel(softmax, classifier.model.calibrator),
            classifier.matcher,
            {lang: space},
        )
        held = [i for i, k in enumerate(keep[lang]) if not k]
        texts = [pairs[i][1] for i in held]
        vectors = spaces[lang].vectors[held]
        x = probe.features(texts, lang, vectors)
        soft = softmax.predict(vectors)
        # No per-goal bias: which goals the pseudo-judgements pick says nothing of texts.
        x[:, :, -GOAL_COUNT:] = 0.0
        for row, i in enumerate(held):
            goal = pairs[i][0]
            others = soft[row].copy()
            others[goal - 1] = -1.0
            hard = int(np.argmax(others))
            easy = (goal + 1 + fold_of(pairs[i][1], GOAL_COUNT - 1)) % GOAL_COUNT
            rows += [x[row, goal - 1], x[row, goal - 1], x[row, hard], x[row, easy]]
            labels += [1.0, 1.0, 0.0, 0.0]
    calibrator = fit_logistic(np.array(rows), np.array(labels))
    softmax = fit_softmax(
        np.vstack([spaces[c].vectors for c in langs]),
        np.concatenate([spaces[c].goals for c in langs]),
    )
    model = SdgModel(
        softmax=softmax,
        calibrator=calibrator,
        embedder=classifier.embedder.name,
        report={"judgements": 0, "pseudo_judgements": len(labels), "threshold": 0.5},
    )
    model.version = _version(model)
    return model


def _prepare(judgements: Sequence[Judgement], classifier: SdgClassifier, lang: str) -> _Data:
    texts = list(dict.fromkeys(j.text for j in judgements))
    index = {t: i for i, t in enumerate(texts)}
    vectors = classifier.embedder.embed(texts).astype(np.float32)
    probe = SdgClassifier(
        classifier.taxonomy,
        classifier.embedder,
        replace(classifier.model, memory=None),
        classifier.matcher,
        classifier.spaces,
    )
    return _Data(
        texts=texts,
        vectors=vectors,
        static=probe.features(texts, lang, vectors),
        text_of=np.array([index[j.text] for j in judgements], dtype=np.int64),
        goals=np.array([j.goal for j in judgements], dtype=np.int64),
        labels=np.array([j.label for j in judgements], dtype=bool),
    )


def _memory(data: _Data, rows: NDArray[np.int64]) -> Memory:
    return Memory(
        vectors=data.vectors[data.text_of[rows]],
        goals=data.goals[rows],
        labels=data.labels[rows],
        ids=data.text_of[rows],
    )


def _rows(data: _Data, rows: NDArray[np.int64], memory: Memory | None) -> NDArray[np.float64]:
    """The feature row of each judgement in ``rows`` (the features of its text and goal), in
    the column order of :meth:`SdgClassifier.features`; a text's own judgements are never its
    neighbours."""
    goal = data.goals[rows] - 1
    static = data.static[data.text_of[rows], goal]
    if memory is None:
        return static
    texts = sorted(set(data.text_of[rows].tolist()))
    position = np.searchsorted(texts, data.text_of[rows])
    near = memory_features(memory, data.vectors[texts], skip=list(texts))[position, goal]
    return np.concatenate([static[:, :-GOAL_COUNT], near, static[:, -GOAL_COUNT:]], axis=1)


def _fit(data: _Data, rows: NDArray[np.int64], memory: bool, l2: float) -> Logistic:
    mem = _memory(data, rows) if memory else None
    x = _rows(data, rows, mem)
    return fit_logistic(x, data.labels[rows].astype(np.float64), l2=l2)


def _split(data: _Data, rows: NDArray[np.int64], folds: int, salt: str = "") -> NDArray[np.int64]:
    """The fold of each row in ``rows``, by its text."""
    return np.array([fold_of(salt + data.texts[t], folds) for t in data.text_of[rows]])


def _choose_l2(data: _Data, rows: NDArray[np.int64], memory: bool) -> float:
    """The regularisation that scores best in a cross-validation inside ``rows`` (folds by
    text; ties go to the stronger one)."""
    fold = _split(data, rows, INNER_FOLDS, "inner:")
    correct = dict.fromkeys(L2_GRID, 0)
    for f in range(INNER_FOLDS):
        held, kept = rows[fold == f], rows[fold != f]
        if not len(held) or len(set(data.labels[kept].tolist())) < 2:
            continue
        mem = _memory(data, kept) if memory else None
        x, y = _rows(data, kept, mem), data.labels[kept].astype(np.float64)
        x_held = _rows(data, held, mem)
        for l2 in L2_GRID:
            predicted = fit_logistic(x, y, l2=l2).predict(x_held)
            correct[l2] += int(((predicted >= RECOMMENDED_THRESHOLD) == data.labels[held]).sum())
    return max(L2_GRID, key=lambda l2: (correct[l2], l2))


def _cross_validate(
    data: _Data, memory: bool, folds: int
) -> tuple[NDArray[np.float64], list[float]]:
    """Each judgement scored by a model fitted (regularisation chosen included) without its
    text; and the regularisation each fold chose."""
    fold = _split(data, np.arange(len(data.labels)), folds)
    predicted = np.zeros(len(data.labels))
    chosen: list[float] = []
    for f in range(folds):
        held = np.where(fold == f)[0]
        kept = np.where(fold != f)[0]
        if not len(held) or len(set(data.labels[kept].tolist())) < 2:
            continue
        l2 = _choose_l2(data, kept, memory)
        chosen.append(l2)
        calibrator = _fit(data, kept, memory, l2)
        mem = _memory(data, kept) if memory else None
        predicted[held] = calibrator.predict(_rows(data, held, mem))
    return predicted, chosen


def _version(model: SdgModel) -> str:
    payload: dict[str, Any] = {
        "c": model.calibrator.to_json(),
        "t": model.threshold,
        "s": float(np.round(model.softmax.weights.sum(), 6)),
        "m": 0 if model.memory is None else len(model.memory.goals),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]
