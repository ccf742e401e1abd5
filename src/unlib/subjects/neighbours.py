"""The learned backend: nearest neighbours among documents already indexed.

A document is compared with every indexed one by its multilingual embedding and by the
concepts whose labels it contains (language-independent URIs), so documents indexed in one
language help those written in another. The subjects of the nearest ones vote, weighted by
similarity.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.subjects.backend import SubjectBackend
from unlib.subjects.embedding import document_vector
from unlib.subjects.evidence import Evidence, gather
from unlib.subjects.model import Suggestion, Text
from unlib.vocab.labels import LabelMatcher

NEIGHBOURS: Final = 8
EMBEDDING_SHARE: Final = 0.6  # the rest of the similarity comes from shared concepts
SHARPNESS: Final = 3.0  # votes weigh similarity to this power


def concept_profile(evidence: Mapping[str, Evidence]) -> dict[str, float]:
    """Label evidence as a unit-length sparse vector over concept URIs."""
    raw = {uri: found.strength for uri, found in evidence.items()}
    norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    return {uri: v / norm for uri, v in raw.items()}


@dataclass
class Neighbours:
    keys: list[str]
    groups: list[str]
    vectors: NDArray[np.float32]  # (n, dim) unit rows
    profiles: list[dict[str, float]]
    subjects: list[tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.keys)

    def similarities(
        self, vector: NDArray[np.float32], profile: Mapping[str, float]
    ) -> NDArray[np.float64]:
        dense = self.vectors @ vector if len(self.keys) else np.zeros(0)
        shared = np.array(
            [sum(w * other.get(uri, 0.0) for uri, w in profile.items()) for other in self.profiles]
        )
        return EMBEDDING_SHARE * dense.astype(np.float64) + (1 - EMBEDDING_SHARE) * shared

    def vote(
        self,
        vector: NDArray[np.float32],
        profile: Mapping[str, float],
        *,
        skip_groups: Collection[str] = (),
    ) -> dict[str, float]:
        """Concept → share of the similarity-weighted votes of the nearest documents."""
        if not len(self):
            return {}
        sims = self.similarities(vector, profile)
        order = [i for i in np.argsort(-sims) if self.groups[i] not in skip_groups][:NEIGHBOURS]
        weights = {i: max(float(sims[i]), 0.0) ** SHARPNESS for i in order}
        total = sum(weights.values())
        if total <= 0:
            return {}
        votes: dict[str, float] = {}
        for i, weight in weights.items():
            for uri in self.subjects[i]:
                votes[uri] = votes.get(uri, 0.0) + weight / total
        return votes


class LearnedBackend(SubjectBackend):
    name = "learned"

    def __init__(self, neighbours: Neighbours, matcher: LabelMatcher, embedder: Embedder) -> None:
        self.neighbours = neighbours
        self.matcher = matcher
        self.embedder = embedder

    def _suggest(self, texts: Sequence[Text], limit: int) -> list[Suggestion]:
        vector = document_vector(self.embedder, texts)
        profile = concept_profile(gather(self.matcher, texts))
        votes = self.neighbours.vote(vector, profile)
        return [Suggestion(uri, round(v, 6), self.name) for uri, v in votes.items()]
