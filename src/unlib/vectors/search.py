"""Nearest passages to query vectors: exact (numpy) over the loose rows of each language, and
HNSW (usearch) over the rows its graphs cover; results merged by cosine similarity.

A :class:`VectorIndex` reloads by itself when another process commits (the manifest changed),
like the full-text index's searcher.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy

from unlib.vectors.hnsw import search_hnsw
from unlib.vectors.manifest import manifest_stamp, read_manifest
from unlib.vectors.snapshot import Snapshot, load_snapshot
from unlib.vectors.store import EXACT_LIMIT

__all__ = ["EXACT_LIMIT", "VectorHit", "VectorIndex"]

# Queries multiplied against a block at once (bounds the score matrix).
_QUERY_BATCH: Final = 256
# Extra graph candidates fetched per search, for rows replaced since the graph was built.
_GRAPH_SLACK: Final = 16
_LOAD_TRIES: Final = 3


@dataclass(frozen=True, slots=True)
class VectorHit:
    pid: int
    vid: int
    work: int
    lang: str
    score: float  # cosine similarity


class VectorIndex:
    """Read-only searches over the vector store in ``folder`` (empty when there is none)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._snapshot: Snapshot | None = None

    @property
    def embedder(self) -> str | None:
        """Name of the embedder that made the vectors; None when there are none."""
        snapshot = self._current()
        return snapshot.manifest.embedder if snapshot is not None else None

    def __len__(self) -> int:
        snapshot = self._current()
        return snapshot.size if snapshot is not None else 0

    def search(
        self, queries: numpy.ndarray, k: int, langs: Collection[str] | None = None
    ) -> list[list[VectorHit]]:
        """For each query row, its ``k`` nearest live passages (in ``langs`` when given)."""
        matrix = numpy.atleast_2d(numpy.asarray(queries, numpy.float32))
        snapshot = self._current()
        if snapshot is None or not snapshot.size or k <= 0:
            return [[] for _ in range(len(matrix))]
        found: list[list[tuple[float, int]]] = [[] for _ in range(len(matrix))]
        for lang, block in snapshot.blocks.items():
            if langs is None or lang in langs:
                _search_block(block.matrix, block.pids, matrix, k, found)
        for lang, graph in snapshot.graphs.items():
            if langs is None or lang in langs:
                for number, query in enumerate(matrix):
                    keys, sims = search_hnsw(graph, query, k + _GRAPH_SLACK)
                    found[number].extend(zip(sims.tolist(), keys.tolist(), strict=True))
        return [_hits(snapshot, candidates, k) for candidates in found]

    def languages(self) -> list[str]:
        """Languages that have passage vectors."""
        snapshot = self._current()
        if snapshot is None:
            return []
        return sorted(set(snapshot.blocks) | set(snapshot.graphs))

    def vectors(self, pids: Sequence[int]) -> dict[int, numpy.ndarray]:
        """The stored (dequantised) vectors of those passages that have one."""
        snapshot = self._current()
        if snapshot is None:
            return {}
        ok, positions = snapshot.locate(numpy.asarray(list(pids), numpy.int64))
        return {
            int(pid): snapshot.vector(int(pos))
            for pid, hit, pos in zip(pids, ok, positions, strict=True)
            if hit
        }

    def _current(self) -> Snapshot | None:
        stamp = manifest_stamp(self.folder)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._snapshot = self._load()
                    self._stamp = stamp
        return self._snapshot

    def _load(self) -> Snapshot | None:
        for attempt in range(_LOAD_TRIES):
            manifest = read_manifest(self.folder)
            if manifest is None:
                return None
            try:
                return load_snapshot(self.folder, manifest)
            except FileNotFoundError:
                # A writer merged segments away between reading the manifest and the files.
                if attempt == _LOAD_TRIES - 1:
                    raise
        return None


def _search_block(
    matrix: numpy.ndarray,
    pids: numpy.ndarray,
    queries: numpy.ndarray,
    k: int,
    found: list[list[tuple[float, int]]],
) -> None:
    take = min(k, len(pids))
    for start in range(0, len(queries), _QUERY_BATCH):
        scores = matrix @ queries[start : start + _QUERY_BATCH].T  # (rows, queries)
        if take < len(pids):
            top = numpy.argpartition(-scores, take - 1, axis=0)[:take]
        else:
            top = numpy.broadcast_to(numpy.arange(len(pids))[:, None], scores.shape)
        for column in range(scores.shape[1]):
            rows = top[:, column]
            found[start + column].extend(
                zip(scores[rows, column].tolist(), pids[rows].tolist(), strict=True)
            )


def _hits(snapshot: Snapshot, candidates: list[tuple[float, int]], k: int) -> list[VectorHit]:
    candidates.sort(key=lambda item: (-item[0], item[1]))
    best: dict[int, float] = {}
    for score, pid in candidates:
        best.setdefault(pid, score)
    ok, positions = snapshot.locate(numpy.fromiter(best, numpy.int64, len(best)))
    hits: list[VectorHit] = []
    for (pid, score), live, position in zip(
        best.items(), ok.tolist(), positions.tolist(), strict=True
    ):
        if not live:
            continue  # replaced since the graph was built
        vid, work, lang = snapshot.facts(position)
        hits.append(VectorHit(pid, vid, work, lang, float(score)))
        if len(hits) == k:
            break
    return hits
