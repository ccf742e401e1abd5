"""int8 quantisation of unit vectors: each row keeps its own scale (its largest component maps
to ±127), so a 512-d passage costs 516 bytes and cosine ranking is kept to about 1e-3."""

from __future__ import annotations

import numpy

LIMIT = 127.0


def quantise(vectors: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """``(int8 rows, float32 scales)`` with ``rows * scales[:, None] ≈ vectors``."""
    matrix = numpy.asarray(vectors, dtype=numpy.float32)
    if matrix.ndim != 2:
        raise ValueError(f"expected a 2-d array of vectors, got shape {matrix.shape}")
    peak = numpy.abs(matrix).max(axis=1) if matrix.shape[1] else numpy.zeros(len(matrix))
    scales = numpy.where(peak > 0, peak / LIMIT, 1.0).astype(numpy.float32)
    rows = numpy.rint(matrix / scales[:, None]).clip(-LIMIT, LIMIT).astype(numpy.int8)
    return rows, scales


def dequantise(rows: numpy.ndarray, scales: numpy.ndarray) -> numpy.ndarray:
    """float32 rows back from :func:`quantise` (re-normalised to unit length)."""
    matrix = rows.astype(numpy.float32) * numpy.asarray(scales, numpy.float32)[:, None]
    norms = numpy.linalg.norm(matrix, axis=1, keepdims=True)
    numpy.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix
