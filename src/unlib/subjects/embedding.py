"""Document vectors from the multilingual sentence embedder (:mod:`unlib.embed`): a work's
texts cut into pieces spread over the whole text, embedded, averaged per version, then over
versions; comparable across the six languages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder, get_embedder
from unlib.subjects.model import Text

PIECE_CHARS: Final = 700
# Chinese holds about twice the meaning per character, and the encoder's cost grows with the
# characters it reads.
PIECE_CHARS_BY_LANG: Final = {"zh": 300}
MAX_PIECES: Final = 8

Vector = NDArray[np.float32]


def default_embedder() -> Embedder:
    return get_embedder()


def pieces(text: Text, size: int | None = None, most: int = MAX_PIECES) -> list[str]:
    """The title, then up to ``most - 1`` pieces of the body spread evenly over it."""
    size = size or PIECE_CHARS_BY_LANG.get(text.lang, PIECE_CHARS)
    found = [text.title.strip()] if text.title.strip() else []
    body = " ".join(text.body.split())
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    room = most - len(found)
    if len(chunks) > room:
        step = len(chunks) / room
        chunks = [chunks[int(i * step)] for i in range(room)]
    return found + [c for c in chunks if c.strip()]


def document_vector(embedder: Embedder, texts: Sequence[Text]) -> Vector:
    """One unit vector for all the texts of a work (zeros when there is no text)."""
    return pooled(version_vectors(embedder, texts), embedder.dim)


def version_vectors(embedder: Embedder, texts: Sequence[Text]) -> list[Vector]:
    """A unit vector per text (the mean of its pieces; zeros for an empty text), embedded in
    one batch."""
    per_text = [pieces(t) for t in texts]
    flat = [p for ps in per_text for p in ps]
    vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dim), np.float32)
    found: list[Vector] = []
    start = 0
    for ps in per_text:
        if ps:
            found.append(_unit(vectors[start : start + len(ps)].mean(axis=0)))
        else:
            found.append(np.zeros(embedder.dim, dtype=np.float32))
        start += len(ps)
    return found


def pooled(vectors: Sequence[Vector], dim: int) -> Vector:
    """The work's vector from its versions' vectors: each version weighs the same."""
    total = np.zeros(dim, dtype=np.float32)
    for vector in vectors:
        total += vector
    return _unit(total)


def _unit(vector: NDArray[np.float32]) -> Vector:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)
