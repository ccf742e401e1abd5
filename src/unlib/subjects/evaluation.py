"""Cross-validated evaluation of the subject backends: for each fold the model is trained on
the other folds only, then every backend ranks the held-out documents, so no document is
ever scored by a model that saw it (or a revision of it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.subjects.backend import SubjectBackend
from unlib.subjects.embedding import pieces
from unlib.subjects.folds import split
from unlib.subjects.lexical import LexicalBackend
from unlib.subjects.metrics import mean_scores
from unlib.subjects.model import Example, Text
from unlib.subjects.neighbours import LearnedBackend
from unlib.subjects.thesaurus import Hierarchy
from unlib.subjects.training import SubjectModel, ensemble_backend, train
from unlib.vocab.labels import LabelMatcher

SYSTEMS: Final = ("lexical", "learned", "ensemble")
RANKED: Final = 10

# How a held-out example is presented to the backends (e.g. only its English version).
View = Callable[[Example], Sequence[Text]]


@dataclass
class Rankings:
    """Ranked URIs per system and held-out example, with each example's gold."""

    gold: dict[str, frozenset[str]] = field(default_factory=dict)
    ranked: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # system -> key -> uris

    def scores(self, system: str) -> dict[str, float]:
        found = self.ranked.get(system, {})
        return mean_scores((found.get(key, []), gold) for key, gold in self.gold.items())


class CachingEmbedder:
    """An embedder that embeds each distinct text once (folds and backends see the same
    texts again and again during cross-validation)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._held: dict[str, NDArray[np.float32]] = {}

    def prime(self, texts: Sequence[str]) -> None:
        """Embed many texts in one batch ahead of their use."""
        self.embed(texts)

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._held))
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                self._held[text] = vector
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._held[t] for t in texts])


def _order(text: Text) -> tuple[str, str, str]:
    return (text.lang, text.title, text.body)


def backends(
    model: SubjectModel, matcher: LabelMatcher, hierarchy: Hierarchy, embedder: Embedder
) -> dict[str, SubjectBackend]:
    return {
        "lexical": LexicalBackend(matcher, hierarchy, model.priors.idf_table()),
        "learned": LearnedBackend(model.neighbours, matcher, embedder),
        "ensemble": ensemble_backend(model, matcher, hierarchy, embedder),
    }


def cross_validate(
    examples: Sequence[Example],
    matcher: LabelMatcher,
    hierarchy: Hierarchy,
    embedder: Embedder,
    *,
    folds: int = 5,
    views: dict[str, View] | None = None,
) -> dict[str, Rankings]:
    """Rankings per view (default: all versions of each work) over ``folds`` folds."""
    shown = views or {"all": lambda e: e.texts}
    embedder = CachingEmbedder(embedder)
    everything = {t for e in examples for view in shown.values() for t in view(e)}
    everything.update(t for e in examples for t in e.texts)
    embedder.prime([p for t in sorted(everything, key=_order) for p in pieces(t)])
    found = {name: Rankings() for name in shown}
    for train_idx, held_idx in split(examples, folds):
        model = train([examples[i] for i in train_idx], matcher, hierarchy, embedder)
        systems = backends(model, matcher, hierarchy, embedder)
        for name, view in shown.items():
            for i in held_idx:
                texts = list(view(examples[i]))
                if not texts:
                    continue
                key = examples[i].key
                found[name].gold[key] = examples[i].subjects
                for system, backend in systems.items():
                    ranked = backend.suggest_texts(texts, RANKED)
                    found[name].ranked.setdefault(system, {})[key] = [s.uri for s in ranked]
    return found
