"""Roll-call votes in the SQLite catalogue: writing imported roll calls, and the reads behind
resolution votes, country records and agreement scores.

Works on the catalogue's connection; writes happen inside ``Catalogue.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection

ROLL_CALL_COLUMNS: Final = (
    "source",
    "source_id",
    "layout",
    "body",
    "symbol",
    "symbol_raw",
    "kind",
    "date",
    "year",
    "session",
    "meeting",
    "meeting_key",
    "draft",
    "draft_key",
    "committee_report",
    "title",
    "description",
    "agenda",
    "subjects",
    "vote_note",
    "modality",
    "without_vote",
    "important",
    "undl_link",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "members",
    "source_yes",
    "source_no",
    "source_abstain",
    "source_non_voting",
    "source_members",
    "totals_note",
    "fingerprint",
    "file",
    "line",
)
_SELECT: Final = "SELECT id, duplicate_of, imported_at, updated_at, " + ", ".join(ROLL_CALL_COLUMNS)
# Roll calls counted in lists and scores: not the copy of a vote another source also gives.
_CURRENT: Final = "duplicate_of IS NULL"


@dataclass(frozen=True, slots=True)
class RollCallRow:
    id: int
    values: dict[str, Any]  # by column name; "subjects" decoded to a list

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


@dataclass(frozen=True, slots=True)
class VoteRow:
    country: str
    name: str
    vote: str
    permanent: bool | None


@dataclass(frozen=True, slots=True)
class LinkRow:
    key: str
    work_id: int
    symbol: str | None
    held: bool  # the library holds a text of this work


def _roll_call(row: sqlite3.Row) -> RollCallRow:
    return _roll_call_from(dict(row))


def vote_store(catalogue: CatalogueStore) -> VoteStore:
    """The vote tables of ``catalogue`` (the SQLite catalogue; others bring their own)."""
    return VoteStore(sqlite_connection(catalogue, "voting records are"))


class VoteStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing (inside Catalogue.transaction()) --------------------------------------------

    def fingerprints(self, source: str) -> dict[str, tuple[int, str]]:
        """source id → (roll call id, fingerprint) of what ``source`` imported before."""
        rows = self.conn.execute(
            "SELECT source_id, id, fingerprint FROM roll_calls WHERE source = ?", (source,)
        )
        return {r[0]: (int(r[1]), r[2]) for r in rows}

    def insert_roll_call(self, values: dict[str, Any]) -> int:
        now = now_iso()
        columns = (*ROLL_CALL_COLUMNS, "imported_at", "updated_at")
        marks = ", ".join("?" * len(columns))
        cur = self.conn.execute(
            f"INSERT INTO roll_calls ({', '.join(columns)}) VALUES ({marks})",
            (*_ordered(values), now, now),
        )
        return int(cur.lastrowid or 0)

    def update_roll_call(self, roll_call_id: int, values: dict[str, Any]) -> None:
        """Replace a roll call's facts; its votes, issues and links are replaced separately."""
        assignments = ", ".join(f"{name} = ?" for name in ROLL_CALL_COLUMNS)
        self.conn.execute(
            f"UPDATE roll_calls SET {assignments}, updated_at = ? WHERE id = ?",
            (*_ordered(values), now_iso(), roll_call_id),
        )
        for table in ("votes", "roll_call_issues", "roll_call_resolutions"):
            self.conn.execute(f"DELETE FROM {table} WHERE roll_call_id = ?", (roll_call_id,))

    def insert_votes(
        self, roll_call_id: int, votes: Iterable[tuple[str, str, str, bool | None]]
    ) -> None:
        self.conn.executemany(
            "INSERT INTO votes (roll_call_id, country, name, vote, permanent)"
            " VALUES (?, ?, ?, ?, ?)",
            [(roll_call_id, code, name, vote, permanent) for code, name, vote, permanent in votes],
        )

    def insert_issues(self, roll_call_id: int, issues: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany(
            "INSERT INTO roll_call_issues (roll_call_id, code, label) VALUES (?, ?, ?)",
            [(roll_call_id, code, label) for code, label in issues],
        )

    def insert_links(self, roll_call_id: int, links: Iterable[tuple[str, int]]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO roll_call_resolutions (roll_call_id, key, work_id)"
            " VALUES (?, ?, ?)",
            [(roll_call_id, key, work_id) for key, work_id in links],
        )

    def mark_duplicates(self) -> int:
        """A vote on a whole resolution given by both sources counts once: the unvotes roll
        call points at the Library's (same resolution, same date). Returns how many do."""
        self.conn.execute("UPDATE roll_calls SET duplicate_of = NULL")
        cur = self.conn.execute(
            "UPDATE roll_calls SET duplicate_of = ("
            "  SELECT MIN(o.id) FROM roll_calls o"
            "  JOIN roll_call_resolutions ol ON ol.roll_call_id = o.id"
            "  JOIN roll_call_resolutions ml ON ml.key = ol.key"
            "  WHERE o.source = 'undl' AND ml.roll_call_id = roll_calls.id AND o.date = roll_calls.date)"
            " WHERE source = 'unvotes' AND kind IN ('resolution', 'decision')"
            " AND EXISTS (SELECT 1 FROM roll_calls o"
            "  JOIN roll_call_resolutions ol ON ol.roll_call_id = o.id"
            "  JOIN roll_call_resolutions ml ON ml.key = ol.key"
            "  WHERE o.source = 'undl' AND ml.roll_call_id = roll_calls.id AND o.date = roll_calls.date)"
        )
        return int(cur.rowcount or 0)

    # -- reading -------------------------------------------------------------------------------

    def roll_call(self, roll_call_id: int) -> RollCallRow | None:
        row = self.conn.execute(
            f"{_SELECT} FROM roll_calls WHERE id = ?", (roll_call_id,)
        ).fetchone()
        return _roll_call(row) if row else None

    def roll_call_by_source(self, source: str, source_id: str) -> RollCallRow | None:
        row = self.conn.execute(
            f"{_SELECT} FROM roll_calls WHERE source = ? AND source_id = ?", (source, source_id)
        ).fetchone()
        return _roll_call(row) if row else None

    def roll_calls_on(self, keys: Sequence[str]) -> list[RollCallRow]:
        """Roll calls linked to every one of ``keys`` (the parts of a resolution)."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        rows = self.conn.execute(
            f"{_SELECT} FROM roll_calls WHERE {_CURRENT} AND id IN ("
            f" SELECT roll_call_id FROM roll_call_resolutions WHERE key IN ({marks})"
            " GROUP BY roll_call_id HAVING COUNT(DISTINCT key) = ?)"
            " ORDER BY date, CAST(source_id AS INTEGER), source_id",
            (*keys, len(set(keys))),
        )
        return [_roll_call(row) for row in rows]

    def roll_calls_on_parts(self, key: str) -> list[RollCallRow]:
        """Roll calls on lettered parts of ``key`` (A/RES/61/128 → A/RES/61/128A, …B)."""
        rows = self.conn.execute(
            f"{_SELECT} FROM roll_calls WHERE {_CURRENT} AND id IN ("
            " SELECT roll_call_id FROM roll_call_resolutions"
            " WHERE key GLOB ?)"
            " ORDER BY date, CAST(source_id AS INTEGER), source_id",
            (f"{_glob_escape(key)}[A-Z]",),
        )
        return [_roll_call(row) for row in rows]

    def votes(self, roll_call_id: int) -> list[VoteRow]:
        rows = self.conn.execute(
            "SELECT country, name, vote, permanent FROM votes WHERE roll_call_id = ?"
            " ORDER BY country",
            (roll_call_id,),
        )
        return [VoteRow(r[0], r[1], r[2], None if r[3] is None else bool(r[3])) for r in rows]

    def issues(self, roll_call_id: int) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT code, label FROM roll_call_issues WHERE roll_call_id = ? ORDER BY code",
            (roll_call_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def links(self, roll_call_id: int) -> list[LinkRow]:
        rows = self.conn.execute(
            "SELECT l.key, l.work_id, w.symbol,"
            " EXISTS (SELECT 1 FROM versions v WHERE v.work_id = l.work_id)"
            " FROM roll_call_resolutions l JOIN works w ON w.id = l.work_id"
            " WHERE l.roll_call_id = ? ORDER BY l.key",
            (roll_call_id,),
        )
        return [LinkRow(r[0], int(r[1]), r[2], bool(r[3])) for r in rows]

    def paired_votes(self, a: str, b: str) -> list[tuple[int | None, str, str]]:
        """(year, vote of a, vote of b) on every counted roll call both have a vote row in,
        roll calls adopted without a vote left out."""
        rows = self.conn.execute(
            "SELECT r.year, va.vote, vb.vote FROM votes va"
            " JOIN votes vb ON vb.roll_call_id = va.roll_call_id AND vb.country = ?"
            " JOIN roll_calls r ON r.id = va.roll_call_id"
            f" WHERE va.country = ? AND r.{_CURRENT} AND r.without_vote = 0",
            (b, a),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def country_votes(self, code: str) -> list[tuple[RollCallRow, str]]:
        """Every counted roll call ``code`` has a vote row in, with its vote, by date."""
        rows = self.conn.execute(
            f"{_SELECT}, v.vote AS country_vote FROM votes v"
            " JOIN roll_calls ON roll_calls.id = v.roll_call_id"
            f" WHERE v.country = ? AND roll_calls.{_CURRENT}"
            " ORDER BY roll_calls.date, CAST(roll_calls.source_id AS INTEGER)",
            (code,),
        )
        found = []
        for row in rows:
            values = dict(row)
            vote = values.pop("country_vote")
            found.append((_roll_call_from(values), vote))
        return found

    def country_names(self, code: str) -> list[str]:
        """The names ``code`` has had in the data, most used first."""
        rows = self.conn.execute(
            "SELECT name FROM votes WHERE country = ? GROUP BY name ORDER BY COUNT(*) DESC",
            (code,),
        )
        return [r[0] for r in rows]

    def roll_calls_page(
        self, where: dict[str, Any], limit: int | None, offset: int
    ) -> tuple[int, list[RollCallRow]]:
        """Counted roll calls with ``column = value`` for each item of ``where`` (names are
        the caller's constants, never user input), by date."""
        clauses = [_CURRENT, *(f"{name} = ?" for name in where)]
        return counted_page(self.conn, " AND ".join(clauses), tuple(where.values()), limit, offset)

    def counts(self) -> dict[str, int]:
        one = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM roll_calls), (SELECT COUNT(*) FROM votes),"
            " (SELECT COUNT(DISTINCT country) FROM votes),"
            " (SELECT COUNT(*) FROM roll_calls WHERE totals_note IS NOT NULL),"
            " (SELECT COUNT(*) FROM roll_calls WHERE duplicate_of IS NOT NULL)"
        ).fetchone()
        names = ("roll_calls", "votes", "countries", "totals_mismatches", "duplicates")
        return dict(zip(names, (int(v) for v in one), strict=True))


