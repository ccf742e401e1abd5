"""Vocabularies in the SQLite catalogue (migration 0003); the MARC-imported metadata of works
lives in :mod:`unlib.store.marc` (re-exported here).

Works on the catalogue's connection; writes happen inside ``Catalogue.transaction()``.
Concept rows are never deleted, only marked deprecated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from unlib.store.base import CatalogueStore
from unlib.store.db import now_iso, sqlite_connection

# Re-exported: subject indexing reads MARC metadata through this module.
from unlib.store.marc import MarcStore, MarcSubjectRow, marc_store


@dataclass(frozen=True, slots=True)
class ConceptRow:
    uri: str
    scheme: str
    kind: str
    notation: str | None
    domain: str | None
    deprecated: bool
    labels: list[tuple[str, str, str]]  # (lang, type, text) in seq order
    links: list[tuple[str, str]]  # (rel, target) in seq order


@dataclass(frozen=True, slots=True)
class StoredConcept:
    """What an import writes for one concept."""

    uri: str
    scheme: str
    kind: str
    notation: str | None
    domain: str | None
    deprecated: bool
    fingerprint: str
    labels: Sequence[tuple[str, str, str]]
    links: Sequence[tuple[str, str]]


def connection_of(catalogue: CatalogueStore) -> sqlite3.Connection:
    return sqlite_connection(catalogue, "vocabularies are")


def vocab_store(catalogue: CatalogueStore) -> VocabStore:
    return VocabStore(connection_of(catalogue))


class VocabStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- versions ------------------------------------------------------------------------------

    def schemes(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT scheme, version, source, concepts, imported_at FROM vocab_schemes"
            " ORDER BY scheme"
        )
        return [{**dict(r), "source": json.loads(r["source"])} for r in rows]

    def version_key(self) -> str:
        """Changes whenever a vocabulary import changed anything."""
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(MAX(updated_at), ''),"
            " (SELECT group_concat(scheme || ':' || version || ':' || imported_at, ';')"
            "  FROM vocab_schemes) FROM concepts"
        ).fetchone()
        return f"{row[0]}|{row[1]}|{row[2] or ''}"

    def set_scheme(self, scheme: str, version: str, sources: list[str], concepts: int) -> None:
        self.conn.execute(
            "INSERT INTO vocab_schemes (scheme, version, source, concepts, imported_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scheme) DO UPDATE SET version = excluded.version,"
            " source = excluded.source, concepts = excluded.concepts,"
            " imported_at = excluded.imported_at",
            (scheme, version, json.dumps(sources, ensure_ascii=False), concepts, now_iso()),
        )

    # -- writing concepts ----------------------------------------------------------------------

    def fingerprints(self, scheme: str) -> dict[str, tuple[str, bool]]:
        """uri → (fingerprint, deprecated) of the concepts of ``scheme`` held now."""
        rows = self.conn.execute(
            "SELECT uri, fingerprint, deprecated FROM concepts WHERE scheme = ?", (scheme,)
        )
        return {r[0]: (r[1], bool(r[2])) for r in rows}

    def write_concept(self, concept: StoredConcept, *, exists: bool) -> None:
        now = now_iso()
        values = (
            concept.scheme,
            concept.kind,
            concept.notation,
            concept.domain,
            int(concept.deprecated),
            now if concept.deprecated else None,
            concept.fingerprint,
        )
        if exists:
            self.conn.execute(
                "UPDATE concepts SET scheme = ?, kind = ?, notation = ?, domain = ?,"
                " deprecated = ?, deprecated_at = ?, fingerprint = ?, updated_at = ?"
                " WHERE uri = ?",
                (*values, now, concept.uri),
            )
            self.conn.execute("DELETE FROM concept_labels WHERE uri = ?", (concept.uri,))
            self.conn.execute("DELETE FROM concept_links WHERE uri = ?", (concept.uri,))
        else:
            self.conn.execute(
                "INSERT INTO concepts (scheme, kind, notation, domain, deprecated, deprecated_at,"
                " fingerprint, created_at, updated_at, uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, now, now, concept.uri),
            )
        self.conn.executemany(
            "INSERT INTO concept_labels (uri, lang, type, seq, text) VALUES (?, ?, ?, ?, ?)",
            [
                (concept.uri, lang, kind, i, text)
                for i, (lang, kind, text) in enumerate(concept.labels)
            ],
        )
        self.conn.executemany(
            "INSERT INTO concept_links (uri, rel, seq, target) VALUES (?, ?, ?, ?)",
            [(concept.uri, rel, i, target) for i, (rel, target) in enumerate(concept.links)],
        )

    def deprecate(self, uris: Iterable[str]) -> None:
        now = now_iso()
        self.conn.executemany(
            "UPDATE concepts SET deprecated = 1, deprecated_at = ?, updated_at = ? WHERE uri = ?",
            [(now, now, uri) for uri in uris],
        )

    # -- reading -------------------------------------------------------------------------------

    def iter_concepts(self) -> Iterator[ConceptRow]:
        labels: dict[str, list[tuple[str, str, str]]] = {}
        for r in self.conn.execute(
            "SELECT uri, lang, type, text FROM concept_labels ORDER BY uri, seq"
        ):
            labels.setdefault(r[0], []).append((r[1], r[2], r[3]))
        links: dict[str, list[tuple[str, str]]] = {}
        for r in self.conn.execute("SELECT uri, rel, target FROM concept_links ORDER BY uri, seq"):
            links.setdefault(r[0], []).append((r[1], r[2]))
        for r in self.conn.execute(
            "SELECT uri, scheme, kind, notation, domain, deprecated FROM concepts"
        ):
            yield ConceptRow(
                r[0], r[1], r[2], r[3], r[4], bool(r[5]), labels.get(r[0], []), links.get(r[0], [])
            )

    def deprecated_uris(self) -> list[str]:
        rows = self.conn.execute("SELECT uri FROM concepts WHERE deprecated = 1 ORDER BY uri")
        return [r[0] for r in rows]

    def has_table(self, name: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def indexed_with(self, uris: Sequence[str]) -> list[tuple[int, str, str, bool]]:
        """(work id, concept URI, source, primary) of the works indexed with one of ``uris``:
        source "marc" for a catalogued 650 heading, else the status of a subject assignment
        ("accepted", "suggested"; rejected ones are left out)."""
        if not uris:
            return []
        marks = ", ".join("?" * len(uris))
        found = [
            (int(r[0]), r[1], "marc", bool(r[2]))
            for r in self.conn.execute(
                f"SELECT work_id, uri, MAX(is_primary) FROM marc_subjects WHERE uri IN ({marks})"
                " GROUP BY work_id, uri",
                tuple(uris),
            )
        ]
        # subject_assignments belongs to subject indexing (migration 0004): read only.
        if self.has_table("subject_assignments"):
            found += [
                (int(r[0]), r[1], r[2], False)
                for r in self.conn.execute(
                    "SELECT work_id, uri, status FROM subject_assignments"
                    f" WHERE uri IN ({marks}) AND status != 'rejected'",
                    tuple(uris),
                )
            ]
        return found

    def counts(self) -> list[tuple[str, str, bool, int]]:
        """(scheme, kind, deprecated, count) of the concepts held."""
        rows = self.conn.execute(
            "SELECT scheme, kind, deprecated, COUNT(*) FROM concepts"
            " GROUP BY scheme, kind, deprecated ORDER BY scheme, kind, deprecated"
        )
        return [(r[0], r[1], bool(r[2]), int(r[3])) for r in rows]

    def label_counts(self) -> list[tuple[str, str, str, int]]:
        """(scheme, lang, type, count) of the labels held."""
        rows = self.conn.execute(
            "SELECT c.scheme, l.lang, l.type, COUNT(*) FROM concept_labels l"
            " JOIN concepts c ON c.uri = l.uri GROUP BY c.scheme, l.lang, l.type"
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in rows]


__all__ = [
    "ConceptRow",
    "MarcStore",
    "MarcSubjectRow",
    "StoredConcept",
    "VocabStore",
    "connection_of",
    "marc_store",
    "vocab_store",
]
