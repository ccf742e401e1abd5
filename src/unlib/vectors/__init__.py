"""Passage vectors: a compact on-disk store (int8 rows with a scale, in immutable segments) and
nearest-neighbour search over it — exact numpy for small libraries, usearch HNSW beyond
:data:`~unlib.vectors.search.EXACT_LIMIT` live passages.

The store lives in ``DATA/vectors/``; its ``manifest.json`` is the commit point, written
atomically after the segment files it names are durable (see :mod:`unlib.vectors.store`).
"""

from unlib.vectors.quant import dequantise, quantise
from unlib.vectors.search import VectorHit, VectorIndex
from unlib.vectors.store import VectorStore, VectorStoreError

__all__ = [
    "VectorHit",
    "VectorIndex",
    "VectorStore",
    "VectorStoreError",
    "dequantise",
    "quantise",
]
