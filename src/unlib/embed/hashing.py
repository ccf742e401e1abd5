"""A tiny deterministic embedder for tests of the plumbing (storage, index, fusion).

Each text becomes a bag of hashed character trigrams, so texts sharing many character
sequences land close together. It has no idea that 图书馆 and "library" mean the same: quality
tests use the real model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy

from unlib.embed.norm import normalise_rows


class HashEmbedder:
    name = "hash"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        out = numpy.zeros((len(texts), self.dim), dtype=numpy.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            for i in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[i : i + 3].encode("utf-8"), digest_size=4)
                value = int.from_bytes(digest.digest(), "little")
                out[row, value % self.dim] += 1.0 if value & 1 << 31 else -1.0
        return normalise_rows(out)