def _roll_call_from(values: dict[str, Any]) -> RollCallRow:
    values["subjects"] = json.loads(values["subjects"] or "[]")
    values["without_vote"] = bool(values["without_vote"])
    if values["important"] is not None:
        values["important"] = bool(values["important"])
    return RollCallRow(int(values["id"]), values)


def _ordered(values: dict[str, Any]) -> tuple[Any, ...]:
    row = dict(values)
    row["subjects"] = json.dumps(list(row.get("subjects") or []), ensure_ascii=False)
    return tuple(row.get(name) for name in ROLL_CALL_COLUMNS)


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def counted_page(
    conn: sqlite3.Connection,
    condition: str,
    params: Sequence[Any],
    limit: int | None,
    offset: int,
) -> tuple[int, list[RollCallRow]]:
    """How many roll calls meet ``condition`` (SQL built from the caller's constants, values
    in ``params``), and the page of them from ``offset``, by date."""
    total = conn.execute(f"SELECT COUNT(*) FROM roll_calls WHERE {condition}", params).fetchone()
    rows = conn.execute(
        f"{_SELECT} FROM roll_calls WHERE {condition}"
        " ORDER BY date, CAST(source_id AS INTEGER), source_id LIMIT ? OFFSET ?",
        (*params, -1 if limit is None else limit, offset),
    )
    return int(total[0]), [_roll_call(row) for row in rows]
