"""The SDG classifier: 17 calibrated probabilities for a passage, goals for a document.

A passage is compared with the taxonomy of its own language; a document is cut into
passages and a goal's document score is the mean of its best passage scores (the best
√n of n passages), so a report that treats a goal at length scores high and one that
mentions it once does not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.sdg.features import (
    BASE,
    MEMORY,
    SOFT,
    Memory,
    base_features,
    memory_features,
    one_hot,
    soft_features,
)
from unlib.sdg.prototypes import GoalSoftmax
from unlib.sdg.space import GoalSpace, build_space, terms
from unlib.sdg.taxonomy import GOAL_COUNT, Taxonomy
from unlib.subjects.logistic import Logistic
from unlib.vocab.labels import LabelMatcher

GOALS: Final = tuple(range(1, GOAL_COUNT + 1))
PASSAGE_CHARS: Final = 1000
RECOMMENDED_THRESHOLD: Final = 0.5

Probabilities = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class GoalScore:
    goal: int
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"goal": self.goal, "score": self.score}


@dataclass
class SdgModel:
    """What a classifier learned: the taxonomy softmax, the calibration of the features into
    probabilities and, when trained on expert judgements, those texts (for neighbour
    features)."""

    softmax: GoalSoftmax
    calibrator: Logistic
    memory: Memory | None = None
    threshold: float = RECOMMENDED_THRESHOLD
    embedder: str = "use"
    version: str = ""
    report: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocumentGoals:
    scores: Probabilities  # (17,) document level
    passages: Probabilities  # (passages, 17)


class SdgClassifier:
    def __init__(
        self,
        taxonomy: Taxonomy,
        embedder: Embedder,
        model: SdgModel,
        matcher: LabelMatcher | None = None,
        spaces: dict[str, GoalSpace] | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.embedder = embedder
        self.model = model
        self.matcher = matcher
        self.spaces = spaces if spaces is not None else {}

    def space(self, lang: str) -> GoalSpace:
        if lang not in self.spaces:
            self.spaces[lang] = build_space(self.taxonomy, lang, self.embedder)
        return self.spaces[lang]

    # -- passages ------------------------------------------------------------------------------

    def probabilities(self, texts: Sequence[str], lang: str) -> Probabilities:
        """(texts, 17) probabilities that each text addresses each goal."""
        if not texts:
            return np.zeros((0, GOAL_COUNT))
        vectors = self.embedder.embed(list(texts)).astype(np.float32)
        x = self.features(texts, lang, vectors)
        flat = self.model.calibrator.predict(x.reshape(-1, x.shape[2]))
        return flat.reshape(len(texts), GOAL_COUNT)

    def features(
        self,
        texts: Sequence[str],
        lang: str,
        vectors: NDArray[np.float32],
        *,
        skip: Sequence[int | None] = (),
    ) -> NDArray[np.float64]:
        space = self.space(lang)
        lexical = np.array([space.lexical(terms(lang, t)) for t in texts])
        links = [self.linked_goals(t, lang) for t in texts]
        parts = [
            base_features(space, vectors, lexical, links),
            soft_features(self.model.softmax.predict(vectors)),
        ]
        if self.model.memory is not None:
            parts.append(memory_features(self.model.memory, vectors, skip=skip))
        parts.append(one_hot(len(texts)))
        return np.concatenate(parts, axis=2)

    def linked_goals(self, text: str, lang: str) -> dict[int, float]:
        """Goals linked to the UNBIS concepts named in ``text``, with how often they occur."""
        if self.matcher is None:
            return {}
        found: dict[int, float] = {}
        for hit in self.matcher.find(text, lang):
            for goal in self.taxonomy.links.get(hit.uri, ()):
                found[goal] = found.get(goal, 0.0) + 1.0
        return found

    # -- texts and documents -------------------------------------------------------------------

    def classify(self, text: str, lang: str) -> list[GoalScore]:
        """Goals of a text (one passage, or a document cut into passages), best first."""
        pieces = split_passages(text)
        if not pieces:
            return []
        scores = self.document(pieces, lang).scores
        return rank(scores)

    def document(self, passages: Sequence[str], lang: str) -> DocumentGoals:
        per_passage = self.probabilities(passages, lang)
        return DocumentGoals(document_scores(per_passage), per_passage)


def document_scores(per_passage: Probabilities) -> Probabilities:
    """Each goal's mean over its best ⌈√n⌉ passage scores."""
    if not len(per_passage):
        return np.zeros(GOAL_COUNT)
    best = max(1, math.ceil(math.sqrt(len(per_passage))))
    return np.sort(per_passage, axis=0)[-best:].mean(axis=0)


def rank(scores: Probabilities) -> list[GoalScore]:
    found = [GoalScore(g, round(float(scores[g - 1]), 4)) for g in GOALS]
    return sorted(found, key=lambda s: (-s.score, s.goal))


_BLANK = re.compile(r"\n\s*\n")


def split_passages(text: str, size: int = PASSAGE_CHARS) -> list[str]:
    """Paragraphs (blank-line separated, else lines) merged up to ``size`` characters;
    a longer paragraph is cut at spaces."""
    text = text.strip()
    if not text:
        return []
    if len(text) <= size:
        return [" ".join(text.split())]
    blocks = _BLANK.split(text) if _BLANK.search(text) else text.splitlines()
    pieces: list[str] = []
    current = ""
    for block in (" ".join(b.split()) for b in blocks):
        if not block:
            continue
        if current and len(current) + len(block) + 1 > size:
            pieces.append(current)
            current = ""
        current = f"{current} {block}".strip()
        while len(current) > size:
            cut = current.rfind(" ", size // 2, size)
            cut = cut if cut > 0 else size
            pieces.append(current[:cut])
            current = current[cut:].strip()
    if current:
        pieces.append(current)
    return pieces


def feature_names(with_memory: bool) -> list[str]:
    names = list(BASE) + list(SOFT) + (list(MEMORY) if with_memory else [])
    return names + [f"goal_{g}" for g in GOALS]
