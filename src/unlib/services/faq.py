"""The FAQ knowledge base ("Ask DAG") as use cases: list, read (counting views), create, edit,
delete, import and export, and matching a reader's question against every phrasing of every
entry in all six languages.

Each phrasing's vector is stored with the entry (computed when it is written); the matrix of
all vectors is kept in memory per library and embedder until an entry changes.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import numpy

from unlib.embed import Embedder, embed_queries
from unlib.faq.entries import FaqError, entry_from_json, entry_json, link_json, shown_text
from unlib.faq.match import accepted, best_matches, phrasing
from unlib.faq.transfer import read_entries, write_entries
from unlib.store.base import CatalogueStore
from unlib.store.faq import FaqEntry, FaqStore, FaqVectors, faq_store

__all__ = ["FaqError", "FaqNotFound", "FaqService"]

_CACHE: dict[tuple[str, str], tuple[tuple[int, str], FaqVectors]] = {}
_CACHE_LOCK = threading.Lock()


class FaqNotFound(LookupError):
    """No FAQ entry has that id or key."""


class FaqService:
    def __init__(self, catalogue: CatalogueStore, embedder: Embedder) -> None:
        self.catalogue = catalogue
        self.embedder = embedder
        self.store: FaqStore = faq_store(catalogue)

    # -- reading -------------------------------------------------------------------------------

    def list_entries(self, lang: str | None = None) -> dict[str, Any]:
        """Every entry, with its question and answer in ``lang`` when it has one."""
        entries = self.store.entries()
        return {
            "total": len(entries),
            "lang": lang,
            "entries": [summary_json(entry, lang) for entry in entries],
        }

    def get(
        self, ref: str | int, lang: str | None = None, *, count_view: bool = True
    ) -> dict[str, Any]:
        entry = self._entry(ref)
        if count_view and entry.id is not None:
            self.store.add_view(entry.id)
            entry = self._entry(entry.id)
        data = entry_json(entry)
        data["shown"] = shown_json(entry, lang)
        return data

    def _entry(self, ref: str | int) -> FaqEntry:
        text = str(ref).strip()
        entry = self.store.get(int(text)) if text.isdigit() else self.store.by_key(text)
        if entry is None:
            raise FaqNotFound(f"no FAQ entry {text!r} (see `unlib faq list` for the entries)")
        return entry

    # -- writing -------------------------------------------------------------------------------

    def create(self, data: Mapping[str, Any]) -> dict[str, Any]:
        entry = entry_from_json(data)
        if self.store.by_key(entry.key) is not None:
            raise FaqError(
                f"an entry with key {entry.key!r} exists already: edit it, or give another key"
            )
        rows = self._vector_rows(entry)
        with self.catalogue.transaction():
            entry_id = self.store.insert(entry)
            self.store.replace_vectors(entry_id, self.embedder.name, rows)
        return self.get(entry_id, count_view=False)

    def update(self, ref: str | int, data: Mapping[str, Any]) -> dict[str, Any]:
        current = self._entry(ref)
        assert current.id is not None
        entry = entry_from_json(data, key=_clean_key(data) or current.key)
        other = self.store.by_key(entry.key)
        if other is not None and other.id != current.id:
            raise FaqError(f"another entry has the key {entry.key!r}")
        rows = self._vector_rows(entry)
        with self.catalogue.transaction():
            self.store.update(current.id, entry)
            self.store.replace_vectors(current.id, self.embedder.name, rows)
        return self.get(current.id, count_view=False)

    def delete(self, ref: str | int) -> dict[str, Any]:
        entry = self._entry(ref)
        assert entry.id is not None
        with self.catalogue.transaction():
            self.store.delete(entry.id)
        return {"deleted": entry.id, "key": entry.key}

    def import_text(self, text: str, fmt: str) -> dict[str, Any]:
        """Add the file's entries; an entry whose key exists already is replaced (its views
        are kept). All or nothing: the first invalid entry stops the import."""
        entries = read_entries(text, fmt)
        vectors = [self._vector_rows(entry) for entry in entries]
        added = updated = 0
        with self.catalogue.transaction():
            for entry, rows in zip(entries, vectors, strict=True):
                existing = self.store.by_key(entry.key)
                if existing is not None and existing.id is not None:
                    entry_id = existing.id
                    self.store.update(entry_id, entry)
                    updated += 1
                else:
                    entry_id = self.store.insert(entry)
                    added += 1
                self.store.replace_vectors(entry_id, self.embedder.name, rows)
        return {"added": added, "updated": updated, "total": self.store.count()}

    def export_text(self, fmt: str) -> str:
        return write_entries(self.store.entries(), fmt)

    def _vector_rows(self, entry: FaqEntry) -> list[tuple[str, int, numpy.ndarray]]:
        keys = [(text.lang, n) for text in entry.texts for n in range(len(text.phrasings))]
        phrasings = [p for text in entry.texts for p in text.phrasings]
        vectors = embed_queries(self.embedder, phrasings)
        return [(lang, n, vectors[i]) for i, (lang, n) in enumerate(keys)]

    # -- matching ------------------------------------------------------------------------------

    def vectors(self) -> FaqVectors:
        """Every phrasing vector of this embedder (cached until an entry changes)."""
        path = str(getattr(self.catalogue, "path", id(self.catalogue)))
        key = (path, self.embedder.name)
        signature = self.store.signature()
        with _CACHE_LOCK:
            cached = _CACHE.get(key)
            if cached is not None and cached[0] == signature:
                return cached[1]
        self._embed_missing()
        vectors = self.store.vectors(self.embedder.name)
        with _CACHE_LOCK:
            _CACHE[key] = (signature, vectors)
        return vectors

    def _embed_missing(self) -> None:
        """Entries written by another embedder (or imported through SQL) get vectors now."""
        missing = self.store.unembedded(self.embedder.name)
        if not missing:
            return
        entries = self.store.entries(missing)
        rows = {entry.id: self._vector_rows(entry) for entry in entries}
        with self.catalogue.transaction():
            for entry_id, vector_rows in rows.items():
                if entry_id is not None:
                    self.store.replace_vectors(entry_id, self.embedder.name, vector_rows)

    def match(
        self, question_vector: numpy.ndarray, lang: str | None, limit: int = 3
    ) -> list[dict[str, Any]]:
        """The accepted entries for a question vector (at most one today: the best, when its
        score clears the threshold), shown in ``lang`` when the entry has it."""
        matches = best_matches(question_vector, self.vectors(), limit)
        best = accepted(matches)
        if best is None:
            return []
        entry = self.store.get(best.entry_id)
        if entry is None:
            return []
        self.store.add_view(best.entry_id)
        data = shown_json(entry, lang, best.lang)
        data.update(
            {
                "score": round(best.score, 4),
                "matched": {"lang": best.lang, "text": phrasing(entry, best)},
                "views": entry.views + 1,
            }
        )
        return [data]

    def rank(self, question: str, limit: int = 3) -> list[tuple[str, float]]:
        """``(key, score)`` of the best entries for a question, any score (evaluation)."""
        vector = embed_queries(self.embedder, [question])[0]
        matches = best_matches(vector, self.vectors(), limit)
        keys = {e.id: e.key for e in self.store.entries([m.entry_id for m in matches])}
        return [(keys[m.entry_id], m.score) for m in matches if m.entry_id in keys]


def _clean_key(data: Mapping[str, Any]) -> str | None:
    key = data.get("key")
    return key.strip() if isinstance(key, str) and key.strip() else None


def shown_json(entry: FaqEntry, lang: str | None, fallback: str | None = None) -> dict[str, Any]:
    """The entry as a reader sees it: in their language, else in ``fallback``, else in the
    one it was written in."""
    text = shown_text(entry, lang, fallback)
    return {
        "id": entry.id,
        "key": entry.key,
        "lang": text.lang,
        "question": text.question,
        "answer": text.answer,
        "in_your_language": lang is None or text.lang == lang,
        "languages": list(entry.langs),
        "links": [link_json(link) for link in entry.links],
        "url": f"/faq/{entry.id}",
        "views": entry.views,
    }


def summary_json(entry: FaqEntry, lang: str | None) -> dict[str, Any]:
    shown = shown_json(entry, lang)
    shown["updated_at"] = entry.updated_at
    return shown
