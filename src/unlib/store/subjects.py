"""Subject assignments and SDG goals in the SQLite catalogue (migration 0004).

Works on the catalogue's connection; writes happen inside ``Catalogue.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection

_COLUMNS = (
    "work_id, uri, status, score, backend, model_version, source, agent, suggested_at,"
    " decided_at, updated_at"
)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    work_id: int
    uri: str
    status: str
    score: float | None
    backend: str | None
    model_version: str | None
    source: str
    agent: str | None
    suggested_at: str | None
    decided_at: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """A backend's suggestion of a concept for a work."""

    uri: str
    score: float
    backend: str
    model_version: str


@dataclass(frozen=True, slots=True)
class GoalRow:
    goal: int
    score: float
    passages: int
    model_version: str
    computed_at: str


def subject_store(catalogue: CatalogueStore) -> SubjectStore:
    """The subject tables of ``catalogue`` (the SQLite catalogue; others bring their own)."""
    return SubjectStore(sqlite_connection(catalogue, "subject assignments are"))


class SubjectStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- assignments -------------------------------------------------------------------------

    def assignments(self, work_id: int) -> list[AssignmentRow]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM subject_assignments WHERE work_id = ?"
            " ORDER BY status = 'accepted' DESC, score DESC, uri",
            (work_id,),
        )
        return [AssignmentRow(*row) for row in rows]

    def assignment(self, work_id: int, uri: str) -> AssignmentRow | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM subject_assignments WHERE work_id = ? AND uri = ?",
            (work_id, uri),
        ).fetchone()
        return AssignmentRow(*row) if row else None

    def propose(self, work_id: int, proposals: Sequence[Proposal]) -> int:
        """Record suggestions; a concept already decided keeps its status (its score is
        refreshed). Earlier suggestions not proposed again are withdrawn. Returns how many
        suggestions are new."""
        now = now_iso()
        held = {row.uri: row for row in self.assignments(work_id)}
        new = 0
        for p in proposals:
            before = held.get(p.uri)
            if before is None:
                new += 1
                self.conn.execute(
                    f"INSERT INTO subject_assignments ({_COLUMNS})"
                    " VALUES (?, ?, 'suggested', ?, ?, ?, 'backend', NULL, ?, NULL, ?)",
                    (work_id, p.uri, p.score, p.backend, p.model_version, now, now),
                )
                self._history(work_id, p.uri, "suggested", p, "backend", None, now)
            else:
                self.conn.execute(
                    "UPDATE subject_assignments SET score = ?, backend = ?, model_version = ?,"
                    " suggested_at = ?, updated_at = ? WHERE work_id = ? AND uri = ?",
                    (p.score, p.backend, p.model_version, now, now, work_id, p.uri),
                )
        wanted = {p.uri for p in proposals}
        stale = [u for u, row in held.items() if row.status == "suggested" and u not in wanted]
        self.conn.executemany(
            "DELETE FROM subject_assignments WHERE work_id = ? AND uri = ? AND status = 'suggested'",
            [(work_id, uri) for uri in stale],
        )
        return new

    def decide(
        self, work_id: int, uri: str, status: str, source: str, agent: str | None
    ) -> AssignmentRow:
        """Set the status of a concept for a work (creating the row when it was never
        suggested), keeping what the backend said about it."""
        now = now_iso()
        self.conn.execute(
            f"INSERT INTO subject_assignments ({_COLUMNS})"
            " VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, ?, ?)"
            " ON CONFLICT (work_id, uri) DO UPDATE SET status = excluded.status,"
            " source = excluded.source, agent = excluded.agent,"
            " decided_at = excluded.decided_at, updated_at = excluded.updated_at",
            (work_id, uri, status, source, agent, now, now),
        )
        row = self.assignment(work_id, uri)
        assert row is not None
        self._history(work_id, uri, status, None, source, agent, now)
        return row

    def history(self, work_id: int) -> list[dict[str, object]]:
        rows = self.conn.execute(
            "SELECT uri, status, score, backend, model_version, source, agent, at"
            " FROM subject_history WHERE work_id = ? ORDER BY id",
            (work_id,),
        )
        return [dict(row) for row in rows]

    def works_with(self, uri: str, statuses: Sequence[str]) -> list[tuple[int, str, float | None]]:
        """(work id, status, score) of the works holding ``uri`` with one of ``statuses``."""
        marks = ", ".join("?" * len(statuses))
        rows = self.conn.execute(
            "SELECT work_id, status, score FROM subject_assignments"
            f" WHERE uri = ? AND status IN ({marks}) ORDER BY status, score DESC, work_id",
            (uri, *statuses),
        )
        return [(int(r[0]), r[1], r[2]) for r in rows]

    def accepted(self) -> dict[int, set[str]]:
        """Work id → its accepted concepts (the training data)."""
        found: dict[int, set[str]] = {}
        for work_id, uri in self.conn.execute(
            "SELECT work_id, uri FROM subject_assignments WHERE status = 'accepted'"
        ):
            found.setdefault(int(work_id), set()).add(uri)
        return found

    def rejected(self) -> dict[int, set[str]]:
        """Work id → the concepts a librarian rejected for it."""
        found: dict[int, set[str]] = {}
        for work_id, uri in self.conn.execute(
            "SELECT work_id, uri FROM subject_assignments WHERE status = 'rejected'"
        ):
            found.setdefault(int(work_id), set()).add(uri)
        return found

    def marc_agenda(self, work_id: int) -> list[dict[str, object]]:
        """Agenda items (991) of the MARC records filed onto a work (migration 0003)."""
        items: list[dict[str, object]] = []
        for (raw,) in self.conn.execute(
            "SELECT agenda FROM marc_records WHERE work_id = ? ORDER BY control", (work_id,)
        ):
            try:
                data = json.loads(raw or "[]")
            except ValueError:
                continue  # a damaged row costs its agenda lines, not the suggestion
            items.extend(d for d in data if isinstance(d, dict))
        return items

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, COUNT(*) FROM subject_assignments GROUP BY status")
        return {status: int(n) for status, n in rows}

    def _history(
        self,
        work_id: int,
        uri: str,
        status: str,
        proposal: Proposal | None,
        source: str,
        agent: str | None,
        at: str,
    ) -> None:
        self.conn.execute(
            "INSERT INTO subject_history (work_id, uri, status, score, backend, model_version,"
            " source, agent, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                work_id,
                uri,
                status,
                proposal.score if proposal else None,
                proposal.backend if proposal else None,
                proposal.model_version if proposal else None,
                source,
                agent,
                at,
            ),
        )

    # -- SDG goals ---------------------------------------------------------------------------

    def set_goals(
        self,
        work_id: int,
        goals: Iterable[tuple[int, float, int]],
        passages: Iterable[tuple[int, int, float]],
        model_version: str,
        passage_ids: Iterable[int],
    ) -> None:
        """Replace the goals of a work ((goal, score, passages)) and of its passages
        ((passage id, goal, score)); ``passage_ids`` are all the passages classified."""
        now = now_iso()
        found = list(goals)
        self.conn.execute("DELETE FROM work_goals WHERE work_id = ?", (work_id,))
        self.conn.executemany(
            "INSERT INTO work_goals (work_id, goal, score, passages, model_version, computed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(work_id, g, s, n, model_version, now) for g, s, n in found],
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO sdg_runs (work_id, model_version, goals, computed_at)"
            " VALUES (?, ?, ?, ?)",
            (work_id, model_version, len(found), now),
        )
        self.conn.executemany(
            "DELETE FROM passage_goals WHERE passage_id = ?", [(p,) for p in passage_ids]
        )
        self.conn.executemany(
            "INSERT INTO passage_goals (passage_id, goal, score) VALUES (?, ?, ?)",
            list(passages),
        )

    def goals(self, work_id: int) -> list[GoalRow]:
        rows = self.conn.execute(
            "SELECT goal, score, passages, model_version, computed_at FROM work_goals"
            " WHERE work_id = ? ORDER BY score DESC, goal",
            (work_id,),
        )
        return [GoalRow(int(r[0]), float(r[1]), int(r[2]), r[3], r[4]) for r in rows]

    def passage_goals(self, passage_ids: Iterable[int]) -> dict[int, list[int]]:
        ids = list(passage_ids)
        found: dict[int, list[int]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for pid, goal in self.conn.execute(
                f"SELECT passage_id, goal FROM passage_goals WHERE passage_id IN ({marks})"
                " ORDER BY passage_id, goal",
                chunk,
            ):
                found.setdefault(int(pid), []).append(int(goal))
        return found
