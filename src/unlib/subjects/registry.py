"""Subject backends by name, built lazily from what the library holds: the vocabulary and,
once ``unlib subjects train`` has run, the trained model.

``lexical`` needs only the vocabulary; ``learned`` and ``ensemble`` need the model. The
default is the ensemble when a model exists, else the lexical backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final

from unlib.embed import Embedder
from unlib.subjects.backend import SubjectBackend
from unlib.subjects.model import SubjectsError
from unlib.subjects.thesaurus import Hierarchy
from unlib.subjects.training import SubjectModel
from unlib.vocab.labels import LabelMatcher, shared_matcher
from unlib.vocab.model import Vocabulary

BACKENDS: Final = ("ensemble", "learned", "lexical")


@dataclass
class Context:
    """What backends are built from (the embedder is loaded only when one needs it)."""

    vocab: Vocabulary
    model: SubjectModel | None = None
    embedder_factory: Callable[[], Embedder] | None = None
    _backends: dict[str, SubjectBackend] = field(default_factory=dict)

    @cached_property
    def matcher(self) -> LabelMatcher:
        return shared_matcher(self.vocab, ("unbis",))

    @cached_property
    def hierarchy(self) -> Hierarchy:
        return Hierarchy(self.vocab)

    @cached_property
    def embedder(self) -> Embedder:
        if self.embedder_factory is None:
            from unlib.subjects.embedding import default_embedder

            return default_embedder()
        return self.embedder_factory()

    def default_name(self) -> str:
        return "ensemble" if self.model is not None else "lexical"

    def backend(self, name: str | None = None) -> SubjectBackend:
        key = name or self.default_name()
        if key not in self._backends:
            self._backends[key] = _build(key, self)
        return self._backends[key]


def _build(name: str, ctx: Context) -> SubjectBackend:
    if not any(c.scheme == "unbis" for c in ctx.vocab.concepts.values()):
        raise SubjectsError(
            "no UNBIS Thesaurus in this library: import it first (unlib vocab import PATH)"
        )
    if name == "lexical":
        from unlib.subjects.lexical import LexicalBackend

        idf = ctx.model.priors.idf_table() if ctx.model else None
        return LexicalBackend(ctx.matcher, ctx.hierarchy, idf)
    if name not in BACKENDS:
        raise SubjectsError(f"unknown subject backend {name!r}; known: {', '.join(BACKENDS)}")
    model = ctx.model
    if model is None:
        raise SubjectsError(
            f"the {name} backend needs a trained model: run `unlib subjects train` first"
        )
    if name == "learned":
        from unlib.subjects.neighbours import LearnedBackend

        return LearnedBackend(model.neighbours, ctx.matcher, ctx.embedder)
    from unlib.subjects.training import ensemble_backend

    return ensemble_backend(model, ctx.matcher, ctx.hierarchy, ctx.embedder)
