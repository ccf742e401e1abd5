"""The vector store's manifest: which segments (and HNSW files) make up the committed state.

``manifest.json`` is replaced atomically (write, fsync, rename) after everything it names is
durable, so a reader or a crashed writer always sees one whole commit. ``dropped`` maps a
version id to the generation from which its rows count: rows of that version in older
segments were replaced (re-embedded) and are ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

MANIFEST: Final = "manifest.json"
FORMAT: Final = 1


class VectorStoreError(RuntimeError):
    """The vector store cannot be used as asked; the message says what to do."""


@dataclass(frozen=True, slots=True)
class SegmentEntry:
    name: str
    gen: int
    rows: int


@dataclass(frozen=True, slots=True)
class HnswEntry:
    gen: int  # covers the rows of segments with gen <= this
    files: dict[str, str]  # language -> file name


@dataclass(frozen=True, slots=True)
class Manifest:
    embedder: str
    dim: int
    segments: tuple[SegmentEntry, ...] = ()
    next_gen: int = 1
    dropped: dict[int, int] = field(default_factory=dict)
    hnsw: HnswEntry | None = None

    def with_changes(self, **changes: Any) -> Manifest:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "embedder": self.embedder,
            "dim": self.dim,
            "segments": [[s.name, s.gen, s.rows] for s in self.segments],
            "next_gen": self.next_gen,
            "dropped": [[vid, gen] for vid, gen in sorted(self.dropped.items())],
            "hnsw": None
            if self.hnsw is None
            else {"gen": self.hnsw.gen, "files": dict(self.hnsw.files)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        hnsw = data.get("hnsw")
        return cls(
            embedder=str(data["embedder"]),
            dim=int(data["dim"]),
            segments=tuple(SegmentEntry(str(n), int(g), int(r)) for n, g, r in data["segments"]),
            next_gen=int(data["next_gen"]),
            dropped={int(v): int(g) for v, g in data.get("dropped", [])},
            hnsw=None if not hnsw else HnswEntry(int(hnsw["gen"]), dict(hnsw["files"])),
        )


def read_manifest(folder: Path) -> Manifest | None:
    """The committed manifest, or None when the folder holds no vector store yet."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise VectorStoreError(_damaged(folder, exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise VectorStoreError(_damaged(folder, "unknown format"))
    try:
        return Manifest.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise VectorStoreError(_damaged(folder, exc)) from exc


def write_manifest(folder: Path, manifest: Manifest) -> None:
    temp = folder / f".{MANIFEST}.tmp"
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump(manifest.to_json(), handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, folder / MANIFEST)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def manifest_stamp(folder: Path) -> tuple[int, int, int]:
    """Changes whenever a new manifest is committed (by any process)."""
    try:
        stat = os.stat(folder / MANIFEST)
    except FileNotFoundError:
        return (0, 0, 0)
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _damaged(folder: Path, detail: object) -> str:
    return (
        f"the passage vectors in {folder} cannot be read ({detail}): rebuild them from the "
        "catalogue with `unlib reindex --vectors`"
    )
