"""Passages aligned across the language versions of a work, in the SQLite catalogue.

A pair of versions is stored once, the lower version id on the ``a`` side; reads answer in
either direction. Writes happen inside ``Catalogue.transaction()``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection


@dataclass(frozen=True, slots=True)
class AlignedPair:
    passage_a: int
    passage_b: int
    score: float  # cosine similarity of the two passages
    how: str  # "title" | "number" | "heading" | "similarity" | "attached"


@dataclass(frozen=True, slots=True)
class AlignmentRun:
    version_a: int
    version_b: int
    sha_a: str  # the versions' primary_sha when aligned
    sha_b: str
    method: str
    pairs: int
    by_number: int
    computed_at: str = ""


@dataclass(frozen=True, slots=True)
class Partner:
    """A passage of the other version aligned to a given one."""

    passage_id: int
    score: float
    how: str


def alignment_store(catalogue: CatalogueStore) -> AlignmentStore:
    return AlignmentStore(sqlite_connection(catalogue, "passage alignments are"))


class AlignmentStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def run(self, version_a: int, version_b: int) -> AlignmentRun | None:
        low, high = sorted((version_a, version_b))
        row = self.conn.execute(
            "SELECT version_a, version_b, sha_a, sha_b, method, pairs, by_number, computed_at"
            " FROM alignment_runs WHERE version_a = ? AND version_b = ?",
            (low, high),
        ).fetchone()
        return AlignmentRun(*row) if row else None

    def save(self, run: AlignmentRun, pairs: Sequence[AlignedPair]) -> None:
        """Replace the alignment of ``run``'s two versions (``a`` must be the lower id)."""
        if run.version_a >= run.version_b:
            raise ValueError("an alignment run names the lower version id first")
        key = (run.version_a, run.version_b)
        self.conn.execute(
            "DELETE FROM passage_alignments WHERE version_a = ? AND version_b = ?", key
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO alignment_runs (version_a, version_b, sha_a, sha_b, method,"
            " pairs, by_number, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*key, run.sha_a, run.sha_b, run.method, run.pairs, run.by_number, now_iso()),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO passage_alignments (passage_a, passage_b, version_a,"
            " version_b, score, how) VALUES (?, ?, ?, ?, ?, ?)",
            [(p.passage_a, p.passage_b, *key, p.score, p.how) for p in pairs],
        )

    def partners(self, passage_ids: Iterable[int], other_version: int) -> dict[int, list[Partner]]:
        """For each passage of ``passage_ids``, its aligned passages in ``other_version``
        (in text order), from whichever side the pair was stored."""
        ids = sorted(set(passage_ids))
        found: dict[int, list[Partner]] = {pid: [] for pid in ids}
        if not ids:
            return found
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT passage_a, passage_b, score, how FROM passage_alignments"
            f" WHERE passage_a IN ({marks}) AND version_b = ?"
            " UNION ALL SELECT passage_b, passage_a, score, how FROM passage_alignments"
            f" WHERE passage_b IN ({marks}) AND version_a = ?"
            " ORDER BY 2",
            (*ids, other_version, *ids, other_version),
        )
        for mine, theirs, score, how in rows:
            found[int(mine)].append(Partner(int(theirs), float(score), str(how)))
        return found

    def pairs(self, version_a: int, version_b: int) -> list[AlignedPair]:
        """Every aligned pair of two versions, oriented as asked (``a`` = ``version_a``)."""
        low, high = sorted((version_a, version_b))
        rows = self.conn.execute(
            "SELECT passage_a, passage_b, score, how FROM passage_alignments"
            " WHERE version_a = ? AND version_b = ? ORDER BY passage_a, passage_b",
            (low, high),
        ).fetchall()
        if version_a == low:
            return [AlignedPair(int(a), int(b), float(s), str(h)) for a, b, s, h in rows]
        return sorted(
            (AlignedPair(int(b), int(a), float(s), str(h)) for a, b, s, h in rows),
            key=lambda p: (p.passage_a, p.passage_b),
        )
