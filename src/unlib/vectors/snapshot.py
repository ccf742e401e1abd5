"""One committed state of the vector store, loaded for searching.

Rows covered by the HNSW graphs are left on disk (memory-mapped); the others — all of them in a
library under the exact-search limit — are dequantised into one float32 matrix per language.
A sorted array of live passage ids finds any passage's row (alignment, liveness of graph hits).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from unlib.vectors.hnsw import open_hnsw
from unlib.vectors.manifest import Manifest
from unlib.vectors.quant import dequantise
from unlib.vectors.segments import LANG_CODES, Segment, read_segment
from unlib.vectors.store import live_mask


@dataclass(slots=True)
class Block:
    """Exactly searched rows of one language."""

    matrix: numpy.ndarray  # float32 (n, dim), unit rows
    pids: numpy.ndarray  # int64 (n,)


@dataclass(slots=True)
class Snapshot:
    manifest: Manifest
    segments: list[Segment]
    # Every live row: passage ids sorted, and where each one is (segment, row).
    pids: numpy.ndarray
    where_segment: numpy.ndarray
    where_row: numpy.ndarray
    blocks: dict[str, Block] = field(default_factory=dict)
    graphs: dict[str, Any] = field(default_factory=dict)  # language -> usearch Index

    @property
    def size(self) -> int:
        return len(self.pids)

    def locate(self, pids: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """``(found mask, positions into self.pids)`` for these passage ids."""
        wanted = numpy.asarray(pids, numpy.int64)
        if not self.size:
            return numpy.zeros(len(wanted), bool), numpy.zeros(len(wanted), numpy.int64)
        pos = numpy.searchsorted(self.pids, wanted).clip(0, self.size - 1)
        return self.pids[pos] == wanted, pos

    def facts(self, position: int) -> tuple[int, int, str]:
        """``(vid, work, lang)`` of the live row at ``position`` in :attr:`pids`."""
        segment = self.segments[int(self.where_segment[position])]
        row = int(self.where_row[position])
        return int(segment.vids[row]), int(segment.works[row]), LANG_CODES[segment.langs[row]]

    def vector(self, position: int) -> numpy.ndarray:
        segment = self.segments[int(self.where_segment[position])]
        row = int(self.where_row[position])
        return dequantise(segment.rows[row : row + 1], segment.scales[row : row + 1])[0]


def load_snapshot(folder: Path, manifest: Manifest) -> Snapshot:
    segments = [read_segment(folder, e.name) for e in manifest.segments]
    covered_gen = manifest.hnsw.gen if manifest.hnsw else 0
    pid_parts, seg_parts, row_parts = [], [], []
    loose: dict[int, list[tuple[Segment, numpy.ndarray]]] = {}
    for number, (entry, segment) in enumerate(zip(manifest.segments, segments, strict=True)):
        rows = numpy.flatnonzero(live_mask(segment, entry.gen, manifest))
        pid_parts.append(numpy.asarray(segment.pids)[rows])
        seg_parts.append(numpy.full(len(rows), number, numpy.int32))
        row_parts.append(rows)
        if entry.gen > covered_gen:
            langs = numpy.asarray(segment.langs)[rows]
            for lang_no in numpy.unique(langs).tolist():
                loose.setdefault(lang_no, []).append((segment, rows[langs == lang_no]))
    pids = numpy.concatenate(pid_parts) if pid_parts else numpy.zeros(0, numpy.int64)
    order = numpy.argsort(pids, kind="stable")
    snapshot = Snapshot(
        manifest,
        segments,
        pids[order],
        (numpy.concatenate(seg_parts) if seg_parts else numpy.zeros(0, numpy.int32))[order],
        (numpy.concatenate(row_parts) if row_parts else numpy.zeros(0, numpy.int64))[order],
    )
    snapshot.blocks = {LANG_CODES[n]: _block(parts) for n, parts in loose.items()}
    if manifest.hnsw is not None:
        snapshot.graphs = {
            lang: open_hnsw(folder / name) for lang, name in manifest.hnsw.files.items()
        }
    return snapshot


def _block(parts: list[tuple[Segment, numpy.ndarray]]) -> Block:
    matrices = [dequantise(s.rows[rows], s.scales[rows]) for s, rows in parts]
    pids = [numpy.asarray(s.pids)[rows] for s, rows in parts]
    return Block(numpy.concatenate(matrices), numpy.concatenate(pids))
