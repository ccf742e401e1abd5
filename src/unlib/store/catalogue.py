"""The SQLite catalogue: transactional primitives for filing documents, and reads.

Where a document belongs (which work, which version) is decided by the ingest domain
(:mod:`unlib.ingest.filing`) using these primitives inside one :meth:`Catalogue.transaction`,
so a document is committed entirely or not at all.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from unlib.model import Mention, Passage
from unlib.store.db import connect, now_iso
from unlib.store.reads import CatalogueReads

CATALOGUE_FILE = "catalogue.sqlite3"


class Catalogue(CatalogueReads):
    """SQLite (WAL) implementation of the catalogue store."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn)
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> Catalogue:
        path = data_dir / CATALOGUE_FILE
        if not create and not path.is_file():
            from unlib.store.db import CatalogueError

            raise CatalogueError(
                f"no library at {data_dir}: run `unlib ingest PATH` first, or point --data "
                "(or UNLIB_DATA) at an existing data folder"
            )
        return cls(connect(path), path)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing. Nested use becomes a savepoint: an inner failure undoes only the
        inner part, so one bad document does not undo the others committed with it."""
        with self._lock:
            if self._depth:
                name = f"sp{self._depth}"
                self.conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                    raise
                finally:
                    self._depth -= 1
                self.conn.execute(f"RELEASE {name}")
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self.conn.execute("COMMIT")

    # -- works -------------------------------------------------------------------------------

    def insert_work(self, key: str, symbol: str | None, group_hint: str | None, **meta: Any) -> int:
        now = now_iso()
        cur = self.conn.execute(
            "INSERT INTO works (key, symbol, group_hint, doc_type, body, session, date, adopted,"
            " meeting, year, agenda, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                symbol,
                group_hint,
                meta.get("doc_type") or "document",
                meta.get("body"),
                meta.get("session"),
                meta.get("date"),
                meta.get("adopted"),
                meta.get("meeting"),
                meta.get("year"),
                json.dumps(list(meta.get("agenda") or []), ensure_ascii=False),
                now,
                now,
            ),
        )
        return int(cur.lastrowid or 0)

    def fill_work_gaps(self, work_id: int, **meta: Any) -> list[str]:
        """Complete a work's missing facts from a newly filed version; never overwrite.

        Returns the names of the facts that were filled in.
        """
        row = self.work(work_id)
        if row is None:
            return []
        updates: dict[str, Any] = {}
        for name in ("body", "session", "date", "adopted", "meeting", "year", "group_hint"):
            if meta.get(name) is not None and getattr(row, name, None) is None:
                updates[name] = meta[name]
        if meta.get("doc_type") and row.doc_type == "document" and meta["doc_type"] != "document":
            updates["doc_type"] = meta["doc_type"]
        if meta.get("agenda") and not row.agenda:
            updates["agenda"] = json.dumps(list(meta["agenda"]), ensure_ascii=False)
        if not updates:
            return []
        filled = list(updates)
        updates["updated_at"] = now_iso()
        assignments = ", ".join(f"{name} = ?" for name in updates)
        self.conn.execute(
            f"UPDATE works SET {assignments} WHERE id = ?", (*updates.values(), work_id)
        )
        return filled

    # -- versions, passages, citations, files --------------------------------------------------

    def insert_version(
        self,
        work_id: int,
        lang: str,
        *,
        title: str | None,
        date: str | None,
        lang_confidence: float,
        needs_ocr: bool,
        primary_sha: str,
        text_z: bytes,
        n_chars: int,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO versions (work_id, lang, title, date, lang_confidence, needs_ocr,"
            " primary_sha, text_z, n_chars, indexed, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                work_id,
                lang,
                title,
                date,
                lang_confidence,
                int(needs_ocr),
                primary_sha,
                text_z,
                n_chars,
                now_iso(),
            ),
        )
        return int(cur.lastrowid or 0)

    def replace_version_text(
        self,
        version_id: int,
        *,
        title: str | None,
        date: str | None,
        lang_confidence: float,
        needs_ocr: bool,
        primary_sha: str,
        text_z: bytes,
        n_chars: int,
    ) -> None:
        """Give a version a better text (e.g. a text-layer file for a scan awaiting OCR)."""
        self.conn.execute("DELETE FROM citations WHERE version_id = ?", (version_id,))
        self.conn.execute("DELETE FROM passages WHERE version_id = ?", (version_id,))
        self.conn.execute(
            "UPDATE versions SET title = ?, date = ?, lang_confidence = ?, needs_ocr = ?,"
            " primary_sha = ?, text_z = ?, n_chars = ?, indexed = 0 WHERE id = ?",
            (
                title,
                date,
                lang_confidence,
                int(needs_ocr),
                primary_sha,
                text_z,
                n_chars,
                version_id,
            ),
        )

    def insert_passages(
        self, version_id: int, title: str | None, passages: Sequence[Passage]
    ) -> list[tuple[int, int]]:
        """Write a version's passages (its title first, as seq -1); returns (id, seq) pairs."""
        rows: list[tuple[Any, ...]] = []
        if title:
            rows.append((version_id, -1, None, "title", None, None, None, title))
        rows.extend(
            (version_id, p.seq, p.para, p.kind, p.page, p.start, p.end, p.text) for p in passages
        )
        # We hold the write lock (BEGIN IMMEDIATE), so ids can be assigned up front and the
        # rows written in one executemany instead of one statement per passage.
        first = int(self.scalar("SELECT COALESCE(MAX(id), 0) FROM passages")) + 1
        self.conn.executemany(
            "INSERT INTO passages (id, version_id, seq, para, kind, page, start, end, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + i, *row) for i, row in enumerate(rows)],
        )
        return [(first + i, int(row[1])) for i, row in enumerate(rows)]

    def insert_citations(
        self, version_id: int, citations: Iterable[tuple[int | None, Mention]]
    ) -> None:
        self.conn.executemany(
            "INSERT INTO citations (version_id, passage_id, target_key, target_symbol, kind,"
            " text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (version_id, pid, m.key, m.symbol, m.kind, m.text, m.start, m.end)
                for pid, m in citations
            ],
        )

    def insert_file(
        self,
        sha256: str,
        version_id: int,
        *,
        original_name: str,
        source_path: str,
        size: int,
        format: str,
        media_type: str,
        symbol_source: str | None,
        warnings: Sequence[str],
    ) -> None:
        self.conn.execute(
            "INSERT INTO files (sha256, version_id, original_name, source_path, size, format,"
            " media_type, symbol_source, warnings, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sha256,
                version_id,
                original_name,
                source_path,
                size,
                format,
                media_type,
                symbol_source,
                json.dumps(list(warnings), ensure_ascii=False),
                now_iso(),
            ),
        )

    # -- bookkeeping ---------------------------------------------------------------------------

    def log_event(self, action: str, work_id: int | None, **details: Any) -> None:
        self.conn.execute(
            "INSERT INTO events (at, action, work_id, details) VALUES (?, ?, ?, ?)",
            (now_iso(), action, work_id, json.dumps(details, ensure_ascii=False, default=str)),
        )

    def record_rejection(
        self, path: str, reason: str, sha256: str | None, quarantined_as: str | None
    ) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO rejections (sha256, path, reason, quarantined_as, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (sha256, path, reason, quarantined_as, now_iso()),
            )

    def mark_indexed(self, version_ids: Iterable[int]) -> None:
        ids = list(version_ids)
        if not ids:
            return
        with self.transaction():
            self.conn.executemany(
                "UPDATE versions SET indexed = 1 WHERE id = ?", [(vid,) for vid in ids]
            )

    def mark_all_unindexed(self) -> None:
        with self.transaction():
            self.conn.execute("UPDATE versions SET indexed = 0")
