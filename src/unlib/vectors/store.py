"""Writing passage vectors: versions are added, committed as immutable segments, merged, and
(past :data:`EXACT_LIMIT` live rows) indexed with HNSW.

Consistency with the catalogue follows the full-text index: the catalogue is the truth; a
version's vectors are committed after the catalogue holds its passages, and any catalogue
version the store does not list as embedded is embedded on the next run (see
:mod:`unlib.vectors.build`). Adding a version again replaces its earlier rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Final

import numpy

from unlib.vectors.hnsw import build_hnsw
from unlib.vectors.manifest import (
    MANIFEST,
    HnswEntry,
    Manifest,
    SegmentEntry,
    VectorStoreError,
    read_manifest,
    write_manifest,
)
from unlib.vectors.segments import (
    Segment,
    concat,
    lang_number,
    read_segment,
    segment_name,
    write_segment,
)

__all__ = ["EXACT_LIMIT", "VectorStore", "VectorStoreError", "live_mask"]

# Up to this many live passages, search is exact (numpy); beyond, HNSW (usearch).
EXACT_LIMIT: Final = 200_000
# Segments beyond which the newer, smaller ones are merged.
_MAX_SEGMENTS: Final = 16
# Rows added after the HNSW build that trigger a rebuild (searched exactly until then).
_MIN_DELTA_FOR_REBUILD: Final = 50_000


class VectorStore:
    """The writable vector store in ``folder`` for vectors of ``embedder`` (``dim`` wide).

    With ``recreate`` the store starts empty; the previous state stays visible to readers until
    :meth:`publish` (so a rebuild never shows a half-built store).
    """

    def __init__(
        self,
        folder: Path,
        embedder: str,
        dim: int,
        *,
        recreate: bool = False,
        exact_limit: int = EXACT_LIMIT,
    ) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.exact_limit = exact_limit
        found = read_manifest(self.folder)
        if found is not None and not recreate:
            _check_compatible(self.folder, found, embedder, dim)
        next_gen = found.next_gen if found is not None else 1
        self._manifest = (
            found if found is not None and not recreate else Manifest(embedder, dim, (), next_gen)
        )
        self._deferred = recreate
        self._pending: dict[int, Segment] = {}
        self._embedded: set[int] | None = None

    @property
    def embedder(self) -> str:
        return self._manifest.embedder

    @property
    def dim(self) -> int:
        return self._manifest.dim

    # -- adding ---------------------------------------------------------------------------------

    def add_version(
        self,
        vid: int,
        work: int,
        lang: str,
        pids: numpy.ndarray,
        rows: numpy.ndarray,
        scales: numpy.ndarray,
    ) -> None:
        """Queue the rows of one version (replacing any it had); visible after :meth:`commit`."""
        count = len(pids)
        if rows.shape != (count, self.dim) or len(scales) != count:
            raise ValueError(f"version {vid}: {count} passages but rows of shape {rows.shape}")
        self._pending[vid] = Segment(
            numpy.ascontiguousarray(rows, numpy.int8),
            numpy.asarray(scales, numpy.float32),
            numpy.asarray(pids, numpy.int64),
            numpy.full(count, vid, numpy.int64),
            numpy.full(count, work, numpy.int64),
            numpy.full(count, lang_number(lang), numpy.uint8),
            numpy.array([vid], numpy.int64),
        )

    @property
    def pending_rows(self) -> int:
        return sum(len(s) for s in self._pending.values())

    def commit(self) -> int:
        """Write the queued versions as one segment; returns the rows written."""
        if not self._pending:
            return 0
        embedded = self.embedded_versions()
        gen = self._manifest.next_gen
        segment = concat(list(self._pending.values()), self.dim)
        write_segment(self.folder, segment_name(gen), segment)
        dropped = dict(self._manifest.dropped)
        for vid in self._pending:
            if vid in embedded:
                dropped[vid] = gen
        entry = SegmentEntry(segment_name(gen), gen, len(segment))
        self._manifest = self._manifest.with_changes(
            segments=(*self._manifest.segments, entry), next_gen=gen + 1, dropped=dropped
        )
        embedded.update(self._pending)
        self._pending = {}
        self._merge_delta()
        self._publish_if_live()
        return len(segment)

    def publish(self) -> None:
        """Commit, and make a recreated store the one readers see."""
        self.commit()
        self._deferred = False
        self._publish_if_live()

    def _publish_if_live(self) -> None:
        if not self._deferred:
            write_manifest(self.folder, self._manifest)
            self._remove_unlisted()

    # -- reading the writer's state --------------------------------------------------------------

    def embedded_versions(self) -> set[int]:
        """Versions whose vectors are committed (those without passages included)."""
        if self._embedded is None:
            found: set[int] = set()
            for entry, segment in self._segments():
                for vid in segment.versions.tolist():
                    if self._manifest.dropped.get(vid, 0) <= entry.gen:
                        found.add(vid)
            self._embedded = found
        return self._embedded

    def live_rows(self) -> int:
        return sum(int(live_mask(s, e.gen, self._manifest).sum()) for e, s in self._segments())

    def _segments(self) -> list[tuple[SegmentEntry, Segment]]:
        return [(e, read_segment(self.folder, e.name)) for e in self._manifest.segments]

    # -- merging and HNSW ------------------------------------------------------------------------

    def optimise(self) -> None:
        """Build (or drop) the HNSW graphs to suit the library's size; publishes the result."""
        live = self.live_rows()
        hnsw = self._manifest.hnsw
        if live <= self.exact_limit:
            if hnsw is not None:
                self._manifest = self._manifest.with_changes(hnsw=None)
        else:
            covered = sum(e.rows for e in self._manifest.segments if hnsw and e.gen <= hnsw.gen)
            delta = live - covered
            if hnsw is None or delta > max(_MIN_DELTA_FOR_REBUILD, covered // 10):
                merged = self._merge([e for e, _ in self._segments()])
                files = build_hnsw(self.folder, merged, self._manifest.segments[-1].gen)
                self._manifest = self._manifest.with_changes(
                    hnsw=HnswEntry(self._manifest.segments[-1].gen, files)
                )
        self._publish_if_live()

    def _merge_delta(self) -> None:
        hnsw_gen = self._manifest.hnsw.gen if self._manifest.hnsw else 0
        delta = [e for e in self._manifest.segments if e.gen > hnsw_gen]
        if len(delta) <= _MAX_SEGMENTS:
            return
        largest = max(delta, key=lambda e: e.rows)
        if largest.rows * 2 > sum(e.rows for e in delta):
            delta.remove(largest)
        self._merge(delta)

    def _merge(self, entries: list[SegmentEntry]) -> Segment:
        """Replace ``entries`` by one segment of their live rows (a fresh generation)."""
        parts = []
        for entry in entries:
            segment = read_segment(self.folder, entry.name)
            parts.append(segment.take(live_mask(segment, entry.gen, self._manifest)))
        merged = concat(parts, self.dim)
        gen = self._manifest.next_gen
        write_segment(self.folder, segment_name(gen), merged)
        names = {e.name for e in entries}
        kept = [e for e in self._manifest.segments if e.name not in names]
        segments = (*kept, SegmentEntry(segment_name(gen), gen, len(merged)))
        dropped = self._manifest.dropped if kept else {}
        self._manifest = self._manifest.with_changes(
            segments=tuple(sorted(segments, key=lambda e: e.gen)),
            next_gen=gen + 1,
            dropped=dropped,
        )
        return merged

    def _remove_unlisted(self) -> None:
        """Delete segments and HNSW files no manifest names (merged away, or a crash's)."""
        listed = {e.name for e in self._manifest.segments}
        if self._manifest.hnsw is not None:
            listed.update(self._manifest.hnsw.files.values())
        for entry in self.folder.iterdir():
            if entry.name == MANIFEST or entry.name in listed:
                continue
            if entry.name.startswith(("seg-", ".tmp-seg-")) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith("hnsw-") and entry.is_file():
                entry.unlink(missing_ok=True)


def live_mask(segment: Segment, gen: int, manifest: Manifest) -> numpy.ndarray:
    """Rows of ``segment`` (generation ``gen``) not replaced by a later commit."""
    replaced = [vid for vid, since in manifest.dropped.items() if since > gen]
    if not replaced:
        return numpy.ones(len(segment), dtype=bool)
    return ~numpy.isin(segment.vids, numpy.asarray(replaced, numpy.int64))


def _check_compatible(folder: Path, manifest: Manifest, embedder: str, dim: int) -> None:
    if manifest.embedder != embedder or manifest.dim != dim:
        raise VectorStoreError(
            f"the passage vectors in {folder} were made by the {manifest.embedder!r} embedder "
            f"({manifest.dim}-d), not {embedder!r} ({dim}-d) as the settings ask: re-embed the "
            "library with `unlib reindex --vectors`, or set embedder back to "
            f"{manifest.embedder!r}"
        )
