"""HNSW graphs (usearch) over the int8 rows, one per language, keyed by passage id.

Cosine distance ignores each row's scale, so the graph works on the stored int8 rows as they
are; queries are quantised the same way. Built only for libraries past the exact-search limit.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

import numpy

from unlib.vectors.quant import quantise
from unlib.vectors.segments import LANG_CODES, Segment, sync_folder

if TYPE_CHECKING:
    from usearch.index import Index

CONNECTIVITY: Final = 16
EXPANSION_ADD: Final = 128
# Candidates explored per search. On hard synthetic data (512-d, intrinsic dimension 64;
# bench/vector_search.py) recall@10 against exact search was 0.998 at 100k passages and 0.986
# at 300k (17 ms a query on one core); 256 gave 0.89 and 0.73 at 500k.
EXPANSION_SEARCH: Final = 2048


def _usearch() -> type[Index]:
    try:
        from usearch.index import Index
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise RuntimeError(
            "libraries past the exact-search limit need the usearch package: "
            "pip install 'usearch>=2.15,<3'"
        ) from exc
    return Index


def build_hnsw(folder: Path, segment: Segment, gen: int) -> dict[str, str]:
    """Build one graph per language present in ``segment``; returns language → file name."""
    index_class = _usearch()
    files: dict[str, str] = {}
    dim = segment.rows.shape[1]
    for number, lang in enumerate(LANG_CODES):
        where = numpy.flatnonzero(numpy.asarray(segment.langs) == number)
        if not len(where):
            continue
        index = index_class(
            ndim=dim,
            metric="cos",
            dtype="i8",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )
        keys = numpy.asarray(segment.pids[where], numpy.uint64)
        index.add(keys, numpy.ascontiguousarray(segment.rows[where]), threads=os.cpu_count() or 1)
        name = f"hnsw-{gen:06d}-{lang}.usearch"
        temp = folder / f".tmp-{name}"
        index.save(str(temp))
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, folder / name)
        files[lang] = name
    sync_folder(folder)
    return files


def open_hnsw(path: Path) -> Index:
    """A saved graph, memory-mapped."""
    index = _usearch().restore(str(path), view=True, expansion_search=EXPANSION_SEARCH)
    if index is None:
        raise FileNotFoundError(path)
    return index


def search_hnsw(index: Index, query: numpy.ndarray, count: int) -> tuple[numpy.ndarray, ...]:
    """``(keys, similarities)`` of the ``count`` nearest rows to one float32 query."""
    rows, _ = quantise(query[None, :])
    matches = index.search(rows[0], count)
    keys = numpy.asarray(matches.keys, numpy.int64)
    return keys, 1.0 - numpy.asarray(matches.distances, numpy.float32)
