"""Filing UN Digital Library MARCXML records as works of the catalogue.

A record's symbol (191) identifies its work: an existing work only gains the facts it lacks
(``fill_work_gaps``), a new one is created without files. Titles per language, related
documents (993), file links (856) and subject headings (650/610/611/630) are written beside
it, replacing what an earlier import of the same record wrote. 650 headings are mapped to
UNBIS concepts by English preferred or alternative label, ignoring case and accents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unlib.marc.reader import MarcError, read_records
from unlib.marc.undl import UndlRecord, read_undl
from unlib.store.base import CatalogueStore
from unlib.store.marc import MarcStore, MarcSubjectRow, marc_store
from unlib.symbols import try_parse
from unlib.vocab.model import Vocabulary
from unlib.vocab.text import fold

_DOC_TYPES = {"RES": "resolution", "DEC": "decision", "PRST": "statement", "L": "draft"}
_MEETINGS = ("PV", "SR")
_KIND_RANK = {"concept": 0, "microthesaurus": 1, "domain": 2}


@dataclass
class MarcSummary:
    files: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)  # {"file", "reason"}: none kept
    records: int = 0
    created: list[str] = field(default_factory=list)  # works new to the library
    linked: list[str] = field(default_factory=list)  # records filed onto works already held
    updated: int = 0  # records changed since the last import
    unchanged: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"record", "reason"}
    subjects: int = 0  # 650 headings
    mapped: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    other_subjects: int = 0  # 610/611/630
    related: int = 0
    related_unreadable: list[str] = field(default_factory=list)
    file_links: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "failed": self.failed,
            "records": self.records,
            "works_created": len(self.created),
            "works_linked": len(self.linked),
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "subjects": {
                "headings": self.subjects,
                "mapped": self.mapped,
                "unmapped": self.subjects - self.mapped,
                "unmapped_headings": [
                    {"heading": h, "count": n} for h, n in self.unmapped.most_common()
                ],
                "other": self.other_subjects,
            },
            "related": {"links": self.related, "unreadable": self.related_unreadable},
            "file_links": self.file_links,
        }


def heading_key(text: str) -> str:
    """A subject heading as compared with labels: folded, quotes and dashes unified."""
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    return fold(text).rstrip(".")


def heading_index(vocab: Vocabulary) -> dict[str, str]:
    """UNBIS concept URI by folded English label: preferred labels win over alternative
    ones, descriptors over microthesauri and domains, current concepts over deprecated."""
    ranked: dict[str, tuple[tuple[int, int, int, str], str]] = {}
    for concept in vocab.of_scheme("unbis"):
        labels = concept.labels("en")
        for position, label in enumerate(labels):
            rank = (
                int(concept.deprecated),
                _KIND_RANK.get(concept.kind, 3),
                int(position > 0 and label != concept.pref.get("en")),
                concept.uri,
            )
            key = heading_key(label)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, concept.uri)
    return {key: uri for key, (_, uri) in ranked.items()}


class MarcImport:
    def __init__(self, catalogue: CatalogueStore, vocab: Vocabulary) -> None:
        self.catalogue = catalogue
        self.store: MarcStore = marc_store(catalogue)
        self.headings = heading_index(vocab)
        self.summary = MarcSummary()

    def run(self, paths: list[Path]) -> MarcSummary:
        """Import every file in one transaction each: a file that turns out not to be
        MARCXML is reported in ``failed`` with nothing of it kept, and the others go on."""
        for path in paths:
            before = _counts(self.summary)
            try:
                with self.catalogue.transaction():
                    for record in read_records(path):
                        self._file(read_undl(record), record.digest, str(path))
            except MarcError as error:
                self.summary.failed.append({"file": str(path), "reason": str(error)})
                _restore(self.summary, before)
            else:
                self.summary.files.append(str(path))
        return self.summary

    def _file(self, record: UndlRecord, digest: str, source: str) -> None:
        self.summary.records += 1
        if not record.control:
            self.summary.skipped.append({"record": record.symbol or "?", "reason": "no 001"})
            return
        held = self.store.record(record.control)
        work_id = self._work(record, first_import=held is None)
        self.store.write_record(
            record.control, work_id, record.symbol, _agenda(record), digest, source
        )
        self._metadata(work_id, record)
        if held is None:
            pass
        elif held[1] == digest:
            self.summary.unchanged += 1
        else:
            self.summary.updated += 1

    def _work(self, record: UndlRecord, *, first_import: bool) -> int:
        symbol = try_parse(record.symbol) if record.symbol else None
        key = symbol.key if symbol else f"local:undl-{record.control}"
        meta = _meta(record, symbol)
        work = self.catalogue.work_by_key(key)
        if work is None:
            work_id = self.catalogue.insert_work(
                key, symbol.normalized if symbol else None, None, **meta
            )
            self.catalogue.log_event("work-from-marc", work_id, control=record.control)
            self.summary.created.append(key)
            return work_id
        self.catalogue.fill_work_gaps(work.id, **meta)
        if first_import and key not in self.summary.created:  # a work ingested or catalogued before
            self.summary.linked.append(key)
        return work.id

    def _metadata(self, work_id: int, record: UndlRecord) -> None:
        links = []
        for relation, written in record.related:
            target = try_parse(written)
            if target is None:
                self.summary.related_unreadable.append(written)
                continue
            links.append((relation, target.key, target.normalized))
        files = [(f.url, f.lang, f.label, f.size) for f in record.files]
        self.store.replace_metadata(work_id, record.titles, links, files)
        self.store.replace_subjects(work_id, self._subjects(record))
        self.summary.related += len(links)
        self.summary.file_links += len(files)

    def _subjects(self, record: UndlRecord) -> list[MarcSubjectRow]:
        rows = []
        for seq, subject in enumerate(record.subjects):
            uri = None
            if subject.tag == "650":
                self.summary.subjects += 1
                uri = self.headings.get(heading_key(subject.heading))
                if uri:
                    self.summary.mapped += 1
                else:
                    self.summary.unmapped[subject.heading] += 1
            else:
                self.summary.other_subjects += 1
            rows.append(
                MarcSubjectRow(
                    seq, subject.tag, subject.heading, subject.authority, subject.primary, uri
                )
            )
        return rows


def _counts(summary: MarcSummary) -> dict[str, Any]:
    return {
        name: (value.copy() if hasattr(value, "copy") else value)
        for name, value in vars(summary).items()
        if name not in ("files", "failed")
    }


def _restore(summary: MarcSummary, counts: dict[str, Any]) -> None:
    """Forget what a file that was rolled back had counted."""
    for name, value in counts.items():
        setattr(summary, name, value)


def _meta(record: UndlRecord, symbol: Any) -> dict[str, Any]:
    date = record.date
    return {
        "doc_type": _doc_type(symbol),
        "body": symbol.body if symbol else None,
        "session": symbol.session_or_year if symbol else None,
        "date": date,
        "year": int(date[:4]) if date else None,
        "agenda": record.agenda_items,
    }


def _doc_type(symbol: Any) -> str:
    if symbol is None:
        return "document"
    kind = (symbol.doc_type or "").upper()
    if kind in _MEETINGS:
        return "meeting"
    return _DOC_TYPES.get(kind, "document")


def _agenda(record: UndlRecord) -> list[dict[str, Any]]:
    return [
        {"document": a.document, "item": a.item, "title": a.title, "subject": a.subject}
        for a in record.agenda
    ]


__all__ = ["MarcError", "MarcImport", "MarcSummary", "heading_index", "heading_key"]
