"""Read side of the catalogue: lookups used by ingest, search, show, list and stats."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from unlib.store.records import (
    CitationLink,
    FileRow,
    PassageRow,
    RejectionRow,
    VersionRow,
    WorkRow,
)

_WORK_COLUMNS = (
    "id, key, symbol, doc_type, body, session, date, adopted, meeting, year, agenda,"
    " created_at, updated_at"
)
_VERSION_COLUMNS = (
    "id, work_id, lang, title, date, lang_confidence, needs_ocr, primary_sha, n_chars, indexed"
)


def _work(row: sqlite3.Row) -> WorkRow:
    values = dict(row)
    values["agenda"] = tuple(json.loads(values["agenda"] or "[]"))
    return WorkRow(**values)


def _version(row: sqlite3.Row) -> VersionRow:
    values = dict(row)
    values["needs_ocr"] = bool(values["needs_ocr"])
    values["indexed"] = bool(values["indexed"])
    return VersionRow(**values)


def _file(row: sqlite3.Row) -> FileRow:
    values = dict(row)
    values["warnings"] = tuple(json.loads(values["warnings"] or "[]"))
    return FileRow(**values)


# Browsable work facts and their columns (names are never taken from a request).
_BROWSE_COLUMNS = {"body": "body", "session": "session", "year": "year", "type": "doc_type"}


def _browse_filter(field: str | None, value: str | None) -> tuple[str, tuple[Any, ...]]:
    if field is None:
        return "", ()
    if field == "lang":
        return "WHERE EXISTS (SELECT 1 FROM versions v WHERE v.work_id = w.id AND v.lang = ?)", (
            value,
        )
    column = _BROWSE_COLUMNS[field]
    if value is None:
        return f"WHERE w.{column} IS NULL", ()
    return f"WHERE CAST(w.{column} AS TEXT) = ?", (value,)


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class CatalogueReads:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- works ---------------------------------------------------------------------------------

    def work(self, work_id: int) -> WorkRow | None:
        row = self.conn.execute(
            f"SELECT {_WORK_COLUMNS} FROM works WHERE id = ?", (work_id,)
        ).fetchone()
        return _work(row) if row else None

    def work_by_key(self, key: str) -> WorkRow | None:
        row = self.conn.execute(
            f"SELECT {_WORK_COLUMNS} FROM works WHERE key = ?", (key,)
        ).fetchone()
        return _work(row) if row else None

    def work_by_group(self, group_hint: str) -> WorkRow | None:
        row = self.conn.execute(
            f"SELECT {_WORK_COLUMNS} FROM works WHERE group_hint = ? ORDER BY id LIMIT 1",
            (group_hint,),
        ).fetchone()
        return _work(row) if row else None

    def works(self, work_ids: Iterable[int]) -> dict[int, WorkRow]:
        found: dict[int, WorkRow] = {}
        for chunk in _chunks(list(work_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_WORK_COLUMNS} FROM works WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = _work(row)
        return found

    def count_works(self, field: str | None = None, value: str | None = None) -> int:
        where, params = _browse_filter(field, value)
        return int(self.scalar(f"SELECT COUNT(*) FROM works w {where}", params) or 0)

    def works_page(
        self, offset: int, limit: int, field: str | None = None, value: str | None = None
    ) -> list[WorkRow]:
        """Works in display order (symbols first), optionally those with ``field = value``."""
        where, params = _browse_filter(field, value)
        columns = ", ".join(f"w.{c.strip()}" for c in _WORK_COLUMNS.split(","))
        rows = self.conn.execute(
            f"SELECT {columns} FROM works w {where}"
            " ORDER BY w.symbol IS NULL, w.symbol, w.key LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_work(row) for row in rows]

    def facet_counts(self, field: str) -> dict[str, int]:
        """Works per value of ``field`` (body, session, year, type or lang)."""
        if field == "lang":
            sql = "SELECT lang, COUNT(DISTINCT work_id) FROM versions GROUP BY lang"
        else:
            column = _BROWSE_COLUMNS[field]
            sql = f"SELECT {column}, COUNT(*) FROM works GROUP BY {column}"
        return self.counts_by(sql + " ORDER BY 2 DESC, 1")

    def iter_works(self) -> Iterator[WorkRow]:
        # Symbols sort before local ids; within symbols, plain code-point order is stable
        # and predictable for scripts.
        cursor = self.conn.execute(
            f"SELECT {_WORK_COLUMNS} FROM works ORDER BY symbol IS NULL, symbol, key"
        )
        for row in cursor:
            yield _work(row)

    # -- versions and files --------------------------------------------------------------------

    def versions(self, work_id: int) -> list[VersionRow]:
        rows = self.conn.execute(
            f"SELECT {_VERSION_COLUMNS} FROM versions WHERE work_id = ? ORDER BY lang", (work_id,)
        )
        return [_version(row) for row in rows]

    def versions_of_works(self, work_ids: Iterable[int]) -> dict[int, list[VersionRow]]:
        found: dict[int, list[VersionRow]] = {}
        for chunk in _chunks(list(work_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_VERSION_COLUMNS} FROM versions WHERE work_id IN ({marks})", chunk
            ):
                found.setdefault(row["work_id"], []).append(_version(row))
        return found

    def version(self, version_id: int) -> VersionRow | None:
        row = self.conn.execute(
            f"SELECT {_VERSION_COLUMNS} FROM versions WHERE id = ?", (version_id,)
        ).fetchone()
        return _version(row) if row else None

    def version_of(self, work_id: int, lang: str) -> VersionRow | None:
        row = self.conn.execute(
            f"SELECT {_VERSION_COLUMNS} FROM versions WHERE work_id = ? AND lang = ?",
            (work_id, lang),
        ).fetchone()
        return _version(row) if row else None

    def version_text(self, version_id: int) -> str:
        row = self.conn.execute(
            "SELECT text_z FROM versions WHERE id = ?", (version_id,)
        ).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row else ""

    def unindexed_versions(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM versions WHERE indexed = 0")]

    def all_version_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM versions ORDER BY id")]

    def has_file(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def file(self, sha256: str) -> FileRow | None:
        row = self.conn.execute("SELECT * FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return _file(row) if row else None

    def files_of_version(self, version_id: int) -> list[FileRow]:
        rows = self.conn.execute(
            "SELECT * FROM files WHERE version_id = ? ORDER BY ingested_at, sha256", (version_id,)
        )
        return [_file(row) for row in rows]

    # -- passages ------------------------------------------------------------------------------

    def passages(self, version_id: int) -> list[PassageRow]:
        rows = self.conn.execute(
            "SELECT * FROM passages WHERE version_id = ? ORDER BY seq", (version_id,)
        )
        return [PassageRow(**dict(row)) for row in rows]

    def passages_by_ids(self, passage_ids: Iterable[int]) -> dict[int, PassageRow]:
        found: dict[int, PassageRow] = {}
        for chunk in _chunks(list(passage_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT * FROM passages WHERE id IN ({marks})", chunk):
                found[row["id"]] = PassageRow(**dict(row))
        return found

    def cited_keys_by_passage(self, version_id: int) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for pid, key in self.conn.execute(
            "SELECT passage_id, target_key FROM citations WHERE version_id = ?", (version_id,)
        ):
            if pid is not None:
                found.setdefault(pid, []).append(key)
        return found

    # -- citations -----------------------------------------------------------------------------

    def cites(self, work_id: int) -> list[CitationLink]:
        """Documents this work cites (any language version), resolved when we hold them."""
        rows = self.conn.execute(
            "SELECT c.target_key AS key, MIN(c.target_symbol) AS symbol, MIN(c.kind) AS kind,"
            " COUNT(*) AS n, w.id AS wid FROM citations c"
            " JOIN versions v ON v.id = c.version_id"
            " LEFT JOIN works w ON w.key = c.target_key"
            " WHERE v.work_id = ? AND c.target_key != (SELECT key FROM works WHERE id = ?)"
            " GROUP BY c.target_key ORDER BY MIN(c.start)",
            (work_id, work_id),
        )
        return [CitationLink(r["symbol"], r["key"], r["kind"], r["n"], r["wid"]) for r in rows]

    def cited_by(self, work_key: str) -> list[CitationLink]:
        """Works whose text cites ``work_key``."""
        rows = self.conn.execute(
            "SELECT w.id AS wid, w.key AS key, COALESCE(w.symbol, w.key) AS symbol,"
            " w.doc_type AS kind, COUNT(*) AS n, GROUP_CONCAT(DISTINCT v.lang) AS langs"
            " FROM citations c JOIN versions v ON v.id = c.version_id"
            " JOIN works w ON w.id = v.work_id"
            " WHERE c.target_key = ? AND w.key != ?"
            " GROUP BY w.id ORDER BY w.symbol IS NULL, w.symbol, w.key",
            (work_key, work_key),
        )
        return [
            CitationLink(
                r["symbol"],
                r["key"],
                r["kind"],
                r["n"],
                r["wid"],
                tuple(sorted((r["langs"] or "").split(","))),
            )
            for r in rows
        ]

    # -- rejections and counts -----------------------------------------------------------------

    def rejections(self, limit: int = 1000) -> list[RejectionRow]:
        rows = self.conn.execute("SELECT * FROM rejections ORDER BY id DESC LIMIT ?", (limit,))
        return [RejectionRow(**dict(row)) for row in rows]

    def passage_count(self, version_id: int) -> int:
        """Passages of a version, its title not counted."""
        return int(
            self.scalar(
                "SELECT COUNT(*) FROM passages WHERE version_id = ? AND seq >= 0", (version_id,)
            )
            or 0
        )

    def summary_counts(self) -> dict[str, Any]:
        """What the catalogue holds, in numbers (for ``unlib stats``)."""
        count = self.scalar
        return {
            "works": count("SELECT COUNT(*) FROM works"),
            "works_with_symbol": count("SELECT COUNT(*) FROM works WHERE symbol IS NOT NULL"),
            "versions": count("SELECT COUNT(*) FROM versions"),
            "files": count("SELECT COUNT(*) FROM files"),
            "passages": count("SELECT COUNT(*) FROM passages WHERE seq >= 0"),
            "characters": count("SELECT COALESCE(SUM(n_chars), 0) FROM versions"),
            "citations": {
                "total": count("SELECT COUNT(*) FROM citations"),
                "resolved": count(
                    "SELECT COUNT(*) FROM citations c JOIN works w ON w.key = c.target_key"
                ),
            },
            "needs_ocr": count("SELECT COUNT(*) FROM versions WHERE needs_ocr = 1"),
            "rejected": count("SELECT COUNT(DISTINCT path) FROM rejections"),
            "unindexed_versions": count("SELECT COUNT(*) FROM versions WHERE indexed = 0"),
            "languages": self.counts_by(
                "SELECT lang, COUNT(*) FROM versions GROUP BY lang ORDER BY COUNT(*) DESC"
            ),
            "bodies": self.counts_by(
                "SELECT body, COUNT(*) FROM works GROUP BY body ORDER BY COUNT(*) DESC"
            ),
            "years": self.counts_by("SELECT year, COUNT(*) FROM works GROUP BY year ORDER BY year"),
            "types": self.counts_by(
                "SELECT doc_type, COUNT(*) FROM works GROUP BY doc_type ORDER BY COUNT(*) DESC"
            ),
        }

    def data_version(self) -> int:
        """Changes whenever another connection commits to the catalogue."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def counts_by(self, sql: str) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.conn.execute(sql) if k is not None}
