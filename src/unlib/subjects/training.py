"""Training the learned backend and the ensemble on documents already indexed.

Each document is read once (label evidence, embedding). The ensemble's weights are fitted on
cross-validated rows: for each fold, neighbours and priors come from the other folds only,
so the weights learn how much to trust evidence on documents the model has not seen, which
is what makes its scores calibrated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.subjects.embedding import pooled, version_vectors
from unlib.subjects.ensemble import Signals, features
from unlib.subjects.evidence import Evidence, gather
from unlib.subjects.folds import split
from unlib.subjects.logistic import Logistic, fit_logistic
from unlib.subjects.metrics import f1_at, ndcg_at
from unlib.subjects.model import Example, SubjectsError
from unlib.subjects.neighbours import Neighbours, concept_profile
from unlib.subjects.priors import Priors
from unlib.subjects.thesaurus import Hierarchy
from unlib.vocab.labels import LabelMatcher

FOLDS: Final = 5
MIN_EXAMPLES: Final = 5


@dataclass
class SubjectModel:
    """What ``unlib subjects train`` produces: neighbours, priors and ensemble weights."""

    neighbours: Neighbours
    priors: Priors
    calibrator: Logistic
    vocab_version: str = ""
    examples: int = 0
    version: str = ""
    report: dict[str, float] = field(default_factory=dict)
    # Suggestions below this calibrated probability are left out (the best one never is).
    threshold: float = 0.0


@dataclass
class _Read:
    evidence: list[dict[str, Evidence]]
    vectors: NDArray[np.float32]
    # Each single language version of a multilingual example (evidence, vector): the
    # ensemble learns from these too, since it is often given one version only.
    singles: list[list[tuple[dict[str, Evidence], NDArray[np.float32]]]]


def train(
    examples: Sequence[Example],
    matcher: LabelMatcher,
    hierarchy: Hierarchy,
    embedder: Embedder,
    *,
    folds: int = FOLDS,
    vocab_version: str = "",
) -> SubjectModel:
    """Fit the model on ``examples`` (documents with known subjects)."""
    usable = [e for e in examples if e.subjects and e.texts]
    if len(usable) < MIN_EXAMPLES:
        raise SubjectsError(
            f"training needs at least {MIN_EXAMPLES} documents with accepted subjects and "
            f"text; the library has {len(usable)}"
        )
    read = _read(usable, matcher, embedder)
    rows, labels, spans = _held_out_rows(usable, read, hierarchy, folds)
    calibrator = fit_logistic(rows, labels)
    threshold, held_f1 = best_threshold(calibrator.predict(rows), labels, spans, usable)
    model = SubjectModel(
        neighbours=_neighbours(usable, read, range(len(usable))),
        priors=_priors(usable, read, range(len(usable))),
        calibrator=calibrator,
        vocab_version=vocab_version,
        examples=len(usable),
        report={"inner_cv_f1_at_5": round(held_f1, 4)},
        threshold=threshold,
    )
    model.version = _version(model)
    return model


def _read(examples: Sequence[Example], matcher: LabelMatcher, embedder: Embedder) -> _Read:
    evidence = [gather(matcher, e.texts) for e in examples]
    per_version = [version_vectors(embedder, e.texts) for e in examples]
    vectors = np.array([pooled(v, embedder.dim) for v in per_version], dtype=np.float32)
    singles = [
        [(gather(matcher, [t]), v) for t, v in zip(e.texts, vs, strict=True)]
        if len(e.texts) > 1
        else []
        for e, vs in zip(examples, per_version, strict=True)
    ]
    return _Read(evidence, vectors, singles)


def _neighbours(examples: Sequence[Example], read: _Read, idx: Sequence[int] | range) -> Neighbours:
    chosen = list(idx)
    return Neighbours(
        keys=[examples[i].key for i in chosen],
        groups=[examples[i].fold_group for i in chosen],
        vectors=read.vectors[chosen]
        if chosen
        else np.zeros((0, read.vectors.shape[1]), np.float32),
        profiles=[concept_profile(read.evidence[i]) for i in chosen],
        subjects=[tuple(sorted(examples[i].subjects)) for i in chosen],
    )


def _priors(examples: Sequence[Example], read: _Read, idx: Sequence[int] | range) -> Priors:
    return Priors.count((read.evidence[i].keys(), examples[i].subjects) for i in idx)


def _held_out_rows(
    examples: Sequence[Example], read: _Read, hierarchy: Hierarchy, folds: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], list[tuple[int, int, int]]]:
    """Feature rows of every held-out document's candidates, their labels, and for each
    document (example index, first row, end row)."""
    rows: list[NDArray[np.float64]] = []
    labels: list[float] = []
    spans: list[tuple[int, int, int]] = []
    for train_idx, held_idx in split(examples, folds):
        neighbours = _neighbours(examples, read, train_idx)
        priors = _priors(examples, read, train_idx)
        for i in held_idx:
            for evidence, vector in [(read.evidence[i], read.vectors[i]), *read.singles[i]]:
                votes = neighbours.vote(vector, concept_profile(evidence))
                uris, x = features(Signals(evidence, votes), priors, hierarchy)
                spans.append((i, len(labels), len(labels) + len(uris)))
                rows.append(x)
                labels.extend(1.0 if uri in examples[i].subjects else 0.0 for uri in uris)
    if not labels or not any(labels):
        raise SubjectsError("no held-out document had a right candidate: too little training data")
    return np.vstack(rows), np.array(labels), spans


THRESHOLDS: Final = tuple(round(0.025 * i, 3) for i in range(21))  # 0 .. 0.5


def best_threshold(
    probabilities: NDArray[np.float64],
    labels: NDArray[np.float64],
    spans: Sequence[tuple[int, int, int]],
    examples: Sequence[Example],
) -> tuple[float, float]:
    """The probability cut that gives the best mean of F1@5 and NDCG@10 (the two measures
    subject indexing is judged by) on the held-out documents, the lowest of equals; and the
    held-out F1@5 with it."""
    best = (0.0, -1.0, 0.0)
    for cut in THRESHOLDS:
        f1 = ndcg = 0.0
        for i, start, end in spans:
            order = sorted(range(start, end), key=lambda r: -probabilities[r])[:10]
            kept = [r for r in order if probabilities[r] >= cut] or order[:1]
            ranked = [str(r) if labels[r] else "" for r in kept]
            gold = [str(r) for r in range(start, end) if labels[r]]
            gold += [f"missed {j}" for j in range(len(examples[i].subjects) - len(gold))]
            f1 += f1_at(ranked, gold, 5)
            ndcg += ndcg_at(ranked, gold, 10)
        score = (f1 + ndcg) / max(len(spans), 1) / 2
        if score > best[1] + 1e-9:
            best = (cut, score, f1 / max(len(spans), 1))
    return best[0], best[2]


def _version(model: SubjectModel) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(model.calibrator.to_json(), sort_keys=True).encode())
    digest.update(json.dumps(sorted(model.neighbours.keys)).encode())
    digest.update(model.vocab_version.encode())
    digest.update(str(model.threshold).encode())
    return digest.hexdigest()[:12]
