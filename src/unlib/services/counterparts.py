"""The same paragraph in another language version of a work.

Used to show a hit in the reader's language, and by hybrid search to pool the evidence of all
six versions of a paragraph. Paragraph numbers pair passages where both versions have them;
otherwise the passage most similar in meaning (the embeddings are cross-lingual) near the same
relative position wins, and without vectors the relative position alone. Versions' passages
and vectors are cached per instance (bounded), so a batch of queries reads each version once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy

from unlib.search.hybrid import Candidate, Fused
from unlib.store.base import CatalogueStore
from unlib.store.records import PassageRow, VersionRow
from unlib.text.numbers import chinese_number, to_ascii_digits
from unlib.vectors.search import VectorIndex

# Cosine similarity given up per unit of relative distance in the document (versions keep the
# same order, so a far-away passage needs a much better match in meaning).
POSITION_PENALTY: Final = 0.3
_CACHED_VERSIONS: Final = 512


@dataclass(slots=True)
class _Layout:
    """One version's passages, indexed for pairing."""

    rows: list[PassageRow]
    position: dict[int, int]  # pid -> index in rows
    by_para: dict[tuple[str, str], PassageRow]  # (kind, paragraph key) -> first such passage
    matrix: tuple[numpy.ndarray, numpy.ndarray] | None = None  # vectors, which rows have one


class CatalogueCounterparts:
    def __init__(self, cat: CatalogueStore, vectors: VectorIndex | None) -> None:
        self.cat = cat
        self.vectors = vectors
        self._layouts: OrderedDict[int, _Layout] = OrderedDict()
        # Web requests share one instance across threads.
        self._lock = threading.Lock()

    def __call__(self, hits: Sequence[Fused], lang: str) -> dict[int, Candidate]:
        out: dict[int, Candidate] = {}
        elsewhere = [h for h in hits if h.lang != lang]
        for hit in hits:
            if hit.lang == lang:
                out[hit.pid] = Candidate(hit.pid, hit.vid, hit.work, lang, 0.0)
        if not elsewhere:
            return out
        versions = self.cat.versions_of_works({h.work for h in elsewhere})
        for hit in elsewhere:
            target = _version_in(versions.get(hit.work, []), lang)
            if target is None:
                continue
            match = self.place(hit.pid, hit.vid, target.id)
            if match is not None:
                out[hit.pid] = Candidate(match.id, target.id, hit.work, lang, 0.0)
        return out

    def place(self, pid: int, vid: int, target_vid: int) -> PassageRow | None:
        """Passage ``pid`` (of version ``vid``)'s counterpart in version ``target_vid``."""
        own = self._layout(vid)
        others = self._layout(target_vid)
        position = own.position.get(pid)
        if not others.rows or position is None:
            return None
        passage = own.rows[position]
        key = para_key(passage.para)
        if key and (passage.kind, key) in others.by_para:
            return others.by_para[(passage.kind, key)]
        count = len(others.rows)
        where = position / max(len(own.rows) - 1, 1)
        spots = numpy.linspace(0.0, 1.0, count) if count > 1 else numpy.zeros(1)
        distance = numpy.abs(spots - where)
        mine, theirs = self._matrix(own), self._matrix(others)
        if mine[1][position] and theirs[1].any():
            scores = numpy.where(theirs[1], theirs[0] @ mine[0][position], -1.0)
            return others.rows[int(numpy.argmax(scores - POSITION_PENALTY * distance))]
        return others.rows[int(numpy.argmin(distance))]

    def passages(self, vid: int) -> list[PassageRow]:
        return self._layout(vid).rows

    def _layout(self, vid: int) -> _Layout:
        with self._lock:
            found = self._layouts.get(vid)
        if found is None:
            rows = self.cat.passages(vid)
            by_para: dict[tuple[str, str], PassageRow] = {}
            for row in rows:
                key = para_key(row.para)
                if key:
                    by_para.setdefault((row.kind, key), row)
            found = _Layout(rows, {row.id: i for i, row in enumerate(rows)}, by_para)
            with self._lock:
                self._layouts[vid] = found
                self._layouts.move_to_end(vid)
                while len(self._layouts) > _CACHED_VERSIONS:
                    self._layouts.popitem(last=False)
        return found

    def _matrix(self, layout: _Layout) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The version's passage vectors in passage order, and which passages have one."""
        if layout.matrix is None:
            rows = layout.rows
            vectors = self.vectors.vectors([p.id for p in rows]) if self.vectors else {}
            dim = len(next(iter(vectors.values()))) if vectors else 1
            matrix = numpy.zeros((len(rows), dim), numpy.float32)
            present = numpy.zeros(len(rows), bool)
            for i, p in enumerate(rows):
                if p.id in vectors:
                    matrix[i], present[i] = vectors[p.id], True
            layout.matrix = (matrix, present)
        return layout.matrix


def para_key(para: str | None) -> str | None:
    """A paragraph number comparable across scripts: 三 and ٣ read as 3."""
    if not para:
        return None
    text = to_ascii_digits(para.strip())
    number = chinese_number(text)
    return str(number) if number is not None else text.lower()


def _version_in(versions: list[VersionRow], lang: str) -> VersionRow | None:
    return next((v for v in versions if v.lang == lang), None)
