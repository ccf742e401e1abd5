"""Speeches in the SQLite catalogue (General Debate statements): writing imported speeches,
and the reads behind speech records, search results and country pages.

The text is kept here (zlib-compressed, "\\n" line ends); the speech index holds only what
search needs and is rebuilt from these rows. Rows are written with ``indexed = 0`` and marked
once the index has committed them.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection

SPEECH_COLUMNS: Final = (
    "ref",
    "country",
    "country_name",
    "session",
    "year",
    "speaker",
    "speaker_folded",
    "post",
    "lang",
    "lang_confidence",
    "paragraphs",
    "n_chars",
    "text_z",
    "source_path",
    "notes",
    "fingerprint",
)
_READ: Final = (
    "SELECT id, ref, country, country_name, session, year, speaker, post, lang,"
    " lang_confidence, paragraphs, n_chars, source_path, notes, indexed FROM speeches"
)


@dataclass(frozen=True, slots=True)
class SpeechRow:
    id: int
    ref: str
    country: str
    country_name: str | None
    session: int
    year: int | None
    speaker: str | None
    post: str | None
    lang: str
    lang_confidence: float | None
    paragraphs: int
    n_chars: int
    source_path: str
    notes: tuple[str, ...]
    indexed: bool


def _speech(row: sqlite3.Row) -> SpeechRow:
    values = dict(row)
    values["notes"] = tuple(json.loads(values["notes"] or "[]"))
    values["indexed"] = bool(values["indexed"])
    return SpeechRow(**values)


def speech_store(catalogue: CatalogueStore) -> SpeechStore:
    """The speech tables of ``catalogue`` (the SQLite catalogue; others bring their own)."""
    return SpeechStore(sqlite_connection(catalogue, "speeches are"))


class SpeechStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing (inside Catalogue.transaction()) --------------------------------------------

    def fingerprints(self) -> dict[str, tuple[int, str]]:
        """ref → (speech id, fingerprint) of every speech held."""
        rows = self.conn.execute("SELECT ref, id, fingerprint FROM speeches")
        return {r[0]: (int(r[1]), r[2]) for r in rows}

    def insert(self, values: dict[str, Any]) -> int:
        now = now_iso()
        columns = (*SPEECH_COLUMNS, "indexed", "imported_at", "updated_at")
        marks = ", ".join("?" * len(columns))
        cur = self.conn.execute(
            f"INSERT INTO speeches ({', '.join(columns)}) VALUES ({marks})",
            (*_ordered(values), 0, now, now),
        )
        return int(cur.lastrowid or 0)

    def update(self, speech_id: int, values: dict[str, Any]) -> None:
        """New facts or text for a speech; it waits for re-indexing (``indexed = 0``)."""
        assignments = ", ".join(f"{name} = ?" for name in SPEECH_COLUMNS)
        self.conn.execute(
            f"UPDATE speeches SET {assignments}, indexed = 0, updated_at = ? WHERE id = ?",
            (*_ordered(values), now_iso(), speech_id),
        )

    def mark_indexed(self, speech_ids: Iterable[int]) -> None:
        self.conn.executemany(
            "UPDATE speeches SET indexed = 1 WHERE id = ?", [(sid,) for sid in speech_ids]
        )

    def mark_all_unindexed(self) -> None:
        self.conn.execute("UPDATE speeches SET indexed = 0")

    # -- reading -------------------------------------------------------------------------------

    def unindexed(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM speeches WHERE indexed = 0")]

    def by_ids(self, speech_ids: Iterable[int]) -> dict[int, SpeechRow]:
        ids = list(speech_ids)
        found: dict[int, SpeechRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.conn.execute(f"{_READ} WHERE id IN ({marks})", chunk):
                found[int(row["id"])] = _speech(row)
        return found

    def by_ref(self, ref: str) -> SpeechRow | None:
        row = self.conn.execute(f"{_READ} WHERE ref = ? COLLATE NOCASE", (ref,)).fetchone()
        return _speech(row) if row else None

    def text(self, speech_id: int) -> str:
        row = self.conn.execute("SELECT text_z FROM speeches WHERE id = ?", (speech_id,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row else ""

    def matching(
        self,
        *,
        country: str | None = None,
        session: int | None = None,
        year: int | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        speaker: str | None = None,
    ) -> tuple[str, tuple[Any, ...]]:
        """A WHERE clause (and its parameters) for speeches with these facts; ``speaker`` is
        a folded fragment of the speaker's name."""
        clauses: list[str] = []
        params: list[Any] = []
        for condition, value in (
            ("country = ?", country),
            ("session = ?", session),
            ("year = ?", year),
            ("year >= ?", year_from),
            ("year <= ?", year_to),
        ):
            if value is not None:
                clauses.append(condition)
                params.append(value)
        if speaker:
            clauses.append("speaker_folded LIKE ? ESCAPE '\\'")
            params.append("%" + speaker.replace("\\", "\\\\").replace("%", "\\%") + "%")
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)

    def ids_where(self, where: tuple[str, tuple[Any, ...]]) -> list[int]:
        clause, params = where
        return [r[0] for r in self.conn.execute(f"SELECT id FROM speeches {clause}", params)]

    def page_where(
        self, where: tuple[str, tuple[Any, ...]], limit: int, offset: int
    ) -> tuple[int, list[SpeechRow]]:
        """Speeches matching ``where``, newest session first, then by country."""
        clause, params = where
        total = self.conn.execute(f"SELECT COUNT(*) FROM speeches {clause}", params).fetchone()
        rows = self.conn.execute(
            f"{_READ} {clause} ORDER BY session DESC, country LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return int(total[0]), [_speech(row) for row in rows]

    def country_speeches(self, code: str) -> list[dict[str, Any]]:
        """A country's speeches, newest first, without their text."""
        rows = self.conn.execute(
            f"{_READ} WHERE country = ? ORDER BY session DESC", (code,)
        ).fetchall()
        return [speech_line(_speech(row)) for row in rows]

    def languages(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT lang FROM speeches")]

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM speeches").fetchone()[0])

    def all_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM speeches ORDER BY id")]


def speech_line(row: SpeechRow) -> dict[str, Any]:
    return {
        "id": row.ref,
        "country": row.country,
        "country_name": row.country_name,
        "session": row.session,
        "year": row.year,
        "speaker": row.speaker,
        "post": row.post,
        "lang": row.lang,
    }


def _ordered(values: dict[str, Any]) -> tuple[Any, ...]:
    row = dict(values)
    row["notes"] = json.dumps(list(row.get("notes") or []), ensure_ascii=False)
    return tuple(row.get(name) for name in SPEECH_COLUMNS)
