"""Importing voting data into the catalogue: read each source, write what is new or changed,
link each roll call to the works of its resolutions (creating works without files for
resolutions the library does not hold), and say what happened.

Re-importing is idempotent: a roll call is identified by its source and source id (Voeten's
rcid, the Library's record id) and rewritten only when its fingerprint — a digest of every
fact and vote imported — changed. Each source is written in one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unlib.store.base import CatalogueStore
from unlib.store.votes import VoteStore, vote_store
from unlib.votes.layouts import Source, plan_sources
from unlib.votes.model import Problem, ReadResult, RollCall
from unlib.votes.official import read_official
from unlib.votes.resolutions import symbol_or_none
from unlib.votes.unvotes import read_unvotes

# Problems listed one by one in a summary; beyond, only counted.
MAX_LISTED = 1000


@dataclass(slots=True)
class ImportSummary:
    sources: list[dict[str, Any]] = field(default_factory=list)
    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    votes_read: int = 0
    votes_written: int = 0
    linked: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        skipped = [p for p in self.problems if p.skipped]
        warnings = [p for p in self.problems if not p.skipped]
        return {
            "sources": self.sources,
            "roll_calls": {
                "read": self.read,
                "added": self.added,
                "updated": self.updated,
                "unchanged": self.unchanged,
            },
            "votes": {"read": self.votes_read, "written": self.votes_written},
            "resolutions": {"linked": len(self.linked), "created": len(self.created)},
            "totals_mismatches": self.mismatches[:MAX_LISTED],
            "totals_mismatch_count": len(self.mismatches),
            "skipped": [p.to_json() for p in skipped[:MAX_LISTED]],
            "skipped_count": len(skipped),
            "warnings": [p.to_json() for p in warnings[:MAX_LISTED]],
            "warning_count": len(warnings),
            "duplicates": self.duplicates,
            "seconds": round(self.seconds, 3),
        }


def import_votes(catalogue: CatalogueStore, paths: Iterable[Path]) -> ImportSummary:
    started = time.perf_counter()
    summary = ImportSummary()
    sources, problems = plan_sources(list(paths))
    summary.problems.extend(problems)
    store = vote_store(catalogue)
    for source in sources:
        result = _read(source)
        summary.problems.extend(result.problems)
        summary.votes_read += result.rows
        with catalogue.transaction():
            _Writer(catalogue, store, summary).write(result)
        summary.sources.append(
            {"layout": result.layout, "files": result.files, "roll_calls": len(result.roll_calls)}
        )
    with catalogue.transaction():
        summary.duplicates = store.mark_duplicates()
        summary.seconds = time.perf_counter() - started
        catalogue.log_event("votes-import", None, **_event(summary))
    return summary


def _read(source: Source) -> ReadResult:
    if source.layout == "unvotes":
        files = source.files
        return read_unvotes(
            files["unvotes-roll-calls"], files["unvotes-votes"], files.get("unvotes-issues")
        )
    ((layout, path),) = source.files.items()
    return read_official(path, layout)


def _event(summary: ImportSummary) -> dict[str, Any]:
    data = summary.to_json()
    return {
        "files": [f for s in summary.sources for f in s["files"]],
        "roll_calls": data["roll_calls"],
        "resolutions": data["resolutions"],
        "skipped": data["skipped_count"],
        "totals_mismatches": data["totals_mismatch_count"],
    }


class _Writer:
    def __init__(self, catalogue: CatalogueStore, store: VoteStore, summary: ImportSummary):
        self.catalogue = catalogue
        self.store = store
        self.summary = summary
        self.works: dict[str, int] = {}

    def write(self, result: ReadResult) -> None:
        known: dict[str, tuple[int, str]] = {}
        for source in {call.source for call in result.roll_calls}:
            known.update(self.store.fingerprints(source))
        for call in result.roll_calls:
            self.summary.read += 1
            note = call.totals_note()
            if note:
                self.summary.mismatches.append(_mismatch(call, note))
            if not call.votes:
                self.summary.problems.append(
                    Problem(call.file, call.line, "roll call without votes")
                )
                continue
            self._write(call, note, known.get(call.source_id))

    def _write(self, call: RollCall, note: str | None, known: tuple[int, str] | None) -> None:
        fingerprint = call.fingerprint()
        if known is not None and known[1] == fingerprint:
            self.summary.unchanged += 1
            return
        values = _columns(call, note, fingerprint)
        if known is not None:
            roll_call_id = known[0]
            self.store.update_roll_call(roll_call_id, values)
            self.summary.updated += 1
        else:
            roll_call_id = self.store.insert_roll_call(values)
            self.summary.added += 1
        self.store.insert_votes(
            roll_call_id, ((v.code, v.name, v.vote, v.permanent) for v in call.votes)
        )
        self.summary.votes_written += len(call.votes)
        self.store.insert_issues(roll_call_id, call.issues)
        self.store.insert_links(roll_call_id, self._links(call))

    def _links(self, call: RollCall) -> list[tuple[str, int]]:
        ref = call.resolution
        if ref is None:
            return []
        whole = call.kind in ("resolution", "decision")
        links = []
        for part in ref.parts:
            meta = {
                "doc_type": ref.kind,
                "body": ref.body,
                "session": ref.session or part.session_or_year,
                "year": call.year if whole else None,
                "date": call.date if whole else None,
                "adopted": call.date if whole else None,
                "meeting": call.meeting if whole else None,
            }
            links.append((part.key, self._work(part.key, part.normalized, meta)))
        return links

    def _work(self, key: str, symbol: str, meta: dict[str, Any]) -> int:
        found = self.works.get(key)
        if found is not None:
            return found
        work = self.catalogue.work_by_key(key)
        if work is None:
            work_id = self.catalogue.insert_work(key, symbol, None, **meta)
            self.catalogue.log_event("work-from-votes", work_id, symbol=symbol)
            self.summary.created.add(key)
        else:
            work_id = work.id
            self.catalogue.fill_work_gaps(work_id, **meta)
            if key not in self.summary.created:
                self.summary.linked.add(key)
        self.works[key] = work_id
        return work_id


def _columns(call: RollCall, note: str | None, fingerprint: str) -> dict[str, Any]:
    totals, stated = call.totals, call.stated
    meeting = symbol_or_none(call.meeting) if call.meeting else None
    draft = symbol_or_none(call.draft) if call.draft else None
    return {
        "source": call.source,
        "source_id": call.source_id,
        "layout": call.layout,
        "body": call.resolution.body if call.resolution else call.body,
        "symbol": call.resolution.symbol if call.resolution else None,
        "symbol_raw": call.symbol_raw,
        "kind": call.kind,
        "date": call.date,
        "year": call.year,
        "session": call.session,
        "meeting": call.meeting,
        "meeting_key": meeting[1] if meeting else None,
        "draft": call.draft,
        "draft_key": draft[1] if draft else None,
        "committee_report": call.committee_report,
        "title": call.title,
        "description": call.description,
        "agenda": call.agenda,
        "subjects": call.subjects,
        "vote_note": call.vote_note,
        "modality": call.modality,
        "without_vote": int(call.without_vote),
        "important": None if call.important is None else int(call.important),
        "undl_link": call.undl_link,
        "yes": totals.yes,
        "no": totals.no,
        "abstain": totals.abstain,
        "non_voting": totals.non_voting,
        "members": totals.members,
        "source_yes": stated.yes,
        "source_no": stated.no,
        "source_abstain": stated.abstain,
        "source_non_voting": stated.non_voting,
        "source_members": stated.members,
        "totals_note": note,
        "fingerprint": fingerprint,
        "file": call.file,
        "line": call.line,
    }


def _mismatch(call: RollCall, note: str) -> dict[str, Any]:
    return {
        "id": f"{call.source}:{call.source_id}",
        "symbol": call.resolution.symbol if call.resolution else call.symbol_raw,
        "file": call.file,
        "line": call.line,
        "note": note,
    }
