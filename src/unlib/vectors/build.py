"""Bringing the vector store in step with the catalogue: embed every version it lacks.

The catalogue is the truth. Embedding runs after ingest has committed the catalogue and the
full-text index, version by version in small batches (memory stays flat however large the
library), and the store commits every few thousand rows. A run killed midway loses only the
rows not yet committed: the next run (ingest, or ``unlib reindex --vectors``) sees those
versions missing from the store and embeds them. A version the embedder fails on is reported
and skipped, never the batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy

from unlib.embed import Embedder
from unlib.store.base import CatalogueStore
from unlib.vectors.quant import quantise
from unlib.vectors.store import EXACT_LIMIT, VectorStore

__all__ = ["VectorSync", "sync_vectors"]

# Texts handed to the embedder at once, and rows queued before a commit.
_EMBED_BATCH: Final = 64
_COMMIT_ROWS: Final = 4096

# Called after each version: (versions done, versions to do, passages embedded so far).
EmbedProgress = Callable[[int, int, int], None]


@dataclass(slots=True)
class VectorSync:
    embedder: str
    versions: int = 0
    passages: int = 0
    seconds: float = 0.0
    failed: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        rate = self.passages / self.seconds if self.seconds > 0 else 0.0
        return {
            "embedder": self.embedder,
            "versions": self.versions,
            "passages": self.passages,
            "seconds": round(self.seconds, 3),
            "passages_per_second": round(rate, 1),
            "failed": self.failed,
        }


def sync_vectors(
    cat: CatalogueStore,
    folder: Path,
    embedder: Embedder,
    *,
    recreate: bool = False,
    exact_limit: int = EXACT_LIMIT,
    progress: EmbedProgress | None = None,
    versions: Iterable[int] | None = None,
    redo: Iterable[int] = (),
) -> VectorSync:
    """Embed the passages of every catalogue version the store in ``folder`` lacks (all of
    them with ``recreate``; readers keep the old store until the new one is complete), and
    those in ``redo`` again."""
    started = time.perf_counter()
    store = VectorStore(
        folder, embedder.name, embedder.dim, recreate=recreate, exact_limit=exact_limit
    )
    done = set() if recreate else store.embedded_versions()
    wanted = cat.all_version_ids() if versions is None else list(versions)
    again = set(redo)  # versions whose text was replaced since they were embedded
    todo = [vid for vid in wanted if vid not in done or vid in again]
    report = VectorSync(embedder.name)
    for number, vid in enumerate(todo, start=1):
        try:
            added = _add_version(cat, store, embedder, vid)
        except Exception as exc:  # one version's failure must not stop the others
            report.failed.append({"version": vid, "reason": f"{type(exc).__name__}: {exc}"})
            continue
        if added is not None:
            report.versions += 1
            report.passages += added
        if store.pending_rows >= _COMMIT_ROWS:
            store.commit()
        if progress is not None:
            progress(number, len(todo), report.passages)
    if recreate:
        store.publish()
    else:
        store.commit()
    store.optimise()
    report.seconds = time.perf_counter() - started
    return report


def _add_version(
    cat: CatalogueStore, store: VectorStore, embedder: Embedder, vid: int
) -> int | None:
    version = cat.version(vid)
    if version is None:
        return None
    passages = cat.passages(vid)
    texts = [p.text for p in passages]
    vectors = embed_texts(embedder, texts)
    rows, scales = quantise(vectors)
    pids = numpy.array([p.id for p in passages], numpy.int64)
    store.add_version(vid, version.work_id, version.lang, pids, rows, scales)
    return len(passages)


def embed_texts(embedder: Embedder, texts: list[str]) -> numpy.ndarray:
    """All ``texts`` embedded in batches, as one float32 array (``(0, dim)`` when empty)."""
    parts = [
        embedder.embed(texts[start : start + _EMBED_BATCH])
        for start in range(0, len(texts), _EMBED_BATCH)
    ]
    if not parts:
        return numpy.zeros((0, embedder.dim), numpy.float32)
    matrix = numpy.concatenate(parts).astype(numpy.float32, copy=False)
    if matrix.shape != (len(texts), embedder.dim):
        raise ValueError(
            f"the {embedder.name!r} embedder returned shape {matrix.shape} "
            f"for {len(texts)} texts of {embedder.dim} dimensions"
        )
    return matrix
