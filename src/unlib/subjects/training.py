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
from unlib.subjects.ensemble import (
    RANKED,
    EnsembleBackend,
    Signals,
    cut,
    expected_subjects,
    features,
)
from unlib.subjects.evidence import Evidence, gather
from unlib.subjects.folds import split
from unlib.subjects.logistic import Logistic, fit_logistic
from unlib.subjects.model import Example, SubjectsError
from unlib.subjects.neighbours import Neighbours, concept_profile
from unlib.subjects.priors import Priors
from unlib.subjects.thesaurus import Hierarchy
from unlib.vocab.labels import LabelMatcher

FOLDS: Final = 5
# A held-out text: example index, its first and end feature row.
Span = tuple[int, int, int]
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
    # The per-document cut (:func:`unlib.subjects.ensemble.cut`): how much F1@5 weighs
    # against NDCG@10 (0: no cut), and the training documents' mean number of subjects.
    cut_weight: float = 0.0
    subjects_per_doc: float = 1.0
    # How many right subjects of a held-out text no candidate named, on average: with it each
    # text's own number of subjects is estimated (None in models saved before it).
    missed_per_doc: float | None = None


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
    subjects = sum(len(e.subjects) for e in usable) / len(usable)
    predicted = calibrator.predict(rows)
    missed = missed_subjects(labels, spans, usable)
    threshold, weight, held_f1 = best_cut(predicted, labels, spans, usable, missed)
    model = SubjectModel(
        neighbours=_neighbours(usable, read, range(len(usable))),
        priors=_priors(usable, read, range(len(usable))),
        calibrator=calibrator,
        vocab_version=vocab_version,
        examples=len(usable),
        report={"inner_cv_f1_at_5": round(held_f1, 4)},
        threshold=threshold,
        cut_weight=weight,
        subjects_per_doc=round(subjects, 4),
        missed_per_doc=round(missed, 4),
    )
    model.version = _version(model)
    return model


def ensemble_backend(
    model: SubjectModel, matcher: LabelMatcher, hierarchy: Hierarchy, embedder: Embedder
) -> EnsembleBackend:
    """The ensemble backend of a trained model."""
    return EnsembleBackend(
        matcher,
        hierarchy,
        embedder,
        model.neighbours,
        model.priors,
        model.calibrator,
        model.threshold,
        model.cut_weight,
        model.subjects_per_doc,
        model.missed_per_doc,
    )


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
) -> tuple[NDArray[np.float64], NDArray[np.float64], list[Span]]:
    """Feature rows of every held-out document's candidates, their labels, and for each
    document (example index, first row, end row)."""
    rows: list[NDArray[np.float64]] = []
    labels: list[float] = []
    spans: list[Span] = []
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
# 0: no cut; then from an even weighting of F1@5 and NDCG@10 towards F1@5 alone.
CUT_WEIGHTS: Final = (0.0, *(round(0.5 + 0.05 * i, 2) for i in range(9)))  # 0, 0.5 .. 0.9


def best_cut(
    probabilities: NDArray[np.float64],
    labels: NDArray[np.float64],
    spans: Sequence[Span],
    examples: Sequence[Example],
    missed: float,
) -> tuple[float, float, float]:
    """The probability threshold and the per-document cut's weight for the suggestions, and
    the held-out F1@5 with them. Each document's number of subjects is estimated as the cut
    will estimate it: its candidates' summed probability and ``missed``.

    Settings are judged on the held-out documents by the mean of F1@5 and NDCG@10 (the two
    measures subject indexing is judged by). That surface is flat near its top: many
    settings are within noise of the best, and which one is best moves with any small change
    of the training data. So the one-standard-error rule: among the settings whose mean is
    within one standard error (of the paired per-document difference) of the best, the one
    with the best F1@5, i.e. the shortest sure list a cataloguer reviews; the lowest of
    equals."""
    documents = _ranked_documents(probabilities, labels, spans, examples, missed)
    settings = [(t, w) for t in THRESHOLDS for w in CUT_WEIGHTS]
    f1 = np.zeros((len(settings), len(documents)))
    ndcg = np.zeros_like(f1)
    for n, (threshold, weight) in enumerate(settings):
        f1[n], ndcg[n] = _held_out_scores(documents, threshold, weight)
    objective = (f1 + ndcg) / 2
    best = int(np.argmax(objective.mean(axis=1)))
    difference = objective[best] - objective
    error = difference.std(axis=1, ddof=1) / np.sqrt(max(len(documents), 1))
    tied = difference.mean(axis=1) <= error + 1e-12
    chosen = max(np.flatnonzero(tied), key=lambda n: (round(f1[n].mean(), 12), -n))
    threshold, weight = settings[chosen]
    return threshold, weight, float(f1[chosen].mean())


_Document = tuple[list[float], list[float], list[float], int, float, float]


def missed_subjects(
    labels: NDArray[np.float64], spans: Sequence[Span], examples: Sequence[Example]
) -> float:
    """How many of a held-out document's subjects are among none of its candidates, on
    average."""
    missed = [max(len(examples[i].subjects) - labels[a:b].sum(), 0.0) for i, a, b in spans]
    return float(np.mean(missed)) if missed else 0.0


def _ranked_documents(
    probabilities: NDArray[np.float64],
    labels: NDArray[np.float64],
    spans: Sequence[Span],
    examples: Sequence[Example],
    missed: float,
) -> list[_Document]:
    """Per held-out document: its best probabilities, cumulative hits and discounted gains,
    how many subjects it has, its ideal DCG and how many subjects the cut expects."""
    discount = 1.0 / np.log2(np.arange(RANKED) + 2.0)
    documents = []
    for i, start, end in spans:
        order = np.argsort(-probabilities[start:end], kind="stable")[:RANKED] + start
        top, right = probabilities[order], labels[order]
        wanted = max(len(examples[i].subjects), int(labels[start:end].sum()))
        ideal = float(discount[: min(wanted, RANKED)].sum())
        hits = np.concatenate([[0.0], np.cumsum(right)])
        gains = np.concatenate([[0.0], np.cumsum(right * discount[: len(right)])])
        expected = expected_subjects(probabilities[start:end], missed, 0.0)
        documents.append((top.tolist(), hits.tolist(), gains.tolist(), wanted, ideal, expected))
    return documents


def _held_out_scores(
    documents: Sequence[_Document], threshold: float, weight: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """F1@5 and NDCG@10 of each held-out document with this threshold and cut."""
    f1 = np.zeros(len(documents))
    ndcg = np.zeros(len(documents))
    for n, (top, hits, gains, wanted, ideal, expected) in enumerate(documents):
        if not top:
            continue
        shown = max(sum(1 for p in top if p >= threshold), 1)  # the best one always
        k = cut(top[:shown], weight, expected, shown)
        first = min(k, 5)
        f1[n] = 2.0 * hits[first] / (first + wanted) if wanted else 0.0
        ndcg[n] = gains[k] / ideal if ideal else 0.0
    return f1, ndcg


def _version(model: SubjectModel) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(model.calibrator.to_json(), sort_keys=True).encode())
    digest.update(json.dumps(sorted(model.neighbours.keys)).encode())
    digest.update(model.vocab_version.encode())
    digest.update(str((model.threshold, model.cut_weight, model.subjects_per_doc)).encode())
    digest.update(str(model.missed_per_doc).encode())
    return digest.hexdigest()[:12]
