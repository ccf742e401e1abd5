"""The FAQ knowledge base ("Ask DAG") in the SQLite catalogue: entries with their texts in up
to six languages, links, view counts, and one stored vector per phrasing of each question.

Works on the catalogue's connection; writes happen inside ``Catalogue.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy

from unlib.model import LANGUAGES
from unlib.store.base import CatalogueStore
from unlib.store.db import sqlite_connection


@dataclass(frozen=True, slots=True)
class FaqText:
    """An entry in one language: the question, its other phrasings, and the answer."""

    lang: str
    question: str
    answer: str
    variants: tuple[str, ...] = ()

    @property
    def phrasings(self) -> tuple[str, ...]:
        """The question first, then its variants (``n`` of a stored vector indexes these)."""
        return (self.question, *self.variants)


@dataclass(frozen=True, slots=True)
class FaqLink:
    """A pointer from an answer to a record (``target``: a symbol) or a search (a query)."""

    kind: str  # "record" | "search"
    target: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class FaqEntry:
    key: str
    source_lang: str
    texts: tuple[FaqText, ...]
    links: tuple[FaqLink, ...] = ()
    id: int | None = None
    views: int = 0
    created_at: str = ""
    updated_at: str = ""
    langs: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "langs", tuple(text.lang for text in self.texts))

    def text(self, lang: str | None) -> FaqText | None:
        return next((t for t in self.texts if t.lang == lang), None)


@dataclass(frozen=True, slots=True)
class FaqVectors:
    """Every stored phrasing vector of one embedder: row i belongs to ``entries[i]``."""

    entries: tuple[int, ...]
    langs: tuple[str, ...]
    numbers: tuple[int, ...]
    matrix: numpy.ndarray  # (rows, dim) float32


def faq_store(catalogue: CatalogueStore) -> FaqStore:
    """The FAQ tables of ``catalogue`` (the SQLite catalogue; others bring their own)."""
    return FaqStore(sqlite_connection(catalogue, "the FAQ is"))


def _now() -> str:
    # Microseconds: the cache signature (see :meth:`FaqStore.signature`) must move on every edit.
    return datetime.now(UTC).isoformat(timespec="microseconds")


class FaqStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing (inside Catalogue.transaction()) --------------------------------------------

    def insert(self, entry: FaqEntry) -> int:
        now = _now()
        cur = self.conn.execute(
            "INSERT INTO faq_entries (key, source_lang, links, views, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry.key, entry.source_lang, _links_json(entry.links), entry.views, now, now),
        )
        entry_id = int(cur.lastrowid or 0)
        self._write_texts(entry_id, entry.texts)
        return entry_id

    def update(self, entry_id: int, entry: FaqEntry) -> None:
        """Replace an entry's key, texts and links (its views and vectors of unchanged
        phrasings are the caller's business: see :meth:`replace_vectors`)."""
        self.conn.execute(
            "UPDATE faq_entries SET key = ?, source_lang = ?, links = ?, updated_at = ?"
            " WHERE id = ?",
            (entry.key, entry.source_lang, _links_json(entry.links), _now(), entry_id),
        )
        self.conn.execute("DELETE FROM faq_texts WHERE entry_id = ?", (entry_id,))
        self._write_texts(entry_id, entry.texts)

    def _write_texts(self, entry_id: int, texts: Iterable[FaqText]) -> None:
        self.conn.executemany(
            "INSERT INTO faq_texts (entry_id, lang, question, answer, variants)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    entry_id,
                    t.lang,
                    t.question,
                    t.answer,
                    json.dumps(list(t.variants), ensure_ascii=False),
                )
                for t in texts
            ],
        )

    def delete(self, entry_id: int) -> bool:
        cur = self.conn.execute("DELETE FROM faq_entries WHERE id = ?", (entry_id,))
        return bool(cur.rowcount)

    def add_view(self, entry_id: int) -> None:
        self.conn.execute("UPDATE faq_entries SET views = views + 1 WHERE id = ?", (entry_id,))

    def replace_vectors(
        self, entry_id: int, model: str, rows: Sequence[tuple[str, int, numpy.ndarray]]
    ) -> None:
        """The vectors of one entry: ``(lang, n, vector)`` for each phrasing."""
        self.conn.execute("DELETE FROM faq_vectors WHERE entry_id = ?", (entry_id,))
        self.conn.executemany(
            "INSERT INTO faq_vectors (entry_id, lang, n, model, vector) VALUES (?, ?, ?, ?, ?)",
            [
                (entry_id, lang, n, model, numpy.asarray(vector, numpy.float32).tobytes())
                for lang, n, vector in rows
            ],
        )

    # -- reading -------------------------------------------------------------------------------

    def get(self, entry_id: int) -> FaqEntry | None:
        row = self.conn.execute(_SELECT + " WHERE id = ?", (entry_id,)).fetchone()
        return self._entries([row])[0] if row else None

    def by_key(self, key: str) -> FaqEntry | None:
        row = self.conn.execute(_SELECT + " WHERE key = ?", (key,)).fetchone()
        return self._entries([row])[0] if row else None

    def entries(self, ids: Iterable[int] | None = None) -> list[FaqEntry]:
        """Entries (all, or those of ``ids``) by id."""
        if ids is None:
            rows = self.conn.execute(_SELECT + " ORDER BY id").fetchall()
        else:
            wanted = sorted(set(ids))
            marks = ", ".join("?" * len(wanted))
            rows = self.conn.execute(
                _SELECT + f" WHERE id IN ({marks}) ORDER BY id", wanted
            ).fetchall()
        return self._entries(rows)

    def _entries(self, rows: Sequence[sqlite3.Row]) -> list[FaqEntry]:
        ids = [int(r["id"]) for r in rows]
        texts: dict[int, list[FaqText]] = {i: [] for i in ids}
        if ids:
            marks = ", ".join("?" * len(ids))
            for t in self.conn.execute(
                "SELECT entry_id, lang, question, answer, variants FROM faq_texts"
                f" WHERE entry_id IN ({marks})",
                ids,
            ):
                texts[int(t[0])].append(FaqText(t[1], t[2], t[3], tuple(json.loads(t[4] or "[]"))))
        return [_entry(row, texts[int(row["id"])]) for row in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM faq_entries").fetchone()[0])

    def signature(self) -> tuple[int, str]:
        """Changes whenever an entry is added, edited or deleted (not when it is viewed)."""
        row = self.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM faq_entries").fetchone()
        return int(row[0]), str(row[1] or "")

    def unembedded(self, model: str) -> list[int]:
        """Entries with a phrasing that has no vector by ``model``."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.id FROM faq_entries e WHERE EXISTS ("
            " SELECT 1 FROM faq_texts t WHERE t.entry_id = e.id AND NOT EXISTS ("
            "  SELECT 1 FROM faq_vectors v WHERE v.entry_id = e.id AND v.lang = t.lang"
            "  AND v.n = 0 AND v.model = ?))",
            (model,),
        )
        return [int(r[0]) for r in rows]

    def vectors(self, model: str) -> FaqVectors:
        rows = self.conn.execute(
            "SELECT entry_id, lang, n, vector FROM faq_vectors WHERE model = ?"
            " ORDER BY entry_id, lang, n",
            (model,),
        ).fetchall()
        if not rows:
            return FaqVectors((), (), (), numpy.zeros((0, 0), numpy.float32))
        matrix = numpy.vstack([numpy.frombuffer(r[3], dtype=numpy.float32) for r in rows])
        return FaqVectors(
            tuple(int(r[0]) for r in rows),
            tuple(str(r[1]) for r in rows),
            tuple(int(r[2]) for r in rows),
            matrix,
        )


_SELECT = "SELECT id, key, source_lang, links, views, created_at, updated_at FROM faq_entries"


def _links_json(links: Iterable[FaqLink]) -> str:
    return json.dumps(
        [{"kind": link.kind, "target": link.target, "label": link.label} for link in links],
        ensure_ascii=False,
    )


def _entry(row: sqlite3.Row, texts: list[FaqText]) -> FaqEntry:
    links = tuple(
        FaqLink(str(item["kind"]), str(item["target"]), str(item.get("label") or ""))
        for item in json.loads(row["links"] or "[]")
    )
    return FaqEntry(
        key=row["key"],
        source_lang=row["source_lang"],
        texts=tuple(sorted(texts, key=lambda t: _LANG_ORDER.get(t.lang, 99))),
        links=links,
        id=int(row["id"]),
        views=int(row["views"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


_LANG_ORDER = {lang: i for i, lang in enumerate(LANGUAGES)}
