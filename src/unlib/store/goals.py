"""Reading the SDG goals stored for works (migration 0004): counts per goal for the search
facet, and the works holding a goal for the search filter. Writing is
:meth:`unlib.store.subjects.SubjectStore.set_goals`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from unlib.store.base import CatalogueStore


def _conn(catalogue: CatalogueStore) -> sqlite3.Connection | None:
    conn = getattr(catalogue, "conn", None)
    return conn if isinstance(conn, sqlite3.Connection) else None


def goal_counts(catalogue: CatalogueStore, work_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Works per goal: of the whole library, or of ``work_ids``."""
    conn = _conn(catalogue)
    if conn is None:
        return {}
    if work_ids is None:
        rows = conn.execute("SELECT goal, COUNT(*) FROM work_goals GROUP BY goal").fetchall()
    else:
        ids = list(dict.fromkeys(work_ids))
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows += conn.execute(
                f"SELECT goal, COUNT(*) FROM work_goals WHERE work_id IN ({marks}) GROUP BY goal",
                chunk,
            ).fetchall()
    counts: dict[int, int] = {}
    for goal, n in rows:
        counts[int(goal)] = counts.get(int(goal), 0) + int(n)
    return dict(sorted(counts.items()))


def works_with_goal(catalogue: CatalogueStore, goal: int) -> list[int]:
    conn = _conn(catalogue)
    if conn is None:
        return []
    rows = conn.execute("SELECT work_id FROM work_goals WHERE goal = ? ORDER BY work_id", (goal,))
    return [int(r[0]) for r in rows]
