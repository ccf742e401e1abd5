"""The lexical backend: concepts whose labels occur in the text, scored by frequency,
position, presence in the title and in several language versions, and specificity (how rare
the concept is in the library's documents), keeping the most specific of related terms."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from unlib.subjects.backend import SubjectBackend
from unlib.subjects.evidence import gather
from unlib.subjects.model import Suggestion, Text
from unlib.subjects.thesaurus import Hierarchy, most_specific
from unlib.vocab.labels import LabelMatcher

# Specificity of a concept the background statistics have never seen.
DEFAULT_IDF = 2.0


class LexicalBackend(SubjectBackend):
    name = "lexical"

    def __init__(
        self,
        matcher: LabelMatcher,
        hierarchy: Hierarchy,
        idf: Mapping[str, float] | None = None,
    ) -> None:
        self.matcher = matcher
        self.hierarchy = hierarchy
        self.idf = idf or {}

    def _suggest(self, texts: Sequence[Text], limit: int) -> list[Suggestion]:
        raw = self.raw_scores(texts)
        return [Suggestion(uri, _squash(score), self.name) for uri, score in raw.items()]

    def raw_scores(self, texts: Sequence[Text]) -> dict[str, float]:
        evidence = gather(self.matcher, texts)
        scores = {
            uri: found.strength * self.idf.get(uri, DEFAULT_IDF)
            for uri, found in evidence.items()
            if uri in self.matcher.vocab.concepts
        }
        return most_specific(scores, self.hierarchy)


def _squash(score: float) -> float:
    """A raw score as 0..1 (monotone; not a probability: the ensemble calibrates)."""
    return round(1.0 - math.exp(-score / 4.0), 6)
