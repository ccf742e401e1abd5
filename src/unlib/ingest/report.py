"""The summary of an ingest run: what was added, what was already there, what was refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from unlib.model import IngestedDocument, Rejection
from unlib.store.records import AddOutcome


@dataclass(slots=True)
class Filed:
    path: str
    work: str
    lang: str
    action: str
    passages: int
    needs_ocr: bool
    warnings: list[str]


@dataclass(slots=True)
class IngestReport:
    filed: list[Filed] = field(default_factory=list)
    already_present: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    recovered: int = 0  # passages re-indexed after an interrupted earlier run
    seconds: float = 0.0
    bytes_read: int = 0
    chars: int = 0
    # What embedding the new passages did (unlib.vectors.build.VectorSync.to_json); empty
    # when it was not asked for.
    vectors: dict[str, Any] = field(default_factory=dict)
    # Subject suggestions and SDG goals for the new documents (unlib.services.enrich); empty
    # when not asked for.
    enrichment: dict[str, Any] = field(default_factory=dict)

    def record(self, doc: IngestedDocument, outcome: AddOutcome) -> None:
        self.filed.append(
            Filed(
                doc.source_path,
                outcome.work_label,
                outcome.lang,
                outcome.action,
                len(doc.passages),
                doc.needs_ocr,
                list(doc.warnings),
            )
        )
        self.bytes_read += doc.size
        self.chars += doc.n_chars

    @property
    def ingested(self) -> int:
        return len(self.filed)

    @property
    def needs_ocr(self) -> list[str]:
        return [f.path for f in self.filed if f.needs_ocr]

    def actions(self) -> dict[str, int]:
        return dict(Counter(f.action for f in self.filed))

    def to_json(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "already_present": len(self.already_present),
            "rejected": len(self.rejected),
            "needs_ocr": len(self.needs_ocr),
            "actions": self.actions(),
            "seconds": round(self.seconds, 3),
            "bytes": self.bytes_read,
            "characters": self.chars,
            "recovered_passages": self.recovered,
            "vectors": self.vectors,
            "enrichment": self.enrichment,
            "files": [
                {
                    "path": f.path,
                    "status": "ingested",
                    "work": f.work,
                    "lang": f.lang,
                    "action": f.action,
                    "passages": f.passages,
                    "needs_ocr": f.needs_ocr,
                    "warnings": f.warnings,
                }
                for f in self.filed
            ]
            + [
                {"path": path, "status": "already_present", "reason": reason}
                for path, reason in self.already_present
            ]
            + [
                {
                    "path": r.path,
                    "status": "rejected",
                    "reason": r.reason,
                    "quarantined_as": r.quarantined_as,
                }
                for r in self.rejected
            ],
        }
