"""Per (text, goal) features: how close the text is to the goal's taxonomy texts (embeddings
and words), how much closer than to the other goals, and how strongly the UNBIS concepts it
names are linked to the goal; optionally how close it is to texts experts judged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.sdg.space import GoalSpace
from unlib.sdg.taxonomy import GOAL_COUNT

BASE: Final = (
    "emb_top3",
    "emb_max",
    "emb_margin",
    "emb_best",
    "emb_rank",
    "emb_z",
    "lex",
    "lex_margin",
    "lex_best",
    "lex_z",
    "link",
    "link_share",
)
SOFT: Final = ("soft_log", "soft_margin", "soft_best", "soft_rank", "soft_p")
MEMORY: Final = (
    "near1_yes",
    "near1_no",
    "near3_yes",
    "near3_no",
    "near10_yes",
    "near10_no",
    "vote10",
    "vote30",
    "near_margin",
)
TOP: Final = 3
NEAREST: Final = (1, 3, 10)
VOTE_SHARPNESS: Final = (10.0, 30.0)


@dataclass
class Memory:
    """Texts judged by experts: embedding, goal and verdict (for neighbour features)."""

    vectors: NDArray[np.float32]
    goals: NDArray[np.int64]
    labels: NDArray[np.bool_]
    ids: NDArray[np.int64]  # which text each row is (rows of one text share it)


def base_features(
    space: GoalSpace,
    vectors: NDArray[np.float32],
    lexical: NDArray[np.float64],
    links: Sequence[Mapping[int, float]],
) -> NDArray[np.float64]:
    """(texts, 17, len(BASE)) features; ``lexical`` is (texts, 17) tf-idf cosines."""
    sims = vectors @ space.vectors.T
    top3 = np.zeros((len(vectors), GOAL_COUNT))
    best = np.zeros((len(vectors), GOAL_COUNT))
    for g in range(GOAL_COUNT):
        own = np.sort(sims[:, space.goals == g + 1], axis=1)
        if own.shape[1]:
            top3[:, g] = own[:, -TOP:].mean(axis=1)
            best[:, g] = own[:, -1]
    link = np.array([[m.get(g + 1, 0.0) for g in range(GOAL_COUNT)] for m in links])
    link = np.log1p(link.reshape(len(vectors), GOAL_COUNT))
    share = link / np.maximum(link.sum(axis=1, keepdims=True), 1e-9)
    emb_margin, emb_best, emb_rank = _relative(top3)
    lex_margin, lex_best, _ = _relative(lexical)
    columns = [
        top3,
        best,
        emb_margin,
        emb_best,
        np.log1p(emb_rank),
        _z(top3),
        lexical,
        lex_margin,
        lex_best,
        _z(lexical),
        link,
        share,
    ]
    return np.stack(columns, axis=2)


def soft_features(probabilities: NDArray[np.float64]) -> NDArray[np.float64]:
    """(texts, 17, len(SOFT)) from the taxonomy softmax's (texts, 17) probabilities."""
    logp = np.log(np.maximum(probabilities, 1e-12))
    margin, best, rank = _relative(logp)
    return np.stack([logp, margin, best, np.log1p(rank), probabilities], axis=2)


def memory_features(
    memory: Memory, vectors: NDArray[np.float32], *, skip: Sequence[int | None] = ()
) -> NDArray[np.float64]:
    """(texts, 17, len(MEMORY)) from the texts experts judged about each goal: the mean
    similarity to the 1, 3 and 10 nearest judged "yes" and "no"; a similarity-weighted vote
    of those judgements (weights e^(β(s-1)), β 10 and 30: fixed, not tuned); and how much
    closer the 3 nearest "yes" are than the 3 nearest "yes" for another goal. ``skip``: per
    text, the memory id that is the text itself (its rows are left out)."""
    sims = (vectors @ memory.vectors.T).astype(np.float64)
    for i, own in enumerate(skip[: len(vectors)]):
        if own is not None:
            sims[i, memory.ids == own] = -np.inf
    out = np.zeros((len(vectors), GOAL_COUNT, len(MEMORY)))
    yes = memory.labels
    for g in range(GOAL_COUNT):
        same = memory.goals == g + 1
        judged = sims[:, same]
        said = yes[same]
        columns = []
        for k in NEAREST:
            columns += [_top_mean(judged[:, said], k), _top_mean(judged[:, ~said], k)]
        for beta in VOTE_SHARPNESS:
            weight = np.exp(beta * (np.minimum(judged, 1.0) - 1.0))  # 0 for skipped rows
            total = weight.sum(axis=1)
            vote = (weight * said).sum(axis=1) / np.maximum(total, 1e-12)
            columns.append(np.where(total > 0, vote, 0.0))
        columns.append(_top_mean(judged[:, said], TOP) - _top_mean(sims[:, ~same & yes], TOP))
        out[:, g] = np.stack(columns, axis=1)
    return out


def one_hot(count: int) -> NDArray[np.float64]:
    """(count, 17, 17): each goal's own indicator (a bias per goal)."""
    return np.broadcast_to(np.eye(GOAL_COUNT), (count, GOAL_COUNT, GOAL_COUNT)).copy()


def _top_mean(sims: NDArray[np.float64], k: int) -> NDArray[np.float64]:
    """Per row, the mean of the ``k`` largest finite values (0 when there is none)."""
    if not sims.shape[1]:
        return np.zeros(len(sims))
    best = -np.sort(-sims, axis=1)[:, :k]
    finite = np.isfinite(best)
    return np.where(finite, best, 0.0).sum(axis=1) / np.maximum(finite.sum(axis=1), 1)


def _relative(
    scores: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Margin over the best other goal, whether it is the best, and its rank."""
    margin = np.zeros_like(scores)
    for g in range(GOAL_COUNT):
        others = np.delete(scores, g, axis=1)
        margin[:, g] = scores[:, g] - others.max(axis=1)
    rank = (scores[:, None, :] > scores[:, :, None]).sum(axis=2).astype(np.float64)
    return margin, (rank == 0).astype(np.float64), rank


def _z(scores: NDArray[np.float64]) -> NDArray[np.float64]:
    mean = scores.mean(axis=1, keepdims=True)
    spread = scores.std(axis=1, keepdims=True)
    return (scores - mean) / np.maximum(spread, 1e-9)
