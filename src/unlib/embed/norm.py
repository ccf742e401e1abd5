"""Small numeric helpers shared by the embedders."""

from __future__ import annotations

import numpy


def normalise_rows(matrix: numpy.ndarray) -> numpy.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as contiguous float32."""
    out = numpy.ascontiguousarray(matrix, dtype=numpy.float32)
    norms = numpy.linalg.norm(out, axis=1, keepdims=True)
    numpy.divide(out, norms, out=out, where=norms > 0)
    return out
