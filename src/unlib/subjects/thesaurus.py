"""Thesaurus rules over suggestions: never a broader term together with its narrower one
(the most specific wins), and the facts about a concept that make it specific."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from unlib.vocab.model import Vocabulary

# A broader term hands this share of its evidence to the narrower term that replaces it.
HANDOVER = 0.25


class Hierarchy:
    """Ancestors and depth of UNBIS concepts (cached: the vocabulary does not change)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.ancestors = lru_cache(maxsize=None)(self._ancestors)

    def _ancestors(self, uri: str) -> frozenset[str]:
        return frozenset(
            a for a in self.vocab.ancestors(uri) if (c := self.vocab.get(a)) and c.kind == "concept"
        )

    def depth(self, uri: str) -> int:
        return len(self.ancestors(uri))

    def is_leaf(self, uri: str) -> bool:
        concept = self.vocab.get(uri)
        return concept is None or not concept.narrower

    def broader_of_any(self, uris: Iterable[str]) -> set[str]:
        """The concepts among ``uris`` that are broader than another one of them."""
        present = set(uris)
        return {a for uri in present for a in self.ancestors(uri) if a in present}


def most_specific(scores: Mapping[str, float], hierarchy: Hierarchy) -> dict[str, float]:
    """Drop every concept whose narrower concept is also suggested; the narrower one gets a
    share of its score."""
    broader = hierarchy.broader_of_any(scores)
    kept = {uri: score for uri, score in scores.items() if uri not in broader}
    for uri in kept:
        inherited = [scores[a] for a in hierarchy.ancestors(uri) if a in broader]
        if inherited:
            kept[uri] += HANDOVER * max(inherited)
    return kept
