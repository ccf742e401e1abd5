"""MARC-imported metadata of works in the SQLite catalogue (migration 0003): the records,
titles per language, related documents, files held elsewhere and subject headings.

Works on the catalogue's connection; writes happen inside ``Catalogue.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection


def _connection(catalogue: CatalogueStore) -> sqlite3.Connection:
    return sqlite_connection(catalogue, "MARC metadata is")


@dataclass(frozen=True, slots=True)
class MarcSubjectRow:
    seq: int
    tag: str
    heading: str
    authority: str | None
    primary: bool
    uri: str | None


def marc_store(catalogue: CatalogueStore) -> MarcStore:
    return MarcStore(_connection(catalogue))


class MarcStore:
    SOURCE = "marc"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def record(self, control: str) -> tuple[int, str] | None:
        """(work id, fingerprint) of the record imported under ``control``."""
        row = self.conn.execute(
            "SELECT work_id, fingerprint FROM marc_records WHERE control = ?", (control,)
        ).fetchone()
        return (int(row[0]), row[1]) if row else None

    def write_record(
        self,
        control: str,
        work_id: int,
        symbol: str | None,
        agenda: list[dict[str, Any]],
        fingerprint: str,
        source_path: str,
    ) -> None:
        now = now_iso()
        self.conn.execute(
            "INSERT INTO marc_records (control, work_id, symbol, agenda, fingerprint, source_path,"
            " imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (control) DO"
            " UPDATE SET work_id = excluded.work_id, symbol = excluded.symbol,"
            " agenda = excluded.agenda, fingerprint = excluded.fingerprint,"
            " source_path = excluded.source_path, updated_at = excluded.updated_at",
            (
                control,
                work_id,
                symbol,
                json.dumps(agenda, ensure_ascii=False),
                fingerprint,
                source_path,
                now,
                now,
            ),
        )

    def replace_metadata(
        self,
        work_id: int,
        titles: dict[str, str],
        links: Sequence[tuple[str, str, str]],
        files: Sequence[tuple[str, str, str | None, int | None]],
    ) -> None:
        """A work's MARC titles, related documents (relation, key, symbol) and external
        files (url, lang, label, size), replacing what an earlier import wrote."""
        for table in ("work_titles", "work_links", "external_files"):
            self.conn.execute(
                f"DELETE FROM {table} WHERE work_id = ? AND source = ?", (work_id, self.SOURCE)
            )
        self.conn.executemany(
            "INSERT INTO work_titles (work_id, lang, source, title) VALUES (?, ?, ?, ?)",
            [(work_id, lang, self.SOURCE, title) for lang, title in titles.items()],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO work_links (work_id, relation, target_key, target_symbol,"
            " source) VALUES (?, ?, ?, ?, ?)",
            [(work_id, rel, key, symbol, self.SOURCE) for rel, key, symbol in links],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO external_files (work_id, url, lang, label, size, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(work_id, url, lang, label, size, self.SOURCE) for url, lang, label, size in files],
        )

    def replace_subjects(self, work_id: int, subjects: Sequence[MarcSubjectRow]) -> None:
        self.conn.execute("DELETE FROM marc_subjects WHERE work_id = ?", (work_id,))
        self.conn.executemany(
            "INSERT INTO marc_subjects (work_id, seq, tag, heading, authority, is_primary, uri)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (work_id, s.seq, s.tag, s.heading, s.authority, int(s.primary), s.uri)
                for s in subjects
            ],
        )

    def subjects(self, work_id: int | None = None) -> dict[int, list[MarcSubjectRow]]:
        """MARC subject headings by work (of one work, or of all)."""
        sql = "SELECT work_id, seq, tag, heading, authority, is_primary, uri FROM marc_subjects"
        args: tuple[Any, ...] = ()
        if work_id is not None:
            sql += " WHERE work_id = ?"
            args = (work_id,)
        found: dict[int, list[MarcSubjectRow]] = {}
        for r in self.conn.execute(sql + " ORDER BY work_id, seq", args):
            found.setdefault(int(r[0]), []).append(
                MarcSubjectRow(int(r[1]), r[2], r[3], r[4], bool(r[5]), r[6])
            )
        return found

    def external_files(self, work_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT url, lang, label, size, source FROM external_files WHERE work_id = ?"
            " ORDER BY url",
            (work_id,),
        )
        return [dict(r) for r in rows]

    def titles(self, work_id: int) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT lang, title FROM work_titles WHERE work_id = ? ORDER BY source", (work_id,)
        )
        return {r[0]: r[1] for r in rows}

    def links(self, work_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT relation, target_key, target_symbol, source FROM work_links WHERE work_id = ?"
            " ORDER BY relation, target_key",
            (work_id,),
        )
        return [dict(r) for r in rows]
