"""Immutable segment folders: the rows of the versions embedded in one commit.

A segment ``seg-000042/`` holds one ``.npy`` file per column — ``rows`` (int8, n×dim),
``scales`` (float32), ``pids``, ``vids``, ``works`` (int64), ``langs`` (uint8, index into
:data:`LANG_CODES`) — and ``versions`` (int64): every version this commit embedded, including
those that had no passage to embed, so catching up knows they are done. Segments are written to
a temporary folder, synced, then renamed into place; readers memory-map them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy

from unlib.model import LANGUAGES, UNDETERMINED

LANG_CODES: Final = (*LANGUAGES, UNDETERMINED)
COLUMNS: Final = ("rows", "scales", "pids", "vids", "works", "langs", "versions")


def lang_number(lang: str) -> int:
    return LANG_CODES.index(lang) if lang in LANG_CODES else LANG_CODES.index(UNDETERMINED)


@dataclass(frozen=True, slots=True)
class Segment:
    rows: numpy.ndarray  # int8 (n, dim)
    scales: numpy.ndarray  # float32 (n,)
    pids: numpy.ndarray  # int64 (n,)
    vids: numpy.ndarray  # int64 (n,)
    works: numpy.ndarray  # int64 (n,)
    langs: numpy.ndarray  # uint8 (n,)
    versions: numpy.ndarray  # int64 (m,): versions embedded by this segment

    def __len__(self) -> int:
        return len(self.pids)

    def take(self, mask: numpy.ndarray) -> Segment:
        """The rows where ``mask`` holds (versions kept as they are)."""
        return Segment(
            numpy.ascontiguousarray(self.rows[mask]),
            self.scales[mask],
            self.pids[mask],
            self.vids[mask],
            self.works[mask],
            self.langs[mask],
            self.versions,
        )


def empty_segment(dim: int) -> Segment:
    return Segment(
        numpy.zeros((0, dim), numpy.int8),
        numpy.zeros(0, numpy.float32),
        numpy.zeros(0, numpy.int64),
        numpy.zeros(0, numpy.int64),
        numpy.zeros(0, numpy.int64),
        numpy.zeros(0, numpy.uint8),
        numpy.zeros(0, numpy.int64),
    )


def concat(parts: list[Segment], dim: int) -> Segment:
    if not parts:
        return empty_segment(dim)
    return Segment(
        numpy.concatenate([p.rows for p in parts]).reshape(-1, dim),
        numpy.concatenate([p.scales for p in parts]),
        numpy.concatenate([p.pids for p in parts]),
        numpy.concatenate([p.vids for p in parts]),
        numpy.concatenate([p.works for p in parts]),
        numpy.concatenate([p.langs for p in parts]),
        numpy.unique(numpy.concatenate([p.versions for p in parts])),
    )


def segment_name(gen: int) -> str:
    return f"seg-{gen:06d}"


def write_segment(folder: Path, name: str, segment: Segment) -> None:
    """Write ``segment`` durably as ``folder/name`` (atomically: a temp folder renamed)."""
    final = folder / name
    temp = folder / f".tmp-{name}"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    for column in COLUMNS:
        path = temp / f"{column}.npy"
        with open(path, "wb") as handle:
            numpy.save(handle, getattr(segment, column), allow_pickle=False)
            handle.flush()
            os.fsync(handle.fileno())
    shutil.rmtree(final, ignore_errors=True)
    os.replace(temp, final)
    sync_folder(folder)


def read_segment(folder: Path, name: str) -> Segment:
    """A segment, memory-mapped (nothing is read until used)."""
    columns = [
        numpy.load(folder / name / f"{column}.npy", mmap_mode="r", allow_pickle=False)
        for column in COLUMNS
    ]
    return Segment(*columns)


def sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
